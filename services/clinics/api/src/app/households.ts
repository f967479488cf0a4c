import { randomUUID } from 'node:crypto';
import { assertClinicInScope, caps, pageOf, readAll, type PageContext, type Principal } from '@hamgam/service-kit';
import { NotFoundError } from '@hamgam/service-kit/errors';
import type { StoredHousehold } from '../data/households.js';
import type { ClinicsModels } from '../deps.js';
import { assertOwnClinicStaff, isOwnClinicStaff, loadHouseholdInScope, logAccess, residentView, type ResidentDeps } from './residents.js';

/**
 * Members, assessment and draft of each household of a page. One equality lookup per household rather
 * than one `$in` over the page: FerretDB 1.24 pushes equality down to the store's index but evaluates
 * `$in` itself over every document of the clinic (bench:scale: 1.4 s a page at 10k households, past the
 * 5 s query limit at 100k).
 */
function householdSummaries(models: ClinicsModels, households: StoredHousehold[]) {
  return Promise.all(
    households.map(async (h) => {
      const [members, assessment, draft] = await Promise.all([
        models.residents.countDocuments({ householdId: h._id }),
        models.assessments.findOne({ neighbourhoodId: h.neighbourhoodId, householdRef: h._id }, { createdAt: 1 }).lean(),
        models.assessmentDrafts.exists({ _id: h._id }),
      ]);
      return {
        id: h._id,
        clinicId: h.clinicId,
        neighbourhoodId: h.neighbourhoodId,
        fileNumber: h.fileNumber ?? '',
        registeredAt: h.registeredAt,
        members,
        assessedAt: assessment?.createdAt ?? null,
        hasDraft: draft !== null,
      };
    }),
  );
}

/** Registers a household at one of the caller's own clinics; its id becomes the householdRef of its needs assessment. */
export async function registerHousehold(
  { models, clock }: Pick<ResidentDeps, 'models' | 'clock'>,
  principal: Principal,
  request: { clinicId: string; fileNumber: string },
) {
  assertOwnClinicStaff(principal, request.clinicId);
  const clinic = await models.clinics.findById(request.clinicId).lean();
  if (!clinic) throw new NotFoundError('clinic-not-found', `clinic ${request.clinicId} does not exist`);
  const household = await models.households.create({
    _id: randomUUID(),
    clinicId: clinic._id,
    neighbourhoodId: clinic.neighbourhoodId,
    fileNumber: request.fileNumber,
    registeredBy: principal.subject,
    registeredAt: clock.now(),
  });
  return (await householdSummaries(models, [household.toObject()]))[0]!;
}

/** The households registered at a clinic (no personal data), newest first. */
export async function clinicHouseholds(models: ClinicsModels, principal: Principal, clinicId: string, page: PageContext) {
  assertClinicInScope(principal, clinicId);
  const households = await pageOf(models.households.find({ clinicId }).lean(), page, page.res, { by: 'registeredAt', order: -1 });
  return householdSummaries(models, households);
}

/** A household and its members; names and phones only for its own clinic's staff, and each such read is logged. */
export async function householdDetail({ models, clock, pii }: ResidentDeps, principal: Principal, householdId: string) {
  const household = await loadHouseholdInScope(models, principal, householdId);
  const residents = await readAll(models.residents.find({ householdId: household._id }).sort({ registeredAt: 1 }).lean(), caps.perPerson);
  const [summary] = await householdSummaries(models, [household]);
  const views = residents.map((r) => residentView(r, principal, pii));
  if (isOwnClinicStaff(principal, household.clinicId)) {
    await logAccess(models, {
      residentIds: residents.map((r) => r._id),
      clinicId: household.clinicId,
      action: 'read',
      principal,
      at: clock.now(),
    });
  }
  return { ...summary!, residents: views };
}
