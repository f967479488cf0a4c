import { BrokenRuleError, IllegalStepError } from '@hamgam/service-kit/errors';
import type { LoanTerms } from './schedule.js';

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

/** A step the request's state does not allow (409), under a code naming what blocks it. */
export class RequestStepError extends IllegalStepError {
  constructor(code: string, from: string, to: string) {
    super(code, `a support request that is ${from} cannot become ${to}`);
  }
}

/** Assessment can change until the request is decided. */
export const isUndecided = (state: SupportState) => state === 'submitted' || state === 'eligible' || state === 'ineligible';
const isPaid = (state: SupportState) => state === 'disbursed' || state === 'repaying' || state === 'repaid';

export function assess(state: SupportState, eligible: boolean): SupportState {
  const to: SupportState = eligible ? 'eligible' : 'ineligible';
  if (!isUndecided(state)) throw new RequestStepError('request-decided', state, to);
  return to;
}

export function approve(state: SupportState): SupportState {
  if (state === 'submitted' || state === 'ineligible') throw new RequestStepError('request-not-eligible', state, 'approved');
  if (state !== 'eligible') throw new RequestStepError('request-decided', state, 'approved');
  return 'approved';
}

/**
 * Approves an undecided request on the facts as they stand on the decision day (`today`, assessed afresh),
 * whatever its last stored assessment said.
 */
export function approveEligible(state: SupportState, today: { eligible: boolean; reasons: readonly string[] }): SupportState {
  if (isUndecided(state) && !today.eligible)
    throw new IllegalStepError('request-not-eligible', `the request is not eligible today (${today.reasons.join(', ')})`);
  return approve(assess(state, true));
}

/** The repayment terms an approval carries: a loan's own, nothing for a grant or equipment. */
export function approvalTerms<T extends Omit<LoanTerms, 'amountRials'>>(kind: SupportKind, terms: T | undefined): T | null {
  if (kind === 'micro-loan') {
    if (!terms) throw new BrokenRuleError('loan-terms-missing', 'a loan is approved with its terms (months, grace months, fee %)', 'terms');
    return terms;
  }
  if (terms) throw new BrokenRuleError('terms-not-for-loan', 'only a loan has repayment terms', 'terms');
  return null;
}

export function reject(state: SupportState): SupportState {
  if (state === 'submitted') throw new RequestStepError('request-not-assessed', state, 'rejected');
  if (state !== 'eligible' && state !== 'ineligible') throw new RequestStepError('request-decided', state, 'rejected');
  return 'rejected';
}

export function disburse(state: SupportState): SupportState {
  if (isPaid(state)) throw new RequestStepError('request-disbursed', state, 'disbursed');
  if (state !== 'approved') throw new RequestStepError('request-not-approved', state, 'disbursed');
  return 'disbursed';
}

const notALoan = (state: SupportState, kind: SupportKind) =>
  new IllegalStepError(
    'not-a-disbursed-loan',
    `a support request that is a ${state} ${kind} takes no repayments: only a disbursed loan does`,
  );

/** The schedule a repayment is recorded against: only a disbursed loan has one. */
export function loanSchedule<S>(request: { state: SupportState; kind: SupportKind; schedule: S | null }): S {
  if (!request.schedule) throw notALoan(request.state, request.kind);
  return request.schedule;
}

/** A repayment of a loan: repaying, or repaid once nothing is outstanding. */
export function repay(state: SupportState, kind: SupportKind, outstandingAfter: number): SupportState {
  if (kind !== 'micro-loan' || (state !== 'disbursed' && state !== 'repaying')) throw notALoan(state, kind);
  return outstandingAfter <= 0 ? 'repaid' : 'repaying';
}

/** A repayment is recorded once paid — not ahead of today, not before the disbursement — and never for more than is outstanding. */
export function checkRepayment(
  repayment: { amountRials: number; paidOn: string },
  loan: { today: string; disbursedOn: string | null; outstandingRials: number },
): void {
  if (repayment.paidOn > loan.today)
    throw new BrokenRuleError('repayment-in-future', 'a repayment is recorded once paid, not ahead of the day', 'paidOn');
  if (loan.disbursedOn && repayment.paidOn < loan.disbursedOn)
    throw new BrokenRuleError('repayment-before-disbursement', 'a repayment cannot predate the disbursement', 'paidOn');
  if (repayment.amountRials > loan.outstandingRials)
    throw new BrokenRuleError('repayment-over-outstanding', `only ${loan.outstandingRials} rials are outstanding`, 'amountRials');
}

/** Follow-up visits happen once the money or equipment reached the household. */
export function canFollowUp(state: SupportState): boolean {
  return isPaid(state);
}

/** A follow-up visit: after the disbursement, recorded once it happened. */
export function checkFollowUp(state: SupportState, visitedOn: string, today: string): void {
  if (!canFollowUp(state))
    throw new IllegalStepError(
      'follow-up-before-disbursement',
      `a support request that is ${state} gets follow-ups only after its disbursement`,
    );
  if (visitedOn > today) throw new BrokenRuleError('visit-in-future', 'a visit is recorded once it happened', 'visitedOn');
}

export function statusOf(state: SupportState, arrearsRials: number): SupportStatus {
  return (state === 'disbursed' || state === 'repaying') && arrearsRials > 0 ? 'in-arrears' : state;
}
