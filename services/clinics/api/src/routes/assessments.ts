import { assertNeighbourhoodInScope, defineRoute, pageOf, pageQuerySchema } from '@hamgam/service-kit';
import { z } from 'zod';
import { recordAssessment } from '../app/assessments.js';
import type { ClinicsModels } from '../deps.js';
import { neighbourhoodIdParams } from './schemas/common.js';
import { assessmentSchema, newAssessmentSchema } from './schemas/priorities.js';

export function assessmentRoutes(models: ClinicsModels) {
  return [
    defineRoute({
      method: 'post',
      path: '/assessments',
      summary: 'Record (or replace) a household’s needs assessment',
      roles: ['clinic-worker'],
      body: newAssessmentSchema,
      response: assessmentSchema,
      status: 201,
      handler: ({ body, principal }) => recordAssessment(models, principal, body),
    }),
    defineRoute({
      method: 'get',
      path: '/neighbourhoods/:id/assessments',
      summary: 'Needs assessments recorded in a neighbourhood (household level: clinic staff and coordinators only), newest first; paged',
      roles: ['clinic-worker', 'coordinator', 'auditor'],
      params: neighbourhoodIdParams,
      query: pageQuerySchema,
      response: z.array(assessmentSchema),
      handler: async ({ params, principal, query, req }, res) => {
        assertNeighbourhoodInScope(principal, params.id);
        const rows = await pageOf(models.assessments.find({ neighbourhoodId: params.id }).lean(), { query, req }, res, { by: 'createdAt', order: -1 });
        return rows.map(({ _id, clinicId, neighbourhoodId, householdRef, needs, createdAt }) => ({ id: _id, clinicId, neighbourhoodId, householdRef, needs, createdAt }));
      },
    }),
  ];
}
