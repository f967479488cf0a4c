import { randomUUID } from 'node:crypto';
import type { EligibilityFlag, EligibilityFlaggedV1, EligibilityRevokedV1 } from '@hamgam/contracts';
import { forbidden, outboxEntries, type EventCause, type EventDraft, type Principal } from '@hamgam/service-kit';
import { IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import { casesCollection, type CaseHistoryEntry, type StoredCase } from '../data/cases.js';
import { agency, type WelfareDeps } from '../deps.js';
import { scoreAssessment, type AssessmentAnswers } from '../domain/assessment.js';
import {
  assertPlanned,
  checkFlagConfirmation,
  checkFlagRevocation,
  checkVisit,
  stateAfterAssessment,
  stateAfterGoal,
  stateAfterVisit,
} from '../domain/cases.js';

/** A case as the app works on it (no outbox). */
export type CaseRecord = Omit<StoredCase, 'outbox'>;

/** What one change does to a case: its fields, the history line, the events it publishes. */
export interface Change {
  set: Partial<CaseRecord>;
  action: string;
  detail?: string | null;
  events?: EventDraft<unknown>[];
}

/** The case, if it is in the caller's caseload: someone else's case is a 403, a missing one a 404. */
export async function readOwnCase(deps: WelfareDeps, caseId: string, principal: Principal): Promise<CaseRecord> {
  const stored = await deps.models.cases.findById(caseId, { outbox: 0 }).lean();
  if (!stored) throw new NotFoundError('case-not-found', `no case ${caseId}`);
  // The caller's scope, not a rule of the case: an HTTP-level refusal.
  if (stored.worker !== principal.username) throw forbidden(`case ${caseId} is in another case worker's caseload`);
  return stored;
}

/**
 * One change of a case in the caller's caseload: the new fields, a history line and the events are one
 * single-document write, compare-and-set on the revision the change was computed from. `decide` applies
 * the domain's rules, whose broken-rule errors the kit answers.
 */
export async function changeCase(
  deps: WelfareDeps,
  caseId: string,
  principal: Principal,
  cause: EventCause,
  decide: (stored: CaseRecord, now: Date) => Change,
): Promise<CaseRecord> {
  const { cases } = deps.models;
  const result = await deps.locks.run(casesCollection, caseId, async () => {
    const stored = await readOwnCase(deps, caseId, principal);
    const now = deps.clock.now();
    const change = decide(stored, now);
    const entry: CaseHistoryEntry = { at: now, by: principal.username, action: change.action, detail: change.detail ?? null };
    const outbox = outboxEntries(agency, cause, change.events ?? []);
    const written = await cases.updateOne(
      { _id: caseId, revision: stored.revision },
      { $set: { ...change.set, revision: stored.revision + 1 }, $push: { history: entry, outbox: { $each: outbox } } },
    );
    if (written.matchedCount !== 1) throw new IllegalStepError('case-changed-meanwhile', `case ${caseId} changed meanwhile; reload it`);
    return {
      updated: { ...stored, ...change.set, revision: stored.revision + 1, history: [...stored.history, entry] },
      published: outbox.length > 0,
    };
  });
  if (result.published) deps.flushOutbox([caseId]);
  return result.updated;
}

export function assess(deps: WelfareDeps, caseId: string, principal: Principal, cause: EventCause, answers: AssessmentAnswers) {
  return changeCase(deps, caseId, principal, cause, (c, now) => {
    const state = stateAfterAssessment(c);
    const result = scoreAssessment(answers);
    return {
      set: { state, assessment: { answers, result, assessedAt: now, assessedBy: principal.username } },
      action: 'assessed',
      detail: `${result.level} (${result.total}/12)`,
    };
  });
}

export function addGoal(deps: WelfareDeps, caseId: string, principal: Principal, cause: EventCause, text: string) {
  return changeCase(deps, caseId, principal, cause, (c) => {
    const state = stateAfterGoal(c);
    return {
      set: { state, goals: [...c.goals, { goalId: randomUUID(), text, met: false, tasks: [] }] },
      action: 'goal-added',
      detail: text,
    };
  });
}

export function markGoal(deps: WelfareDeps, caseId: string, principal: Principal, cause: EventCause, goalId: string, met: boolean) {
  return changeCase(deps, caseId, principal, cause, (c) => {
    assertPlanned(c);
    const goal = c.goals.find((g) => g.goalId === goalId);
    if (!goal) throw new NotFoundError('goal-not-found', `no goal ${goalId} in case ${caseId}`);
    return {
      set: { goals: c.goals.map((g) => (g.goalId === goalId ? { ...g, met } : g)) },
      action: met ? 'goal-met' : 'goal-reopened',
      detail: goal.text,
    };
  });
}

export function addTask(
  deps: WelfareDeps,
  caseId: string,
  principal: Principal,
  cause: EventCause,
  goalId: string,
  task: { text: string; dueOn: string },
) {
  return changeCase(deps, caseId, principal, cause, (c) => {
    assertPlanned(c);
    if (!c.goals.some((g) => g.goalId === goalId)) throw new NotFoundError('goal-not-found', `no goal ${goalId} in case ${caseId}`);
    const added = { taskId: randomUUID(), text: task.text, dueOn: task.dueOn, done: false, doneAt: null };
    return {
      set: { goals: c.goals.map((g) => (g.goalId === goalId ? { ...g, tasks: [...g.tasks, added] } : g)) },
      action: 'task-added',
      detail: `${task.text} (${task.dueOn})`,
    };
  });
}

export function markTask(deps: WelfareDeps, caseId: string, principal: Principal, cause: EventCause, taskId: string, done: boolean) {
  return changeCase(deps, caseId, principal, cause, (c, now) => {
    assertPlanned(c);
    const task = c.goals.flatMap((g) => g.tasks).find((t) => t.taskId === taskId);
    if (!task) throw new NotFoundError('task-not-found', `no task ${taskId} in case ${caseId}`);
    const goals = c.goals.map((g) => ({
      ...g,
      tasks: g.tasks.map((t) => (t.taskId === taskId ? { ...t, done, doneAt: done ? now : null } : t)),
    }));
    return { set: { goals }, action: done ? 'task-done' : 'task-not-done', detail: task.text };
  });
}

export function recordVisit(
  deps: WelfareDeps,
  caseId: string,
  principal: Principal,
  cause: EventCause,
  visit: { visitedOn: string; notes: string; nextVisitOn: string | null },
) {
  return changeCase(deps, caseId, principal, cause, (c, now) => {
    const state = stateAfterVisit(c);
    checkVisit(visit.visitedOn, visit.nextVisitOn, now);
    const added = { visitId: randomUUID(), ...visit, recordedBy: principal.username, recordedAt: now };
    return { set: { state, visits: [...c.visits, added] }, action: 'visited', detail: visit.visitedOn };
  });
}

export function confirmFlag(
  deps: WelfareDeps,
  caseId: string,
  principal: Principal,
  cause: EventCause,
  flag: EligibilityFlag,
  validUntil: string,
) {
  return changeCase(deps, caseId, principal, cause, (c, now) => {
    checkFlagConfirmation(c, flag, validUntil, now);
    const flagId = randomUUID();
    const data: EligibilityFlaggedV1 = { flagId, householdRef: c.householdRef, flag, validUntil, flaggedAt: now.toISOString() };
    return {
      set: {
        flags: [
          ...c.flags,
          { flagId, flag, validUntil, confirmedAt: now, confirmedBy: principal.username, revokedAt: null, revokedBy: null },
        ],
      },
      action: 'flag-confirmed',
      detail: `${flag} until ${validUntil}`,
      events: [{ type: 'welfare.eligibility.flagged', version: 1, data }],
    };
  });
}

export function revokeFlag(deps: WelfareDeps, caseId: string, principal: Principal, cause: EventCause, flagId: string) {
  return changeCase(deps, caseId, principal, cause, (c, now) => {
    const flag = c.flags.find((f) => f.flagId === flagId);
    if (!flag) throw new NotFoundError('flag-not-found', `no flag ${flagId} in case ${caseId}`);
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
