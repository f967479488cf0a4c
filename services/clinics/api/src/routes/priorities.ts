import { assertNeighbourhoodInScope, caps, defineRoute, readAll } from '@hamgam/service-kit';
import { latestAgreedOrder, latestPriorityList, publishPriorities, recordAgreedOrder } from '../app/priorities.js';
import type { StoredAgreedOrder } from '../data/agreed-orders.js';
import { clinicReaders, type ClinicsDeps } from '../deps.js';
import type { PriorityList } from '../domain/publication.js';
import { rankPriorities } from '../domain/ranking.js';
import { applyAgreedOrder, toRankedPriority } from '../domain/reranking.js';
import { neighbourhoodIdParams } from './schemas/common.js';
import { agreedOrderBodySchema, prioritiesViewSchema, publishRequestSchema, publishedListSchema } from './schemas/priorities.js';

const toView = ({ version, period, publishedAt, priorities, reranking }: PriorityList) => ({
  version,
  period,
  publishedAt,
  priorities: priorities.map(toRankedPriority),
  reranking: reranking
    ? {
        reason: reranking.reason,
        meetingDate: reranking.meetingDate,
        agreedByRole: reranking.agreedByRole,
        computedRanks: priorities.map((p) => ({ category: p.category, computedRank: p.computedRank ?? p.rank })),
      }
    : null,
});

const agreedView = (a: StoredAgreedOrder | null) =>
  a ? { order: a.order, reason: a.reason, meetingDate: a.meetingDate, agreedByName: a.agreedByName, agreedByRole: a.agreedByRole, agreedAt: a.agreedAt } : null;

export function priorityRoutes({ models, flushOutbox, clock }: ClinicsDeps) {
  async function prioritiesView(neighbourhoodId: string) {
    const [assessments, published, agreed] = await Promise.all([
      readAll(models.assessments.find({ neighbourhoodId }, { needs: 1 }).lean(), caps.perNeighbourhood),
      latestPriorityList(models, neighbourhoodId),
      latestAgreedOrder(models, neighbourhoodId),
    ]);
    const computed = rankPriorities(assessments);
    return {
      draft: applyAgreedOrder(computed, agreed).map(toRankedPriority),
      computed,
      agreed: agreedView(agreed),
      published: published ? toView(published) : null,
    };
  }

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
        return prioritiesView(params.id);
      },
    }),
    defineRoute({
      method: 'put',
      path: '/neighbourhoods/:id/priorities/agreed-order',
      summary: 'Re-rank the draft priorities as the residents’ meeting or the people’s representative agreed, with the reason (publishing follows it)',
      roles: ['clinic-worker', 'representative'],
      params: neighbourhoodIdParams,
      body: agreedOrderBodySchema,
      response: prioritiesViewSchema,
      handler: async ({ params, body, principal }) => {
        assertNeighbourhoodInScope(principal, params.id);
        await recordAgreedOrder(models, principal, params.id, body, clock.now());
        return prioritiesView(params.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/neighbourhoods/:id/priority-lists',
      summary: 'Publish the ranked priorities (in the agreed order) as a new version for a Jalali year (emits clinics.priority.published.v1)',
      roles: ['clinic-worker'],
      params: neighbourhoodIdParams,
      body: publishRequestSchema,
      response: publishedListSchema,
      status: 201,
      handler: async ({ params, body, principal, cause }) => {
        assertNeighbourhoodInScope(principal, params.id);
        const { list, documentId } = await publishPriorities(models, { neighbourhoodId: params.id, period: body.period, cause, now: clock.now() });
        flushOutbox([documentId]);
        return toView(list);
      },
    }),
  ];
}
