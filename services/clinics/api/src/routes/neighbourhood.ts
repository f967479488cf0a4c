import { defineRoute } from '@hamgam/service-kit';
import { neighbourhoodDetail } from '../app/places.js';
import { clinicReaders, type ClinicsModels } from '../deps.js';
import { neighbourhoodIdParams } from './schemas/common.js';
import { neighbourhoodDetailSchema } from './schemas/places.js';

/** One neighbourhood in detail. */
export function neighbourhoodRoutes(models: ClinicsModels) {
  return [
    defineRoute({
      method: 'get',
      path: '/neighbourhoods/:id',
      summary: 'A neighbourhood with its place in the hierarchy, its clinic(s) and their staff, and its people’s representative',
      roles: clinicReaders,
      params: neighbourhoodIdParams,
      response: neighbourhoodDetailSchema,
      handler: ({ params, principal }) => neighbourhoodDetail(models, principal, params.id),
    }),
  ];
}
