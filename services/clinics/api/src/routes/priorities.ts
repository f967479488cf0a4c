import { assertNeighbourhoodInScope, defineRoute, type ServiceDeps } from '@hamgam/service-kit';
import { latestPriorityList, publishPriorities } from '../app/publish-priorities.js';
import type { ClinicsModels } from '../data/models.js';
import type { PriorityList } from '../domain/publication.js';
import { rankPriorities } from '../domain/ranking.js';
import { clinicReaders } from './places.js';
import { neighbourhoodIdParams, prioritiesViewSchema, publishRequestSchema, publishedListSchema } from './schemas.js';

const toView = ({ version, period, publishedAt, priorities }: PriorityList) => ({ version, period, publishedAt, priorities });

export function priorityRoutes({ models, flushOutbox }: ServiceDeps<ClinicsModels>) {
  return [
    defineRoute({
      method: 'get',
      path: '/neighbourhoods/:id/priorities',
      summary: 'The neighbourhood’s draft ranking from current assessments and its latest published list',
      roles: clinicReaders,
      params: neighbourhoodIdParams,
      response: prioritiesViewSchema,
      handler: async ({ params, principal }) => {
        assertNeighbourhoodInScope(principal, params.id);
        const [assessments, published] = await Promise.all([
          models.assessments.find({ neighbourhoodId: params.id }, { needs: 1 }).lean(),
          latestPriorityList(models, params.id),
        ]);
        return { draft: rankPriorities(assessments), published: published ? toView(published) : null };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/neighbourhoods/:id/priority-lists',
      summary: 'Publish the ranked priorities as a new version for a Jalali year (emits clinics.priority.published.v1)',
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
        });
        flushOutbox([documentId]);
        return toView(list);
      },
    }),
  ];
}
