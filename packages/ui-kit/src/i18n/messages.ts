import type { Locale } from './format';

export type Catalogue = Record<string, string>;
export type Messages<K extends string = string> = { fa: Record<K, string>; en: Record<K, string> };

const catalogues: Record<Locale, Catalogue> = {
  fa: {
    'common.loading': 'در حال بارگذاری…',
    'common.retry': 'تلاش دوباره',
    'common.empty': 'هنوز موردی نیست',
    'common.error': 'خطایی رخ داد',
    'common.none': '—',
    'input.example': 'مثلاً {example}',
    'date.open': 'تقویم برای {label}',
    'date.calendar': 'تقویم {label}',
    'date.invalid': 'تاریخ را به شمسی و به شکل {example} بنویسید',
    'date.tooEarly': 'تاریخ نباید پیش از {date} باشد',
    'date.tooLate': 'تاریخ نباید پس از {date} باشد',
    'date.today': 'امروز',
    'date.selected': 'انتخاب‌شده',
    'date.labelSeparator': '، ',
    'time.invalid': 'ساعت را به شکل {example} بنویسید',
    'standalone.notice': 'این بخش درون همگام اجرا می‌شود. آن را از منوی همگام باز کنید.',
    'whoami.title': 'شما در این سازمان',
    'whoami.username': 'نام کاربری',
    'whoami.roles': 'نقش‌ها',
    'whoami.clinics': 'کلینیک‌ها',
    'whoami.neighbourhoods': 'محله‌ها',
    'role.clinic-worker': 'کارشناس کلینیک',
    'role.tvto-staff': 'کارشناس فنی و حرفه‌ای',
    'role.welfare-officer': 'کارشناس بهزیستی',
    'role.relief-officer': 'کارشناس کمیته امداد',
    'role.basij-liaison': 'رابط بسیج سازندگی',
    'role.fund-officer': 'کارشناس حمایت مالی آموزشگاه‌ها',
    'role.coordinator': 'هماهنگ‌کننده',
    'role.representative': 'نماینده مردم',
    'role.auditor': 'ناظر',
  },
  en: {
    'common.loading': 'Loading…',
    'common.retry': 'Try again',
    'common.empty': 'Nothing here yet',
    'common.error': 'Something went wrong',
    'common.none': '—',
    'input.example': 'e.g. {example}',
    'date.open': 'Calendar for {label}',
    'date.calendar': '{label} calendar',
    'date.invalid': 'Write the date as {example} (year-month-day)',
    'date.tooEarly': 'The date cannot be before {date}',
    'date.tooLate': 'The date cannot be after {date}',
    'date.today': 'Today',
    'date.selected': 'selected',
    'date.labelSeparator': ', ',
    'time.invalid': 'Write the time as {example} (24-hour clock)',
    'standalone.notice': 'This module runs inside Hamgam. Open it from the Hamgam menu.',
    'whoami.title': 'You in this agency',
    'whoami.username': 'Username',
    'whoami.roles': 'Roles',
    'whoami.clinics': 'Clinics',
    'whoami.neighbourhoods': 'Neighbourhoods',
    'role.clinic-worker': 'Clinic worker',
    'role.tvto-staff': 'TVTO staff',
    'role.welfare-officer': 'Welfare officer',
    'role.relief-officer': 'Relief Committee officer',
    'role.basij-liaison': 'Basij Construction liaison',
    'role.fund-officer': 'Institute funding officer',
    'role.coordinator': 'Coordinator',
    'role.representative': "People's representative",
    'role.auditor': 'Auditor',
  },
};

/**
 * Adds a module's messages to the shared catalogues. ui-kit is a federation singleton, so a
 * remote calling this at module level makes its keys available to the shell's provider too.
 * Prefix keys with the module name; a later definition of the same key wins.
 */
export function defineMessages<K extends string>(messages: Messages<K>): Messages<K> {
  Object.assign(catalogues.fa, messages.fa);
  Object.assign(catalogues.en, messages.en);
  return messages;
}

export type MessageParams = Record<string, string | number>;

const pluralLocale: Record<Locale, string> = { fa: 'fa-IR', en: 'en-GB' };

/**
 * The template for `key`: with a numeric `count`, a `<key>.<plural category>` variant wins if the
 * locale defines one (English "1 household" vs "2 households"; CLDR categories "one", "other", ...).
 */
function template(locale: Locale, key: string, params?: MessageParams): string | undefined {
  const catalogue = catalogues[locale];
  if (typeof params?.count === 'number') {
    const variant = catalogue[`${key}.${new Intl.PluralRules(pluralLocale[locale]).select(params.count)}`];
    if (variant) return variant;
  }
  return catalogue[key];
}

/** Looks a key up, falling back to the key itself so a missing message is visible, not blank. */
export function translate(locale: Locale, key: string, params?: MessageParams, formatValue?: (n: number) => string): string {
  const text = template(locale, key, params) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === 'number' && formatValue ? formatValue(value) : String(value);
  });
}
