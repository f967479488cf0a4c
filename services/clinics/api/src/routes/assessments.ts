import { defineRoute, pageQuerySchema } from '@hamgam/service-kit';
import { z } from 'zod';
import { neighbourhoodAssessments, recordAssessment } from '../app/assessments.js';
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
      handler: ({ params, principal, query, req }, res) => neighbourhoodAssessments(models, principal, params.id, { query, req, res }),
    }),
  ];
}
