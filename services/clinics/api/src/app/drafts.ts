import { randomUUID } from 'node:crypto';
import { forbidden, type Principal } from '@hamgam/service-kit';
import { NotFoundError } from '@hamgam/service-kit/errors';
import { answersFromStored, answersToStored } from '../data/assessments.js';
import { type StoredAssessmentDraft } from '../data/drafts.js';
import type { StoredHousehold } from '../data/households.js';
import type { ClinicsDeps } from '../deps.js';
import { checkDraft, checkSubmission, type Answers } from '../domain/questionnaire.js';
import type { AssessedNeed } from '../domain/ranking.js';
import { isOwnClinicStaff, loadHouseholdInScope } from './residents.js';

type Deps = Pick<ClinicsDeps, 'models' | 'clock'>;

const draftView = (d: StoredAssessmentDraft) => ({
  householdId: d._id,
  needs: d.needs,
  answers: answersFromStored(d.answers),
  savedAt: d.savedAt,
  savedBy: d.savedBy,
});

/** Drafts are written and read by the staff of the household's own clinic. */
async function ownHousehold({ models }: Deps, principal: Principal, householdId: string): Promise<StoredHousehold> {
  const household = await loadHouseholdInScope(models, principal, householdId);
  if (!isOwnClinicStaff(principal, household.clinicId))
    throw forbidden(`only the staff of clinic ${household.clinicId} assess its households`);
  return household;
}

async function storedDraft({ models }: Deps, household: StoredHousehold): Promise<StoredAssessmentDraft> {
  const draft = await models.assessmentDrafts.findById(household._id).lean();
  if (!draft) throw new NotFoundError('draft-not-found', `household ${household._id} has no draft assessment`);
  return draft;
}

/** Saves (or replaces) the household's unfinished assessment; a household has at most one draft. */
export async function saveDraft(
  deps: Deps,
  principal: Principal,
  householdId: string,
  content: { needs: AssessedNeed[]; answers: Answers },
) {
  const household = await ownHousehold(deps, principal, householdId);
  checkDraft(content);
  const saved = {
    clinicId: household.clinicId,
    neighbourhoodId: household.neighbourhoodId,
    needs: content.needs,
    answers: answersToStored(content.answers),
    savedBy: principal.subject,
    savedAt: deps.clock.now(),
  };
  await deps.models.assessmentDrafts.replaceOne({ _id: household._id }, { _id: household._id, ...saved }, { upsert: true });
  return draftView({ _id: household._id, ...saved });
}

export async function readDraft(deps: Deps, principal: Principal, householdId: string) {
  return draftView(await storedDraft(deps, await ownHousehold(deps, principal, householdId)));
}

export async function discardDraft(deps: Deps, principal: Principal, householdId: string) {
  const household = await ownHousehold(deps, principal, householdId);
  const result = await deps.models.assessmentDrafts.deleteOne({ _id: household._id });
  return { deleted: result.deletedCount > 0 };
}

/** Records the complete draft as the household's assessment (replacing its earlier one) and removes the draft. */
export async function submitDraft(deps: Deps, principal: Principal, householdId: string) {
  const { models, clock } = deps;
  const household = await ownHousehold(deps, principal, householdId);
  const draft = await storedDraft(deps, household);
  const content = { needs: draft.needs, answers: answersFromStored(draft.answers) };
  checkSubmission(content);
  const saved = await models.assessments.findOneAndUpdate(
    { neighbourhoodId: household.neighbourhoodId, householdRef: household._id },
    {
      $set: {
        clinicId: household.clinicId,
        needs: content.needs,
        answers: answersToStored(content.answers),
        recordedBy: principal.subject,
        createdAt: clock.now(),
      },
      $setOnInsert: { _id: randomUUID() },
    },
    { upsert: true, new: true, lean: true },
  );
  await models.assessmentDrafts.deleteOne({ _id: household._id });
  return {
    id: saved!._id,
    householdRef: saved!.householdRef,
    clinicId: saved!.clinicId,
    neighbourhoodId: saved!.neighbourhoodId,
    needs: saved!.needs,
    answers: answersFromStored(saved!.answers),
    createdAt: saved!.createdAt,
  };
}
