import type { StoredReferral } from '@hamgam/agency-desk';
import type { OfferKind } from '@hamgam/contracts';
import { BrokenRuleError, IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import type { VtDeps } from '../deps.js';

/** What a referral must be for, to be answered by a record: this course (its offer's id), or an offer of this kind. */
export type ReferralFor = { offerId: string } | { kind: OfferKind };

/**
 * The accepted desk referral an enrolment, placement, permit application or counselling session answers (its
 * resident, household and clinic come from it). Refused when no such referral reached TVTO (404), when it is
 * for another offer (422), or while the desk has not accepted it or after it ended (409).
 */
export async function acceptedReferral(
  deps: Pick<VtDeps, 'models'>,
  referralId: string,
  answers?: ReferralFor,
): Promise<StoredReferral & { residentRef: string }> {
  const referral = await deps.models.referrals.findById(referralId, { outbox: 0 }).lean();
  if (!referral || referral.trackingCode === null || !referral.residentRef)
    throw new NotFoundError('referral-not-found', `no referral ${referralId} at this agency`);
  if (answers && !(await isFor(deps, referral.offerId, answers))) {
    const wanted = 'offerId' in answers ? answers.offerId : `a ${answers.kind} offer`;
    throw new BrokenRuleError(
      'referral-for-another-offer',
      `referral ${referralId} is for ${referral.offerId}, not ${wanted}`,
      'referralId',
    );
  }
  if (referral.state !== 'accepted')
    throw new IllegalStepError(
      'referral-not-accepted',
      `referral ${referralId} is ${referral.state}; only an accepted referral is answered`,
    );
  return { ...referral, residentRef: referral.residentRef };
}

async function isFor(deps: Pick<VtDeps, 'models'>, offerId: string | null, answers: ReferralFor): Promise<boolean> {
  if ('offerId' in answers) return offerId === answers.offerId;
  const offer = offerId ? await deps.models.offers.findById(offerId, { kind: 1 }).lean() : null;
  return offer?.kind === answers.kind;
}
