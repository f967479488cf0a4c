import { IllegalTransitionError } from '@hamgam/agency-desk';

export { IllegalTransitionError };

/** A rule of TVTO's own records broken by what was asked (an HTTP 400 at the edge, nothing stored). */
export class RuleError extends Error {
  override name = 'RuleError';
}

/** Guards a step of a state machine given as `from → allowed targets`. */
export function guardStep<S extends string>(what: string, allowed: Record<S, readonly S[]>, from: S, to: S): void {
  if (!allowed[from].includes(to)) throw new IllegalTransitionError(what, from, to);
}
