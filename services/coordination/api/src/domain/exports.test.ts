import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { aCommitment } from '../../test/fixtures.js';
import { parseCsv } from '../../test/csv.js';
import { toCsv, toXlsx } from '../app/files.js';
import { computeBoard } from './board.js';
import { boardTables, commitmentsTable, jalaliDay } from './exports.js';

const now = new Date('2026-05-20T08:00:00Z');
const names = (id: string, lang: 'fa' | 'en') => (id === 'nbh-sarasiab' ? (lang === 'fa' ? 'سرآسیاب' : 'Sar Asiab') : id);
const overdue = aCommitment({ id: '00000000-0000-4000-8000-000000000001', dueOn: '2026-03-21', title: 'Course, "tailoring"' });
const done = aCommitment({
  id: '00000000-0000-4000-8000-000000000002',
  agency: 'welfare',
  answers: null,
  status: 'delivered',
  dueOn: '2026-05-10',
  deliveredOn: '2026-05-09',
  evidence: 'Report 774',
});

async function readXlsx(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('Jalali days', () => {
  it('writes Persian digits for fa and Latin digits for en', () => {
    expect(jalaliDay('2026-03-21', 'fa')).toBe('۱۴۰۵/۰۱/۰۱');
    expect(jalaliDay('2026-03-21', 'en')).toBe('1405/01/01');
    expect(jalaliDay(null, 'fa')).toBeNull();
  });
});

describe('commitments export', () => {
  it('has headers in the requested language and one row per commitment with Jalali and Gregorian dues', () => {
    const fa = commitmentsTable([overdue, done], { lang: 'fa', now, neighbourhoodName: names });
    expect(fa.header[0]).toBe('شناسه');
    expect(fa.rows[0]).toEqual([
      overdue.id,
      'سرآسیاب',
      'فنی و حرفه‌ای',
      'Course, "tailoring"',
      'آموزش مهارت و مشاغل خانگی',
      'کارگروه',
      'برنامه‌ریزی‌شده',
      '۱۴۰۵/۰۱/۰۱',
      '2026-03-21',
      null,
      null,
      'بله',
      null,
    ]);
    const en = commitmentsTable([done], { lang: 'en', now, neighbourhoodName: names });
    expect(en.header).toContain('Due (Jalali)');
    expect(en.rows[0]).toEqual([
      done.id,
      'Sar Asiab',
      'Welfare Organisation',
      'Tailoring course',
      'No priority',
      'Working group',
      'Delivered',
      '1405/02/20',
      '2026-05-10',
      null,
      '1405/02/19',
      'No',
      'Report 774',
    ]);
  });

  it('writes a CSV with a UTF-8 byte-order mark that parses back to the same cells, quotes and Persian included', () => {
    const buffer = toCsv([commitmentsTable([overdue, done], { lang: 'fa', now, neighbourhoodName: names })]);
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(buffer.toString('utf8').slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[0]![3]).toBe('عنوان');
    expect(rows[1]![3]).toBe('Course, "tailoring"');
    expect(rows[1]![7]).toBe('۱۴۰۵/۰۱/۰۱');
    expect(rows[2]![12]).toBe('Report 774');
  });

  it('writes an XLSX that exceljs reads back cell by cell, right-to-left for Persian', async () => {
    const workbook = await readXlsx(await toXlsx([commitmentsTable([overdue, done], { lang: 'fa', now, neighbourhoodName: names })], 'fa'));
    const sheet = workbook.getWorksheet('تعهدات')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getCell('A1').value).toBe('شناسه');
    expect(sheet.getCell('B2').value).toBe('سرآسیاب');
    expect(sheet.getCell('H2').value).toBe('۱۴۰۵/۰۱/۰۱');
    expect(sheet.getCell('I3').value).toBe('2026-05-10');
    expect(sheet.getCell('L2').value).toBe('بله');
    expect(sheet.views[0]?.rightToLeft).toBe(true);
  });
});

describe('board export', () => {
  const board = computeBoard({
    priorities: [
      { rank: 1, category: 'skills-training', score: 9, households: 12 },
      { rank: 2, category: 'housing-repair', score: 4, households: 5 },
    ],
    commitments: [overdue, done],
    now,
  });

  it('has four tables: coverage counts per agency, rates, overdue, unlinked', async () => {
    const tables = boardTables(board, 'en');
    expect(tables.map((t) => t.name)).toEqual(['Coverage', 'On-time rates', 'Overdue', 'Unlinked']);
    expect(tables[0]!.header).toEqual([
      'Rank',
      'Priority',
      'Households',
      'Technical & Vocational Training',
      'Welfare Organisation',
      'Relief Committee & Basij Construction',
      'Private institute funding',
      'Covered',
      'Duplicated',
    ]);
    expect(tables[0]!.rows).toEqual([
      [1, 'Skills and home-based-job training', 12, 1, 0, 0, 0, 'Yes', 'No'],
      [2, 'Housing repair', 5, 0, 0, 0, 0, 'No', 'No'],
    ]);
    expect(tables[1]!.rows[0]).toEqual(['Technical & Vocational Training', 0, 0, 1, 0, 1, 0]);
    expect(tables[1]!.rows[1]).toEqual(['Welfare Organisation', 1, 1, 0, 0, 1, 100]);
    expect(tables[1]!.rows[2]![6]).toBeNull();
    expect(tables[2]!.rows).toEqual([
      [
        overdue.id,
        'Technical & Vocational Training',
        'Course, "tailoring"',
        'Skills and home-based-job training',
        'Planned',
        '1405/01/01',
        '2026-03-21',
      ],
    ]);
    expect(tables[3]!.rows.map((r) => r[0])).toEqual([done.id]);

    const workbook = await readXlsx(await toXlsx(tables, 'en'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Coverage', 'On-time rates', 'Overdue', 'Unlinked']);
    expect(workbook.getWorksheet('Coverage')!.getCell('D2').value).toBe(1);
    expect(workbook.getWorksheet('On-time rates')!.getCell('G3').value).toBe(100);
  });

  it('writes every table into one CSV, each headed by its name', () => {
    const rows = parseCsv(toCsv(boardTables(board, 'fa')).toString('utf8').slice(1));
    expect(rows[0]).toEqual(['پوشش اولویت‌ها']);
    expect(rows[1]!.slice(0, 3)).toEqual(['رتبه', 'اولویت', 'خانوار']);
    expect(rows.some((r) => r[0] === 'نرخ انجام به‌موقع')).toBe(true);
  });
});
