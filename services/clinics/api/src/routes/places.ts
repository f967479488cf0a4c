import { needCategories } from '@hamgam/contracts';
import { defineRoute } from '@hamgam/service-kit';
import { z } from 'zod';
import { clinicsOf, neighbourhoodsOf } from '../app/places.js';
import { clinicReaders, type ClinicsModels } from '../deps.js';
import { needCategoryLabels } from '../domain/categories.js';
import { clinicSchema, needCategoryInfoSchema, neighbourhoodSchema } from './schemas/places.js';

/** The places the clinics serve (neighbourhoods and clinics in the caller's scope) and the need categories. */
export function placeRoutes(models: ClinicsModels) {
  return [
    defineRoute({
      method: 'get',
      path: '/neighbourhoods',
      summary: 'Target neighbourhoods (province → county → neighbourhood) in the caller’s scope',
      roles: clinicReaders,
      response: z.array(neighbourhoodSchema),
      handler: ({ principal }) => neighbourhoodsOf(models, principal),
    }),
    defineRoute({
      method: 'get',
      path: '/clinics',
      summary: 'Social-work clinics in the caller’s scope',
      roles: clinicReaders,
      response: z.array(clinicSchema),
      handler: ({ principal }) => clinicsOf(models, principal),
    }),
    defineRoute({
      method: 'get',
      path: '/need-categories',
      summary: 'The need categories of the needs assessment',
      roles: clinicReaders,
      response: z.array(needCategoryInfoSchema),
      handler: () => needCategories.map((id) => ({ id, label: needCategoryLabels[id] })),
    }),
  ];
}
