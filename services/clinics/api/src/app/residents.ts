import { randomUUID } from 'node:crypto';
import type { PartnerAgency } from '@hamgam/contracts';
import { canSeeClinic, caps, conflict, forbidden, notFound, readAll, type Principal } from '@hamgam/service-kit';
import { consentCovers, type ConsentPurpose } from '../domain/consent.js';
import type { AccessAction, StoredHousehold, StoredResident } from '../data/residents.js';
import type { ClinicsModels } from '../deps.js';

/** Clinic staff of the resident's own clinic: the only people who see names, phones and national ids. */
export const isOwnClinicStaff = (principal: Principal, clinicId: string) =>
  principal.roles.includes('clinic-worker') && principal.clinicIds.includes(clinicId);

/** The lease every read → decrypt → write of a resident's record takes (the PATCH route, the re-seal job). */
export const residentLockKey = (models: Pick<ClinicsModels, 'residents'>) => models.residents.collection.collectionName;

/** The resident, if the caller may act on them: 404 when absent, 403 when their clinic is not the caller's. */
export async function loadResidentInScope(models: Pick<ClinicsModels, 'residents'>, principal: Principal, residentId: string): Promise<StoredResident> {
  const resident = await models.residents.findById(residentId).lean();
  if (!resident) throw notFound(`resident ${residentId} does not exist`);
  if (!canSeeClinic(principal, resident.clinicId)) throw forbidden(`resident ${residentId} is registered at a clinic outside your scope`);
  return resident;
}

/** The household, if the caller may act on it (same rules as residents). */
export async function loadHouseholdInScope(models: Pick<ClinicsModels, 'households'>, principal: Principal, householdId: string): Promise<StoredHousehold> {
  const household = await models.households.findById(householdId).lean();
  if (!household) throw notFound(`household ${householdId} does not exist`);
  if (!canSeeClinic(principal, household.clinicId)) throw forbidden(`household ${householdId} is registered at a clinic outside your scope`);
  return household;
}

/** Throws a 409 naming the missing consent unless the resident consents to `purpose` with `agency` at `at`. */
export async function requireConsent(
  models: Pick<ClinicsModels, 'consents'>,
  request: { residentId: string; agency: PartnerAgency; purpose: ConsentPurpose; at: Date },
): Promise<void> {
  const consents = await readAll(models.consents.find({ residentId: request.residentId, agency: request.agency, purpose: request.purpose }).lean(), caps.perPerson);
  if (!consentCovers(consents, request)) {
    throw conflict(`resident ${request.residentId} has no consent in force for purpose "${request.purpose}" with agency "${request.agency}"`);
  }
}

/** Records one read or change of personal data (who, what, when). */
export async function logAccess(
  models: Pick<ClinicsModels, 'accessLog'>,
  entry: { residentIds: readonly string[]; clinicId: string; action: AccessAction; principal: Principal; at: Date; actorClinicId?: string; purpose?: string },
): Promise<void> {
  if (entry.residentIds.length === 0) return;
  await models.accessLog.insertMany(
    entry.residentIds.map((residentId) => ({
      _id: randomUUID(),
      residentId,
      clinicId: entry.clinicId,
      action: entry.action,
      actor: entry.principal.subject,
      actorName: entry.principal.username,
      at: entry.at,
      actorClinicId: entry.actorClinicId ?? null,
      purpose: entry.purpose ?? null,
    })),
  );
}
