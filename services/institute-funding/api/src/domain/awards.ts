import { BrokenRuleError, IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import type { ApplicationRequest } from './applications.js';
import type { Verified } from './outcomes.js';

/**
 * An award answers an application (its id is the application's) and is paid in tranches, each released
 * only when the outcomes TVTO verified meet its condition: pending → released → paid, pending → cancelled
 * (with the award).
 */
export type ConditionKind = 'enrolments' | 'completions';

export interface TranchePlanItem {
  /** Share of the award, whole per cent. */
  percent: number;
  condition: { kind: ConditionKind; atLeast: number };
}

export type TrancheState = 'pending' | 'released' | 'paid' | 'cancelled';

export interface Tranche extends TranchePlanItem {
  trancheNo: number;
  amountRials: number;
  state: TrancheState;
  releasedAt: Date | null;
  /** The verified counts the release relied on. */
  verifiedEnrolments: number | null;
  verifiedCompletions: number | null;
  paidAt: Date | null;
  paymentRef: string | null;
}

export interface AwardTerms {
  amountRials: number;
  seats: number;
  plan: TranchePlanItem[];
}

export type AwardStatus = 'active' | 'completed' | 'cancelled';

/**
 * The tranches of an award: the shares add up to 100 %, thresholds fit in the seats and do not fall,
 * and the amounts (rounded down, the last takes the remainder) add up to the award exactly.
 */
export function planTranches(terms: AwardTerms, request: Pick<ApplicationRequest, 'proposedSeats' | 'amountRequestedRials'>): Tranche[] {
  const { amountRials, seats, plan } = terms;
  if (!Number.isSafeInteger(amountRials) || amountRials <= 0)
    throw new BrokenRuleError('award-amount-invalid', 'the award is a positive whole number of rials', 'amountRials');
  if (amountRials > request.amountRequestedRials)
    throw new BrokenRuleError('award-exceeds-request', 'the award exceeds the amount requested', 'amountRials');
  if (!Number.isInteger(seats) || seats < 1 || seats > request.proposedSeats) {
    throw new BrokenRuleError('award-seats-invalid', `seats must be between 1 and the ${request.proposedSeats} proposed`, 'seats');
  }
  if (plan.length < 1 || plan.length > 6) throw new BrokenRuleError('tranche-count-invalid', 'an award has one to six tranches', 'plan');
  if (plan.reduce((s, t) => s + t.percent, 0) !== 100)
    throw new BrokenRuleError('tranche-shares-not-100', 'the tranches’ shares must add up to 100 %', 'plan');
  let previous: Record<ConditionKind, number> = { enrolments: 0, completions: 0 };
  for (const [i, t] of plan.entries()) {
    if (!Number.isInteger(t.percent) || t.percent < 1)
      throw new BrokenRuleError('tranche-share-invalid', `tranche ${i + 1}: a share is a whole per cent, at least 1`, `plan.${i}.percent`);
    if (!Number.isInteger(t.condition.atLeast) || t.condition.atLeast < 1 || t.condition.atLeast > seats) {
      throw new BrokenRuleError(
        'tranche-threshold-invalid',
        `tranche ${i + 1}: its threshold must be between 1 and the ${seats} seats`,
        `plan.${i}.condition.atLeast`,
      );
    }
    if (t.condition.atLeast < previous[t.condition.kind]) {
      throw new BrokenRuleError(
        'tranche-threshold-falls',
        `tranche ${i + 1}: its threshold is lower than an earlier tranche’s`,
        `plan.${i}.condition.atLeast`,
      );
    }
    previous = { ...previous, [t.condition.kind]: t.condition.atLeast };
  }
  let allotted = 0;
  return plan.map((t, i) => {
    const amount = i === plan.length - 1 ? amountRials - allotted : Math.floor((amountRials * t.percent) / 100);
    // A tranche of nothing could never be released (nor paid): the award is too small for its plan.
    if (amount < 1)
      throw new BrokenRuleError(
        'tranche-amount-zero',
        `tranche ${i + 1} would be 0 rials: the award is too small for its plan`,
        'amountRials',
      );
    allotted += amount;
    return {
      trancheNo: i + 1,
      percent: t.percent,
      condition: { ...t.condition },
      amountRials: amount,
      state: 'pending',
      releasedAt: null,
      verifiedEnrolments: null,
      verifiedCompletions: null,
      paidAt: null,
      paymentRef: null,
    };
  });
}

export const releasedOf = (tranches: readonly Pick<Tranche, 'state' | 'amountRials'>[]) =>
  tranches.filter((t) => t.state === 'released' || t.state === 'paid').reduce((s, t) => s + t.amountRials, 0);

/** A pending tranche is releasable when every earlier one was released and its condition holds. */
export function isReleasable(tranches: readonly Tranche[], trancheNo: number, verified: Verified): boolean {
  const tranche = tranches.find((t) => t.trancheNo === trancheNo);
  if (!tranche || tranche.state !== 'pending') return false;
  if (tranches.some((t) => t.trancheNo < trancheNo && t.state !== 'released' && t.state !== 'paid')) return false;
  return verified[tranche.condition.kind] >= tranche.condition.atLeast;
}

function trancheOf(tranches: readonly Tranche[], trancheNo: number): Tranche {
  const tranche = tranches.find((t) => t.trancheNo === trancheNo);
  if (!tranche) throw new NotFoundError('tranche-not-found', `the award has no tranche ${trancheNo}`);
  return tranche;
}

export function releaseTranche(
  status: AwardStatus,
  tranches: readonly Tranche[],
  trancheNo: number,
  verified: Verified,
  at: Date,
): Tranche[] {
  if (status !== 'active') throw new IllegalStepError('award-not-active', `the award is ${status}: no tranche can be released`);
  const tranche = trancheOf(tranches, trancheNo);
  if (tranche.state !== 'pending') throw new IllegalStepError('tranche-not-pending', `tranche ${trancheNo} is ${tranche.state}`);
  if (!isReleasable(tranches, trancheNo, verified)) {
    const earlier = tranches.find((t) => t.trancheNo < trancheNo && t.state === 'pending');
    if (earlier) throw new IllegalStepError('earlier-tranche-pending', `tranche ${earlier.trancheNo} must be released first`);
    throw new IllegalStepError(
      'tranche-condition-not-met',
      `tranche ${trancheNo} needs ${tranche.condition.atLeast} verified ${tranche.condition.kind}; ${verified[tranche.condition.kind]} so far`,
    );
  }
  return tranches.map((t) =>
    t.trancheNo === trancheNo
      ? { ...t, state: 'released', releasedAt: at, verifiedEnrolments: verified.enrolments, verifiedCompletions: verified.completions }
      : t,
  );
}

export function payTranche(status: AwardStatus, tranches: readonly Tranche[], trancheNo: number, paymentRef: string, at: Date): Tranche[] {
  if (status === 'cancelled') throw new IllegalStepError('award-cancelled', 'the award is cancelled');
  const tranche = trancheOf(tranches, trancheNo);
  if (tranche.state !== 'released')
    throw new IllegalStepError('tranche-not-released', `tranche ${trancheNo} is ${tranche.state}; only a released tranche is paid`);
  return tranches.map((t) => (t.trancheNo === trancheNo ? { ...t, state: 'paid', paidAt: at, paymentRef } : t));
}

/** An award is completed once every tranche is paid. */
export const awardStatusAfter = (tranches: readonly Tranche[]): AwardStatus =>
  tranches.every((t) => t.state === 'paid') ? 'completed' : 'active';

/** Cancelling an active award: its pending tranches lapse; what was released stays owed or paid. */
export function cancelAward(status: AwardStatus, tranches: readonly Tranche[]): { tranches: Tranche[]; unreleased: number } {
  if (status !== 'active') throw new IllegalStepError('award-not-active', `an award that is ${status} cannot be cancelled`);
  const unreleased = tranches.filter((t) => t.state === 'pending').reduce((s, t) => s + t.amountRials, 0);
  return { tranches: tranches.map((t) => (t.state === 'pending' ? { ...t, state: 'cancelled' } : t)), unreleased };
}
