import { randomUUID } from 'node:crypto';
import { actOnReferral, IllegalTransitionError, type DeskModels } from '@hamgam/agency-desk';
import type { EligibilityFlag, EligibilityFlaggedV1, EligibilityRevokedV1, ReferralCompletedV1 } from '@hamgam/contracts';
import { badRequest, caps, conflict, forbidden, HttpProblem, inList, isDuplicateKey, notFound, outboxEntries, pageOf, readAll, type EventCause, type EventDraft, type PageContext, type Principal, type ServiceDeps } from '@hamgam/service-kit';
import { welfareCollections, type CaseHistoryEntry, type StoredCase, type WelfareModels } from '../data/models.js';
import { desk } from '../desk.js';
import { scoreAssessment, type AssessmentAnswers } from '../domain/assessment.js';
import {
  assertPlanned,
  checkFlagConfirmation,
  checkFlagRevocation,
  checkVisit,
  closeCase,
  reopenCase,
  stateAfterAssessment,
  stateAfterGoal,
  stateAfterVisit,
  type ClosureReason,
} from '../domain/cases.js';

export type Models = WelfareModels & DeskModels;
export type WelfareDeps = ServiceDeps<Models>;

export const agency = 'welfare';

export const causeOf = (principal: Principal, correlationId: string): EventCause => ({
  actor: { subject: principal.subject, agency },
  correlationId,
});

/** A case as the app works on it (no outbox). */
export type CaseRecord = Omit<StoredCase, 'outbox'>;

/** What one change does to a case: its fields, the history line, the events it publishes. */
interface Change {
  set: Partial<CaseRecord>;
  action: string;
  detail?: string | null;
  events?: EventDraft<unknown>[];
}

function translate(error: unknown): unknown {
  if (error instanceof IllegalTransitionError) return conflict(error.message);
  if (error instanceof RangeError) return badRequest(error.message);
  return error;
}

/** The case, if it is in the caller's caseload: someone else's case is a 403, a missing one a 404. */
export async function readOwnCase(deps: WelfareDeps, caseId: string, principal: Principal): Promise<CaseRecord> {
  const stored = await deps.models.cases.findById(caseId, { outbox: 0 }).lean();
  if (!stored) throw notFound(`no case ${caseId}`);
  if (stored.worker !== principal.username) throw forbidden(`case ${caseId} is in another case worker's caseload`);
  return stored;
}

/**
 * One change of a case in the caller's caseload: the new fields, a history line and the events are one
 * single-document write, compare-and-set on the revision the change was computed from.
 */
export async function changeCase(
  deps: WelfareDeps,
  caseId: string,
  principal: Principal,
  cause: EventCause,
  decide: (stored: CaseRecord, now: Date) => Change,
): Promise<CaseRecord> {
  const { cases } = deps.models;
  const result = await deps.locks.run(welfareCollections.cases, caseId, async () => {
    const stored = await readOwnCase(deps, caseId, principal);
    const now = deps.clock.now();
    let change: Change;
    try {
      change = decide(stored, now);
    } catch (error) {
      throw translate(error);
    }
    const entry: CaseHistoryEntry = { at: now, by: principal.username, action: change.action, detail: change.detail ?? null };
    const outbox = outboxEntries(agency, cause, change.events ?? []);
    const written = await cases.updateOne(
      { _id: caseId, revision: stored.revision },
      { $set: { ...change.set, revision: stored.revision + 1 }, $push: { history: entry, outbox: { $each: outbox } } },
    );
    if (written.matchedCount !== 1) throw conflict(`case ${caseId} changed meanwhile; reload it`);
    return { updated: { ...stored, ...change.set, revision: stored.revision + 1, history: [...stored.history, entry] }, published: outbox.length > 0 };
  });
  if (result.published) deps.flushOutbox([caseId]);
  return result.updated;
}

export interface OpenCaseInput {
  householdRef: string;
  residentRef: string | null;
  neighbourhoodId: string;
  clinicId: string | null;
  referralId: string | null;
}

/** Stable codes of the 409 a second open case for a household gets. */
export const openCaseCodes = { mine: 'household-case-open-in-your-caseload', elsewhere: 'household-case-open-elsewhere' } as const;

/**
 * Whether the clinics told welfare of this household (and resident): a clinic's referral to welfare named
 * them. Refs are opaque ids only the clinics issue; one no referral named may be mistyped or made up.
 */
const heardOfFromClinics = async (deps: WelfareDeps, { householdRef, residentRef }: Pick<OpenCaseInput, 'householdRef' | 'residentRef'>) =>
  (await deps.models.referrals.exists({ householdRef, ...(residentRef ? { residentRef } : {}) })) !== null;

/**
 * Opens a case in the caller's caseload; a household has at most one open case at a time. A case opened
 * directly for a household no clinic referred to welfare is kept, marked unverified (refsVerified false).
 */
export async function openCase(deps: WelfareDeps, principal: Principal, input: OpenCaseInput, caseId: string = randomUUID()): Promise<CaseRecord> {
  const { cases } = deps.models;
  return deps.locks.run('welfare_households', input.householdRef, async () => {
    // A household has few cases; filtered here (operators in filters are sanitised away).
    const open = (await readAll(cases.find({ householdRef: input.householdRef }, { _id: 1, worker: 1, state: 1 }).lean(), caps.perPerson)).find((c) => c.state !== 'closed');
    if (open?.worker === principal.username) {
      throw new HttpProblem(409, 'Conflict', 'this household already has an open case in your caseload; continue that case', { code: openCaseCodes.mine, caseId: open._id });
    }
    if (open) {
      // Which case worker holds it, and the case itself, are theirs: the officer needs only to know where to turn.
      throw new HttpProblem(409, 'Conflict', 'this household already has an open welfare case (a household has one at a time); ask your supervisor if you should take it over', {
        code: openCaseCodes.elsewhere,
      });
    }
    const now = deps.clock.now();
    const refsVerified = input.referralId !== null || (await heardOfFromClinics(deps, input));
    const record: CaseRecord = {
      _id: caseId, ...input, refsVerified, worker: principal.username, state: 'opened', closedFrom: null, closure: null, reopenReason: null,
      assessment: null, goals: [], visits: [], flags: [], openedAt: now, openedBy: principal.username, revision: 1,
      history: [{ at: now, by: principal.username, action: 'opened', detail: input.referralId ? `referral ${input.referralId}` : refsVerified ? null : 'household not referred by a clinic (unverified)' }],
    };
    try {
      await cases.create({ ...record, outbox: [] });
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict(`a case for referral ${input.referralId ?? caseId} exists already`);
      throw error;
    }
    return record;
  });
}

/** Accepted desk referrals for social care that no case was opened for yet: one page of accepted referrals, newest first. */
export async function openableReferrals(deps: WelfareDeps, page: PageContext) {
  const { referrals, offers, cases } = deps.models;
  const accepted = await pageOf(referrals.find({ state: 'accepted' }, { outbox: 0 }).lean(), page, page.res, { by: 'acceptedAt', order: -1 });
  const [socialCare, opened] = await Promise.all([
    readAll(offers.find({ kind: 'social-care' }, { title: 1 }).lean(), caps.reference),
    readAll(cases.find({ referralId: inList(accepted.map((r) => r._id)) }, { referralId: 1 }).lean(), caps.pageOfHouseholds),
  ]);
  const titles = new Map(socialCare.map((o) => [o._id, o.title]));
  const taken = new Set(opened.map((c) => c.referralId).filter((r): r is string => r !== null));
  return accepted.filter((r) => r.offerId !== null && titles.has(r.offerId) && !taken.has(r._id)).map((r) => ({ referral: r, offerTitle: titles.get(r.offerId!)! }));
}

/** Opens a case for an accepted social-care referral of the desk; the case keeps its id (one case per referral). */
export async function openCaseFromReferral(deps: WelfareDeps, principal: Principal, referralId: string): Promise<CaseRecord> {
  const { referrals, offers } = deps.models;
  const referral = await referrals.findById(referralId, { outbox: 0 }).lean();
  if (!referral || referral.trackingCode === null) throw notFound(`no referral ${referralId} at welfare`);
  if (referral.state !== 'accepted') throw conflict(`referral ${referralId} is ${referral.state}; a case is opened for an accepted referral`);
  const offer = referral.offerId ? await offers.findById(referral.offerId, { kind: 1 }).lean() : null;
  if (!offer || offer.kind !== 'social-care') throw conflict(`referral ${referralId} is not for a social-care offer`);
  if (!referral.householdRef || !referral.neighbourhoodId) throw conflict(`referral ${referralId} names no household`);
  return openCase(
    deps,
    principal,
    { householdRef: referral.householdRef, residentRef: referral.residentRef, neighbourhoodId: referral.neighbourhoodId, clinicId: referral.clinicId, referralId },
    referralId,
  );
}

export function assess(deps: WelfareDeps, caseId: string, principal: Principal, cause: EventCause, answers: AssessmentAnswers) {
  return changeCase(deps, caseId, principal, cause, (c, now) => {
    const state = stateAfterAssessment(c);
    const result = scoreAssessment(answers);
    return { set: { state, assessment: { answers, result, assessedAt: now, assessedBy: principal.username } }, action: 'assessed', detail: `${result.level} (${result.total}/12)` };
  });
}

export function addGoal(deps: WelfareDeps, caseId: string, principal: Principal, cause: EventCause, text: string) {
  return changeCase(deps, caseId, principal, cause, (c) => {
    const state = stateAfterGoal(c);
    return { set: { state, goals: [...c.goals, { goalId: randomUUID(), text, met: false, tasks: [] }] }, action: 'goal-added', detail: text };
  });
}

export function markGoal(deps: WelfareDeps, caseId: string, principal: Principal, cause: EventCause, goalId: string, met: boolean) {
  return changeCase(deps, caseId, principal, cause, (c) => {
    assertPlanned(c);
    const goal = c.goals.find((g) => g.goalId === goalId);
    if (!goal) throw notFound(`no goal ${goalId} in case ${caseId}`);
    return { set: { goals: c.goals.map((g) => (g.goalId === goalId ? { ...g, met } : g)) }, action: met ? 'goal-met' : 'goal-reopened', detail: goal.text };
  });
}

export function addTask(deps: WelfareDeps, caseId: string, principal: Principal, cause: EventCause, goalId: string, task: { text: string; dueOn: string }) {
  return changeCase(deps, caseId, principal, cause, (c) => {
    assertPlanned(c);
    if (!c.goals.some((g) => g.goalId === goalId)) throw notFound(`no goal ${goalId} in case ${caseId}`);
    const added = { taskId: randomUUID(), text: task.text, dueOn: task.dueOn, done: false, doneAt: null };
    return { set: { goals: c.goals.map((g) => (g.goalId === goalId ? { ...g, tasks: [...g.tasks, added] } : g)) }, action: 'task-added', detail: `${task.text} (${task.dueOn})` };
  });
}

export function markTask(deps: WelfareDeps, caseId: string, principal: Principal, cause: EventCause, taskId: string, done: boolean) {
  return changeCase(deps, caseId, principal, cause, (c, now) => {
    assertPlanned(c);
    const task = c.goals.flatMap((g) => g.tasks).find((t) => t.taskId === taskId);
    if (!task) throw notFound(`no task ${taskId} in case ${caseId}`);
    const goals = c.goals.map((g) => ({ ...g, tasks: g.tasks.map((t) => (t.taskId === taskId ? { ...t, done, doneAt: done ? now : null } : t)) }));
    return { set: { goals }, action: done ? 'task-done' : 'task-not-done', detail: task.text };
  });
}

export function recordVisit(deps: WelfareDeps, caseId: string, principal: Principal, cause: EventCause, visit: { visitedOn: string; notes: string; nextVisitOn: string | null }) {
  return changeCase(deps, caseId, principal, cause, (c, now) => {
    const state = stateAfterVisit(c);
    checkVisit(visit.visitedOn, visit.nextVisitOn, now);
    const added = { visitId: randomUUID(), ...visit, recordedBy: principal.username, recordedAt: now };
    return { set: { state, visits: [...c.visits, added] }, action: 'visited', detail: visit.visitedOn };
  });
}

export function confirmFlag(deps: WelfareDeps, caseId: string, principal: Principal, cause: EventCause, flag: EligibilityFlag, validUntil: string) {
  return changeCase(deps, caseId, principal, cause, (c, now) => {
    checkFlagConfirmation(c, flag, validUntil, now);
    const flagId = randomUUID();
    const data: EligibilityFlaggedV1 = { flagId, householdRef: c.householdRef, flag, validUntil, flaggedAt: now.toISOString() };
    return {
      set: { flags: [...c.flags, { flagId, flag, validUntil, confirmedAt: now, confirmedBy: principal.username, revokedAt: null, revokedBy: null }] },
      action: 'flag-confirmed',
      detail: `${flag} until ${validUntil}`,
      events: [{ type: 'welfare.eligibility.flagged', version: 1, data }],
    };
  });
}

export function revokeFlag(deps: WelfareDeps, caseId: string, principal: Principal, cause: EventCause, flagId: string) {
  return changeCase(deps, caseId, principal, cause, (c, now) => {
    const flag = c.flags.find((f) => f.flagId === flagId);
    if (!flag) throw notFound(`no flag ${flagId} in case ${caseId}`);
    checkFlagRevocation(flag);
    const data: EligibilityRevokedV1 = { flagId, householdRef: c.householdRef, flag: flag.flag, revokedAt: now.toISOString() };
    return {
      set: { flags: c.flags.map((f) => (f.flagId === flagId ? { ...f, revokedAt: now, revokedBy: principal.username } : f)) },
      action: 'flag-revoked',
      detail: flag.flag,
      events: [{ type: 'welfare.eligibility.revoked', version: 1, data }],
    };
  });
}

/**
 * What closing a case tells the clinic that referred it: goals met → the referral achieved its outcome;
 * the household moved away or declined → not achieved; transferred → nothing yet (the case goes on elsewhere).
 */
export const referralOutcomeOf = (reason: ClosureReason): ReferralCompletedV1['outcome'] | null =>
  reason === 'goals-met' ? 'achieved' : reason === 'moved' || reason === 'declined' ? 'not-achieved' : null;

/**
 * Closes the case; a case opened from a referral then completes that referral through the desk (a
 * second write: if it is lost, `completeClosedReferrals` at the next start does it).
 */
export async function close(deps: WelfareDeps, caseId: string, principal: Principal, cause: EventCause, reason: ClosureReason): Promise<CaseRecord> {
  const closed = await changeCase(deps, caseId, principal, cause, (c, now) => {
    const { state, closedFrom } = closeCase(c, reason);
    return { set: { state, closedFrom, closure: { reason, at: now, by: principal.username } }, action: 'closed', detail: reason };
  });
  await completeReferralOf(deps, closed, cause);
  return closed;
}

async function completeReferralOf(deps: WelfareDeps, closed: Pick<CaseRecord, '_id' | 'referralId' | 'closure'>, cause: EventCause): Promise<void> {
  const outcome = closed.closure ? referralOutcomeOf(closed.closure.reason) : null;
  if (!closed.referralId || !outcome) return;
  const referral = await deps.models.referrals.findById(closed.referralId, { state: 1 }).lean();
  if (referral?.state !== 'accepted') return; // withdrawn by the clinic meanwhile, or completed already
  try {
    await actOnReferral(deps, desk.options, closed.referralId, { kind: 'complete', outcome }, cause);
  } catch (error) {
    // Completed or withdrawn in between: the referral's own state is the truth.
    if (!(error instanceof HttpProblem && error.status === 409)) throw error;
  }
}

/**
 * Reopens a closed case — unless the household has another open case by now: one open case per
 * household holds for reopening as for opening, under the same household lease (across replicas).
 */
export async function reopen(deps: WelfareDeps, caseId: string, principal: Principal, cause: EventCause, reason: string) {
  const target = await readOwnCase(deps, caseId, principal);
  return deps.locks.run('welfare_households', target.householdRef, async () => {
    const others = await readAll(deps.models.cases.find({ householdRef: target.householdRef }, { _id: 1, state: 1 }).lean(), caps.perPerson);
    if (others.some((c) => c._id !== caseId && c.state !== 'closed')) throw conflict('the household has another open case; it cannot have two');
    return changeCase(deps, caseId, principal, cause, (c) => {
      const state = reopenCase(c);
      return { set: { state, closedFrom: null, closure: null, reopenReason: reason }, action: 'reopened', detail: reason };
    });
  });
}

/**
 * At every start: a closed case whose referral is still accepted completes it (the closing request
 * stopped between its two writes). Idempotent.
 */
export async function completeClosedReferrals(deps: WelfareDeps): Promise<number> {
  const closed = await readAll(deps.models.cases.find({ state: 'closed' }, { referralId: 1, closure: 1 }).lean(), caps.agencyCaseload);
  let completed = 0;
  for (const c of closed) {
    if (!c.referralId || !c.closure || !referralOutcomeOf(c.closure.reason)) continue;
    const referral = await deps.models.referrals.findById(c.referralId, { state: 1 }).lean();
    if (referral?.state !== 'accepted') continue;
    await completeReferralOf(deps, c, { actor: { subject: 'welfare-reconciliation', agency }, correlationId: `reconcile-${c._id}` });
    completed++;
  }
  return completed;
}
