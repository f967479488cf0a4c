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

/**
 * The records (of one page or course) still unverified: stored unverified, and no referral naming their
 * resident has reached TVTO since. Read from the desk's referrals on every answer, so a referral that
 * arrives later verifies the record on every replica without rewriting it.
 */
export async function stillUnverified(deps: Pick<VtDeps, 'models'>, records: readonly Marked[]): Promise<Set<string>> {
  const doubted = records.filter(
    (r): r is Marked & { residentRef: string } => r.residentRef !== null && !(r.refsVerified ?? r.referralId !== null),
  );
  if (doubted.length === 0) return new Set();
  const refs = [...new Set(doubted.map((r) => r.residentRef))];
  const named = await readAll(deps.models.referrals.find({ residentRef: inList(refs) }, { residentRef: 1 }).lean(), caps.pageOfHouseholds);
  const known = new Set(named.map((r) => r.residentRef));
  return new Set(doubted.filter((r) => !known.has(r.residentRef)).map((r) => r._id));
}
