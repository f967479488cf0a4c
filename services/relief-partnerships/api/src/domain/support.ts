import { IllegalTransitionError } from './days.js';

/**
 * A home-business support request's life (pure):
 *   submitted → eligible | ineligible   (assessed at once, and again whenever a fact arrives or changes)
 *   eligible → approved | rejected,  ineligible → rejected
 *   approved → disbursed
 *   a loan: disbursed → repaying → repaid  (in arrears, judged by the clock, while instalments are late)
 */
export const supportStates = ['submitted', 'eligible', 'ineligible', 'approved', 'rejected', 'disbursed', 'repaying', 'repaid'] as const;
export type SupportState = (typeof supportStates)[number];
/** What the officers see: the stored state, or `in-arrears` for a loan with late instalments. */
export type SupportStatus = SupportState | 'in-arrears';

export const supportKinds = ['micro-loan', 'grant', 'equipment'] as const;
export type SupportKind = (typeof supportKinds)[number];

const what = 'support request';

/** Assessment can change until the request is decided. */
export const isUndecided = (state: SupportState) => state === 'submitted' || state === 'eligible' || state === 'ineligible';

export function assess(state: SupportState, eligible: boolean): SupportState {
  const to: SupportState = eligible ? 'eligible' : 'ineligible';
  if (!isUndecided(state)) throw new IllegalTransitionError(what, state, to);
  return to;
}

export function approve(state: SupportState): SupportState {
  if (state !== 'eligible') throw new IllegalTransitionError(what, state, 'approved');
  return 'approved';
}

export function reject(state: SupportState): SupportState {
  if (state !== 'eligible' && state !== 'ineligible') throw new IllegalTransitionError(what, state, 'rejected');
  return 'rejected';
}

export function disburse(state: SupportState): SupportState {
  if (state !== 'approved') throw new IllegalTransitionError(what, state, 'disbursed');
  return 'disbursed';
}

/** A repayment of a loan: repaying, or repaid once nothing is outstanding. */
export function repay(state: SupportState, kind: SupportKind, outstandingAfter: number): SupportState {
  const to: SupportState = outstandingAfter <= 0 ? 'repaid' : 'repaying';
  if (kind !== 'micro-loan' || (state !== 'disbursed' && state !== 'repaying')) throw new IllegalTransitionError(what, `${state} ${kind}`, to);
  return to;
}

/** Follow-up visits happen once the money or equipment reached the household. */
export function canFollowUp(state: SupportState): boolean {
  return state === 'disbursed' || state === 'repaying' || state === 'repaid';
}

export function statusOf(state: SupportState, arrearsRials: number): SupportStatus {
  return (state === 'disbursed' || state === 'repaying') && arrearsRials > 0 ? 'in-arrears' : state;
}
