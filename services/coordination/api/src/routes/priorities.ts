import { defineRoute, inList, pageOf } from '@hamgam/service-kit';
import { z } from 'zod';
import { meetingReaders, type CoordinationModels } from '../deps.js';
import { seesEveryNeighbourhood, assertCanReadNeighbourhood } from './scope.js';
import { neighbourhoodPrioritiesSchema, priorityListQuery } from './schemas.js';

export function priorityRoutes(models: CoordinationModels) {
  return [
    defineRoute({
      method: 'get',
      path: '/neighbourhood-priorities',
      summary:
        'Each neighbourhood’s latest published priorities (representatives: their own neighbourhood; a neighbourhood with none published is not listed: GET /neighbourhoods names them); paged by neighbourhood',
      roles: meetingReaders,
      query: priorityListQuery,
      response: z.array(neighbourhoodPrioritiesSchema),
      handler: async ({ principal, query, req }, res) => {
        const { limit, after, neighbourhoodId } = query;
        if (neighbourhoodId) assertCanReadNeighbourhood(principal, neighbourhoodId);
        const filter = neighbourhoodId
          ? { _id: neighbourhoodId }
          : seesEveryNeighbourhood(principal)
            ? {}
            : { _id: inList(principal.neighbourhoodIds) };
        const rows = await pageOf(models.neighbourhoodPriorities.find(filter).lean(), { query: { limit, after }, req }, res);
        return rows.map(({ listVersion, ...r }) => ({ ...r, version: listVersion }));
      },
    }),
  ];
}
