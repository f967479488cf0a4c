import { agencyNames, type NeedCategory } from '@hamgam/contracts';
import type { Board } from './board.js';
import { isOverdue, type Commitment } from './commitments.js';

export type ExportLang = 'fa' | 'en';
export type Cell = string | number | null;

/** A table of an export: one header row in the requested language, then the data rows. */
export interface ExportTable {
  name: string;
  header: string[];
  rows: Cell[][];
}

const categoryNames: Record<NeedCategory, { fa: string; en: string }> = {
  employment: { fa: 'اشتغال', en: 'Employment' },
  'skills-training': { fa: 'آموزش مهارت و مشاغل خانگی', en: 'Skills and home-based-job training' },
  'workshop-space': { fa: 'مجوز و فضای کارگاه', en: 'Workshop permit and space' },
  'income-support': { fa: 'حمایت معیشتی', en: 'Income support' },
  'housing-repair': { fa: 'بهسازی مسکن', en: 'Housing repair' },
  'social-care': { fa: 'مددکاری و مراقبت اجتماعی', en: 'Social care' },
};

const statusNames: Record<Commitment['status'], { fa: string; en: string }> = {
  planned: { fa: 'برنامه‌ریزی‌شده', en: 'Planned' },
  'in-progress': { fa: 'در حال انجام', en: 'In progress' },
  delivered: { fa: 'انجام‌شده', en: 'Delivered' },
  slipped: { fa: 'عقب‌افتاده', en: 'Slipped' },
};

const words = {
  yes: { fa: 'بله', en: 'Yes' },
  no: { fa: 'خیر', en: 'No' },
  none: { fa: 'هیچ اولویتی', en: 'No priority' },
  'working-group': { fa: 'کارگروه', en: 'Working group' },
  agency: { fa: 'اعلام دستگاه', en: 'Agency declaration' },
} as const;

const headers = {
  commitments: {
    fa: [
      'شناسه',
      'محله',
      'دستگاه',
      'عنوان',
      'اولویت پاسخ‌داده',
      'منشأ',
      'وضعیت',
      'موعد (شمسی)',
      'موعد (میلادی)',
      'موعد جدید (شمسی)',
      'تاریخ انجام (شمسی)',
      'معوق',
      'مستندات',
    ],
    en: [
      'Id',
      'Neighbourhood',
      'Agency',
      'Title',
      'Priority answered',
      'Source',
      'Status',
      'Due (Jalali)',
      'Due (Gregorian)',
      'Revised due (Jalali)',
      'Delivered (Jalali)',
      'Overdue',
      'Evidence',
    ],
  },
  coverageStart: { fa: ['رتبه', 'اولویت', 'خانوار'], en: ['Rank', 'Priority', 'Households'] },
  coverageEnd: { fa: ['پوشش داده شده', 'کار تکراری'], en: ['Covered', 'Duplicated'] },
  rates: {
    fa: ['دستگاه', 'انجام به‌موقع', 'انجام‌شده', 'معوق انجام‌نشده', 'عقب‌افتاده', 'مبنای محاسبه', 'نرخ انجام به‌موقع (٪)'],
    en: ['Agency', 'Delivered on time', 'Delivered', 'Overdue, not delivered', 'Slipped', 'Counted', 'On-time rate (%)'],
  },
  items: {
    fa: ['شناسه', 'دستگاه', 'عنوان', 'اولویت پاسخ‌داده', 'وضعیت', 'موعد (شمسی)', 'موعد (میلادی)'],
    en: ['Id', 'Agency', 'Title', 'Priority answered', 'Status', 'Due (Jalali)', 'Due (Gregorian)'],
  },
  sheetNames: {
    fa: { commitments: 'تعهدات', coverage: 'پوشش اولویت‌ها', rates: 'نرخ انجام به‌موقع', overdue: 'معوق', unlinked: 'بدون اولویت' },
    en: { commitments: 'Commitments', coverage: 'Coverage', rates: 'On-time rates', overdue: 'Overdue', unlinked: 'Unlinked' },
  },
};

/**
 * A Gregorian day (YYYY-MM-DD) as a Jalali date: Persian digits for fa (۱۴۰۵/۰۱/۰۱), Latin digits
 * for en (1405/01/01), so both open readably in Excel.
 */
export function jalaliDay(day: string | null, lang: ExportLang): string | null {
  if (!day) return null;
  const locale = lang === 'fa' ? 'fa-IR-u-ca-persian' : 'fa-IR-u-ca-persian-nu-latn';
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

export const categoryName = (category: NeedCategory | null, lang: ExportLang) =>
  category ? categoryNames[category][lang] : words.none[lang];
const agencyName = (agency: keyof typeof agencyNames, lang: ExportLang) => agencyNames[agency][lang];
const yesNo = (value: boolean, lang: ExportLang) => (value ? words.yes : words.no)[lang];

/** The commitments list as one table, newest due last. */
export function commitmentsTable(
  commitments: readonly Commitment[],
  options: { lang: ExportLang; now: Date; neighbourhoodName: (id: string, lang: ExportLang) => string },
): ExportTable {
  const { lang, now } = options;
  return {
    name: headers.sheetNames[lang].commitments,
    header: headers.commitments[lang],
    rows: commitments.map((c) => [
      c.id,
      options.neighbourhoodName(c.neighbourhoodId, lang),
      agencyName(c.agency, lang),
      c.title,
      categoryName(c.answers, lang),
      words[c.source][lang],
      statusNames[c.status][lang],
      jalaliDay(c.dueOn, lang),
      c.dueOn,
      jalaliDay(c.revisedDueOn, lang),
      jalaliDay(c.deliveredOn, lang),
      yesNo(isOverdue(c, now), lang),
      c.evidence,
    ]),
  };
}

/** The board as four tables: coverage matrix (counts of commitments per cell), rates, overdue, unlinked. */
export function boardTables(board: Board, lang: ExportLang): ExportTable[] {
  const agencies = board.rates.map((r) => r.agency);
  const itemRow = (i: Board['overdue'][number]): Cell[] => [
    i.id,
    agencyName(i.agency, lang),
    i.title,
    categoryName(i.answers, lang),
    statusNames[i.status][lang],
    jalaliDay(i.effectiveDueOn, lang),
    i.effectiveDueOn,
  ];
  return [
    {
      name: headers.sheetNames[lang].coverage,
      header: [...headers.coverageStart[lang], ...agencies.map((a) => agencyName(a, lang)), ...headers.coverageEnd[lang]],
      rows: board.rows.map((r) => [
        r.rank,
        categoryName(r.category, lang),
        r.households,
        ...r.cells.map((cell) => cell.commitments.length),
        yesNo(r.covered, lang),
        yesNo(r.duplicated, lang),
      ]),
    },
    {
      name: headers.sheetNames[lang].rates,
      header: headers.rates[lang],
      rows: board.rates.map((r) => [
        agencyName(r.agency, lang),
        r.deliveredOnTime,
        r.delivered,
        r.overdueUndelivered,
        r.slipped,
        r.counted,
        r.rate === null ? null : Math.round(r.rate * 1000) / 10,
      ]),
    },
    { name: headers.sheetNames[lang].overdue, header: headers.items[lang], rows: board.overdue.map(itemRow) },
    { name: headers.sheetNames[lang].unlinked, header: headers.items[lang], rows: board.unlinked.map(itemRow) },
  ];
}
