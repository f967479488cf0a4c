import { createRateLimiter, defineRoute, type RateLimiter } from '@hamgam/service-kit';
import { trackReferral } from '../app/tracking.js';
import type { ClinicsDeps } from '../deps.js';
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
      handler: ({ params }) => trackReferral(models, params.code),
    }),
  ];
}
