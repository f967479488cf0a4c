import { dayOf, isPastDay } from '@hamgam/contracts/days';

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

/** A due day has passed once "today" (by the service clock) is after it: work due today is not late yet. */
export const isPast = (dueDay: string, now: Date): boolean => isPastDay(dueDay, dayOf(now));
