import { createRateLimiter, defineRoute, type RateLimiter } from '@hamgam/service-kit';
import { NotFoundError } from '@hamgam/service-kit/errors';
import { agencyNameOf } from '../app/referrals.js';
import type { ClinicsDeps } from '../deps.js';
import { dayOf } from '@hamgam/contracts/days';
import { nextStep, statusLabels } from '../domain/referrals.js';
import { trackingParams, trackingViewSchema } from './schemas/referrals.js';


// Counted in the service's database (rate_limits), so the limit holds across replicas.
export function trackingRoutes(
  { models }: Pick<ClinicsDeps, 'models'>,
  limiter: RateLimiter = createRateLimiter({ limit: 30, windowMs: 60_000, store: models.referrals.db, name: 'tracking' }),
) {
  return [
    defineRoute({
      method: 'get',
      path: '/tracking/:code',
      summary: 'Public (no login): a resident follows their own referral by its tracking code — status and next step only',
      roles: 'public',
      rateLimit: limiter,
      params: trackingParams,
      response: trackingViewSchema,
      handler: async ({ params }) => {
        const referral = await models.referrals
          .findOne({ trackingCode: params.code }, { state: 1, respondBy: 1, completeBy: 1, agency: 1, offerId: 1, offer: 1, updatedAt: 1 })
          .lean();
        if (!referral) throw new NotFoundError('tracking-code-unknown', 'no referral has this tracking code');
        // Where and when as the agency publishes it now (it may have moved); as referred if no longer listed.
        const current = await models.offers.findById(referral.offerId, { place: 1, schedule: 1 }).lean();
        const { place, schedule } = current ?? referral.offer;
        return {
          code: params.code,
          status: referral.state,
          statusLabel: statusLabels[referral.state],
          nextStep: nextStep({ ...referral, agencyName: agencyNameOf(referral.agency), place, schedule }),
          lastUpdate: dayOf(referral.updatedAt),
        };
      },
    }),
  ];
}
