/**
 * Calendar days as the programme counts them (Kerman's days; see `@hamgam/contracts/days`), plus the
 * month arithmetic loan schedules need. Pure helpers, no I/O.
 */
export { addDays, dayOf, isPastDay } from '@hamgam/contracts/days';

/** The same day of the month `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/** The desk's: a step a state machine does not allow (an HTTP 409 at the edge). */
export { IllegalTransitionError } from '@hamgam/agency-desk';
