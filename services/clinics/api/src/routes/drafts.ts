import { defineRoute } from '@hamgam/service-kit';
import { discardDraft, readDraft, saveDraft, submitDraft } from '../app/drafts.js';
import { clinicReaders, clinicWorkers, type ClinicsDeps } from '../deps.js';
import { questionnaire } from '../domain/questionnaire.js';
import { uuidParams } from './schemas/common.js';
import { draftBodySchema, draftDeletedSchema, draftViewSchema, questionnaireSchema, submittedAssessmentSchema } from './schemas/drafts.js';

/** The needs questionnaire, and a household's assessment draft from first answers to the recorded assessment. */
export function draftRoutes(deps: ClinicsDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/questionnaire',
      summary: 'The needs questionnaire: per need category a severity 1–5 and these questions',
      roles: clinicReaders,
      response: questionnaireSchema,
      handler: () => questionnaire,
    }),
    defineRoute({
      method: 'put',
      path: '/households/:id/assessment-draft',
      summary: 'Save (or replace) the household’s unfinished assessment; a household has at most one draft',
      roles: clinicWorkers,
      params: uuidParams,
      body: draftBodySchema,
      response: draftViewSchema,
      handler: ({ params, body, principal }) => saveDraft(deps, principal, params.id, body),
    }),
    defineRoute({
      method: 'get',
      path: '/households/:id/assessment-draft',
      summary: 'Resume the household’s saved draft (404 when there is none)',
      roles: clinicWorkers,
      params: uuidParams,
      response: draftViewSchema,
      handler: ({ params, principal }) => readDraft(deps, principal, params.id),
    }),
    defineRoute({
      method: 'delete',
      path: '/households/:id/assessment-draft',
      summary: 'Discard the household’s draft',
      roles: clinicWorkers,
      params: uuidParams,
      response: draftDeletedSchema,
      handler: ({ params, principal }) => discardDraft(deps, principal, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/households/:id/assessment-draft/submit',
      summary: 'Record the draft as the household’s assessment (replacing its earlier one) and remove the draft',
      roles: clinicWorkers,
      params: uuidParams,
      response: submittedAssessmentSchema,
      status: 201,
      handler: ({ params, principal }) => submitDraft(deps, principal, params.id),
    }),
  ];
}
