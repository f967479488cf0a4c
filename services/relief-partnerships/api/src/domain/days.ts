/**
 * Calendar days as the programme counts them: Kerman's days (Iran time, UTC+03:30, no daylight saving),
 * written `YYYY-MM-DD` on the wire. Pure helpers, no I/O.
 */
const iranOffsetMs = 3.5 * 3_600_000;
const dayMs = 86_400_000;

/** The day it is in Kerman at `instant`. */
export const dayOf = (instant: Date): string => new Date(instant.getTime() + iranOffsetMs).toISOString().slice(0, 10);

/** The day `days` after (or before) a day. */
export function addDays(day: string, days: number): string {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + days * dayMs).toISOString().slice(0, 10);
}

/** The same day of the month `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Work due on a day is late once that day is over. */
export const isPastDay = (dueDay: string, today: string): boolean => today > dueDay;

/** A step a state machine does not allow from the state the record is in (an HTTP 409 at the edge). */
export class IllegalTransitionError extends Error {
  override name = 'IllegalTransitionError';
  constructor(
    readonly what: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`a ${what} that is ${from} cannot become ${to}`);
  }
}
