import { needCategories } from '@hamgam/contracts';
import { canSeeClinic, canSeeNeighbourhood, caps, defineRoute, readAll } from '@hamgam/service-kit';
import { z } from 'zod';
import { clinicReaders, type ClinicsModels } from '../deps.js';
import { needCategoryLabels } from '../domain/categories.js';
import { clinicSchema, needCategoryInfoSchema, neighbourhoodSchema } from './schemas/places.js';

const withId = <T extends { _id: string }>({ _id, ...rest }: T) => ({ id: _id, ...rest });

export function placeRoutes(models: ClinicsModels) {
  return [
    defineRoute({
      method: 'get',
      path: '/neighbourhoods',
      summary: 'Target neighbourhoods (province → county → neighbourhood) in the caller’s scope',
      roles: clinicReaders,
      response: z.array(neighbourhoodSchema),
      handler: async ({ principal }) => {
        const all = await readAll(models.neighbourhoods.find().sort({ _id: 1 }).lean(), caps.reference);
        return all.filter((n) => canSeeNeighbourhood(principal, n._id)).map(withId);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/clinics',
      summary: 'Social-work clinics in the caller’s scope',
      roles: clinicReaders,
      response: z.array(clinicSchema),
      handler: async ({ principal }) => {
        const all = await readAll(models.clinics.find().sort({ _id: 1 }).lean(), caps.reference);
        return all.filter((c) => canSeeClinic(principal, c._id) || canSeeNeighbourhood(principal, c.neighbourhoodId)).map(withId);
      },
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
