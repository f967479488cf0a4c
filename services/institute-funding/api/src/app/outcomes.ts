import { caps, isDuplicateKey, readAll } from '@hamgam/service-kit';
import type { BenefitGrantedV1, EnrolmentCompletedV1, EnrolmentRecordedV1, Envelope } from '@hamgam/contracts';
import { outcomesCollection, type StoredOutcome } from '../data/outcomes.js';
import { awardFor } from '../domain/outcomes.js';
import type { FundingDeps } from '../deps.js';

/** The active award an enrolment at a private institute counts for, if any. */
async function matchAward(deps: FundingDeps, data: EnrolmentRecordedV1 | EnrolmentCompletedV1) {
  if (data.venue.kind !== 'private-institute') return undefined;
  const candidates = await readAll(
    deps.models.applications.find({ instituteId: data.venue.id, state: 'awarded' }, { instituteId: 1, trades: 1, award: 1 }).lean(),
    caps.reference,
  );
  return awardFor(
    data,
    candidates.map((c) => ({
      awardId: c._id,
      instituteId: c.instituteId,
      trades: c.trades,
      neighbourhoodIds: c.award!.neighbourhoodIds,
      status: c.award!.status,
      awardedAt: c.award!.awardedAt,
    })),
  );
}

/**
 * TVTO's enrolment events, as verified outcomes of the award they count for. One document per enrolment
 * (TVTO's id), so a redelivery or a second event changes nothing it should not: an enrolment is recorded
 * once, a completion's result is kept from its first event. The two events may arrive in either order.
 */
export async function receiveEnrolment(
  deps: FundingDeps,
  event: Envelope<EnrolmentRecordedV1> | Envelope<EnrolmentCompletedV1>,
  kind: 'recorded' | 'completed',
): Promise<void> {
  const { data } = event;
  if (data.venue.kind !== 'private-institute') return;
  await deps.locks.run(outcomesCollection, data.enrolmentId, async () => {
    const { outcomes } = deps.models;
    const now = deps.clock.now();
    const stored = await outcomes.findById(data.enrolmentId).lean();
    const facts =
      kind === 'recorded'
        ? { enrolled: true, enrolledAt: new Date((data as EnrolmentRecordedV1).enrolledAt) }
        : { result: (data as EnrolmentCompletedV1).result, completedAt: new Date((data as EnrolmentCompletedV1).completedAt) };
    if (stored) {
      if (kind === 'recorded' && stored.enrolled) return;
      if (kind === 'completed' && stored.result !== null) return;
      await outcomes.updateOne(
        { _id: data.enrolmentId },
        { $set: { ...facts, householdRef: stored.householdRef ?? data.householdRef, updatedAt: now } },
      );
      return;
    }
    const award = await matchAward(deps, data);
    if (!award) return; // not a seat of any funded award: nothing to verify
    const outcome: StoredOutcome = {
      _id: data.enrolmentId,
      awardId: award.awardId,
      instituteId: data.venue.id,
      courseId: data.courseId,
      trade: data.trade,
      residentRef: data.residentRef,
      householdRef: data.householdRef,
      neighbourhoodId: data.neighbourhoodId!,
      enrolled: false,
      enrolledAt: null,
      result: null,
      completedAt: null,
      updatedAt: now,
      ...facts,
    };
    try {
      await outcomes.create(outcome);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  });
}

/** The Relief Committee funded a household (kept for the duplicate-benefit check; opaque ids only). */
export async function receiveReliefBenefit(deps: FundingDeps, event: Envelope<BenefitGrantedV1>): Promise<void> {
  const { data } = event;
  try {
    await deps.models.reliefBenefits.create({
      _id: data.benefitId,
      householdRef: data.householdRef,
      residentRef: data.residentRef,
      purpose: data.purpose,
      amountRials: data.amountRials,
      grantedAt: new Date(data.grantedAt),
      sourceEventId: event.id,
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error; // heard already
  }
}
