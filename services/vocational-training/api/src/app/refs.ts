import { caps, inList, readAll } from '@hamgam/service-kit';
import type { VtDeps } from '../deps.js';

/** Why a direct record is marked unverified (the permit's history says it; the UI explains it). */
export const unverifiedNote = 'resident not referred to TVTO by a clinic (unverified)';

/**
 * Whether a direct record's resident is one the clinics told TVTO of: no ref given (a walk-in, whose id
 * TVTO makes or who has none: nothing to check), or a clinic's referral to TVTO named them. Refs are
 * opaque ids only the clinics issue; one no referral named may be mistyped or made up.
 */
export async function refsVerifiedOf(deps: Pick<VtDeps, 'models'>, residentRef: string | null): Promise<boolean> {
  return residentRef === null || (await deps.models.referrals.exists({ residentRef })) !== null;
}

interface Marked {
  _id: string;
  referralId: string | null;
  residentRef: string | null;
  refsVerified?: boolean;
}

/** What a list may show of each record's resident: whether it is still unverified, and the clinic referral's tracking code that names them. */
export interface ResidentMarks {
  unverified: ReadonlySet<string>;
  /** Record id → the tracking code of the referral it answered, else of the newest referral to TVTO naming its resident. */
  referralCodes: ReadonlyMap<string, string>;
}

/**
 * The marks of a page of records, read from the desk's referrals in one query. A person is never shown
 * a resident's opaque ref: staff name a resident by a referral's tracking code, the one code the clinic
 * and the resident also hold. A record whose resident no referral names has no code (and is unverified).
 */
export async function residentMarks(deps: Pick<VtDeps, 'models'>, records: readonly Marked[]): Promise<ResidentMarks> {
  const refs = [...new Set(records.map((r) => r.residentRef).filter((r): r is string => r !== null))];
  const named =
    refs.length === 0
      ? []
      : await readAll(
          deps.models.referrals.find({ residentRef: inList(refs) }, { residentRef: 1, trackingCode: 1, madeAt: 1 }).lean(),
          caps.pageOfHouseholds,
        );
  const known = new Set(named.map((r) => r.residentRef));
  // A withdrawal that overtook its referral is stored without a code yet: it names no one for a screen.
  const coded = named.filter(
    (r): r is typeof r & { trackingCode: string; residentRef: string } => r.trackingCode !== null && r.residentRef !== null,
  );
  const byId = new Map(coded.map((r) => [r._id, r.trackingCode]));
  const newest = new Map<string, { code: string; at: number }>();
  for (const r of coded) {
    const at = r.madeAt ? new Date(r.madeAt).getTime() : 0;
    const seen = newest.get(r.residentRef);
    if (!seen || at > seen.at) newest.set(r.residentRef, { code: r.trackingCode, at });
  }
  const referralCodes = new Map<string, string>();
  for (const record of records) {
    const code = (record.referralId && byId.get(record.referralId)) || (record.residentRef && newest.get(record.residentRef)?.code);
    if (code) referralCodes.set(record._id, code);
  }
  const unverified = new Set(
    records
      .filter((r) => r.residentRef !== null && !(r.refsVerified ?? r.referralId !== null) && !known.has(r.residentRef))
      .map((r) => r._id),
  );
  return { unverified, referralCodes };
}

/** A record's marks, as its view carries them. */
export const marksOf = (marks: ResidentMarks, id: string) => ({
  unverified: marks.unverified.has(id),
  referralCode: marks.referralCodes.get(id) ?? null,
});
