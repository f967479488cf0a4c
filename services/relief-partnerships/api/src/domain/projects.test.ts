import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOf, IllegalTransitionError } from './days.js';
import { addMilestone, completeMilestone, completeProject, isMilestoneOverdue, overdueMilestones, type Milestone, type ProjectState } from './projects.js';
import { checkAgreement, standingOf } from './agreements.js';

const m = (id: string, dueOn: string, doneOn: string | null = null): Milestone => ({ milestoneId: id, title: id, dueOn, doneOn });
const project = (status: ProjectState['status'], milestones: Milestone[]): ProjectState => ({ status, milestones });

describe('Basij construction projects', () => {
  it('a milestone is overdue once its due day is over and it is not done', () => {
    expect(isMilestoneOverdue(m('a', '2026-05-01'), '2026-05-01')).toBe(false);
    expect(isMilestoneOverdue(m('a', '2026-05-01'), '2026-05-02')).toBe(true);
    expect(isMilestoneOverdue(m('a', '2026-05-01', '2026-05-03'), '2026-06-01')).toBe(false);
    expect(overdueMilestones(project('in-progress', [m('a', '2026-05-01'), m('b', '2026-07-01'), m('c', '2026-04-01', '2026-04-01')]), '2026-06-01').map((x) => x.milestoneId)).toEqual(['a']);
  });

  it('starts with the first milestone done and completes only when all are done, with evidence', () => {
    const p = project('planned', [m('a', '2026-05-01'), m('b', '2026-06-01')]);
    const afterA = completeMilestone(p, 'a', '2026-04-28');
    expect(afterA.status).toBe('in-progress');
    expect(() => completeProject({ status: afterA.status, milestones: afterA.milestones }, 'photos')).toThrow(IllegalTransitionError);
    const afterB = completeMilestone({ status: afterA.status, milestones: afterA.milestones }, 'b', '2026-06-02');
    expect(() => completeProject({ status: afterB.status, milestones: afterB.milestones }, '  ')).toThrow(RangeError);
    expect(completeProject({ status: afterB.status, milestones: afterB.milestones }, 'photos and handover minutes')).toBe('completed');
  });

  it('refuses a milestone done twice, an unknown one, changes to a completed project, and completing without milestones', () => {
    const p = project('in-progress', [m('a', '2026-05-01', '2026-05-01')]);
    expect(() => completeMilestone(p, 'a', '2026-05-02')).toThrow(IllegalTransitionError);
    expect(() => completeMilestone(p, 'zz', '2026-05-02')).toThrow(RangeError);
    const done = project('completed', [m('a', '2026-05-01', '2026-05-01')]);
    expect(() => addMilestone(done, m('b', '2026-06-01'))).toThrow(IllegalTransitionError);
    expect(() => completeProject(done, 'x')).toThrow(IllegalTransitionError);
    expect(() => completeProject(project('planned', []), 'x')).toThrow(IllegalTransitionError);
    expect(() => addMilestone(p, m('a', '2026-06-01'))).toThrow(IllegalTransitionError);
    expect(addMilestone(p, m('b', '2026-06-01')).map((x) => x.milestoneId)).toEqual(['a', 'b']);
  });
});

describe('partnership agreements', () => {
  const signed = { status: 'signed' as const, startsOn: '2026-01-01', endsOn: '2026-12-31', signedOn: '2025-12-20' };
  it('stand upcoming, active, expired by the day; draft and terminated as they are', () => {
    expect(standingOf(signed, '2025-12-31')).toBe('upcoming');
    expect(standingOf(signed, '2026-01-01')).toBe('active');
    expect(standingOf(signed, '2026-12-31')).toBe('active');
    expect(standingOf(signed, '2027-01-01')).toBe('expired');
    expect(standingOf({ ...signed, status: 'terminated' }, '2026-06-01')).toBe('terminated');
    expect(standingOf({ ...signed, status: 'draft', signedOn: null }, '2026-06-01')).toBe('draft');
  });
  it('check their dates and signature', () => {
    expect(() => checkAgreement(signed)).not.toThrow();
    expect(() => checkAgreement({ ...signed, endsOn: '2025-01-01' })).toThrow(RangeError);
    expect(() => checkAgreement({ ...signed, signedOn: null })).toThrow(RangeError);
    expect(() => checkAgreement({ ...signed, status: 'draft' })).toThrow(RangeError);
  });
});

describe('days', () => {
  it('count Kerman days and calendar months', () => {
    expect(dayOf(new Date('2026-03-20T21:00:00Z'))).toBe('2026-03-21'); // 00:30 in Kerman
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });
});
