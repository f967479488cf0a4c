import { caps, isDuplicateKey, readAll } from '@hamgam/service-kit';
import type { StoredFact } from '../data/facts.js';
import { reliefCollections } from '../data/models.js';
import { assessEligibility, type EligibilityFacts } from '../domain/eligibility.js';
import { dayOf } from '../domain/days.js';
import { assess, isUndecided } from '../domain/support.js';
import { type ReliefDeps } from '../deps.js';

/** A fact's fields none of its kinds' events fill (each event sets its own). */
export const blankFact = {
  neighbourhoodId: null,
  residentRef: null,
  householdRef: null,
  trade: null,
  certificateNo: null,
  completedAt: null,
  flagId: null,
  flag: null,
  validUntil: null,
  flaggedAt: null,
  revokedAt: null,
};

/** The facts that decide a request: the resident's certificates and the household's flags. */
export async function factsOf(
  deps: ReliefDeps,
  residentRef: string,
  householdRef: string,
): Promise<{ facts: EligibilityFacts; stored: StoredFact[] }> {
  const { facts } = deps.models;
  const [certificates, flags] = await Promise.all([
    readAll(facts.find({ kind: 'certificate', residentRef }).sort({ completedAt: 1 }).lean(), caps.perPerson),
    readAll(facts.find({ kind: 'flag', householdRef }).sort({ flaggedAt: 1 }).lean(), caps.perPerson),
  ]);
  return {
    stored: [...certificates, ...flags],
    facts: {
      certificates: certificates.map((c) => ({
        enrolmentId: c._id.slice('certificate:'.length),
        trade: c.trade ?? '',
        certificateNo: c.certificateNo,
        completedAt: c.completedAt!,
      })),
      flags: flags.map((f) => ({ flagId: f.flagId!, flag: f.flag, validUntil: f.validUntil, revokedAt: f.revokedAt })),
    },
  };
}

/**
 * A fact changed: every undecided request of that resident or household is assessed again (a late
 * certificate makes one eligible, a revoked flag ineligible). Idempotent: an unchanged answer writes nothing.
 */
export async function reassess(deps: ReliefDeps, who: { residentRef?: string; householdRef?: string }): Promise<number> {
  const { supportRequests } = deps.models;
  const filter = who.residentRef ? { residentRef: who.residentRef } : { householdRef: who.householdRef };
  const candidates = await readAll(supportRequests.find(filter, { _id: 1, state: 1 }).lean(), caps.perPerson);
  let changed = 0;
  for (const candidate of candidates.filter((r) => isUndecided(r.state))) {
    await deps.locks.run(reliefCollections.requests, candidate._id, async () => {
      const stored = await supportRequests.findById(candidate._id, { outbox: 0 }).lean();
      if (!stored || !isUndecided(stored.state)) return;
      const { facts } = await factsOf(deps, stored.residentRef, stored.householdRef);
      const now = deps.clock.now();
      const result = assessEligibility(stored, facts, dayOf(now));
      const state = assess(stored.state, result.eligible);
      if (
        state === stored.state &&
        JSON.stringify(result.reasons) === JSON.stringify(stored.assessment.reasons) &&
        JSON.stringify(result.validFlags) === JSON.stringify(stored.assessment.validFlags)
      )
        return;
      const write = await supportRequests.updateOne(
        { _id: stored._id, state: stored.state },
        { $set: { state, assessment: { ...result, at: now } } },
      );
      if (write.matchedCount !== 1) throw new Error(`support request ${stored._id} changed while being reassessed; retrying`);
      changed++;
    });
  }
  return changed;
}

/** Stores a document made from an event once: a second copy of the event (same id) stores nothing. */
export async function insertOnce(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return false;
  }
}
