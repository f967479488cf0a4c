import { addDays, dayOf, isFutureDay } from '@hamgam/contracts/days';
import { isPast } from '@hamgam/agency-desk';
import { BrokenRuleError, IllegalStepError } from '@hamgam/service-kit/errors';
import type { EligibilityFlag } from '@hamgam/contracts';
import type { AssessmentAnswers, AssessmentResult } from './assessment.js';

/**
 * A household's social-work case at welfare:
 *
 *   opened → assessed → planned → in-follow-up → closed, and closed → (reopen, with a reason) → the
 *   stage it was closed from.
 *
 * - assessing moves an opened case to assessed; a later re-assessment keeps the stage;
 * - the first goal of the plan moves an assessed case to planned (goals and tasks need an assessment);
 * - the first follow-up visit moves a planned case to in-follow-up (visits need a plan);
 * - a case closes from any open stage, but `goals-met` only with a plan whose goals are all met;
 * - a closed case changes no more (no assessment, plan, visit or new flag) until it is reopened;
 *   its flags can still be revoked.
 */
export const caseStates = ['opened', 'assessed', 'planned', 'in-follow-up', 'closed'] as const;
export type CaseState = (typeof caseStates)[number];
export const closureReasons = ['goals-met', 'moved', 'declined', 'transferred'] as const;
export type ClosureReason = (typeof closureReasons)[number];
export type OpenState = Exclude<CaseState, 'closed'>;

export interface CaseTask {
  taskId: string;
  text: string;
  dueOn: string;
  done: boolean;
  doneAt: Date | null;
}

export interface CaseGoal {
  goalId: string;
  text: string;
  met: boolean;
  tasks: CaseTask[];
}

export interface CaseVisit {
  visitId: string;
  visitedOn: string;
  notes: string;
  nextVisitOn: string | null;
  recordedBy: string;
  recordedAt: Date;
}

export interface CaseFlag {
  flagId: string;
  flag: EligibilityFlag;
  validUntil: string;
  confirmedAt: Date;
  confirmedBy: string;
  revokedAt: Date | null;
  revokedBy: string | null;
}

export interface CaseAssessment {
  answers: AssessmentAnswers;
  result: AssessmentResult;
  assessedAt: Date;
  assessedBy: string;
}

export interface CaseClosure {
  reason: ClosureReason;
  at: Date;
  by: string;
}

/** What the state machine looks at. */
export interface WelfareCase {
  state: CaseState;
  /** The stage a closed case returns to when reopened. */
  closedFrom: OpenState | null;
  closure: CaseClosure | null;
  assessment: CaseAssessment | null;
  goals: CaseGoal[];
  visits: CaseVisit[];
  flags: CaseFlag[];
}

function open(c: WelfareCase): asserts c is WelfareCase & { state: OpenState } {
  if (c.state === 'closed') throw new IllegalStepError('case-closed', 'a closed case changes no more until it is reopened');
}

const notAssessed = () => new IllegalStepError('case-not-assessed', 'the case has no assessment yet: assess the household first');
const notPlanned = () => new IllegalStepError('case-not-planned', 'the case has no plan yet: add a goal first');

/** The stage after recording (or repeating) the assessment. */
export function stateAfterAssessment(c: WelfareCase): OpenState {
  open(c);
  return c.state === 'opened' ? 'assessed' : c.state;
}

/** The stage after adding a goal to the plan (an assessment comes first). */
export function stateAfterGoal(c: WelfareCase): OpenState {
  open(c);
  if (c.state === 'opened') throw notAssessed();
  return c.state === 'assessed' ? 'planned' : c.state;
}

/** Tasks, and marking goals or tasks, belong to a case with a plan. */
export function assertPlanned(c: WelfareCase): void {
  open(c);
  if (c.state === 'opened' || c.state === 'assessed') throw notPlanned();
}

/** The stage after a follow-up visit (a plan comes first). */
export function stateAfterVisit(c: WelfareCase): OpenState {
  assertPlanned(c);
  return 'in-follow-up';
}

/** A visit's next visit comes after it; the visit itself is not in the future. */
export function checkVisit(visitedOn: string, nextVisitOn: string | null, now: Date): void {
  if (isFutureDay(visitedOn, now))
    throw new BrokenRuleError('visit-in-future', 'a visit is recorded once it took place (not in the future)', 'visitedOn');
  if (nextVisitOn !== null && nextVisitOn <= visitedOn)
    throw new BrokenRuleError('next-visit-not-after-visit', 'the next visit comes after this one', 'nextVisitOn');
}

export function closeCase(c: WelfareCase, reason: ClosureReason): { state: 'closed'; closedFrom: OpenState } {
  open(c);
  if (reason === 'goals-met') {
    if (c.state === 'opened' || c.state === 'assessed')
      throw new IllegalStepError('goals-met-without-plan', 'a case without a plan cannot be closed with its goals met');
    const unmet = c.goals.filter((g) => !g.met).length;
    if (unmet > 0) throw new IllegalStepError('goals-not-met', `the case cannot be closed with its goals met: ${unmet} goal(s) not met`);
  }
  return { state: 'closed', closedFrom: c.state };
}

export function reopenCase(c: WelfareCase): OpenState {
  if (c.state !== 'closed' || c.closedFrom === null) throw new IllegalStepError('case-not-closed', 'only a closed case is reopened');
  return c.closedFrom;
}

/** The longest a flag may be vouched for before the household is reassessed. */
export const maxFlagValidityDays = 366;

/** A flag the household holds today: confirmed, not revoked, and valid through today. */
export const isFlagActive = (flag: CaseFlag, now: Date): boolean => flag.revokedAt === null && flag.validUntil >= dayOf(now);

/**
 * The officer confirms a flag the case's assessment supports, valid until a day after today (at most
 * a year ahead), and not one the case already holds.
 */
export function checkFlagConfirmation(c: WelfareCase, flag: EligibilityFlag, validUntil: string, now: Date): void {
  open(c);
  if (!c.assessment) throw notAssessed();
  if (!c.assessment.result.suggestedFlags.includes(flag))
    throw new IllegalStepError('flag-not-supported', `the case's assessment does not support the flag ${flag}`);
  if (c.flags.some((f) => f.flag === flag && isFlagActive(f, now)))
    throw new IllegalStepError('flag-already-active', `the case holds ${flag} already: revoke the active flag first`);
  if (validUntil <= dayOf(now))
    throw new BrokenRuleError('flag-validity-too-short', 'a flag is valid until a day after today', 'validUntil');
  if (validUntil > addDays(now, maxFlagValidityDays))
    throw new BrokenRuleError('flag-validity-too-long', `a flag is valid for at most ${maxFlagValidityDays} days`, 'validUntil');
}

/** A flag is revoked once (even on a closed case, and even after it expired). */
export function checkFlagRevocation(flag: CaseFlag): void {
  if (flag.revokedAt !== null) throw new IllegalStepError('flag-already-revoked', 'the flag was revoked already');
}

/** Tasks not done by their due day (today's are not late yet). */
export function overdueTasks(c: WelfareCase, now: Date): CaseTask[] {
  if (c.state === 'closed') return [];
  return c.goals.flatMap((g) => g.tasks).filter((t) => !t.done && isPast(t.dueOn, now));
}

/** The next visit the latest visit planned, if it is due and not made. */
export function nextVisitDue(c: WelfareCase): string | null {
  if (c.state === 'closed' || c.visits.length === 0) return null;
  const latest = c.visits.reduce((a, b) => (b.visitedOn >= a.visitedOn ? b : a));
  return latest.nextVisitOn;
}

export const isVisitOverdue = (c: WelfareCase, now: Date): boolean => {
  const due = nextVisitDue(c);
  return due !== null && isPast(due, now);
};
