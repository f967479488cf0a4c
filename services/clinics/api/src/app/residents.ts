import { randomUUID } from 'node:crypto';
import type { PartnerAgency } from '@hamgam/contracts';
import { addDays, dayOf } from '@hamgam/contracts/days';
import {
  assertClinicInScope,
  between,
  canSeeClinic,
  caps,
  forbidden,
  inList,
  pageOf,
  readAll,
  type PageContext,
  type PageOrder,
  type Principal,
} from '@hamgam/service-kit';
import { IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import type { AccessAction } from '../data/access-log.js';
import type { StoredHousehold } from '../data/households.js';
import type { HouseholdRelation, StoredResident } from '../data/residents.js';
import { archivedFilter, type ArchivedFilter } from './archive.js';
import { readSearch, residentSearchFilter } from './clinic-search.js';
import { labelOf, labelPeople } from './people-labels.js';
import type { ClinicsDeps, ClinicsModels } from '../deps.js';
import { CONSENT_WARNING_DAYS, consentCovers, type ConsentPurpose } from '../domain/consent.js';
import type { PiiProtector } from '../domain/pii.js';

/** What the residents' use cases need: the store, the clock, the leases, and the keys of the sealed personal data. */
export type ResidentDeps = Pick<ClinicsDeps, 'models' | 'clock' | 'locks'> & { pii: PiiProtector };

/** Clinic staff of the resident's own clinic: the only people who see names, phones and national ids. */
export const isOwnClinicStaff = (principal: Principal, clinicId: string) =>
  principal.roles.includes('clinic-worker') && principal.clinicIds.includes(clinicId);

/** The staff of this clinic only (coordinators and auditors watch; they do not register or change residents). */
export function assertOwnClinicStaff(principal: Principal, clinicId: string): void {
  assertClinicInScope(principal, clinicId);
  if (!isOwnClinicStaff(principal, clinicId)) throw forbidden(`only the staff of clinic ${clinicId} may do this`);
}

/** The lease every read → decrypt → write of a resident's record takes (the PATCH route, the re-seal job). */
export const residentLockKey = (models: Pick<ClinicsModels, 'residents'>) => models.residents.collection.collectionName;

/** The resident, if the caller may act on them: 404 when absent, 403 when their clinic is not the caller's. */
export async function loadResidentInScope(
  models: Pick<ClinicsModels, 'residents'>,
  principal: Principal,
  residentId: string,
): Promise<StoredResident> {
  const resident = await models.residents.findById(residentId).lean();
  if (!resident) throw new NotFoundError('resident-not-found', `resident ${residentId} does not exist`);
  if (!canSeeClinic(principal, resident.clinicId)) throw forbidden(`resident ${residentId} is registered at a clinic outside your scope`);
  return resident;
}

/** The household, if the caller may act on it (same rules as residents). */
export async function loadHouseholdInScope(
  models: Pick<ClinicsModels, 'households'>,
  principal: Principal,
  householdId: string,
): Promise<StoredHousehold> {
  const household = await models.households.findById(householdId).lean();
  if (!household) throw new NotFoundError('household-not-found', `household ${householdId} does not exist`);
  if (!canSeeClinic(principal, household.clinicId))
    throw forbidden(`household ${householdId} is registered at a clinic outside your scope`);
  return household;
}

/** Refuses (409) unless the resident consents to `purpose` with `agency` at `at`. */
export async function requireConsent(
  models: Pick<ClinicsModels, 'consents'>,
  request: { residentId: string; agency: PartnerAgency; purpose: ConsentPurpose; at: Date },
): Promise<void> {
  const consents = await readAll(
    models.consents.find({ residentId: request.residentId, agency: request.agency, purpose: request.purpose }).lean(),
    caps.perPerson,
  );
  if (!consentCovers(consents, request)) {
    throw new IllegalStepError(
      'consent-missing',
      `resident ${request.residentId} has no consent in force for purpose "${request.purpose}" with agency "${request.agency}"`,
    );
  }
}

/** Records one read or change of personal data (who, what, when). */
export async function logAccess(
  models: Pick<ClinicsModels, 'accessLog'>,
  entry: {
    residentIds: readonly string[];
    clinicId: string;
    action: AccessAction;
    principal: Principal;
    at: Date;
    actorClinicId?: string;
    purpose?: string;
  },
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

const residentFields = (resident: Omit<StoredResident, 'pii' | 'nationalIdIndex' | 'nameIndex'>) => ({
  id: resident._id,
  householdId: resident.householdId,
  clinicId: resident.clinicId,
  neighbourhoodId: resident.neighbourhoodId,
  relation: resident.relation,
  birthYear: resident.birthYear ?? null,
  registeredAt: resident.registeredAt,
  archivedAt: resident.archivedAt ?? null,
});

/** Personal data is decrypted only for the staff of the resident's own clinic; everyone else gets `personal: null`. */
export function residentView(resident: StoredResident, principal: Principal, pii: PiiProtector) {
  return { ...residentFields(resident), personal: isOwnClinicStaff(principal, resident.clinicId) ? pii.decrypt(resident.pii) : null };
}

export type ResidentSort = 'newest' | 'oldest';
const residentOrders: Record<ResidentSort, PageOrder> = {
  newest: { by: 'registeredAt', order: -1 },
  oldest: { by: 'registeredAt', order: 1 },
};

export interface ResidentListQuery {
  q?: string;
  sort: ResidentSort;
  archived: ArchivedFilter;
  relation?: HouseholdRelation;
  /** `ending`: only those with a consent in force that ends within CONSENT_WARNING_DAYS (the home's card links here). */
  consents?: 'ending';
}

/**
 * Consents in force ending from `from` (today unless asked) up to CONSENT_WARNING_DAYS after `today`: one rule
 * for the home's count (routes/work.ts) and the residents list it opens (`consents=ending`).
 */
export const consentsEnding = (clinicId: string, today: string, from = today) => ({
  clinicId,
  withdrawnAt: null,
  expiresOn: between(from, addDays(today, CONSENT_WARNING_DAYS)),
});

/** The clinic's residents with a consent in force ending within the warning days, as the home counts them. */
async function consentsEndingFilter({ models, clock }: ResidentDeps, clinicId: string) {
  const ending = await readAll(
    models.consents.find(consentsEnding(clinicId, dayOf(clock.now())), { residentId: 1 }).lean(),
    caps.perClinic,
  );
  return { _id: inList([...new Set(ending.map((c) => c.residentId))]) };
}

/**
 * The residents registered at a clinic, sorted as asked, archived ones hidden unless asked for; `q` finds
 * them by file number or tracking code, and — the clinic's own staff — by name words or national id (by
 * their blind indexes: nothing is decrypted to search). Each row names the person for the clinic's own
 * staff (each name read logged) and carries the household's file number for anyone; no phone or national id.
 * Names cannot be sorted on (they are sealed), so the order is by registration.
 */
export async function clinicResidents(
  deps: ResidentDeps,
  principal: Principal,
  clinicId: string,
  asked: ResidentListQuery,
  page: PageContext,
) {
  assertClinicInScope(principal, clinicId);
  const search = asked.q ? await residentSearchFilter(deps, principal, [clinicId], readSearch(asked.q)) : {};
  const ending = asked.consents === 'ending' ? await consentsEndingFilter(deps, clinicId) : {};
  // Both may name residents by id: each stays a condition of its own.
  const narrowed = [search, ending].filter((condition) => Object.keys(condition).length > 0);
  const filter = {
    clinicId,
    ...archivedFilter(asked.archived),
    ...(asked.relation && { relation: asked.relation }),
    ...(narrowed.length > 0 && { $and: narrowed }),
  };
  const residents = await pageOf(
    deps.models.residents.find(filter, { nationalIdIndex: 0, nameIndex: 0 }).lean(),
    page,
    page.res,
    residentOrders[asked.sort],
  );
  const labels = await labelPeople(deps, principal, residents, 'resident-list');
  return residents.map((r) => ({ ...residentFields(r), personal: null, ...labelOf(labels, r._id) }));
}

/** One resident as the caller may see them; a read of their personal data is logged. */
export async function readResident({ models, clock, pii }: ResidentDeps, principal: Principal, residentId: string) {
  const resident = await loadResidentInScope(models, principal, residentId);
  const view = residentView(resident, principal, pii);
  if (view.personal)
    await logAccess(models, { residentIds: [resident._id], clinicId: resident.clinicId, action: 'read', principal, at: clock.now() });
  return view;
}

/** Who read or changed this resident's personal data, newest (or oldest) first, of one kind if asked: auditors, and the staff of the resident's own clinic. */
export async function residentAccessLog(
  models: ClinicsModels,
  principal: Principal,
  residentId: string,
  asked: { sort: ResidentSort; action?: AccessAction },
  page: PageContext,
) {
  const resident = await loadResidentInScope(models, principal, residentId);
  if (!principal.roles.includes('auditor') && !isOwnClinicStaff(principal, resident.clinicId)) {
    throw forbidden('only auditors and the staff of the resident’s clinic read the access log');
  }
  const filter = { residentId: resident._id, ...(asked.action && { action: asked.action }) };
  const entries = await pageOf(models.accessLog.find(filter).lean(), page, page.res, { by: 'at', order: asked.sort === 'oldest' ? 1 : -1 });
  return entries.map(({ _id, action, actor, actorName, at, actorClinicId, purpose }) => ({
    id: _id,
    action,
    actor,
    actorName,
    at,
    actorClinicId: actorClinicId ?? null,
    purpose: purpose ?? null,
  }));
}
