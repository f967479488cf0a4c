import { assertNeighbourhoodInScope, defineRoute } from '@hamgam/service-kit';
import { prioritiesOf, publishedView, publishPriorities, recordAgreedOrder } from '../app/priorities.js';
import { clinicReaders, type ClinicsDeps } from '../deps.js';
import { neighbourhoodIdParams } from './schemas/common.js';
import { agreedOrderBodySchema, prioritiesViewSchema, publishRequestSchema, publishedListSchema } from './schemas/priorities.js';

/**
 * A neighbourhood's draft ranking, its re-ranking as the residents' meeting agreed, and its published lists.
 * The clinic worker records what the meeting (with the people's representative) agreed; the representative only reads,
 * watching what is promised to the neighbourhood (issue 10).
 */
export function priorityRoutes({ models, flushOutbox, clock }: ClinicsDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/neighbourhoods/:id/priorities',
      summary: 'The neighbourhood’s draft ranking (in the agreed order, if re-ranked), the computed one, and its latest published list',
      roles: clinicReaders,
      params: neighbourhoodIdParams,
      response: prioritiesViewSchema,
      handler: async ({ params, principal }) => {
        assertNeighbourhoodInScope(principal, params.id);
        return prioritiesOf(models, params.id);
      },
    }),
    defineRoute({
      method: 'put',
      path: '/neighbourhoods/:id/priorities/agreed-order',
      summary:
        'The clinic worker records the order the residents’ meeting (with the people’s representative) agreed for the draft priorities, with the reason (publishing follows it)',
      roles: ['clinic-worker'],
      params: neighbourhoodIdParams,
      body: agreedOrderBodySchema,
      response: prioritiesViewSchema,
      handler: async ({ params, body, principal }) => {
        assertNeighbourhoodInScope(principal, params.id);
        await recordAgreedOrder(models, principal, params.id, body, clock.now());
        return prioritiesOf(models, params.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/neighbourhoods/:id/priority-lists',
      summary:
        'Publish the ranked priorities (in the agreed order) as a new version for a Jalali year (emits clinics.priority.published.v1)',
      roles: ['clinic-worker'],
      params: neighbourhoodIdParams,
      body: publishRequestSchema,
      response: publishedListSchema,
      status: 201,
      handler: async ({ params, body, principal, cause }) => {
        assertNeighbourhoodInScope(principal, params.id);
        const { list, documentId } = await publishPriorities(models, {
          neighbourhoodId: params.id,
          period: body.period,
          cause,
          now: clock.now(),
        });
        flushOutbox([documentId]);
        return publishedView(list);
      },
    }),
  ];
}
