import { randomUUID } from 'node:crypto';
import {
  assertClinicInScope,
  assertNeighbourhoodInScope,
  caps,
  inList,
  pageOf,
  readAll,
  type PageContext,
  type Principal,
} from '@hamgam/service-kit';
import { BrokenRuleError, NotFoundError } from '@hamgam/service-kit/errors';
import { answersFromStored } from '../data/assessments.js';
import { toLatinDigits } from '../domain/national-id.js';
import { loadHouseholdInScope } from './residents.js';
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

/**
 * One page of the needs assessments recorded in a neighbourhood (of one clinic if asked), newest or oldest
 * first; `q` finds a household's by its file number. Each carries its household's file number: what staff
 * call a household, never its id.
 */
export async function neighbourhoodAssessments(
  models: ClinicsModels,
  principal: Principal,
  neighbourhoodId: string,
  asked: { clinicId?: string; sort: 'newest' | 'oldest'; q?: string },
  page: PageContext,
) {
  assertNeighbourhoodInScope(principal, neighbourhoodId);
  const filter: Record<string, unknown> = { neighbourhoodId };
  if (asked.clinicId) filter.clinicId = asked.clinicId;
  if (asked.q) {
    const typed = toLatinDigits(asked.q);
    const households = await readAll(
      models.households.find({ neighbourhoodId, fileNumber: inList([...new Set([typed, typed.toUpperCase()])]) }, { _id: 1 }).lean(),
      caps.perPerson,
    );
    filter.householdRef = inList(households.map((h) => h._id));
  }
  const rows = await pageOf(models.assessments.find(filter).lean(), page, page.res, {
    by: 'createdAt',
    order: asked.sort === 'oldest' ? 1 : -1,
  });
  // One equality lookup per row (FerretDB evaluates `$in` over the whole collection).
  const households = await Promise.all(rows.map((a) => models.households.findById(a.householdRef, { fileNumber: 1 }).lean()));
  return rows.map(({ _id, clinicId, neighbourhoodId, householdRef, needs, createdAt }, i) => ({
    id: _id,
    clinicId,
    neighbourhoodId,
    householdRef,
    fileNumber: households[i]?.fileNumber ?? '',
    needs,
    createdAt,
  }));
}

/** What was recorded for a household: its needs with their severities and every answer (404 before its first assessment). */
export async function householdAssessment(models: ClinicsModels, principal: Principal, householdId: string) {
  const household = await loadHouseholdInScope(models, principal, householdId);
  assertNeighbourhoodInScope(principal, household.neighbourhoodId);
  const saved = await models.assessments.findOne({ neighbourhoodId: household.neighbourhoodId, householdRef: household._id }).lean();
  if (!saved) throw new NotFoundError('assessment-not-found', `household ${householdId} has no recorded assessment`);
  return {
    id: saved._id,
    householdRef: saved.householdRef,
    clinicId: saved.clinicId,
    neighbourhoodId: saved.neighbourhoodId,
    needs: saved.needs,
    answers: answersFromStored(saved.answers),
    createdAt: saved.createdAt,
  };
}
