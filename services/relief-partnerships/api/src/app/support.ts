import { randomUUID } from 'node:crypto';
import { actOnReferral, codeSearch } from '@hamgam/agency-desk';
import {
  caps,
  eventCause,
  inList,
  outboxEntries,
  pageOf,
  readAll,
  type EventCause,
  type EventDraft,
  type PageContext,
} from '@hamgam/service-kit';
import { BrokenRuleError, IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import { reliefCollections } from '../data/models.js';
import type { Decision, StoredSupportRequest } from '../data/support-requests.js';
import { dayOf } from '../domain/days.js';
import { requestNumberOf, requestNumberPrefix } from '../domain/request-number.js';
import type { Benefit } from '../domain/duplicates.js';
import { assessEligibility, type MeansTest } from '../domain/eligibility.js';
import { arrearsOf, checkTerms, repaymentSchedule, type LoanTerms } from '../domain/schedule.js';
import {
  approvalTerms,
  approve,
  approveEligible,
  assess,
  checkFollowUp,
  checkRepayment,
  disburse,
  isUndecided,
  loanSchedule,
  reject,
  repay,
  supportKinds,
  type SupportKind,
} from '../domain/support.js';
import { agency, desk, type ReliefDeps } from '../deps.js';
import { factsOf } from './facts.js';

const supportOfferKinds = new Set<string>(supportKinds);

interface RequestTerms {
  kind: SupportKind;
  requestedRials: number;
  businessPlan: string;
  meansTest: MeansTest;
}

/**
 * A new request: from an accepted desk referral (its resident, household and neighbourhood; the household
 * given here only when the referral names none), or direct, naming the resident, the household and the need.
 */
export type NewRequest = RequestTerms &
  (
    | { referralId: string; householdRef?: string; neighbourhoodId?: string; purpose?: string }
    | { residentRef: string; householdRef: string; neighbourhoodId?: string; purpose: string }
  );

/**
 * Whether the clinics told relief of this resident of this household: a clinic's referral to relief named
 * them. Refs are opaque ids only the clinics issue; a pair no referral named may be mistyped or made up.
 */
const heardOfFromClinics = async (deps: ReliefDeps, residentRef: string, householdRef: string) =>
  (await deps.models.referrals.exists({ residentRef, householdRef })) !== null;

type Refs = Pick<StoredSupportRequest, '_id' | 'referralId' | 'residentRef' | 'householdRef' | 'refsVerified'>;
/** Verified when made (from a referral, or for refs a referral had named); absent on requests stored before the check. */
const verifiedWhenMade = (r: Refs) => r.refsVerified ?? r.referralId !== null;

/**
 * The requests (of one page) still unverified: made for refs no clinic's referral had named, and no referral
 * naming that resident of that household has reached relief since. Read from the desk's referrals each time,
 * so a referral that arrives later verifies the request on every replica without rewriting it.
 */
export async function stillUnverified(deps: ReliefDeps, requests: readonly Refs[]): Promise<Set<string>> {
  const doubted = requests.filter((r) => !verifiedWhenMade(r));
  if (doubted.length === 0) return new Set();
  const named = await readAll(
    deps.models.referrals
      .find({ residentRef: inList([...new Set(doubted.map((r) => r.residentRef))]) }, { residentRef: 1, householdRef: 1 })
      .lean(),
    caps.pageOfHouseholds,
  );
  const known = new Set(named.map((r) => `${r.residentRef}:${r.householdRef}`));
  return new Set(doubted.filter((r) => !known.has(`${r.residentRef}:${r.householdRef}`)).map((r) => r._id));
}

/**
 * Money goes only to a household a clinic referred to relief: a request made for refs no referral named is
 * neither approved nor disbursed until one does (judged on what relief knows now, not only when it was made).
 */
async function assertRefsVerified(deps: ReliefDeps, stored: Refs): Promise<void> {
  if (verifiedWhenMade(stored) || (await heardOfFromClinics(deps, stored.residentRef, stored.householdRef))) return;
  const why =
    'no clinic has referred this resident and household to relief, so no support is approved or paid to them; check the ids with the clinic: a clinic’s referral verifies them';
  throw new IllegalStepError('refs-unverified', why);
}

/** Where a request's resident and household come from: an accepted desk referral of a support offer, or the officer. */
async function origin(deps: ReliefDeps, body: NewRequest) {
  if (!('referralId' in body)) {
    return {
      referralId: null,
      residentRef: body.residentRef,
      householdRef: body.householdRef,
      neighbourhoodId: body.neighbourhoodId ?? null,
      purpose: body.purpose,
    };
  }
  const referral = await deps.models.referrals.findById(body.referralId, { outbox: 0 }).lean();
  if (!referral || referral.trackingCode === null)
    throw new NotFoundError('referral-not-found', `no referral ${body.referralId} at this agency`);
  if (referral.state !== 'accepted')
    throw new IllegalStepError('referral-not-accepted', `referral ${body.referralId} is ${referral.state}; accept it on the desk first`);
  const offer = referral.offerId ? await deps.models.offers.findById(referral.offerId, { kind: 1 }).lean() : null;
  if (!offer || !supportOfferKinds.has(offer.kind))
    throw new BrokenRuleError(
      'referral-not-for-support',
      `referral ${body.referralId} is not for a loan, grant or equipment offer`,
      'referralId',
    );
  const householdRef = referral.householdRef ?? body.householdRef;
  if (!householdRef)
    throw new BrokenRuleError(
      'referral-names-no-household',
      'the referral does not name the household; give its opaque id',
      'householdRef',
    );
  return {
    referralId: referral._id,
    residentRef: referral.residentRef!,
    householdRef,
    neighbourhoodId: referral.neighbourhoodId,
    purpose: body.purpose ?? referral.needCategory ?? 'income-support',
  };
}

/** Submits a request and assesses it at once from the facts known so far. One request per referral. */
export async function submitRequest(deps: ReliefDeps, body: NewRequest, by: string): Promise<StoredSupportRequest> {
  const create = async () => {
    const from = await origin(deps, body);
    if (from.referralId && (await deps.models.supportRequests.exists({ referralId: from.referralId }))) {
      throw new IllegalStepError('referral-has-request', `referral ${from.referralId} already has a support request`);
    }
    const now = deps.clock.now();
    const { facts } = await factsOf(deps, from.residentRef, from.householdRef);
    const result = assessEligibility({ meansTest: body.meansTest }, facts, dayOf(now));
    const refsVerified = from.referralId !== null || (await heardOfFromClinics(deps, from.residentRef, from.householdRef));
    const requestId = randomUUID();
    const request: StoredSupportRequest = {
      _id: requestId,
      requestNumber: requestNumberOf(requestId),
      ...from,
      refsVerified,
      kind: body.kind,
      requestedRials: body.requestedRials,
      businessPlan: body.businessPlan,
      meansTest: body.meansTest,
      state: assess('submitted', result.eligible),
      assessment: { ...result, at: now },
      decision: null,
      disbursement: null,
      schedule: null,
      repayments: [],
      followUps: [],
      submittedAt: now,
      submittedBy: by,
      outbox: [],
    };
    await deps.models.supportRequests.create(request);
    return request;
  };
  // Requests from one referral are made one at a time, so a double submission cannot make two.
  return 'referralId' in body ? deps.locks.run(`${reliefCollections.requests}:referral`, body.referralId, create) : create();
}

/** A change of one stored request under its lock, compare-and-set on the state it was read in. */
async function change(
  deps: ReliefDeps,
  requestId: string,
  plan: (
    stored: StoredSupportRequest,
  ) => Promise<{ set: Partial<StoredSupportRequest>; push?: Record<string, unknown>; events?: EventDraft<unknown>[]; cause?: EventCause }>,
): Promise<StoredSupportRequest> {
  const { supportRequests } = deps.models;
  const updated = await deps.locks.run(reliefCollections.requests, requestId, async () => {
    const stored = await supportRequests.findById(requestId, { outbox: 0 }).lean();
    if (!stored) throw new NotFoundError('request-not-found', `no support request ${requestId}`);
    const { set, push = {}, events = [], cause } = await plan(stored);
    const outbox = events.length > 0 && cause ? outboxEntries(agency, cause, events) : [];
    const update: Record<string, unknown> = { $set: set };
    const pushes = { ...push, ...(outbox.length > 0 ? { outbox: { $each: outbox } } : {}) };
    if (Object.keys(pushes).length > 0) update['$push'] = pushes;
    const result = await supportRequests.updateOne({ _id: requestId, state: stored.state }, update);
    if (result.matchedCount !== 1)
      throw new IllegalStepError('request-changed-meanwhile', `support request ${requestId} changed meanwhile; reload it`);
    return (await supportRequests.findById(requestId, { outbox: 0 }).lean())!;
  });
  deps.flushOutbox([requestId]);
  return updated;
}

/** The officers' own means test; the request is assessed again. */
export function setMeansTest(deps: ReliefDeps, requestId: string, meansTest: MeansTest) {
  return change(deps, requestId, async (stored) => {
    const now = deps.clock.now();
    const { facts } = await factsOf(deps, stored.residentRef, stored.householdRef);
    const result = assessEligibility({ meansTest }, facts, dayOf(now));
    return { set: { meansTest, state: assess(stored.state, result.eligible), assessment: { ...result, at: now } } };
  });
}

export type DecisionInput =
  { decision: 'approved'; amountRials: number; terms?: Omit<LoanTerms, 'amountRials'> } | { decision: 'rejected'; reason: string };

const decidedEvent = (r: StoredSupportRequest, decision: Decision): EventDraft<unknown> => ({
  type: `${agency}.support.decided`,
  version: 1,
  data: {
    requestId: r._id,
    residentRef: r.residentRef,
    householdRef: r.householdRef,
    referralId: r.referralId,
    kind: r.kind,
    decision: decision.decision,
    amountRials: decision.amountRials,
    decidedAt: decision.decidedAt.toISOString(),
  },
});

/**
 * Approve (with the amount, and a loan's terms) or reject (with a reason). An approval needs the
 * request eligible on the day of the decision: the facts are assessed again first.
 */
export function decide(deps: ReliefDeps, requestId: string, input: DecisionInput, by: string, cause: EventCause) {
  return change(deps, requestId, async (stored) => {
    const now = deps.clock.now();
    if (input.decision === 'rejected') {
      const state = reject(stored.state);
      const decision: Decision = { decision: 'rejected', amountRials: 0, reason: input.reason, terms: null, decidedAt: now, decidedBy: by };
      return { set: { state, decision }, events: [decidedEvent(stored, decision)], cause };
    }
    if (!isUndecided(stored.state)) approve(stored.state); // decided already: 409 before anything else
    await assertRefsVerified(deps, stored);
    // Judged on the facts as they stand on the decision day, whatever the last assessment said.
    const { facts } = await factsOf(deps, stored.residentRef, stored.householdRef);
    const today = assessEligibility(stored, facts, dayOf(now));
    const state = approveEligible(stored.state, today);
    const terms = approvalTerms(stored.kind, input.terms);
    if (terms) checkTerms({ amountRials: input.amountRials, ...terms });
    const decision: Decision = { decision: 'approved', amountRials: input.amountRials, reason: null, terms, decidedAt: now, decidedBy: by };
    return { set: { state, decision, assessment: { ...today, at: now } }, events: [decidedEvent(stored, decision)], cause };
  });
}

/**
 * Pays the approved amount (or hands over the equipment): support.disbursed and benefit.granted in the
 * request's own write; a loan gets its repayment schedule from the day of disbursement. A request that
 * came from a referral then completes the referral on the desk (outcome achieved), a second write that
 * the start-up reconciliation repeats if it was lost.
 */
export async function disburseRequest(deps: ReliefDeps, requestId: string, by: string, cause: EventCause) {
  const updated = await change(deps, requestId, async (stored) => {
    const state = disburse(stored.state);
    await assertRefsVerified(deps, stored);
    const now = deps.clock.now();
    const amountRials = stored.decision!.amountRials;
    const disbursedOn = dayOf(now);
    const schedule = stored.kind === 'micro-loan' ? repaymentSchedule({ amountRials, ...stored.decision!.terms! }, disbursedOn) : null;
    const disbursement = { amountRials, disbursedAt: now, disbursedOn, benefitId: randomUUID(), disbursedBy: by };
    const at = now.toISOString();
    const events: EventDraft<unknown>[] = [
      {
        type: `${agency}.support.disbursed`,
        version: 1,
        data: {
          requestId,
          residentRef: stored.residentRef,
          householdRef: stored.householdRef,
          kind: stored.kind,
          amountRials,
          disbursedAt: at,
        },
      },
      {
        type: `${agency}.benefit.granted`,
        version: 1,
        data: {
          benefitId: disbursement.benefitId,
          householdRef: stored.householdRef,
          residentRef: stored.residentRef,
          purpose: stored.purpose,
          amountRials,
          grantedAt: at,
        },
      },
    ];
    return { set: { state, disbursement, schedule }, events, cause };
  });
  if (updated.referralId) await completeReferral(deps, updated.referralId, cause);
  return updated;
}

async function completeReferral(deps: ReliefDeps, referralId: string, cause: EventCause) {
  const referral = await deps.models.referrals.findById(referralId, { state: 1 }).lean();
  if (referral?.state !== 'accepted') return; // already completed, or withdrawn by the clinic meanwhile
  try {
    await actOnReferral(deps, desk.options, referralId, { kind: 'complete', outcome: 'achieved' }, cause);
  } catch (error) {
    deps.logger.warn({ err: error, referralId }, 'referral not completed yet; the next start completes it');
  }
}

/** Start-up repair: every disbursed request's referral is completed on the desk. Idempotent. */
export async function reconcileReferrals(deps: ReliefDeps): Promise<number> {
  const disbursed = (
    await readAll(
      deps.models.supportRequests.find({ state: inList(['disbursed', 'repaying', 'repaid']) }, { referralId: 1, state: 1 }).lean(),
      caps.agencyCaseload,
    )
  ).filter((r) => r.referralId && (r.state === 'disbursed' || r.state === 'repaying' || r.state === 'repaid'));
  // The start-up has no request: the service itself is the actor.
  const cause = eventCause(agency, agency, `reconcile-${deps.clock.now().toISOString()}`);
  let repaired = 0;
  for (const request of disbursed) {
    const referral = await deps.models.referrals.findById(request.referralId, { state: 1 }).lean();
    if (referral?.state !== 'accepted') continue;
    await completeReferral(deps, request.referralId!, cause);
    repaired++;
  }
  return repaired;
}

/** A loan repayment: never more than is outstanding; the loan is repaid when nothing is. */
export function recordRepayment(deps: ReliefDeps, requestId: string, input: { amountRials: number; paidOn: string }, by: string) {
  return change(deps, requestId, async (stored) => {
    const schedule = loanSchedule(stored);
    const today = dayOf(deps.clock.now());
    const before = arrearsOf(schedule, stored.repayments, today);
    checkRepayment(input, { today, disbursedOn: stored.disbursement?.disbursedOn ?? null, outstandingRials: before.outstandingRials });
    const state = repay(stored.state, stored.kind, before.outstandingRials - input.amountRials);
    const repayment = {
      repaymentId: randomUUID(),
      amountRials: input.amountRials,
      paidOn: input.paidOn,
      recordedAt: deps.clock.now(),
      recordedBy: by,
    };
    return { set: { state }, push: { repayments: repayment } };
  });
}

/** A follow-up visit to the business, once the support reached it. */
export function recordFollowUp(
  deps: ReliefDeps,
  requestId: string,
  input: { visitedOn: string; operating: boolean; note: string },
  by: string,
) {
  return change(deps, requestId, async (stored) => {
    checkFollowUp(stored.state, input.visitedOn, dayOf(deps.clock.now()));
    const followUp = { followUpId: randomUUID(), ...input, recordedAt: deps.clock.now(), recordedBy: by };
    return { set: { state: stored.state }, push: { followUps: followUp } };
  });
}

/**
 * Every benefit the duplicate-benefit check knows: relief's own disbursements and institute funding's
 * grants — of these households only, when given (a page's), else all of them (bounded by a caseload).
 */
export async function allBenefits(deps: ReliefDeps, householdRefs?: readonly string[]): Promise<Benefit[]> {
  const only = householdRefs ? { householdRef: inList(householdRefs) } : {};
  const [requests, heard] = await Promise.all([
    readAll(deps.models.supportRequests.find(only, { householdRef: 1, purpose: 1, disbursement: 1 }).lean(), caps.agencyCaseload),
    readAll(deps.models.benefits.find(only).lean(), caps.agencyCaseload),
  ]);
  const own: Benefit[] = requests
    .filter((r) => r.disbursement)
    .map((r) => ({
      benefitId: r.disbursement!.benefitId,
      source: 'relief-partnerships',
      householdRef: r.householdRef,
      purpose: r.purpose,
      amountRials: r.disbursement!.amountRials,
      grantedAt: new Date(r.disbursement!.disbursedAt),
      requestId: r._id,
    }));
  return [
    ...own,
    ...heard.map((b): Benefit => ({
      benefitId: b._id,
      source: 'institute-funding',
      householdRef: b.householdRef,
      purpose: b.purpose,
      amountRials: b.amountRials,
      grantedAt: new Date(b.grantedAt),
      requestId: null,
    })),
  ];
}

/**
 * At start: gives every request stored before requests had numbers its number (derived from its id, so
 * replicas doing it at once write the same value), so a search by number finds it too.
 */
export async function fillRequestNumbers(deps: Pick<ReliefDeps, 'models'>) {
  const { supportRequests } = deps.models;
  const missing = await readAll(supportRequests.find({ requestNumber: null }, { _id: 1 }).lean(), caps.agencyCaseload);
  for (const r of missing)
    await supportRequests.updateOne({ _id: r._id, requestNumber: null }, { $set: { requestNumber: requestNumberOf(r._id) } });
}

export interface RequestListFilter {
  /** A request number or a referral's tracking code, whole or begun, normalised (`RLK7QM`, `K7QM3X`). */
  q?: string | undefined;
  kind?: SupportKind | undefined;
  purpose?: string | undefined;
  neighbourhoodId?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
}

/** How many referrals a tracking code's beginning may name for a search of the requests (a longer beginning narrows it). */
const codeMatchesRead = 500;

/** One page of the support requests, newest (or oldest) first, found by number or tracking code and narrowed by kind, need and place. */
export async function listRequests(deps: ReliefDeps, filter: RequestListFilter, page: PageContext) {
  let found: object[] | null = null;
  if (filter.q) {
    const q = filter.q;
    const byNumber = q.startsWith('RL') && q.length > 2 ? [{ requestNumber: codeSearch(q.slice(2), requestNumberPrefix) }] : [];
    const referrals = await deps.models.referrals
      .find({ trackingCode: codeSearch(q) }, { _id: 1 })
      .limit(codeMatchesRead)
      .lean();
    const byReferral = referrals.length > 0 ? [{ referralId: inList(referrals.map((r) => r._id)) }] : [];
    found = [...byNumber, ...byReferral];
    if (found.length === 0) return [];
  }
  const query = deps.models.supportRequests
    .find(
      {
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.purpose ? { purpose: filter.purpose } : {}),
        ...(filter.neighbourhoodId ? { neighbourhoodId: filter.neighbourhoodId } : {}),
        ...(found ? { $or: found } : {}),
      },
      { outbox: 0 },
    )
    .lean();
  return pageOf(query, page, page.res, { by: 'submittedAt', order: filter.order === 'asc' ? 1 : -1 });
}

/** The tracking codes of the referrals the requests on a page answer. */
export async function trackingCodesOf(deps: ReliefDeps, requests: { referralId: string | null }[]) {
  const ids = requests.map((r) => r.referralId).filter((id): id is string => id !== null);
  if (ids.length === 0) return new Map<string, string>();
  const rows = await readAll(deps.models.referrals.find({ _id: inList(ids) }, { trackingCode: 1 }).lean(), caps.pageOfHouseholds);
  return new Map(rows.filter((r) => r.trackingCode !== null).map((r) => [r._id, r.trackingCode!]));
}
