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

/** Due days are Kerman's calendar days: Iran time, UTC+03:30 with no daylight saving since 2022 (as the clinics count them). */
const iranOffsetMs = 3.5 * 3_600_000;

/** The calendar day `YYYY-MM-DD` it is in Kerman at `instant` (due dates travel as plain days). */
export const dayOf = (instant: Date): string => new Date(instant.getTime() + iranOffsetMs).toISOString().slice(0, 10);

/** The day `days` after (or before, if negative) a day, or the Kerman day of an instant. */
export function addDays(from: Date | string, days: number): string {
  const start = typeof from === 'string' ? new Date(`${from}T00:00:00Z`).getTime() : from.getTime() + iranOffsetMs;
  return new Date(start + days * 86_400_000).toISOString().slice(0, 10);
}

/** A due day has passed once "today" (by the service clock) is after it: work due today is not late yet. */
export const isPast = (dueDay: string, now: Date): boolean => dayOf(now) > dueDay;
