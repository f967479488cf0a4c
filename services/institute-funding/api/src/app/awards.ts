import { randomUUID } from 'node:crypto';
import type { BenefitGrantedV1, TrancheReleasedV1 } from '@hamgam/contracts';
import { caps, inList, pageOf, readAll, type EventCause, type PageContext } from '@hamgam/service-kit';
import { NotFoundError } from '@hamgam/service-kit/errors';
import type { GrantedBenefit, StoredApplication } from '../data/applications.js';
import type { StoredOutcome } from '../data/outcomes.js';
import { awardStatusAfter, cancelAward, isReleasable, payTranche, releaseTranche } from '../domain/awards.js';
import { householdsToGrant, seatValue, verifiedCounts } from '../domain/outcomes.js';
import type { FundingDeps } from '../deps.js';
import { changeApplication } from './applications.js';
import { postCall } from './ledger.js';

const awardOf = (stored: Omit<StoredApplication, 'outbox'>) => {
  if (!stored.award) throw new NotFoundError('award-not-found', `no award ${stored._id}`);
  return stored.award;
};

/**
 * Releases a tranche whose verified condition holds: publishes institute-funding.tranche.released and,
 * for each verified seat's household not funded by this award before, institute-funding.benefit.granted
 * (purpose skills-training) — all in the award's one write; then the release's posting.
 */
export async function releaseAwardTranche(deps: FundingDeps, awardId: string, trancheNo: number, cause: EventCause) {
  const released = await changeApplication(
    deps,
    awardId,
    async (stored) => {
      const award = awardOf(stored);
      const outcomes = await readAll(deps.models.outcomes.find({ awardId }).lean(), caps.perNeighbourhood);
      const verified = verifiedCounts(outcomes);
      const now = deps.clock.now();
      const tranches = releaseTranche(award.status, award.tranches, trancheNo, verified, now);
      const tranche = tranches.find((t) => t.trancheNo === trancheNo)!;
      const seats = outcomes
        .filter((o) => o.result !== 'dropped-out')
        .map((o) => ({ enrolmentId: o._id, householdRef: o.householdRef, residentRef: o.residentRef }));
      const perSeat = seatValue(award.amountRials, award.seats);
      const benefits: GrantedBenefit[] = householdsToGrant(seats, stored.benefits, award.seats).map((seat) => ({
        benefitId: randomUUID(),
        enrolmentId: seat.enrolmentId,
        householdRef: seat.householdRef!,
        residentRef: seat.residentRef,
        amountRials: perSeat,
        trancheNo,
        grantedAt: now,
      }));
      const releasedData: TrancheReleasedV1 = {
        awardId,
        instituteId: stored.instituteId,
        trancheNo,
        amountRials: tranche.amountRials,
        verifiedEnrolments: verified.enrolments,
        verifiedCompletions: verified.completions,
        releasedAt: now.toISOString(),
      };
      const benefitEvents = benefits.map((b) => ({
        type: 'institute-funding.benefit.granted',
        data: {
          benefitId: b.benefitId,
          householdRef: b.householdRef,
          residentRef: b.residentRef,
          purpose: 'skills-training',
          amountRials: b.amountRials,
          grantedAt: now.toISOString(),
        } satisfies BenefitGrantedV1,
      }));
      return {
        set: { award: { ...award, tranches } },
        benefits,
        events: [{ type: 'institute-funding.tranche.released', data: releasedData }, ...benefitEvents],
        cause,
      };
    },
    'award',
  );
  await postCall(deps, released.callId);
  return released;
}

export async function payAwardTranche(deps: FundingDeps, awardId: string, trancheNo: number, paymentRef: string) {
  const paid = await changeApplication(
    deps,
    awardId,
    async (stored) => {
      const award = awardOf(stored);
      const tranches = payTranche(award.status, award.tranches, trancheNo, paymentRef, deps.clock.now());
      return { set: { award: { ...award, tranches, status: award.status === 'cancelled' ? 'cancelled' : awardStatusAfter(tranches) } } };
    },
    'award',
  );
  await postCall(deps, paid.callId);
  return paid;
}

export async function cancelAwardOf(deps: FundingDeps, awardId: string, reason: string) {
  const cancelled = await changeApplication(
    deps,
    awardId,
    async (stored) => {
      const award = awardOf(stored);
      const { tranches } = cancelAward(award.status, award.tranches);
      return { set: { award: { ...award, tranches, status: 'cancelled', cancelledAt: deps.clock.now(), cancelReason: reason } } };
    },
    'award',
  );
  await postCall(deps, cancelled.callId);
  return cancelled;
}

/** Awards with what TVTO verified for each and which tranche may be released now. */
export async function awardsView(deps: FundingDeps, which: { awardId: string } | PageContext) {
  const query: Record<string, string> = { state: 'awarded' };
  if ('awardId' in which) query['_id'] = which.awardId;
  const find = deps.models.applications.find(query, { outbox: 0 }).lean();
  // One award, or one page of them (oldest decision first).
  const awarded = 'awardId' in which ? await readAll(find, 1) : await pageOf(find, which, which.res, { by: 'decidedAt', order: 1 });
  // The verified outcomes of those awards (one per enrolled seat), bounded.
  const outcomes: Pick<StoredOutcome, 'awardId' | 'enrolled' | 'result'>[] = awarded.length
    ? await readAll(
        deps.models.outcomes.find({ awardId: inList(awarded.map((a) => a._id)) }, { awardId: 1, enrolled: 1, result: 1 }).lean(),
        caps.agencyCaseload,
      )
    : [];
  return awarded.map((a) => {
    const award = a.award!;
    const verified = verifiedCounts(outcomes.filter((o) => o.awardId === a._id));
    const tranches = award.tranches.map((t) => ({
      ...t,
      releasable: award.status === 'active' && isReleasable(award.tranches, t.trancheNo, verified),
    }));
    return { a, award, verified, tranches };
  });
}
