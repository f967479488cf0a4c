import { isFutureDay } from '@hamgam/contracts/days';
import { assertNeighbourhoodInScope, badRequest, caps, defineRoute, readAll } from '@hamgam/service-kit';
import { randomUUID } from 'node:crypto';
import { latestAgreedOrder, latestPriorityList, publishPriorities } from '../app/publish-priorities.js';
import type { StoredAgreedOrder } from '../data/drafts.js';
import { clinicReaders, type ClinicsDeps } from '../deps.js';
import type { PriorityList } from '../domain/publication.js';
import { rankPriorities } from '../domain/ranking.js';
import { applyAgreedOrder, checkAgreedOrder, InvalidAgreedOrderError, toRankedPriority } from '../domain/reranking.js';
import { agreedOrderBodySchema } from './resident-schemas.js';
import { neighbourhoodIdParams, prioritiesViewSchema, publishRequestSchema, publishedListSchema } from './schemas.js';

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
        const now = clock.now();
        if (isFutureDay(body.meetingDate, now)) throw badRequest('the meeting date is in the future', { errors: [{ path: 'meetingDate', message: 'in the future' }] });
        const assessments = await readAll(models.assessments.find({ neighbourhoodId: params.id }, { needs: 1 }).lean(), caps.perNeighbourhood);
        try {
          checkAgreedOrder(rankPriorities(assessments), body.order);
        } catch (error) {
          if (error instanceof InvalidAgreedOrderError) throw badRequest(error.message, { errors: [{ path: 'order', message: error.message }] });
          throw error;
        }
        await models.agreedOrders.create({
          _id: randomUUID(), neighbourhoodId: params.id, order: body.order, reason: body.reason, meetingDate: body.meetingDate,
          agreedBy: principal.subject, agreedByName: principal.username,
          agreedByRole: principal.roles.includes('representative') ? 'representative' : 'clinic-worker', agreedAt: now,
        });
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
      handler: async ({ params, body, principal, correlationId }) => {
        assertNeighbourhoodInScope(principal, params.id);
        const { list, documentId } = await publishPriorities(models, {
          neighbourhoodId: params.id,
          period: body.period,
          cause: { actor: { subject: principal.subject, agency: 'clinics' }, correlationId },
          now: clock.now(),
        });
        flushOutbox([documentId]);
        return toView(list);
      },
    }),
  ];
}
