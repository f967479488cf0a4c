import { dayOf } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import type { BenefitGrantedV1, TrancheReleasedV1 } from '@hamgam/contracts';
import { badRequest, caps, conflict, inList, isDuplicateKey, notFound, outboxEntries, pageOf, readAll, type EventCause, type PageContext } from '@hamgam/service-kit';
import {
  awardedFrom,
  awardStatusAfter,
  callStatus,
  cancelAward,
  checkApplication,
  checkWithinBudget,
  FundingRuleError,
  householdsToGrant,
  IllegalStepError,
  isReleasable,
  payTranche,
  planTranches,
  releaseTranche,
  seatValue,
  stepApplication,
  verifiedCounts,
  type ApplicationRequest,
  type AwardTerms,
  type Tranche,
  type Verified,
} from '../domain/funding.js';
import { fundingCollections, type GrantedBenefit, type StoredApplication, type StoredOutcome, type StoredCall, type StoredInstitute } from '../data/models.js';
import { serviceName, type FundingDeps } from '../deps.js';
import { postCall } from './ledger.js';

/** Domain refusals as HTTP problems: broken rules are 400, steps the state forbids are 409. */
function asProblem<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof FundingRuleError) throw badRequest(error.message);
    if (error instanceof IllegalStepError) throw conflict(error.message);
    throw error;
  }
}

// Institutes -------------------------------------------------------------------------------------------

export type InstituteFields = Omit<StoredInstitute, '_id' | 'updatedAt' | 'updatedBy'>;

export async function registerInstitute(deps: FundingDeps, instituteId: string, fields: InstituteFields, by: string) {
  try {
    const created = await deps.models.institutes.create({ _id: instituteId, ...fields, updatedAt: deps.clock.now(), updatedBy: by });
    return created.toObject() as StoredInstitute;
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict(`institute ${instituteId} is registered already`);
    throw error;
  }
}

/** A renewed licence, a move, new trades: the institute's record is replaced (applications keep what they asked). */
export async function updateInstitute(deps: FundingDeps, instituteId: string, fields: InstituteFields, by: string) {
  const updated = await deps.models.institutes.findOneAndUpdate({ _id: instituteId }, { $set: { ...fields, updatedAt: deps.clock.now(), updatedBy: by } }, { returnDocument: 'after' }).lean();
  if (!updated) throw notFound(`no institute ${instituteId}`);
  return updated;
}

// Calls ------------------------------------------------------------------------------------------------

export type CallFields = Omit<StoredCall, '_id' | 'createdAt' | 'createdBy'>;

/** A funding call and its budget's posting (money from the programme's appropriation into the call). */
export async function openCall(deps: FundingDeps, fields: CallFields, by: string) {
  if (fields.closesOn < fields.opensOn) throw badRequest('closesOn is before opensOn');
  if (fields.closesOn < dayOf(deps.clock.now())) throw badRequest('closesOn cannot be in the past');
  const call: StoredCall = { _id: randomUUID(), ...fields, createdAt: deps.clock.now(), createdBy: by };
  await deps.models.calls.create(call);
  await postCall(deps, call._id);
  return call;
}

export async function callsView(deps: FundingDeps) {
  const today = dayOf(deps.clock.now());
  const [calls, awarded] = await Promise.all([
    // A funding office opens a handful of calls a year: read whole, bounded.
    readAll(deps.models.calls.find().sort({ opensOn: -1, _id: 1 }).lean(), caps.reference),
    readAll(deps.models.applications.find({ state: 'awarded' }, { callId: 1, award: 1 }).lean(), caps.agencyCaseload),
  ]);
  return calls.map((c) => {
    const awardedRials = awardedFrom(awarded.filter((a) => a.callId === c._id).map((a) => a.award!));
    const { _id, createdBy: _b, ...rest } = c;
    return { callId: _id, ...rest, status: callStatus(c, today), awardedRials, availableRials: c.budgetRials - awardedRials };
  });
}

// Applications -----------------------------------------------------------------------------------------

export async function submitApplication(deps: FundingDeps, callId: string, instituteId: string, request: ApplicationRequest, by: string) {
  const [call, institute] = await Promise.all([deps.models.calls.findById(callId).lean(), deps.models.institutes.findById(instituteId).lean()]);
  if (!call) throw notFound(`no call ${callId}`);
  if (!institute) throw notFound(`no institute ${instituteId}`);
  const now = deps.clock.now();
  asProblem(() => checkApplication({ ...call, callId }, { ...institute, instituteId }, request, dayOf(now)));
  const application: Omit<StoredApplication, 'outbox'> = {
    _id: randomUUID(), callId, instituteId, ...request, state: 'submitted', submittedAt: now, recordedBy: by, reviewStartedAt: null,
    decidedAt: null, decidedBy: null, rejectionReason: null, award: null, benefits: [], revision: 1,
  };
  try {
    await deps.models.applications.create({ ...application, outbox: [] });
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict(`institute ${instituteId} has applied to this call already`);
    throw error;
  }
  return application;
}

type Change = Partial<Omit<StoredApplication, '_id' | 'outbox' | 'revision' | 'benefits'>>;

/**
 * Reads an application, lets `decide` compute its change, and stores it only if nobody changed the
 * document meanwhile (revision compare-and-set), with its events in the same write.
 */
async function changeApplication(
  deps: FundingDeps,
  id: string,
  decide: (stored: StoredApplication) => Promise<{ set: Change; benefits?: GrantedBenefit[]; events?: { type: string; data: unknown }[]; cause?: EventCause }>,
) {
  const { applications } = deps.models;
  const result = await deps.locks.run(fundingCollections.applications, id, async () => {
    const stored = await applications.findById(id, { outbox: 0 }).lean();
    if (!stored) throw notFound(`no application or award ${id}`);
    const { set, benefits = [], events = [], cause } = await decide(stored as StoredApplication);
    const push: Record<string, unknown> = {};
    if (benefits.length > 0) push['benefits'] = { $each: benefits };
    if (events.length > 0) push['outbox'] = { $each: outboxEntries(serviceName, cause!, events.map((e) => ({ ...e, version: 1 }))) };
    const written = await applications.updateOne(
      { _id: id, revision: stored.revision },
      { $set: { ...set, revision: stored.revision + 1 }, ...(Object.keys(push).length > 0 ? { $push: push } : {}) },
    );
    if (written.matchedCount !== 1) throw conflict(`application ${id} changed meanwhile; reload it`);
    return { ...(stored as StoredApplication), ...set, benefits: [...stored.benefits, ...benefits], revision: stored.revision + 1, hadEvents: events.length > 0 };
  });
  const { hadEvents, ...application } = result;
  if (hadEvents) deps.flushOutbox([id]);
  return application;
}

export const startReview = (deps: FundingDeps, id: string) =>
  changeApplication(deps, id, async (stored) => ({ set: { state: asProblem(() => stepApplication(stored.state, 'review')), reviewStartedAt: deps.clock.now() } }));

export const rejectApplication = (deps: FundingDeps, id: string, reason: string, by: string) =>
  changeApplication(deps, id, async (stored) => ({
    set: { state: asProblem(() => stepApplication(stored.state, 'reject')), rejectionReason: reason, decidedAt: deps.clock.now(), decidedBy: by },
  }));

/**
 * Awards an application under review: the tranche plan splits the amount, and the call's awards may not
 * exceed its budget (serialised per call, so two awards cannot both take its last rials). The award's
 * posting moves the amount from the call's budget into the award's commitment.
 */
export async function awardApplication(deps: FundingDeps, id: string, terms: AwardTerms, by: string) {
  const application = await deps.models.applications.findById(id, { callId: 1 }).lean();
  if (!application) throw notFound(`no application ${id}`);
  const callId = application.callId;
  const awarded = await deps.locks.run(fundingCollections.calls, callId, async () => {
    const call = await deps.models.calls.findById(callId).lean();
    if (!call) throw notFound(`no call ${callId}`);
    const others = await readAll(deps.models.applications.find({ callId, state: 'awarded' }, { award: 1 }).lean(), caps.reference);
    return changeApplication(deps, id, async (stored) => {
      const state = asProblem(() => stepApplication(stored.state, 'award'));
      const tranches = asProblem(() => planTranches(terms, stored));
      asProblem(() => checkWithinBudget(call, awardedFrom(others.map((o) => o.award!)), terms.amountRials));
      const now = deps.clock.now();
      return {
        set: {
          state, decidedAt: now, decidedBy: by,
          award: { amountRials: terms.amountRials, seats: terms.seats, neighbourhoodIds: call.neighbourhoodIds, status: 'active', tranches, awardedAt: now, awardedBy: by, cancelledAt: null, cancelReason: null },
        },
      };
    });
  });
  await postCall(deps, callId);
  return awarded;
}

/** One page of applications (oldest first), optionally of one call or in one state. */
export async function applicationsView(deps: FundingDeps, filter: { callId?: string; state?: string }, page: PageRequest) {
  const query: Record<string, string> = {};
  if (filter.callId) query['callId'] = filter.callId;
  if (filter.state) query['state'] = filter.state;
  return pageOf(deps.models.applications.find(query, { outbox: 0 }).lean(), page, page.res, { by: 'submittedAt', order: 1 });
}

type PageRequest = PageContext;

// Awards -----------------------------------------------------------------------------------------------

export async function verifiedFor(deps: FundingDeps, awardId: string): Promise<Verified> {
  return verifiedCounts(await readAll(deps.models.outcomes.find({ awardId }, { enrolled: 1, result: 1 }).lean(), caps.perNeighbourhood));
}

const awardOf = (stored: StoredApplication) => {
  if (!stored.award) throw notFound(`no award ${stored._id}`);
  return stored.award;
};

/**
 * Releases a tranche whose verified condition holds: publishes institute-funding.tranche.released and,
 * for each verified seat's household not funded by this award before, institute-funding.benefit.granted
 * (purpose skills-training) — all in the award's one write; then the release's posting.
 */
export async function releaseAwardTranche(deps: FundingDeps, awardId: string, trancheNo: number, cause: EventCause) {
  const released = await changeApplication(deps, awardId, async (stored) => {
    const award = awardOf(stored);
    const outcomes = await readAll(deps.models.outcomes.find({ awardId }).lean(), caps.perNeighbourhood);
    const verified = verifiedCounts(outcomes);
    const now = deps.clock.now();
    const tranches = asProblem(() => releaseTranche(award.status, award.tranches, trancheNo, verified, now));
    const tranche = tranches.find((t) => t.trancheNo === trancheNo)!;
    const seats = outcomes.filter((o) => o.result !== 'dropped-out').map((o) => ({ enrolmentId: o._id, householdRef: o.householdRef, residentRef: o.residentRef }));
    const perSeat = seatValue(award.amountRials, award.seats);
    const benefits: GrantedBenefit[] = householdsToGrant(seats, stored.benefits, award.seats).map((seat) => ({
      benefitId: randomUUID(), enrolmentId: seat.enrolmentId, householdRef: seat.householdRef!, residentRef: seat.residentRef, amountRials: perSeat, trancheNo, grantedAt: now,
    }));
    const releasedData: TrancheReleasedV1 = {
      awardId, instituteId: stored.instituteId, trancheNo, amountRials: tranche.amountRials,
      verifiedEnrolments: verified.enrolments, verifiedCompletions: verified.completions, releasedAt: now.toISOString(),
    };
    const benefitEvents = benefits.map((b) => ({
      type: 'institute-funding.benefit.granted',
      data: {
        benefitId: b.benefitId, householdRef: b.householdRef, residentRef: b.residentRef, purpose: 'skills-training', amountRials: b.amountRials, grantedAt: now.toISOString(),
      } satisfies BenefitGrantedV1,
    }));
    return {
      set: { award: { ...award, tranches } },
      benefits,
      events: [{ type: 'institute-funding.tranche.released', data: releasedData }, ...benefitEvents],
      cause,
    };
  });
  await postCall(deps, released.callId);
  return released;
}

export async function payAwardTranche(deps: FundingDeps, awardId: string, trancheNo: number, paymentRef: string) {
  const paid = await changeApplication(deps, awardId, async (stored) => {
    const award = awardOf(stored);
    const tranches = asProblem(() => payTranche(award.status, award.tranches, trancheNo, paymentRef, deps.clock.now()));
    return { set: { award: { ...award, tranches, status: award.status === 'cancelled' ? 'cancelled' : awardStatusAfter(tranches) } } };
  });
  await postCall(deps, paid.callId);
  return paid;
}

export async function cancelAwardOf(deps: FundingDeps, awardId: string, reason: string) {
  const cancelled = await changeApplication(deps, awardId, async (stored) => {
    const award = awardOf(stored);
    const { tranches } = asProblem(() => cancelAward(award.status, award.tranches));
    return { set: { award: { ...award, tranches, status: 'cancelled', cancelledAt: deps.clock.now(), cancelReason: reason } } };
  });
  await postCall(deps, cancelled.callId);
  return cancelled;
}

/** Awards with what TVTO verified for each and which tranche may be released now. */
export async function awardsView(deps: FundingDeps, which: { awardId: string } | PageRequest) {
  const query: Record<string, string> = { state: 'awarded' };
  if ('awardId' in which) query['_id'] = which.awardId;
  const find = deps.models.applications.find(query, { outbox: 0 }).lean();
  // One award, or one page of them (oldest decision first).
  const awarded = 'awardId' in which ? await readAll(find, 1) : await pageOf(find, which, which.res, { by: 'decidedAt', order: 1 });
  // The verified outcomes of those awards (one per enrolled seat), bounded.
  const outcomes: Pick<StoredOutcome, 'awardId' | 'enrolled' | 'result'>[] = awarded.length
    ? await readAll(deps.models.outcomes.find({ awardId: inList(awarded.map((a) => a._id)) }, { awardId: 1, enrolled: 1, result: 1 }).lean(), caps.agencyCaseload)
    : [];
  return awarded.map((a) => {
    const award = a.award!;
    const verified = verifiedCounts(outcomes.filter((o) => o.awardId === a._id));
    const tranches = (award.tranches as Tranche[]).map((t) => ({ ...t, releasable: award.status === 'active' && isReleasable(award.tranches, t.trancheNo, verified) }));
    return { a, award, verified, tranches };
  });
}
