import { localizedNameSchema } from '@hamgam/contracts';
import { assertNeighbourhoodInScope, caps, defineRoute, notFound, readAll } from '@hamgam/service-kit';
import { z } from 'zod';
import { clinicReaders, type ClinicsModels } from '../deps.js';
import { clinicStaff, neighbourhoodRepresentatives, staffRoles } from '../domain/people.js';
import { clinicSchema, neighbourhoodIdParams, neighbourhoodSchema } from './schemas.js';

const staffSchema = z.object({ id: z.string(), name: localizedNameSchema, role: z.enum(staffRoles), username: z.string().optional() });

export const neighbourhoodDetailSchema = neighbourhoodSchema.extend({
  clinics: z.array(clinicSchema.extend({ staff: z.array(staffSchema) })),
  representative: z.object({ name: localizedNameSchema, username: z.string().optional() }).nullable(),
});

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
        if (!neighbourhood) throw notFound(`neighbourhood ${params.id} does not exist`);
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
