import { randomUUID } from 'node:crypto';
import { isDuplicateKey, type Principal } from '@hamgam/service-kit';
import { IllegalStepError } from '@hamgam/service-kit/errors';
import type { HouseholdRelation, StoredResident } from '../data/residents.js';
import { parseNationalId, toLatinDigits } from '../domain/national-id.js';
import {
  assertOwnClinicStaff,
  loadHouseholdInScope,
  loadResidentInScope,
  logAccess,
  residentLockKey,
  residentView,
  type ResidentDeps,
} from './residents.js';

/** Counts a national-id look-up against the caller's limit before it is answered (the route's rate limiter). */
export type CountLookup = () => Promise<void>;

type Holder = Pick<StoredResident, '_id' | 'clinicId'>;

const normalisePhone = (phone: string) => toLatinDigits(phone).replace(/[\s-]/g, '');

/**
 * Finds who already holds this national id, by its blind index (nothing is decrypted). While the index
 * key is being rotated a record may still carry the previous key's index, so each index is looked up;
 * one equality lookup each, since FerretDB evaluates `$in` itself over the whole collection.
 */
async function findByNationalId({ models, pii }: Pick<ResidentDeps, 'models' | 'pii'>, nationalId: string): Promise<Holder | null> {
  for (const nationalIdIndex of pii.blindIndexes(nationalId)) {
    const holder = await models.residents.findOne({ nationalIdIndex }, { _id: 1, clinicId: 1 }).lean();
    if (holder) return holder;
  }
  return null;
}

/** A look-up that found someone goes into their access log, whichever clinic asked. */
const logLookup = (
  { models, clock }: Pick<ResidentDeps, 'models' | 'clock'>,
  holder: Holder,
  principal: Principal,
  askingClinicId: string,
) =>
  logAccess(models, {
    residentIds: [holder._id],
    clinicId: holder.clinicId,
    action: 'duplicate-check',
    principal,
    at: clock.now(),
    actorClinicId: askingClinicId,
    purpose: 'registration',
  });

/** The id is someone's already: this clinic learns whom; another clinic learns only that the person has a file elsewhere. */
const registeredAlready = (holder: Holder, clinicId: string) =>
  holder.clinicId === clinicId
    ? new IllegalStepError('national-id-registered-here', `this national id is already registered at this clinic as resident ${holder._id}`)
    : new IllegalStepError('national-id-registered-elsewhere', 'this national id is already registered at another clinic');

/**
 * Is this national id registered already? It is asked of every clinic of the province, so it is an
 * oracle: each look-up is counted first, and one that finds someone is logged in their access log.
 */
export async function checkDuplicate(
  deps: ResidentDeps,
  principal: Principal,
  request: { clinicId: string; nationalId: string },
  countLookup: CountLookup,
) {
  assertOwnClinicStaff(principal, request.clinicId);
  const nationalId = parseNationalId(request.nationalId);
  await countLookup();
  const existing = await findByNationalId(deps, nationalId);
  if (!existing) return { exists: false, sameClinic: false };
  await logLookup(deps, existing, principal, request.clinicId);
  // Another clinic's worker learns only what stops a second registration — the person has a file
  // elsewhere, so ask them where (or arrange a transfer with that clinic) — never which clinic or
  // their id: that would locate the person, and some residents moved away from someone on purpose.
  if (existing.clinicId !== request.clinicId) return { exists: true, sameClinic: false };
  return { exists: true, sameClinic: true, residentId: existing._id };
}

export interface NewResident {
  nationalId: string;
  fullName: string;
  phone: string;
  relation: HouseholdRelation;
  birthYear: number | null;
}

/**
 * Registers a resident into a household of the caller's own clinic, their personal data sealed and the
 * national id blind-indexed. A registered id is refused (409) and, as it answers the duplicate check's
 * question, counted and logged the same way.
 */
export async function registerResident(
  deps: ResidentDeps,
  principal: Principal,
  householdId: string,
  request: NewResident,
  countLookup: CountLookup,
) {
  const { models, locks } = deps;
  // Under the household's lease, which archiving it takes too: no member joins a household being archived.
  return locks.run(models.households.collection.collectionName, householdId, () =>
    registerInto(deps, principal, householdId, request, countLookup),
  );
}

async function registerInto(deps: ResidentDeps, principal: Principal, householdId: string, request: NewResident, countLookup: CountLookup) {
  const { models, clock, pii } = deps;
  const household = await loadHouseholdInScope(models, principal, householdId);
  assertOwnClinicStaff(principal, household.clinicId);
  if (household.archivedAt) throw new IllegalStepError('household-archived', 'the household is archived; restore it first');
  const nationalId = parseNationalId(request.nationalId);
  await countLookup();
  const existing = await findByNationalId(deps, nationalId);
  if (existing) {
    await logLookup(deps, existing, principal, household.clinicId);
    throw registeredAlready(existing, household.clinicId);
  }
  const now = clock.now();
  const resident: StoredResident = {
    _id: randomUUID(),
    householdId: household._id,
    clinicId: household.clinicId,
    neighbourhoodId: household.neighbourhoodId,
    relation: request.relation,
    birthYear: request.birthYear,
    pii: pii.encrypt({ nationalId, fullName: request.fullName, phone: normalisePhone(request.phone) }),
    nationalIdIndex: pii.blindIndex(nationalId),
    nameIndex: pii.nameIndex(request.fullName),
    registeredBy: principal.subject,
    registeredAt: now,
    updatedAt: now,
  };
  try {
    await models.residents.create(resident);
  } catch (error) {
    // Two registrations of one id at the same moment: the unique blind index lets only one through.
    const winner = isDuplicateKey(error) ? await findByNationalId(deps, nationalId) : null;
    if (!winner) throw error;
    await logLookup(deps, winner, principal, household.clinicId);
    throw registeredAlready(winner, household.clinicId);
  }
  await logAccess(models, { residentIds: [resident._id], clinicId: resident.clinicId, action: 'register', principal, at: now });
  return residentView(resident, principal, pii);
}

export interface ResidentCorrection {
  fullName?: string;
  phone?: string;
  relation?: HouseholdRelation;
  birthYear?: number | null;
}

/** Corrects a resident's name, phone, relation or birth year (own clinic staff; logged). A national id is never changed. */
export async function correctResident(
  { models, clock, locks, pii }: ResidentDeps,
  principal: Principal,
  residentId: string,
  change: ResidentCorrection,
) {
  // Read, decrypt and write back under the resident's lease, as the re-seal job does: two writers of one
  // record at once would otherwise lose a change (FerretDB's updates are not atomic).
  const updated = await locks.run(residentLockKey(models), residentId, async () => {
    const resident = await loadResidentInScope(models, principal, residentId);
    assertOwnClinicStaff(principal, resident.clinicId);
    if (resident.archivedAt) throw new IllegalStepError('resident-archived', 'an archived resident is restored before they are changed');
    const personal = pii.decrypt(resident.pii);
    const nextPersonal = {
      ...personal,
      ...(change.fullName !== undefined && { fullName: change.fullName }),
      ...(change.phone !== undefined && { phone: normalisePhone(change.phone) }),
    };
    const changes = {
      // A changed record is sealed and indexed under the current keys, whatever it was under before.
      pii: pii.encrypt(nextPersonal),
      nationalIdIndex: pii.blindIndex(personal.nationalId),
      nameIndex: pii.nameIndex(nextPersonal.fullName),
      updatedAt: clock.now(),
      ...(change.relation !== undefined && { relation: change.relation }),
      ...(change.birthYear !== undefined && { birthYear: change.birthYear }),
    };
    await models.residents.updateOne({ _id: resident._id }, { $set: changes });
    return { ...resident, ...changes };
  });
  await logAccess(models, { residentIds: [updated._id], clinicId: updated.clinicId, action: 'update', principal, at: updated.updatedAt });
  return residentView(updated, principal, pii);
}
