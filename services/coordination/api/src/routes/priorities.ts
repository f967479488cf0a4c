import { localizedNameSchema, rankedPrioritySchema } from '@hamgam/contracts';
import { canSeeNeighbourhood, defineRoute } from '@hamgam/service-kit';
import { z } from 'zod';
import type { CoordinationModels } from '../data/models.js';

const neighbourhoodPrioritiesSchema = z.object({
  neighbourhoodId: z.string(),
  neighbourhoodName: localizedNameSchema,
  clinicId: z.string(),
  period: z.string(),
  version: z.number(),
  publishedAt: z.date(),
  receivedAt: z.date(),
  priorities: z.array(rankedPrioritySchema),
});

export function priorityRoutes(models: CoordinationModels) {
  return [
    defineRoute({
      method: 'get',
      path: '/neighbourhood-priorities',
      summary: 'Each neighbourhood’s latest published priorities (representatives: their own neighbourhood)',
      roles: ['coordinator', 'auditor', 'representative'],
      response: z.array(neighbourhoodPrioritiesSchema),
      handler: async ({ principal }) => {
        const rows = await models.neighbourhoodPriorities.find().sort({ _id: 1 }).lean();
        return rows
          .filter((r) => canSeeNeighbourhood(principal, r.neighbourhoodId))
          .map(({ listVersion, ...r }) => ({ ...r, version: listVersion }));
      },
    }),
  ];
}
