import { caps, readAll, type Principal } from '@hamgam/service-kit';
import { IllegalStepError } from '@hamgam/service-kit/errors';
import mongoose from 'mongoose';
import type { ResidentDeps } from './residents.js';
import { assertOwnClinicStaff, loadHouseholdInScope, loadResidentInScope, logAccess, residentLockKey } from './residents.js';

/**
 * Mistaken records (a household registered twice, a member typed into the wrong household) are archived,
 * not deleted: they leave the clinic's lists, stay in the record (the access log and any referral still
 * name them), and can be restored. Lists hide them unless asked (`archived=include|only`).
 */
export type ArchivedFilter = 'exclude' | 'include' | 'only';

/** `archivedAt: null` also matches records written before archiving existed (no such field). */
export const archivedFilter = (filter: ArchivedFilter): Record<string, unknown> =>
  filter === 'include' ? {} : filter === 'only' ? { archivedAt: mongoose.trusted({ $ne: null }) } : { archivedAt: null };

// The same lease as the household's other changes (app/households.ts), without importing it back.
const householdLock = (models: ResidentDeps['models']) => models.households.collection.collectionName;

const changedMeanwhile = () => new IllegalStepError('record-changed-meanwhile', 'the record changed meanwhile; reload and try again');

/**
 * Archives a household with no member left on its lists (archive a wrong member first, or move on). Under the
 * household's lease, which registering a member also takes, so a member cannot arrive while it is archived;
 * the write is conditional on the household not being archived (a second click is 409, not a second write).
 */
export function archiveHousehold({ models, clock, locks }: ResidentDeps, principal: Principal, householdId: string) {
  return locks.run(householdLock(models), householdId, async () => {
    const household = await loadHouseholdInScope(models, principal, householdId);
    assertOwnClinicStaff(principal, household.clinicId);
    if (household.archivedAt) throw new IllegalStepError('household-archived-already', 'the household is archived already');
    const members = await models.residents.countDocuments({ householdId: household._id, archivedAt: null });
    if (members > 0)
      throw new IllegalStepError(
        'household-has-members',
        `the household still has ${members} member(s) on the register; archive them first`,
      );
    const result = await models.households.updateOne(
      { _id: household._id, archivedAt: null },
      { $set: { archivedAt: clock.now(), archivedBy: principal.subject } },
    );
    if (result.matchedCount !== 1) throw changedMeanwhile();
  });
}

export function restoreHousehold({ models, locks }: ResidentDeps, principal: Principal, householdId: string) {
  return locks.run(householdLock(models), householdId, async () => {
    const household = await loadHouseholdInScope(models, principal, householdId);
    assertOwnClinicStaff(principal, household.clinicId);
    if (!household.archivedAt) throw new IllegalStepError('household-not-archived', 'the household is not archived');
    const result = await models.households.updateOne(
      { _id: household._id, archivedAt: household.archivedAt },
      { $set: { archivedAt: null, archivedBy: null } },
    );
    if (result.matchedCount !== 1) throw changedMeanwhile();
  });
}

/**
 * Archives a resident registered by mistake. One still waiting on an agency (a sent or accepted referral) is
 * refused: withdraw the referral first, so no agency works for someone the clinic no longer lists. The
 * national id stays indexed: registering the same person again finds the archived record (restore it).
 */
export function archiveResident({ models, clock, locks }: ResidentDeps, principal: Principal, residentId: string) {
  return locks.run(residentLockKey(models), residentId, async () => {
    const resident = await loadResidentInScope(models, principal, residentId);
    assertOwnClinicStaff(principal, resident.clinicId);
    if (resident.archivedAt) throw new IllegalStepError('resident-archived-already', 'the resident is archived already');
    const referrals = await readAll(models.referrals.find({ residentId: resident._id }, { state: 1 }).lean(), caps.perPerson);
    if (referrals.some((r) => r.state === 'sent' || r.state === 'accepted'))
      throw new IllegalStepError('resident-has-open-referrals', 'the resident has open referrals; withdraw them first');
    const now = clock.now();
    const result = await models.residents.updateOne(
      { _id: resident._id, archivedAt: null },
      { $set: { archivedAt: now, archivedBy: principal.subject, updatedAt: now } },
    );
    if (result.matchedCount !== 1) throw changedMeanwhile();
    await logAccess(models, {
      residentIds: [resident._id],
      clinicId: resident.clinicId,
      action: 'update',
      principal,
      at: now,
      purpose: 'archive',
    });
  });
}

/** Restores an archived resident, unless their household is archived (restore it first). */
export function restoreResident({ models, clock, locks }: ResidentDeps, principal: Principal, residentId: string) {
  return locks.run(residentLockKey(models), residentId, async () => {
    const resident = await loadResidentInScope(models, principal, residentId);
    assertOwnClinicStaff(principal, resident.clinicId);
    if (!resident.archivedAt) throw new IllegalStepError('resident-not-archived', 'the resident is not archived');
    await locks.run(householdLock(models), resident.householdId, async () => {
      const household = await models.households.findById(resident.householdId, { archivedAt: 1 }).lean();
      if (household?.archivedAt) throw new IllegalStepError('household-archived', 'the household is archived; restore it first');
      const now = clock.now();
      const result = await models.residents.updateOne(
        { _id: resident._id, archivedAt: resident.archivedAt },
        { $set: { archivedAt: null, archivedBy: null, updatedAt: now } },
      );
      if (result.matchedCount !== 1) throw changedMeanwhile();
      await logAccess(models, {
        residentIds: [resident._id],
        clinicId: resident.clinicId,
        action: 'update',
        principal,
        at: now,
        purpose: 'restore',
      });
    });
  });
}
