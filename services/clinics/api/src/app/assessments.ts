import { randomUUID } from 'node:crypto';
import { assertClinicInScope, assertNeighbourhoodInScope, pageOf, type PageContext, type Principal } from '@hamgam/service-kit';
import { BrokenRuleError } from '@hamgam/service-kit/errors';
import type { ClinicsModels } from '../deps.js';
import type { AssessedNeed } from '../domain/ranking.js';

/** Records (or replaces) a household's needs assessment, for a registered household of a clinic of the neighbourhood. */
export async function recordAssessment(
  models: ClinicsModels,
  principal: Principal,
  body: { clinicId: string; neighbourhoodId: string; householdRef: string; needs: AssessedNeed[] },
) {
  assertClinicInScope(principal, body.clinicId);
  const clinic = await models.clinics.findById(body.clinicId).lean();
  if (!clinic || clinic.neighbourhoodId !== body.neighbourhoodId) {
    throw new BrokenRuleError(
      'clinic-not-in-neighbourhood',
      `clinic ${body.clinicId} does not serve neighbourhood ${body.neighbourhoodId}`,
      'neighbourhoodId',
    );
  }
  // An assessment is of a registered household of this clinic: its householdRef is the household's id.
  const household = await models.households.findById(body.householdRef, { clinicId: 1 }).lean();
  if (!household || household.clinicId !== body.clinicId) {
    throw new BrokenRuleError(
      'household-not-at-clinic',
      `household ${body.householdRef} is not registered at clinic ${body.clinicId}`,
      'householdRef',
    );
  }
  const saved = await models.assessments.findOneAndUpdate(
    { neighbourhoodId: body.neighbourhoodId, householdRef: body.householdRef },
    {
      $set: { clinicId: body.clinicId, needs: body.needs, recordedBy: principal.subject, createdAt: new Date() },
      $setOnInsert: { _id: randomUUID() },
    },
    { upsert: true, new: true, lean: true },
  );
  return {
    id: saved!._id,
    clinicId: saved!.clinicId,
    neighbourhoodId: saved!.neighbourhoodId,
    householdRef: saved!.householdRef,
    needs: saved!.needs,
    createdAt: saved!.createdAt,
  };
}

/** One page of the needs assessments recorded in a neighbourhood, newest first. */
export async function neighbourhoodAssessments(models: ClinicsModels, principal: Principal, neighbourhoodId: string, page: PageContext) {
  assertNeighbourhoodInScope(principal, neighbourhoodId);
  const rows = await pageOf(models.assessments.find({ neighbourhoodId: neighbourhoodId }).lean(), page, page.res, {
    by: 'createdAt',
    order: -1,
  });
  return rows.map(({ _id, clinicId, neighbourhoodId, householdRef, needs, createdAt }) => ({
    id: _id,
    clinicId,
    neighbourhoodId,
    householdRef,
    needs,
    createdAt,
  }));
}
