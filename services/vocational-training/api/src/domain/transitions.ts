import { IllegalStepError } from '@hamgam/service-kit/errors';

/** A step a record's state machine does not allow from the state it is in (409, under its stable `code`). */
export class StepNotAllowedError extends IllegalStepError {
  constructor(code: string, what: string, from: string, to: string) {
    super(code, `a ${what} that is ${from} cannot become ${to}`);
  }
}

/** Guards a step of a state machine given as `from → allowed targets`; `code` names the refusal in the domain's words. */
export function guardStep<S extends string>(code: string, what: string, allowed: Record<S, readonly S[]>, from: S, to: S): void {
  if (!allowed[from].includes(to)) throw new StepNotAllowedError(code, what, from, to);
}
