/**
 * The due days events carry (`respondBy`, `completeBy`, `dueOn`, `validUntil`…) are calendar days in
 * Kerman: Iran time, UTC+03:30, with no daylight saving since 2022. Every service and screen counts them
 * with these helpers, so "overdue" means the same day everywhere. No zod here: front ends import this
 * file alone (`@hamgam/contracts/days`).
 */
const kermanOffsetMs = 3.5 * 3_600_000;
const dayMs = 86_400_000;

/** The calendar day `YYYY-MM-DD` it is in Kerman at `instant`. */
export const dayOf = (instant: Date): string => new Date(instant.getTime() + kermanOffsetMs).toISOString().slice(0, 10);

/** The day `days` after (or before, if negative) a day, or after the Kerman day of an instant. */
export function addDays(from: Date | string, days: number): string {
  const start = typeof from === 'string' ? new Date(`${from}T00:00:00Z`).getTime() : from.getTime() + kermanOffsetMs;
  return new Date(start + days * dayMs).toISOString().slice(0, 10);
}

/** The time of day `HH:MM` it is in Kerman at `instant`. */
export const timeOf = (instant: Date): string => new Date(instant.getTime() + kermanOffsetMs).toISOString().slice(11, 16);

/** The instant a Kerman calendar day `YYYY-MM-DD` begins. */
export const startOfDay = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - kermanOffsetMs);

/** Work due on a day is late once that day is over: the due day itself is not late. */
export const isPastDay = (dueDay: string, today: string): boolean => today > dueDay;
