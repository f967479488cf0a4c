import { BrokenRuleError, IllegalStepError } from '@hamgam/service-kit/errors';
import { describe, expect, it } from 'vitest';
import { scoreAssessment, type AssessmentAnswers } from './assessment.js';
import {
  assertPlanned,
  caseStates,
  checkFlagConfirmation,
  checkFlagRevocation,
  checkVisit,
  closeCase,
  closureReasons,
  isFlagActive,
  isVisitOverdue,
  nextVisitDue,
  overdueTasks,
  reopenCase,
  stateAfterAssessment,
  stateAfterGoal,
  stateAfterVisit,
  type CaseFlag,
  type CaseState,
  type WelfareCase,
} from './cases.js';

const now = new Date('2026-03-10T08:00:00Z'); // 2026-03-10 in Kerman
const answers: AssessmentAnswers = {
  income: { level: 'no-income', mainEarnerMonthsUnemployed: 14 },
  housing: { condition: 'overcrowded' },
  health: { disability: 'none', chronicIllness: false },
  household: { members: 4, dependants: 2, earners: 0, femaleHeaded: true },
};
const assessment = { answers, result: scoreAssessment(answers), assessedAt: now, assessedBy: 'welfare.officer' };
const goal = (met: boolean, tasks: WelfareCase['goals'][number]['tasks'] = []) => ({
  goalId: `g-${Math.random()}`,
  text: 'Stable income',
  met,
  tasks,
});
const task = (dueOn: string, done = false) => ({
  taskId: `t-${dueOn}-${done}`,
  text: 'Visit the employment office',
  dueOn,
  done,
  doneAt: done ? now : null,
});
const visit = (visitedOn: string, nextVisitOn: string | null) => ({
  visitId: `v-${visitedOn}`,
  visitedOn,
  notes: 'Seen at home',
  nextVisitOn,
  recordedBy: 'welfare.officer',
  recordedAt: now,
});

function aCase(state: CaseState, extra: Partial<WelfareCase> = {}): WelfareCase {
  const reached = caseStates.indexOf(state === 'closed' ? 'in-follow-up' : state);
  return {
    state,
    closedFrom: state === 'closed' ? 'in-follow-up' : null,
    closure: state === 'closed' ? { reason: 'moved', at: now, by: 'welfare.officer' } : null,
    assessment: reached >= 1 ? assessment : null,
    goals: reached >= 2 ? [goal(true)] : [],
    visits: reached >= 3 ? [visit('2026-03-01', '2026-04-01')] : [],
    flags: [],
    ...extra,
  };
}
/** The step is refused (409) with the stable code the UI translates. */
function isIllegal(fn: () => unknown, code?: string) {
  expect(fn).toThrow(IllegalStepError);
  if (code) expect(fn).toThrow(expect.objectContaining({ code }));
}
/** The rule is broken (422), naming the code and the field at fault. */
const isBroken = (fn: () => unknown, code: string, field: string) => {
  expect(fn).toThrow(BrokenRuleError);
  expect(fn).toThrow(expect.objectContaining({ code, field }));
};

describe('case state machine', () => {
  it('assessment: opened → assessed; a re-assessment keeps a later stage; a closed case is refused', () => {
    expect(stateAfterAssessment(aCase('opened'))).toBe('assessed');
    expect(stateAfterAssessment(aCase('assessed'))).toBe('assessed');
    expect(stateAfterAssessment(aCase('planned'))).toBe('planned');
    expect(stateAfterAssessment(aCase('in-follow-up'))).toBe('in-follow-up');
    isIllegal(() => stateAfterAssessment(aCase('closed')), 'case-closed');
  });

  it('plan: the first goal moves assessed → planned; an opened (unassessed) or closed case is refused', () => {
    isIllegal(() => stateAfterGoal(aCase('opened')), 'case-not-assessed');
    expect(stateAfterGoal(aCase('assessed'))).toBe('planned');
    expect(stateAfterGoal(aCase('planned'))).toBe('planned');
    expect(stateAfterGoal(aCase('in-follow-up'))).toBe('in-follow-up');
    isIllegal(() => stateAfterGoal(aCase('closed')));
  });

  it('tasks and marks need a plan', () => {
    for (const s of ['opened', 'assessed', 'closed'] as const) isIllegal(() => assertPlanned(aCase(s)));
    for (const s of ['planned', 'in-follow-up'] as const) expect(() => assertPlanned(aCase(s))).not.toThrow();
  });

  it('visits: planned → in-follow-up, which stays; earlier stages and a closed case are refused', () => {
    for (const s of ['opened', 'assessed', 'closed'] as const) isIllegal(() => stateAfterVisit(aCase(s)));
    expect(stateAfterVisit(aCase('planned'))).toBe('in-follow-up');
    expect(stateAfterVisit(aCase('in-follow-up'))).toBe('in-follow-up');
  });

  it('a visit is not in the future and its next visit comes after it', () => {
    expect(() => checkVisit('2026-03-10', '2026-04-10', now)).not.toThrow();
    expect(() => checkVisit('2026-03-10', null, now)).not.toThrow();
    isBroken(() => checkVisit('2026-03-11', null, now), 'visit-in-future', 'visitedOn');
    isBroken(() => checkVisit('2026-03-10', '2026-03-10', now), 'next-visit-not-after-visit', 'nextVisitOn');
  });

  it('closure: every reason from every open stage, except goals-met without a plan', () => {
    for (const from of ['opened', 'assessed', 'planned', 'in-follow-up'] as const) {
      for (const reason of closureReasons) {
        const needsPlan = reason === 'goals-met' && (from === 'opened' || from === 'assessed');
        if (needsPlan) isIllegal(() => closeCase(aCase(from), reason), 'goals-met-without-plan');
        else expect(closeCase(aCase(from), reason)).toEqual({ state: 'closed', closedFrom: from });
      }
    }
    for (const reason of closureReasons) isIllegal(() => closeCase(aCase('closed'), reason));
  });

  it('goals-met only when every goal is met', () => {
    isIllegal(() => closeCase(aCase('in-follow-up', { goals: [goal(true), goal(false)] }), 'goals-met'), 'goals-not-met');
    expect(closeCase(aCase('in-follow-up', { goals: [goal(true), goal(true)] }), 'goals-met').state).toBe('closed');
    expect(closeCase(aCase('in-follow-up', { goals: [goal(false)] }), 'moved').state).toBe('closed');
  });

  it('reopen returns a closed case to the stage it was closed from; an open case cannot be reopened', () => {
    expect(reopenCase(aCase('closed', { closedFrom: 'assessed' }))).toBe('assessed');
    expect(reopenCase(aCase('closed', { closedFrom: 'in-follow-up' }))).toBe('in-follow-up');
    for (const s of ['opened', 'assessed', 'planned', 'in-follow-up'] as const) isIllegal(() => reopenCase(aCase(s)), 'case-not-closed');
  });
});

describe('overdue work by the clock', () => {
  it('tasks not done after their due day; due today is not late; closed cases have none', () => {
    const c = aCase('in-follow-up', { goals: [goal(false, [task('2026-03-09'), task('2026-03-10'), task('2026-03-01', true)])] });
    expect(overdueTasks(c, now).map((t) => t.dueOn)).toEqual(['2026-03-09']);
    expect(overdueTasks({ ...c, state: 'closed' }, now)).toEqual([]);
  });

  it('the next visit planned by the latest visit', () => {
    const c = aCase('in-follow-up', { visits: [visit('2026-02-01', '2026-03-01'), visit('2026-03-01', '2026-03-09')] });
    expect(nextVisitDue(c)).toBe('2026-03-09');
    expect(isVisitOverdue(c, now)).toBe(true);
    expect(isVisitOverdue(c, new Date('2026-03-09T08:00:00Z'))).toBe(false);
    expect(isVisitOverdue({ ...c, visits: [visit('2026-03-05', null)] }, now)).toBe(false);
    expect(isVisitOverdue({ ...c, state: 'closed' }, now)).toBe(false);
    expect(isVisitOverdue(aCase('planned'), now)).toBe(false);
  });
});

describe('eligibility flags', () => {
  const flag = (extra: Partial<CaseFlag> = {}): CaseFlag => ({
    flagId: 'f1',
    flag: 'low-income',
    validUntil: '2026-09-10',
    confirmedAt: now,
    confirmedBy: 'welfare.officer',
    revokedAt: null,
    revokedBy: null,
    ...extra,
  });

  it('confirms a flag the assessment supports, valid after today and within a year', () => {
    expect(() => checkFlagConfirmation(aCase('assessed'), 'low-income', '2026-03-11', now)).not.toThrow();
    expect(() => checkFlagConfirmation(aCase('in-follow-up'), 'female-headed-household', '2027-03-11', now)).not.toThrow();
    expect(() => checkFlagConfirmation(aCase('assessed'), 'long-term-unemployed', '2026-06-01', now)).not.toThrow();
  });

  it('refuses validity days today or before, or more than 366 days ahead', () => {
    isBroken(() => checkFlagConfirmation(aCase('assessed'), 'low-income', '2026-03-10', now), 'flag-validity-too-short', 'validUntil');
    isBroken(() => checkFlagConfirmation(aCase('assessed'), 'low-income', '2027-03-12', now), 'flag-validity-too-long', 'validUntil');
  });

  it('refuses without an assessment, unsupported by it, on a closed case, or while the same flag is active', () => {
    isIllegal(() => checkFlagConfirmation(aCase('opened'), 'low-income', '2026-06-01', now), 'case-not-assessed');
    isIllegal(() => checkFlagConfirmation(aCase('assessed'), 'disability-in-household', '2026-06-01', now), 'flag-not-supported');
    isIllegal(() => checkFlagConfirmation(aCase('closed'), 'low-income', '2026-06-01', now), 'case-closed');
    isIllegal(() => checkFlagConfirmation(aCase('assessed', { flags: [flag()] }), 'low-income', '2026-06-01', now), 'flag-already-active');
  });

  it('a revoked or expired flag may be confirmed again', () => {
    expect(() =>
      checkFlagConfirmation(aCase('assessed', { flags: [flag({ revokedAt: now, revokedBy: 'x' })] }), 'low-income', '2026-06-01', now),
    ).not.toThrow();
    expect(() =>
      checkFlagConfirmation(aCase('assessed', { flags: [flag({ validUntil: '2026-03-09' })] }), 'low-income', '2026-06-01', now),
    ).not.toThrow();
  });

  it('active means not revoked and valid through today', () => {
    expect(isFlagActive(flag({ validUntil: '2026-03-10' }), now)).toBe(true);
    expect(isFlagActive(flag({ validUntil: '2026-03-09' }), now)).toBe(false);
    expect(isFlagActive(flag({ revokedAt: now }), now)).toBe(false);
  });

  it('a flag is revoked once', () => {
    expect(() => checkFlagRevocation(flag())).not.toThrow();
    isIllegal(() => checkFlagRevocation(flag({ revokedAt: now, revokedBy: 'x' })), 'flag-already-revoked');
  });
});

// 10 March in Iran runs from 20:30Z on the 9th to 20:30Z on the 10th (issue 12).
describe('the case rules just after midnight and late in the evening in Iran', () => {
  for (const [label, at] of [
    ['00:30', new Date('2026-03-09T21:00:00Z')],
    ['23:30', new Date('2026-03-10T20:00:00Z')],
  ] as const) {
    it(`at ${label} Iran time, today is 10 March: a visit today is not in the future, work due today is not late`, () => {
      expect(() => checkVisit('2026-03-10', null, at)).not.toThrow();
      isBroken(() => checkVisit('2026-03-11', null, at), 'visit-in-future', 'visitedOn');
      const c = aCase('in-follow-up', {
        goals: [goal(false, [task('2026-03-09'), task('2026-03-10')])],
        visits: [visit('2026-03-01', '2026-03-10')],
      });
      expect(overdueTasks(c, at).map((t) => t.dueOn)).toEqual(['2026-03-09']);
      expect(isVisitOverdue(c, at)).toBe(false);
      expect(
        isFlagActive(
          {
            flagId: 'f1',
            flag: 'low-income',
            validUntil: '2026-03-10',
            confirmedAt: now,
            confirmedBy: 'welfare.officer',
            revokedAt: null,
            revokedBy: null,
          },
          at,
        ),
      ).toBe(true);
    });
  }
});
