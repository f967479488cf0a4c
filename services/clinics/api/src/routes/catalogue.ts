import { assertNeighbourhoodInScope, defineRoute, pageOf } from '@hamgam/service-kit';
import { z } from 'zod';
import { agencyNameOf } from '../app/referrals.js';
import type { ClinicsModels } from '../deps.js';
import { catalogueQuerySchema, offerViewSchema } from './schemas/referrals.js';

export function catalogueRoutes(models: ClinicsModels) {
  return [
    defineRoute({
      method: 'get',
      path: '/catalogue',
      summary: 'Every partner agency’s offers as last published (capacity, place, time), filtered by neighbourhood, need or agency; paged (a page may come short after the neighbourhood filter: follow X-Next-Cursor)',
      roles: ['clinic-worker', 'coordinator', 'auditor', 'representative'],
      query: catalogueQuerySchema,
      response: z.array(offerViewSchema),
      handler: async ({ query, principal, req }, res) => {
        if (query.neighbourhoodId) assertNeighbourhoodInScope(principal, query.neighbourhoodId);
        const filter: Record<string, string> = {};
        if (query.agency) filter.agency = query.agency;
        if (query.category) filter.answers = query.category;
        if (query.openOnly === 'true') filter.status = 'open';
        const offers = await pageOf(models.offers.find(filter).lean(), { query, req }, res, { by: 'agency', order: 1 });
        return offers
          .filter((o) => !query.neighbourhoodId || o.neighbourhoodIds.length === 0 || o.neighbourhoodIds.includes(query.neighbourhoodId))
          .map(({ _id, receivedAt: _r, ...offer }) => ({ id: _id, agencyName: agencyNameOf(offer.agency), ...offer }));
      },
    }),
  ];
}
