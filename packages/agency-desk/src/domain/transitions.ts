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

/** A calendar day `YYYY-MM-DD` of an instant, in UTC (due dates travel as plain days). */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

/** The day `days` after (or before, if negative) a day or instant. */
export function addDays(from: Date | string, days: number): string {
  const start = typeof from === 'string' ? new Date(`${from}T00:00:00Z`) : from;
  return dayOf(new Date(start.getTime() + days * 86_400_000));
}

/** A due day has passed once "today" (by the service clock) is after it: work due today is not late yet. */
export const isPast = (dueDay: string, now: Date): boolean => dayOf(now) > dueDay;
