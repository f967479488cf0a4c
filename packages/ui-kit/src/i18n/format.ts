// Formatting goes through Intl so Persian digits and the Solar Hijri calendar come from ICU,
// not from hand-written tables. Dates are Iran's (the programme's time zone), not the browser's.
import { timeZone } from '@hamgam/contracts/days';

export type Locale = 'fa' | 'en';
export type Direction = 'rtl' | 'ltr';
/** A name the APIs return in both languages, e.g. a neighbourhood's. */
export type LocalizedText = Record<Locale, string>;

export const LOCALES: readonly Locale[] = ['fa', 'en'];

export function directionOf(locale: Locale): Direction {
  return locale === 'fa' ? 'rtl' : 'ltr';
}

const numberLocale: Record<Locale, string> = { fa: 'fa-IR', en: 'en-GB' };
const dateLocale: Record<Locale, string> = { fa: 'fa-IR-u-ca-persian', en: 'en-GB' };

export function formatNumber(value: number, locale: Locale = 'fa', options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(numberLocale[locale], options).format(value);
}

/**
 * A calendar day `YYYY-MM-DD` or an instant's Iran day, one way everywhere: «۱۶ آذر ۱۴۰۵» in fa,
 * «7 Dec 2026» in en. A day parses as its midnight UTC, which is that same day in Iran (east of UTC).
 * `options` are for the few places that need another shape (a weekday heading, a long date).
 */
export function formatDate(
  value: Date | string | number,
  locale: Locale = 'fa',
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  return new Intl.DateTimeFormat(dateLocale[locale], { timeZone, ...options }).format(new Date(value));
}

/** An instant's day and time in Iran: «۱۶ آذر ۱۴۰۵، ۹:۰۰» in fa, «7 Dec 2026, 09:00» in en. */
export function formatDateTime(instant: Date | string | number, locale: Locale = 'fa'): string {
  return formatDate(instant, locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** An instant's time of day in Iran: «۹:۰۰» in fa, «09:00» in en. */
export function formatTime(instant: Date | string | number, locale: Locale = 'fa'): string {
  return formatDate(instant, locale, { timeStyle: 'short' });
}

/** "a, b and c" in the locale's words and punctuation (Persian uses "،" and "و"). */
export function formatList(items: readonly string[], locale: Locale = 'fa', options: Intl.ListFormatOptions = { type: 'unit' }): string {
  return new Intl.ListFormat(numberLocale[locale], options).format(items);
}

/** The Solar Hijri year of a date in Iran, in Latin digits (e.g. "1405"), as APIs expect it. */
export function jalaliYear(date: Date = new Date()): string {
  const year = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric', timeZone })
    .formatToParts(date)
    .find((part) => part.type === 'year');
  if (!year) throw new Error('Intl has no Persian calendar support');
  return year.value;
}

/** Latin digits as Persian ones (۰-۹), for text that is not a number, e.g. «۱۴۰۵/۰۹/۱۶» or «۰۹:۳۰». */
export function toPersianDigits(text: string): string {
  return text.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits typed on a Persian keyboard, as Latin digits. */
export function toLatinDigits(text: string): string {
  return text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}
