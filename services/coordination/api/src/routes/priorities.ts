import { canSeeNeighbourhood, caps, defineRoute, readAll } from '@hamgam/service-kit';
import { z } from 'zod';
import type { CoordinationModels } from '../deps.js';
import { neighbourhoodPrioritiesSchema } from './schemas.js';

export function priorityRoutes(models: CoordinationModels) {
  return [
    defineRoute({
      method: 'get',
      path: '/neighbourhood-priorities',
      summary: 'Each neighbourhood’s latest published priorities (representatives: their own neighbourhood)',
      roles: ['coordinator', 'auditor', 'representative'],
      response: z.array(neighbourhoodPrioritiesSchema),
      handler: async ({ principal }) => {
        // One document per neighbourhood (a province has a few hundred): read whole, bounded.
        const rows = await readAll(models.neighbourhoodPriorities.find().sort({ _id: 1 }).lean(), caps.reference);
        return rows
          .filter((r) => canSeeNeighbourhood(principal, r.neighbourhoodId))
          .map(({ listVersion, ...r }) => ({ ...r, version: listVersion }));
      },
    }),
  ];
}
