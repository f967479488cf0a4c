import type { ReferralOutcome } from '@hamgam/agency-desk';
import { BrokenRuleError } from '@hamgam/service-kit/errors';
import { guardStep } from './transitions.js';

/**
 * An enrolment's life on a course: enrolled → completed (passed | failed) | dropped-out. Attendance is
 * taken per session while enrolled; passing needs at least `passThreshold` of the sessions held.
 */
export const enrolmentStates = ['enrolled', 'completed', 'dropped-out'] as const;
export type EnrolmentState = (typeof enrolmentStates)[number];
export const completionResults = ['passed', 'failed', 'dropped-out'] as const;
export type CompletionResult = (typeof completionResults)[number];

/** Share of the sessions held a resident must have attended to pass (80 %). */
export const passThreshold = 0.8;

const allowed: Record<EnrolmentState, readonly EnrolmentState[]> = {
  enrolled: ['completed', 'dropped-out'],
  completed: [],
  'dropped-out': [],
};

export interface EnrolmentFacts {
  state: EnrolmentState;
  /** Session numbers (1-based) the resident attended. */
  attended: number[];
}

/** Attended sessions over sessions held (0 when none was held yet). */
export function attendanceRate(attendedCount: number, sessionsHeld: number): number {
  if (sessionsHeld <= 0) return 0;
  return Math.min(1, attendedCount / sessionsHeld);
}

export const meetsAttendance = (attendedCount: number, sessionsHeld: number) =>
  sessionsHeld > 0 && attendanceRate(attendedCount, sessionsHeld) >= passThreshold - 1e-9;

/** Attendance is taken for one of the sessions planned, numbered 1…sessionsPlanned. */
export function checkSessionNumber(session: number, sessionsPlanned: number): void {
  if (!Number.isInteger(session) || session < 1 || session > sessionsPlanned) {
    throw new BrokenRuleError('session-out-of-range', `session must be between 1 and ${sessionsPlanned}`, 'session');
  }
}

/** Marks one session for an enrolled resident; idempotent (marking twice changes nothing: `null`). */
export function markAttendance(enrolment: EnrolmentFacts, session: number, present: boolean, sessionsPlanned: number): number[] | null {
  if (enrolment.state !== 'enrolled') guardStep('enrolment-ended', 'enrolment', allowed, enrolment.state, 'enrolled');
  checkSessionNumber(session, sessionsPlanned);
  const has = enrolment.attended.includes(session);
  if (has === present) return null;
  return present ? [...enrolment.attended, session].sort((a, b) => a - b) : enrolment.attended.filter((s) => s !== session);
}

export interface Completion {
  state: Exclude<EnrolmentState, 'enrolled'>;
  result: CompletionResult;
  certificateNo: string | null;
}

/**
 * Ends an enrolment. `passed` needs the attendance threshold over the sessions held and gets the
 * certificate number; `failed` and `dropped-out` get none.
 */
export function completeEnrolment(
  enrolment: EnrolmentFacts,
  result: CompletionResult,
  sessionsHeld: number,
  certificateNo: string,
): Completion {
  const to: EnrolmentState = result === 'dropped-out' ? 'dropped-out' : 'completed';
  guardStep('enrolment-ended', 'enrolment', allowed, enrolment.state, to);
  if (result === 'passed' && !meetsAttendance(enrolment.attended.length, sessionsHeld)) {
    const detail = `passing needs at least ${passThreshold * 100} % attendance (${enrolment.attended.length} of ${sessionsHeld} sessions held)`;
    throw new BrokenRuleError('attendance-below-pass-mark', detail, 'result');
  }
  return { state: to, result, certificateNo: result === 'passed' ? certificateNo : null };
}

/** The referral's outcome the clinic sees when the enrolment that answered it ends. */
export const referralOutcomeOf = (result: CompletionResult): ReferralOutcome => (result === 'passed' ? 'achieved' : 'not-achieved');

/**
 * A certificate number from the Jalali year it was earned and the enrolment's opaque id: unique, in the
 * contract's pattern, and read by people (a resident, a lender) — so no trade slug and no Gregorian year in it.
 */
export const certificateNumberOf = (jalaliYear: string, enrolmentId: string) =>
  `TVTO-${jalaliYear}-${enrolmentId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;

/** Seats a course holds: enrolled and completed residents (a drop-out frees the seat). */
export const holdsCourseSeat = (state: EnrolmentState) => state !== 'dropped-out';
