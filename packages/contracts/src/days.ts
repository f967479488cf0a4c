/**
 * The one rule for days: the due days events carry (`respondBy`, `completeBy`, `dueOn`, `validUntil`…),
 * "today", "in the future" and "overdue" are calendar days in Iran time, the IANA zone `Asia/Tehran`
 * (Kerman keeps it). Every service and screen counts days with these helpers, so a day turns at the same
 * instant everywhere, whatever zone the server or the browser runs in. The zone's offsets come from the
 * time-zone database (through Temporal), not from a hand-written +03:30. No zod here: front ends import
 * this file alone (`@hamgam/contracts/days`).
 */
import { Temporal } from 'temporal-polyfill';

/** The time zone the programme's days are counted in (also for `Intl.DateTimeFormat`'s `timeZone`). */
export const timeZone = 'Asia/Tehran';

const inIran = (instant: Date) => Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
const startMs = (date: Temporal.PlainDate) => date.toZonedDateTime(timeZone).epochMilliseconds;

/**
 * The Iran day last asked for, as the instants it spans [from, to). Lists ask "is this late?" per row
 * against one `now`, and the polyfill takes ~80 µs to place an instant in a zone: the answer is kept.
 */
let lastDay = { from: 0, to: 0, day: '' };

/** The calendar day `YYYY-MM-DD` it is in Iran at `instant`. */
export function dayOf(instant: Date): string {
  const ms = instant.getTime();
  if (ms < lastDay.from || ms >= lastDay.to) {
    const date = inIran(instant).toPlainDate();
    lastDay = { from: startMs(date), to: startMs(date.add({ days: 1 })), day: date.toString() };
  }
  return lastDay.day;
}

/** The day `days` after (or before, if negative) a day `YYYY-MM-DD`, or after the Iran day of an instant. */
export const addDays = (from: Date | string, days: number): string =>
  Temporal.PlainDate.from(typeof from === 'string' ? from : dayOf(from))
    .add({ days })
    .toString();

/** Today in Iran (at `now`, for an injected clock), or the day `days` after (before, if negative) it. */
export const today = (days = 0, now: Date = new Date()): string => addDays(now, days);

/** The same day of the month `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export const addMonths = (day: string, months: number): string => Temporal.PlainDate.from(day).add({ months }).toString();

/** The weekday of a day `YYYY-MM-DD`, numbered as `Date#getDay` does: 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (day: string): number => Temporal.PlainDate.from(day).dayOfWeek % 7;

/** The time of day `HH:MM` it is in Iran at `instant`. */
export const timeOf = (instant: Date): string => inIran(instant).toPlainTime().toString({ smallestUnit: 'minute' });

const zoned = (day: string, time: string) => Temporal.PlainDate.from(day).toZonedDateTime({ timeZone, plainTime: time });

/** The instant a wall-clock time `HH:MM` on an Iran day `YYYY-MM-DD` is. */
export const localInstant = (day: string, time: string): Date => new Date(zoned(day, time).epochMilliseconds);

/** The same instant as an ISO timestamp with Iran's offset that day, e.g. `2026-04-01T16:00:00+03:30`. */
export const localIso = (day: string, time: string): string => zoned(day, time).toString({ timeZoneName: 'never' });

/** The instant an Iran calendar day `YYYY-MM-DD` begins. */
export const startOfDay = (day: string): Date => new Date(startMs(Temporal.PlainDate.from(day)));

/** Work due on a day is late once that day is over: the due day itself is not late. */
export const isPastDay = (dueDay: string, today: string): boolean => today > dueDay;

/** A day that has not begun in Iran at `now` (what a meeting or a visit cannot be dated). Today is not. */
export const isFutureDay = (day: string, now: Date): boolean => day > dayOf(now);

const persianYear = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric', timeZone });

/** The Jalali (Solar Hijri) year it is in Iran at `instant`, e.g. `1405`: what a number people read carries (a permit's, a certificate's). */
export const jalaliYearOf = (instant: Date): string => persianYear.formatToParts(instant).find((p) => p.type === 'year')!.value;
