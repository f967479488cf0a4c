import { defineRoute } from '@hamgam/service-kit';
import { z } from 'zod';
import { householdAssessment, neighbourhoodAssessments, recordAssessment } from '../app/assessments.js';
import type { ClinicsModels } from '../deps.js';
import { neighbourhoodIdParams, uuidParams } from './schemas/common.js';
import { submittedAssessmentSchema } from './schemas/drafts.js';
import { assessmentListItemSchema, assessmentQuerySchema, assessmentSchema, newAssessmentSchema } from './schemas/priorities.js';

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
      summary:
        'Needs assessments recorded in a neighbourhood (household level: clinic staff and coordinators only), of one clinic if asked, newest or oldest first, `q` a file number; each with its household’s file number; paged',
      roles: ['clinic-worker', 'coordinator', 'auditor'],
      params: neighbourhoodIdParams,
      query: assessmentQuerySchema,
      response: z.array(assessmentListItemSchema),
      handler: ({ params, principal, query, req }, res) =>
        neighbourhoodAssessments(models, principal, params.id, query, { query, req, res }),
    }),
    defineRoute({
      method: 'get',
      path: '/households/:id/assessment',
      summary: 'What was recorded for a household: its needs, severities and every answer (404 assessment-not-found before the first)',
      roles: ['clinic-worker', 'coordinator', 'auditor'],
      params: uuidParams,
      response: submittedAssessmentSchema,
      handler: ({ params, principal }) => householdAssessment(models, principal, params.id),
    }),
  ];
}
