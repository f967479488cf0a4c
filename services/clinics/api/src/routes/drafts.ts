import { randomUUID } from 'node:crypto';
import { badRequest, defineRoute, forbidden, notFound, type Principal } from '@hamgam/service-kit';
import { z } from 'zod';
import { isOwnClinicStaff, loadHouseholdInScope } from '../app/residents.js';
import { clinicReaders, type ClinicsDeps } from '../deps.js';
import { answersFromStored, answersToStored, type StoredAssessmentDraft } from '../data/drafts.js';
import type { StoredHousehold } from '../data/residents.js';
import { draftProblems, questionnaire, submissionProblems } from '../domain/questionnaire.js';
import { draftBodySchema, draftViewSchema, submittedAssessmentSchema, uuidParams } from './resident-schemas.js';

const draftView = (d: StoredAssessmentDraft) => ({ householdId: d._id, needs: d.needs, answers: answersFromStored(d.answers), savedAt: d.savedAt, savedBy: d.savedBy });

const questionSchema = z.object({
  id: z.string(),
  category: z.string(),
  kind: z.enum(['yes-no', 'count', 'choice']),
  label: z.object({ fa: z.string(), en: z.string() }),
  options: z.array(z.object({ id: z.string(), label: z.object({ fa: z.string(), en: z.string() }) })).optional(),
  max: z.number().optional(),
});

function problemsOrNothing(problems: string[]) {
  if (problems.length) {
    throw badRequest(`the assessment is not complete or not valid: ${problems.join('; ')}`, {
      errors: problems.map((p) => ({ path: p.split(':')[0], message: p.slice(p.indexOf(':') + 1).trim() })),
    });
  }
}

export function draftRoutes({ models, clock }: ClinicsDeps) {
  /** Drafts are written and read by the staff of the household's own clinic. */
  async function ownHousehold(principal: Principal, householdId: string): Promise<StoredHousehold> {
    const household = await loadHouseholdInScope(models, principal, householdId);
    if (!isOwnClinicStaff(principal, household.clinicId)) throw forbidden(`only the staff of clinic ${household.clinicId} assess its households`);
    return household;
  }

  return [
    defineRoute({
      method: 'get',
      path: '/questionnaire',
      summary: 'The needs questionnaire: per need category a severity 1–5 and these questions',
      roles: clinicReaders,
      response: z.array(z.object({ category: z.string(), questions: z.array(questionSchema) })),
      handler: () => questionnaire,
    }),
    defineRoute({
      method: 'put',
      path: '/households/:id/assessment-draft',
      summary: 'Save (or replace) the household’s unfinished assessment; a household has at most one draft',
      roles: ['clinic-worker'],
      params: uuidParams,
      body: draftBodySchema,
      response: draftViewSchema,
      handler: async ({ params, body, principal }) => {
        const household = await ownHousehold(principal, params.id);
        problemsOrNothing(draftProblems(body));
        const saved = { clinicId: household.clinicId, neighbourhoodId: household.neighbourhoodId, needs: body.needs, answers: answersToStored(body.answers), savedBy: principal.subject, savedAt: clock.now() };
        await models.assessmentDrafts.replaceOne({ _id: household._id }, { _id: household._id, ...saved }, { upsert: true });
        return draftView({ _id: household._id, ...saved });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/households/:id/assessment-draft',
      summary: 'Resume the household’s saved draft (404 when there is none)',
      roles: ['clinic-worker'],
      params: uuidParams,
      response: draftViewSchema,
      handler: async ({ params, principal }) => {
        const household = await ownHousehold(principal, params.id);
        const draft = await models.assessmentDrafts.findById(household._id).lean();
        if (!draft) throw notFound(`household ${household._id} has no draft assessment`);
        return draftView(draft);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/households/:id/assessment-draft',
      summary: 'Discard the household’s draft',
      roles: ['clinic-worker'],
      params: uuidParams,
      response: z.object({ deleted: z.boolean() }),
      handler: async ({ params, principal }) => {
        const household = await ownHousehold(principal, params.id);
        const result = await models.assessmentDrafts.deleteOne({ _id: household._id });
        return { deleted: result.deletedCount > 0 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/households/:id/assessment-draft/submit',
      summary: 'Record the draft as the household’s assessment (replacing its earlier one) and remove the draft',
      roles: ['clinic-worker'],
      params: uuidParams,
      response: submittedAssessmentSchema,
      status: 201,
      handler: async ({ params, principal }) => {
        const household = await ownHousehold(principal, params.id);
        const draft = await models.assessmentDrafts.findById(household._id).lean();
        if (!draft) throw notFound(`household ${household._id} has no draft assessment`);
        const content = { needs: draft.needs, answers: answersFromStored(draft.answers) };
        problemsOrNothing(submissionProblems(content));
        const saved = await models.assessments.findOneAndUpdate(
          { neighbourhoodId: household.neighbourhoodId, householdRef: household._id },
          {
            $set: { clinicId: household.clinicId, needs: content.needs, answers: answersToStored(content.answers), recordedBy: principal.subject, createdAt: clock.now() },
            $setOnInsert: { _id: randomUUID() },
          },
          { upsert: true, new: true, lean: true },
        );
        await models.assessmentDrafts.deleteOne({ _id: household._id });
        return {
          id: saved!._id, householdRef: saved!.householdRef, clinicId: saved!.clinicId, neighbourhoodId: saved!.neighbourhoodId,
          needs: saved!.needs, answers: answersFromStored(saved!.answers), createdAt: saved!.createdAt,
        };
      },
    }),
  ];
}
