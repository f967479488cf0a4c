import { assertNeighbourhoodInScope, caps, defineRoute, readAll } from '@hamgam/service-kit';
import { NotFoundError } from '@hamgam/service-kit/errors';
import { clinicReaders, type ClinicsModels } from '../deps.js';
import { clinicStaff, neighbourhoodRepresentatives } from '../domain/people.js';
import { neighbourhoodIdParams } from './schemas/common.js';
import { neighbourhoodDetailSchema } from './schemas/places.js';

export function neighbourhoodRoutes(models: ClinicsModels) {
  return [
    defineRoute({
      method: 'get',
      path: '/neighbourhoods/:id',
      summary: 'A neighbourhood with its place in the hierarchy, its clinic(s) and their staff, and its people’s representative',
      roles: clinicReaders,
      params: neighbourhoodIdParams,
      response: neighbourhoodDetailSchema,
      handler: async ({ params, principal }) => {
        assertNeighbourhoodInScope(principal, params.id);
        const [neighbourhood, clinics] = await Promise.all([
          models.neighbourhoods.findById(params.id).lean(),
          readAll(models.clinics.find({ neighbourhoodId: params.id }).sort({ _id: 1 }).lean(), caps.reference),
        ]);
        if (!neighbourhood) throw new NotFoundError('neighbourhood-not-found', `neighbourhood ${params.id} does not exist`);
        const { _id, ...rest } = neighbourhood;
        return {
          id: _id,
          ...rest,
          clinics: clinics.map((c) => ({ id: c._id, name: c.name, neighbourhoodId: c.neighbourhoodId, staff: clinicStaff[c._id] ?? [] })),
          representative: neighbourhoodRepresentatives[_id] ?? null,
        };
      },
    }),
  ];
}
