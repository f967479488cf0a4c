// A day as a person writes it: «۱۴۰۵/۰۹/۱۶» (Jalali, Persian digits) in fa, «2026-12-07» in en;
// `YYYY-MM-DD` Gregorian for the API. The Jalali arithmetic is the calendar popover's own
// (date-fns-jalali through @daypicker/persian), so what is typed and what is picked always agree.
import { DateLib } from '@daypicker/react';
import { getDateLib } from '@daypicker/persian';
import { toLatinDigits, toPersianDigits, type Locale } from '../i18n/format';

const jalali = getDateLib();
const gregorian = new DateLib();

const libs: Record<Locale, DateLib> = { fa: jalali, en: gregorian };
const pattern: Record<Locale, string> = { fa: 'yyyy/MM/dd', en: 'yyyy-MM-dd' };

const pad = (n: number) => String(n).padStart(2, '0');

/** The local-midnight `Date` the day picker works with for a day `YYYY-MM-DD`. */
export function dateOfDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
}

/** The day `YYYY-MM-DD` of a local `Date` from the day picker. */
export function dayOfDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A day `YYYY-MM-DD` as the locale writes it in a date field. */
export function writeDay(day: string, locale: Locale): string {
  const text = libs[locale].format(dateOfDay(day), pattern[locale]);
  return locale === 'fa' ? toPersianDigits(text) : text;
}

/**
 * Typed text as a day `YYYY-MM-DD`, or undefined if it is not a day of the locale's calendar.
 * Persian, Arabic-Indic or Latin digits; "/", "-" or "." between year, month and day.
 */
export function readDay(text: string, locale: Locale): string | undefined {
  const parts = /^(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})$/.exec(toLatinDigits(text).trim());
  if (!parts) return undefined;
  const [year, month, date] = parts.slice(1).map(Number) as [number, number, number];
  const lib = libs[locale];
  const day = lib.newDate(year, month - 1, date);
  // newDate rolls 1405/12/31 over into the next year: the day must read back as typed.
  const typed = `${year}-${pad(month)}-${pad(date)}`;
  return lib.format(day, 'yyyy-MM-dd') === typed ? dayOfDate(day) : undefined;
}
