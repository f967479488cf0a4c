import { actOnReferral } from '@hamgam/agency-desk';
import type { ReferralCompletedV1 } from '@hamgam/contracts';
import { caps, eventCause, readAll, type EventCause, type Principal } from '@hamgam/service-kit';
import { IllegalStepError } from '@hamgam/service-kit/errors';
import { agency, desk, type WelfareDeps } from '../deps.js';
import { closeCase, reopenCase, type ClosureReason } from '../domain/cases.js';
import { changeCase, readOwnCase, type CaseRecord } from './cases.js';

/**
 * What closing a case tells the clinic that referred it: goals met → the referral achieved its outcome;
 * the household moved away or declined → not achieved; transferred → nothing yet (the case goes on elsewhere).
 */
export const referralOutcomeOf = (reason: ClosureReason): ReferralCompletedV1['outcome'] | null =>
  reason === 'goals-met' ? 'achieved' : reason === 'moved' || reason === 'declined' ? 'not-achieved' : null;

/**
 * Closes the case; a case opened from a referral then completes that referral through the desk (a
 * second write: if it is lost, `completeClosedReferrals` at the next start does it).
 */
export async function close(
  deps: WelfareDeps,
  caseId: string,
  principal: Principal,
  cause: EventCause,
  reason: ClosureReason,
): Promise<CaseRecord> {
  const closed = await changeCase(deps, caseId, principal, cause, (c, now) => {
    const { state, closedFrom } = closeCase(c, reason);
    return { set: { state, closedFrom, closure: { reason, at: now, by: principal.username } }, action: 'closed', detail: reason };
  });
  await completeReferralOf(deps, closed, cause);
  return closed;
}

async function completeReferralOf(
  deps: WelfareDeps,
  closed: Pick<CaseRecord, '_id' | 'referralId' | 'closure'>,
  cause: EventCause,
): Promise<void> {
  const outcome = closed.closure ? referralOutcomeOf(closed.closure.reason) : null;
  if (!closed.referralId || !outcome) return;
  const referral = await deps.models.referrals.findById(closed.referralId, { state: 1 }).lean();
  if (referral?.state !== 'accepted') return; // withdrawn by the clinic meanwhile, or completed already
  try {
    await actOnReferral(deps, desk.options, closed.referralId, { kind: 'complete', outcome }, cause);
  } catch (error) {
    // Completed or withdrawn in between (the desk's 409): the referral's own state is the truth.
    if ((error as { status?: unknown }).status !== 409) throw error;
  }
}

/**
 * Reopens a closed case — unless the household has another open case by now: one open case per
 * household holds for reopening as for opening, under the same household lease (across replicas).
 */
export async function reopen(deps: WelfareDeps, caseId: string, principal: Principal, cause: EventCause, reason: string) {
  const target = await readOwnCase(deps, caseId, principal);
  return deps.locks.run('welfare_households', target.householdRef, async () => {
    const others = await readAll(
      deps.models.cases.find({ householdRef: target.householdRef }, { _id: 1, state: 1 }).lean(),
      caps.perPerson,
    );
    if (others.some((c) => c._id !== caseId && c.state !== 'closed'))
      throw new IllegalStepError('household-has-open-case', 'the household has another open case; it cannot have two');
    return changeCase(deps, caseId, principal, cause, (c) => {
      const state = reopenCase(c);
      return { set: { state, closedFrom: null, closure: null, reopenReason: reason }, action: 'reopened', detail: reason };
    });
  });
}

/**
 * At every start: a closed case whose referral is still accepted completes it (the closing request
 * stopped between its two writes). Idempotent.
 */
export async function completeClosedReferrals(deps: WelfareDeps): Promise<number> {
  const closed = await readAll(deps.models.cases.find({ state: 'closed' }, { referralId: 1, closure: 1 }).lean(), caps.agencyCaseload);
  let completed = 0;
  for (const c of closed) {
    if (!c.referralId || !c.closure || !referralOutcomeOf(c.closure.reason)) continue;
    const referral = await deps.models.referrals.findById(c.referralId, { state: 1 }).lean();
    if (referral?.state !== 'accepted') continue;
    await completeReferralOf(deps, c, eventCause(agency, 'welfare-reconciliation', `reconcile-${c._id}`));
    completed++;
  }
  return completed;
}
