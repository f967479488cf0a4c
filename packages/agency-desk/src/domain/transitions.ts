import { dayOf, isPastDay } from '@hamgam/contracts/days';
import { IllegalStepError } from '@hamgam/service-kit/errors';

const kebab = (words: string) =>
  words
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

/**
 * A step a state machine does not allow from the state the record is in: the kit answers 409 with its
 * `code`. The desk's machines name the state that blocks the step (`referral-withdrawn`); without a code
 * it names the step itself (`referral-cannot-become-accepted`).
 */
export class IllegalTransitionError extends IllegalStepError {
  constructor(
    readonly what: string,
    readonly from: string,
    readonly to: string,
    code = `${kebab(what)}-cannot-become-${kebab(to)}`,
  ) {
    super(code, `a ${what} that is ${from} cannot become ${to}`);
  }
}

/** A due day has passed once "today" (by the service clock) is after it: work due today is not late yet. */
export const isPast = (dueDay: string, now: Date): boolean => isPastDay(dueDay, dayOf(now));
