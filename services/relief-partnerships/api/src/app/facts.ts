import { caps, isDuplicateKey, readAll } from '@hamgam/service-kit';
import type { BenefitGrantedV1, EligibilityFlaggedV1, EligibilityRevokedV1, EnrolmentCompletedV1, Envelope, WorkshopPermitIssuedV1 } from '@hamgam/contracts';
import type { StoredFact } from '../data/facts.js';
import { reliefCollections } from '../data/models.js';
import { assessEligibility, type EligibilityFacts } from '../domain/eligibility.js';
import { dayOf } from '../domain/days.js';
import { assess, isUndecided } from '../domain/support.js';
import { type ReliefDeps } from '../deps.js';

const blankFact = {
  neighbourhoodId: null,
  residentRef: null, householdRef: null, trade: null, certificateNo: null, completedAt: null, flagId: null, flag: null, validUntil: null, flaggedAt: null, revokedAt: null,
};

/** The facts that decide a request: the resident's certificates and the household's flags. */
export async function factsOf(deps: ReliefDeps, residentRef: string, householdRef: string): Promise<{ facts: EligibilityFacts; stored: StoredFact[] }> {
  const { facts } = deps.models;
  const [certificates, flags] = await Promise.all([
    readAll(facts.find({ kind: 'certificate', residentRef }).sort({ completedAt: 1 }).lean(), caps.perPerson),
    readAll(facts.find({ kind: 'flag', householdRef }).sort({ flaggedAt: 1 }).lean(), caps.perPerson),
  ]);
  return {
    stored: [...certificates, ...flags],
    facts: {
      certificates: certificates.map((c) => ({ enrolmentId: c._id.slice('certificate:'.length), trade: c.trade ?? '', certificateNo: c.certificateNo, completedAt: c.completedAt! })),
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
      if (state === stored.state && JSON.stringify(result.reasons) === JSON.stringify(stored.assessment.reasons) && JSON.stringify(result.validFlags) === JSON.stringify(stored.assessment.validFlags)) return;
      const write = await supportRequests.updateOne({ _id: stored._id, state: stored.state }, { $set: { state, assessment: { ...result, at: now } } });
      if (write.matchedCount !== 1) throw new Error(`support request ${stored._id} changed while being reassessed; retrying`);
      changed++;
    });
  }
  return changed;
}

async function insertOnce(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return false;
  }
}

/** `vocational-training.enrolment.completed`: a passed course is a skills certificate of the resident. */
export async function receiveCompletion(deps: ReliefDeps, event: Envelope<EnrolmentCompletedV1>): Promise<void> {
  const { data } = event;
  if (data.result !== 'passed') return;
  await insertOnce(() =>
    deps.models.facts.create({
      ...blankFact, _id: `certificate:${data.enrolmentId}`, kind: 'certificate', residentRef: data.residentRef, householdRef: data.householdRef,
      neighbourhoodId: data.neighbourhoodId, trade: data.trade, certificateNo: data.certificateNo, completedAt: new Date(data.completedAt), receivedAt: deps.clock.now(), sourceEventId: event.id,
    }),
  );
  // Also after a duplicate: a crash may have come between the fact and the reassessment.
  await reassess(deps, { residentRef: data.residentRef });
}

/** `welfare.eligibility.flagged`: the household's flag, kept revoked if its revocation came first. */
export async function receiveFlag(deps: ReliefDeps, event: Envelope<EligibilityFlaggedV1>): Promise<void> {
  const { data } = event;
  const _id = `flag:${data.flagId}`;
  await deps.locks.run(reliefCollections.facts, _id, async () => {
    const fields = { householdRef: data.householdRef, flagId: data.flagId, flag: data.flag, validUntil: data.validUntil, flaggedAt: new Date(data.flaggedAt) };
    const created = await insertOnce(() => deps.models.facts.create({ ...blankFact, ...fields, _id, kind: 'flag', receivedAt: deps.clock.now(), sourceEventId: event.id }));
    if (!created) await deps.models.facts.updateOne({ _id, flag: null }, { $set: fields });
  });
  await reassess(deps, { householdRef: data.householdRef });
}

/** `welfare.eligibility.revoked`: the flag no longer counts (remembered even before the flag arrives). */
export async function receiveRevocation(deps: ReliefDeps, event: Envelope<EligibilityRevokedV1>): Promise<void> {
  const { data } = event;
  const _id = `flag:${data.flagId}`;
  const revokedAt = new Date(data.revokedAt);
  await deps.locks.run(reliefCollections.facts, _id, async () => {
    const created = await insertOnce(() =>
      deps.models.facts.create({ ...blankFact, _id, kind: 'flag', householdRef: data.householdRef, flagId: data.flagId, revokedAt, receivedAt: deps.clock.now(), sourceEventId: event.id }),
    );
    if (!created) await deps.models.facts.updateOne({ _id, revokedAt: null }, { $set: { revokedAt } });
  });
  await reassess(deps, { householdRef: data.householdRef });
}

/** `institute-funding.benefit.granted`: kept for the duplicate-benefit check. */
export async function receiveBenefit(deps: ReliefDeps, event: Envelope<BenefitGrantedV1>): Promise<void> {
  const { data } = event;
  await insertOnce(() =>
    deps.models.benefits.create({
      _id: data.benefitId, source: 'institute-funding', householdRef: data.householdRef, residentRef: data.residentRef, purpose: data.purpose,
      amountRials: data.amountRials, grantedAt: new Date(data.grantedAt), sourceEventId: event.id,
    }),
  );
}

/** `vocational-training.permit.issued`: a permitted workshop Basij may prepare. */
export async function receivePermit(deps: ReliefDeps, event: Envelope<WorkshopPermitIssuedV1>): Promise<void> {
  const { data } = event;
  await insertOnce(() =>
    deps.models.permits.create({
      _id: data.permitId, permitNo: data.permitNo, trade: data.trade, neighbourhoodId: data.neighbourhoodId, validUntil: data.validUntil, issuedAt: new Date(data.issuedAt), sourceEventId: event.id,
    }),
  );
}
