import { dayOf } from '@hamgam/contracts/days';
import { NotFoundError } from '@hamgam/service-kit/errors';
import type { ClinicsModels } from '../deps.js';
import { nextStep, statusLabels } from '../domain/referrals.js';
import { agencyNameOf } from './referrals.js';

/** Exactly what a resident following their own referral by its tracking code may learn: its status and next step. */
export async function trackReferral(models: ClinicsModels, code: string) {
  const referral = await models.referrals
    .findOne({ trackingCode: code }, { state: 1, respondBy: 1, completeBy: 1, agency: 1, offerId: 1, offer: 1, updatedAt: 1 })
    .lean();
  if (!referral) throw new NotFoundError('tracking-code-unknown', 'no referral has this tracking code');
  // Where and when as the agency publishes it now (it may have moved); as referred if no longer listed.
  const current = await models.offers.findById(referral.offerId, { place: 1, schedule: 1 }).lean();
  const { place, schedule } = current ?? referral.offer;
  return {
    code,
    status: referral.state,
    statusLabel: statusLabels[referral.state],
    nextStep: nextStep({ ...referral, agencyName: agencyNameOf(referral.agency), place, schedule }),
    lastUpdate: dayOf(referral.updatedAt),
  };
}
