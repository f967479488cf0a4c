import { householdNumberOf } from '../domain/households.js';
import { caps, readAll } from '@hamgam/service-kit';
import { NotFoundError } from '@hamgam/service-kit/errors';
import { duplicateBenefits, type KnownBenefit } from '../domain/duplicates.js';
import type { FundingDeps } from '../deps.js';

/** Households funded twice for one purpose, across relief and this office, with the officers' reviews. */
export async function duplicateFlagsView(deps: FundingDeps) {
  const [relief, awarded, reviews] = await Promise.all([
    // Benefits of the two funders read whole to cross them (one per funded household and purpose), bounded.
    readAll(deps.models.reliefBenefits.find().lean(), caps.agencyCaseload),
    readAll(deps.models.applications.find({ state: 'awarded' }, { benefits: 1 }).lean(), caps.agencyCaseload),
    readAll(deps.models.flagReviews.find().lean(), caps.agencyCaseload),
  ]);
  const known: KnownBenefit[] = [
    ...relief.map((b) => ({
      benefitId: b._id,
      householdRef: b.householdRef,
      purpose: b.purpose,
      source: 'relief-partnerships' as const,
      amountRials: b.amountRials,
      grantedAt: b.grantedAt,
    })),
    ...awarded.flatMap((a) =>
      a.benefits.map((b) => ({
        benefitId: b.benefitId,
        householdRef: b.householdRef,
        purpose: 'skills-training',
        source: 'institute-funding' as const,
        amountRials: b.amountRials,
        grantedAt: b.grantedAt,
      })),
    ),
  ];
  const reviewOf = new Map(reviews.map((r) => [r._id, r]));
  return duplicateBenefits(known).map((flag) => {
    const review = reviewOf.get(flag.flagId);
    return {
      ...flag,
      householdNumber: householdNumberOf(flag.householdRef),
      benefits: flag.benefits.map((b) => ({ ...b, grantedAt: b.grantedAt.toISOString() })),
      review: review ? { note: review.note, reviewedAt: review.reviewedAt.toISOString() } : null,
    };
  });
}

/** Settles a flag with the officer's note; the flag (its household) and the review. */
export async function reviewFlag(deps: FundingDeps, flagId: string, note: string, by: string) {
  const flag = (await duplicateFlagsView(deps)).find((f) => f.flagId === flagId);
  if (!flag) throw new NotFoundError('flag-not-found', `no duplicate-benefit flag ${flagId}`);
  const reviewedAt = deps.clock.now();
  await deps.models.flagReviews.replaceOne({ _id: flagId }, { _id: flagId, note, reviewedAt, reviewedBy: by }, { upsert: true });
  return { flag, review: { note, reviewedAt: reviewedAt.toISOString() } };
}
