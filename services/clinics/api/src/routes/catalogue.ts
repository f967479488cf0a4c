import { defineRoute } from '@hamgam/service-kit';
import { z } from 'zod';
import { catalogueOf } from '../app/catalogue.js';
import type { ClinicsModels } from '../deps.js';
import { catalogueQuerySchema, offerViewSchema } from './schemas/referrals.js';

/** The partner agencies' catalogue as the clinics last heard it. */
export function catalogueRoutes(models: ClinicsModels) {
  return [
    defineRoute({
      method: 'get',
      path: '/catalogue',
      summary:
        'Every partner agency’s offers as last published (capacity, place, time), filtered by neighbourhood, need or agency; paged (a page may come short after the neighbourhood filter: follow X-Next-Cursor)',
      roles: ['clinic-worker', 'coordinator', 'auditor', 'representative'],
      query: catalogueQuerySchema,
      response: z.array(offerViewSchema),
      handler: ({ query, principal, req }, res) => catalogueOf(models, principal, query, { query, req, res }),
    }),
  ];
}
