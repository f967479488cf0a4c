import type { Principal } from '@hamgam/service-kit';
import type { StoredResident } from '../data/residents.js';
import { isOwnClinicStaff, logAccess, type ResidentDeps } from './residents.js';

/** How a list names a resident: the name for the staff of their own clinic, and their household's file number for anyone. */
export interface PersonLabel {
  fullName: string | null;
  fileNumber: string;
}

type Labelled = Pick<StoredResident, '_id' | 'clinicId' | 'householdId' | 'pii'>;

/**
 * Names and file numbers for the residents a list shows, so that no screen shows an opaque id where a person
 * is meant. A name is decrypted only for the staff of the resident's own clinic, and each name read goes to
 * the resident's access log (one entry per resident, with why: the list that showed it). A record no
 * configured key opens shows no name rather than failing the whole list (the re-seal job reports it).
 * One equality lookup per household: FerretDB evaluates `$in` itself over the whole collection.
 */
export async function labelPeople(
  { models, clock, pii }: Pick<ResidentDeps, 'models' | 'clock' | 'pii'>,
  principal: Principal,
  residents: readonly Labelled[],
  purpose: string,
): Promise<Map<string, PersonLabel>> {
  const householdIds = [...new Set(residents.map((r) => r.householdId))];
  const households = await Promise.all(householdIds.map((id) => models.households.findById(id, { fileNumber: 1 }).lean()));
  const fileNumbers = new Map(householdIds.map((id, i) => [id, households[i]?.fileNumber ?? '']));
  const labels = new Map<string, PersonLabel>();
  const read: Labelled[] = [];
  for (const r of residents) {
    let fullName: string | null = null;
    if (isOwnClinicStaff(principal, r.clinicId)) {
      try {
        fullName = pii.decrypt(r.pii).fullName;
        read.push(r);
      } catch {
        fullName = null;
      }
    }
    labels.set(r._id, { fullName, fileNumber: fileNumbers.get(r.householdId) ?? '' });
  }
  const at = clock.now();
  // Grouped by clinic: a list can span the caller's clinics (the referrals of all of them).
  for (const clinicId of new Set(read.map((r) => r.clinicId))) {
    const ids = [...new Set(read.filter((r) => r.clinicId === clinicId).map((r) => r._id))];
    await logAccess(models, { residentIds: ids, clinicId, action: 'read', principal, at, purpose });
  }
  return labels;
}

/** The residents named by ids (a page of referrals or bookings), read one by one; those not found are left out. */
export async function residentsByIds(models: ResidentDeps['models'], ids: readonly string[]): Promise<Labelled[]> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((id) => models.residents.findById(id, { clinicId: 1, householdId: 1, pii: 1 }).lean()));
  return found.filter((r): r is NonNullable<typeof r> => r !== null);
}

/** The label of each id, or a label without a name (and the file number unknown) for one not found. */
export const labelOf = (labels: Map<string, PersonLabel>, residentId: string): PersonLabel =>
  labels.get(residentId) ?? { fullName: null, fileNumber: '' };
