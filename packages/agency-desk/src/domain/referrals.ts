import { dayOf } from '@hamgam/contracts/days';
import type { declineReasons, referralOutcomes, ReferralWithdrawnV1 } from '@hamgam/contracts';
import { BrokenRuleError } from '@hamgam/service-kit/errors';
import { IllegalTransitionError, isPast } from './transitions.js';

export const referralStates = ['received', 'accepted', 'declined', 'completed', 'withdrawn'] as const;
export type ReferralState = (typeof referralStates)[number];
export type DeclineReason = (typeof declineReasons)[number];
export type ReferralOutcome = (typeof referralOutcomes)[number];
export type WithdrawReason = ReferralWithdrawnV1['reason'];

/** What the agency holds of a referral: opaque ids and dates, never who the resident is. */
export interface ReceivedReferral {
  state: ReferralState;
  /** Accept or decline by this day (null only for a withdrawal that arrived before its referral). */
  respondBy: string | null;
  acceptedAt: Date | null;
  /** Complete by this day (set on acceptance). */
  completeBy: string | null;
  declinedAt: Date | null;
  declineReason: DeclineReason | null;
  completedAt: Date | null;
  outcome: ReferralOutcome | null;
  withdrawnAt: Date | null;
  withdrawReason: WithdrawReason | null;
}

/** The fields one step changes. */
export type ReferralChange = Partial<ReceivedReferral> & { state: ReferralState };

/**
 * The referral's life at the receiving agency: received → accepted → completed; received → declined;
 * received | accepted → withdrawn (by the clinic). Every other step is illegal.
 */
const allowed: Record<ReferralState, readonly ReferralState[]> = {
  received: ['accepted', 'declined', 'withdrawn'],
  accepted: ['completed', 'withdrawn'],
  declined: [],
  completed: [],
  withdrawn: [],
};

export const canMove = (from: ReferralState, to: ReferralState) => allowed[from].includes(to);

/** What a refused staff step is called, by the state that blocks it (received only blocks completing). */
const blockedBy: Record<ReferralState, string> = {
  received: 'referral-not-accepted',
  accepted: 'referral-already-accepted',
  declined: 'referral-already-declined',
  completed: 'referral-already-completed',
  withdrawn: 'referral-withdrawn',
};

function guard(from: ReferralState, to: ReferralState): void {
  if (!canMove(from, to)) throw new IllegalTransitionError('referral', from, to, blockedBy[from]);
}

export function acceptReferral(
  referral: Pick<ReceivedReferral, 'state'>,
  { at, completeBy }: { at: Date; completeBy: string },
): ReferralChange {
  guard(referral.state, 'accepted');
  if (completeBy < dayOf(at))
    throw new BrokenRuleError('complete-by-before-acceptance', 'completeBy must not be before the day of acceptance', 'completeBy');
  return { state: 'accepted', acceptedAt: at, completeBy };
}

export function declineReferral(
  referral: Pick<ReceivedReferral, 'state'>,
  { at, reason }: { at: Date; reason: DeclineReason },
): ReferralChange {
  guard(referral.state, 'declined');
  return { state: 'declined', declinedAt: at, declineReason: reason };
}

export function completeReferral(
  referral: Pick<ReceivedReferral, 'state'>,
  { at, outcome }: { at: Date; outcome: ReferralOutcome },
): ReferralChange {
  guard(referral.state, 'completed');
  return { state: 'completed', completedAt: at, outcome };
}

/**
 * The clinic took the referral back. Unlike staff actions this comes from an event, so a withdrawal that
 * arrives too late (the referral is already declined or completed) is ignored rather than refused: `null`.
 */
export function withdrawReferral(
  referral: Pick<ReceivedReferral, 'state'>,
  { at, reason }: { at: Date; reason: WithdrawReason },
): ReferralChange | null {
  if (!canMove(referral.state, 'withdrawn')) return null;
  return { state: 'withdrawn', withdrawnAt: at, withdrawReason: reason };
}

/** Overdue: still waiting for an answer after `respondBy`, or accepted and not completed after `completeBy`. */
export function isReferralOverdue(referral: Pick<ReceivedReferral, 'state' | 'respondBy' | 'completeBy'>, now: Date): boolean {
  if (referral.state === 'received') return referral.respondBy !== null && isPast(referral.respondBy, now);
  if (referral.state === 'accepted') return referral.completeBy !== null && isPast(referral.completeBy, now);
  return false;
}

/** Whether the referral holds a seat of its offer: from acceptance on, until the clinic withdraws it. */
export const holdsSeat = (state: ReferralState) => state === 'accepted' || state === 'completed';
