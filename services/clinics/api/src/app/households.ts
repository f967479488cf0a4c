import { randomUUID } from 'node:crypto';
import { assertClinicInScope, caps, pageOf, readAll, type PageContext, type Principal, type PageOrder } from '@hamgam/service-kit';
import { BrokenRuleError, IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import type { StoredHousehold } from '../data/households.js';
import type { ClinicsDeps, ClinicsModels } from '../deps.js';
import { householdSearchFilter, readSearch } from './clinic-search.js';
import { labelPeople } from './people-labels.js';
import { archivedFilter, type ArchivedFilter } from './archive.js';
import { assertOwnClinicStaff, isOwnClinicStaff, loadHouseholdInScope, logAccess, residentView, type ResidentDeps } from './residents.js';

/** The lease every change of a household takes (its file number, archiving it, registering a member into it). */
export const householdLockKey = (models: Pick<ClinicsModels, 'households'>) => models.households.collection.collectionName;

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
        models.residents.countDocuments({ householdId: h._id, archivedAt: null }),
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
        archivedAt: h.archivedAt ?? null,
      };
    }),
  );
}

/**
 * A household's file number is how staff find it and what every screen shows in place of an id: one is
 * required (a household registered with nothing typed was an empty record no one could tell apart), and it
 * is the clinic's only one of that number. Checked under a lease on the number, so two replicas cannot
 * give it twice (FerretDB has no atomic conditional insert on a non-unique field).
 */
async function claimFileNumber(
  { models, locks }: Pick<ClinicsDeps, 'models' | 'locks'>,
  clinicId: string,
  fileNumber: string,
  write: () => Promise<void>,
  householdId?: string,
): Promise<void> {
  if (!fileNumber) throw new BrokenRuleError('household-file-number-required', 'a household needs its file number', 'fileNumber');
  await locks.run('household-file-numbers', `${clinicId}:${fileNumber.toUpperCase()}`, async () => {
    const holders = await readAll(models.households.find({ clinicId, fileNumber }, { _id: 1 }).lean(), caps.perPerson);
    if (holders.some((h) => h._id !== householdId))
      throw new IllegalStepError(
        'household-file-number-taken',
        `file number ${fileNumber} is another household's at this clinic`,
        'fileNumber',
      );
    await write();
  });
}

/** Registers a household at one of the caller's own clinics; its id becomes the householdRef of its needs assessment. */
export async function registerHousehold(
  { models, clock, locks }: Pick<ResidentDeps, 'models' | 'clock' | 'locks'>,
  principal: Principal,
  request: { clinicId: string; fileNumber: string },
) {
  assertOwnClinicStaff(principal, request.clinicId);
  const clinic = await models.clinics.findById(request.clinicId).lean();
  if (!clinic) throw new NotFoundError('clinic-not-found', `clinic ${request.clinicId} does not exist`);
  const now = clock.now();
  const household: StoredHousehold = {
    _id: randomUUID(),
    clinicId: clinic._id,
    neighbourhoodId: clinic.neighbourhoodId,
    fileNumber: request.fileNumber,
    registeredBy: principal.subject,
    registeredAt: now,
    updatedAt: now,
    archivedAt: null,
    archivedBy: null,
  };
  await claimFileNumber({ models, locks }, clinic._id, request.fileNumber, async () => {
    await models.households.create(household);
  });
  return { ...(await householdSummaries(models, [household]))[0]!, headName: null };
}

const householdOrders: Record<HouseholdSort, PageOrder> = {
  newest: { by: 'registeredAt', order: -1 },
  oldest: { by: 'registeredAt', order: 1 },
  file: { by: 'fileNumber', order: 1 },
};
export type HouseholdSort = 'newest' | 'oldest' | 'file';

/**
 * The households registered at a clinic (no personal data but the head's name, for the clinic's own staff,
 * each such read logged), sorted as asked, archived ones hidden unless asked for; `q` finds them by file
 * number, or — the clinic's own staff — by a member's name, national id or a referral's tracking code.
 */
export async function clinicHouseholds(
  deps: ResidentDeps,
  principal: Principal,
  clinicId: string,
  asked: { q?: string; sort: HouseholdSort; archived: ArchivedFilter },
  page: PageContext,
) {
  const { models } = deps;
  assertClinicInScope(principal, clinicId);
  const search = asked.q ? await householdSearchFilter(deps, principal, clinicId, readSearch(asked.q)) : {};
  const households = await pageOf(
    models.households.find({ clinicId, ...archivedFilter(asked.archived), ...search }).lean(),
    page,
    page.res,
    householdOrders[asked.sort],
  );
  const summaries = await householdSummaries(models, households);
  if (!isOwnClinicStaff(principal, clinicId)) return summaries.map((s) => ({ ...s, headName: null }));
  // The head of each household (one equality lookup each), named for the clinic's own staff.
  const heads = (
    await Promise.all(
      households.map((h) =>
        models.residents
          .findOne({ householdId: h._id, relation: 'head', archivedAt: null }, { clinicId: 1, householdId: 1, pii: 1 })
          .lean(),
      ),
    )
  ).filter((r): r is NonNullable<typeof r> => r !== null);
  const labels = await labelPeople(deps, principal, heads, 'household-list');
  const headOf = new Map(heads.map((r) => [r.householdId, labels.get(r._id)?.fullName ?? null]));
  return summaries.map((s) => ({ ...s, headName: headOf.get(s.id) ?? null }));
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
  return { ...summary!, headName: null, residents: views };
}

/** Corrects a household's file number (own clinic staff), under the household's lease and the new number's. */
export async function correctHousehold(deps: ResidentDeps, principal: Principal, householdId: string, change: { fileNumber: string }) {
  const { models, locks, clock } = deps;
  await locks.run(householdLockKey(models), householdId, async () => {
    const household = await loadHouseholdInScope(models, principal, householdId);
    assertOwnClinicStaff(principal, household.clinicId);
    if (household.archivedAt) throw new IllegalStepError('household-archived', 'an archived household is restored before it is changed');
    if (household.fileNumber === change.fileNumber) return;
    await claimFileNumber(
      deps,
      household.clinicId,
      change.fileNumber,
      async () => {
        // Conditional on the number read: a writer that skipped the lease fails loudly instead of being overwritten.
        const result = await models.households.updateOne(
          { _id: household._id, fileNumber: household.fileNumber },
          { $set: { fileNumber: change.fileNumber, updatedAt: clock.now() } },
        );
        if (result.matchedCount !== 1)
          throw new IllegalStepError('household-changed-meanwhile', 'the household changed meanwhile; reload and try again');
      },
      household._id,
    );
  });
  return householdDetail(deps, principal, householdId);
}
