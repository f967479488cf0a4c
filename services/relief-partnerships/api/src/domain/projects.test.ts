import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOf } from './days.js';
import {
  addMilestone,
  completeMilestone,
  completeProject,
  isMilestoneOverdue,
  overdueMilestones,
  type Milestone,
  type ProjectState,
} from './projects.js';
import { checkAgreement, checkSamePartner, standingOf } from './agreements.js';
import { checkMeeting } from './meetings.js';

const m = (id: string, dueOn: string, doneOn: string | null = null): Milestone => ({ milestoneId: id, title: id, dueOn, doneOn });
const project = (status: ProjectState['status'], milestones: Milestone[]): ProjectState => ({ status, milestones });

describe('Basij construction projects', () => {
  it('a milestone is overdue once its due day is over and it is not done', () => {
    expect(isMilestoneOverdue(m('a', '2026-05-01'), '2026-05-01')).toBe(false);
    expect(isMilestoneOverdue(m('a', '2026-05-01'), '2026-05-02')).toBe(true);
    expect(isMilestoneOverdue(m('a', '2026-05-01', '2026-05-03'), '2026-06-01')).toBe(false);
    expect(
      overdueMilestones(
        project('in-progress', [m('a', '2026-05-01'), m('b', '2026-07-01'), m('c', '2026-04-01', '2026-04-01')]),
        '2026-06-01',
      ).map((x) => x.milestoneId),
    ).toEqual(['a']);
  });

  it('starts with the first milestone done and completes only when all are done, with evidence', () => {
    const p = project('planned', [m('a', '2026-05-01'), m('b', '2026-06-01')]);
    const afterA = completeMilestone(p, 'a', '2026-04-28', '2026-04-28');
    expect(afterA.status).toBe('in-progress');
    expect(() => completeProject({ status: afterA.status, milestones: afterA.milestones }, 'photos')).toThrow(
      expect.objectContaining({ status: 409, code: 'milestones-open' }),
    );
    const afterB = completeMilestone({ status: afterA.status, milestones: afterA.milestones }, 'b', '2026-06-02', '2026-06-03');
    expect(() => completeProject({ status: afterB.status, milestones: afterB.milestones }, '  ')).toThrow(
      expect.objectContaining({ status: 422, code: 'evidence-missing', field: 'evidence' }),
    );
    expect(completeProject({ status: afterB.status, milestones: afterB.milestones }, 'photos and handover minutes')).toBe('completed');
  });

  it('refuses a milestone done twice, ahead of the day or unknown, changes to a completed project, and completing without milestones', () => {
    const p = project('in-progress', [m('a', '2026-05-01', '2026-05-01'), m('b', '2026-06-01')]);
    expect(() => completeMilestone(p, 'a', '2026-05-02', '2026-05-02')).toThrow(
      expect.objectContaining({ status: 409, code: 'milestone-done' }),
    );
    expect(() => completeMilestone(p, 'b', '2026-05-03', '2026-05-02')).toThrow(
      expect.objectContaining({ status: 422, code: 'milestone-done-in-future', field: 'doneOn' }),
    );
    expect(() => completeMilestone(p, 'zz', '2026-05-02', '2026-05-02')).toThrow(
      expect.objectContaining({ status: 404, code: 'milestone-not-found' }),
    );
    const done = project('completed', [m('a', '2026-05-01', '2026-05-01')]);
    expect(() => addMilestone(done, m('b', '2026-06-01'))).toThrow(expect.objectContaining({ status: 409, code: 'project-completed' }));
    expect(() => completeMilestone(project('completed', [m('b', '2026-06-01')]), 'b', '2026-05-02', '2026-05-02')).toThrow(
      expect.objectContaining({ status: 409, code: 'project-completed' }),
    );
    expect(() => completeProject(done, 'x')).toThrow(expect.objectContaining({ status: 409, code: 'project-completed' }));
    expect(() => completeProject(project('planned', []), 'x')).toThrow(expect.objectContaining({ status: 409, code: 'milestones-open' }));
    expect(() => addMilestone(p, m('a', '2026-06-01'))).toThrow(expect.objectContaining({ status: 409, code: 'milestone-exists' }));
    expect(addMilestone(p, m('c', '2026-06-01')).map((x) => x.milestoneId)).toEqual(['a', 'b', 'c']);
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
    expect(() => checkAgreement({ ...signed, endsOn: '2025-01-01' })).toThrow(
      expect.objectContaining({ status: 422, code: 'agreement-ends-before-start', field: 'endsOn' }),
    );
    expect(() => checkAgreement({ ...signed, signedOn: null })).toThrow(
      expect.objectContaining({ status: 422, code: 'signed-without-day', field: 'signedOn' }),
    );
    expect(() => checkAgreement({ ...signed, status: 'draft' })).toThrow(
      expect.objectContaining({ status: 422, code: 'draft-signed', field: 'signedOn' }),
    );
  });
  it('keep their partner', () => {
    expect(() => checkSamePartner('basij-construction', 'basij-construction')).not.toThrow();
    expect(() => checkSamePartner('basij-construction', 'relief-committee')).toThrow(
      expect.objectContaining({ status: 422, code: 'agreement-partner-fixed', field: 'partner' }),
    );
  });
});

describe('joint meetings', () => {
  const now = new Date('2026-05-10T08:00:00Z');
  const meeting = { heldOn: '2026-05-10', attendees: ['relief-committee', 'clinics'] };
  it('are recorded once held, with a partner present and each agency once', () => {
    expect(() => checkMeeting(meeting, now)).not.toThrow();
    expect(() => checkMeeting({ ...meeting, attendees: ['clinics', 'welfare'] }, now)).toThrow(
      expect.objectContaining({ status: 422, code: 'meeting-without-partner', field: 'attendees' }),
    );
    expect(() => checkMeeting({ ...meeting, attendees: ['basij-construction', 'basij-construction'] }, now)).toThrow(
      expect.objectContaining({ status: 422, code: 'attendee-listed-twice', field: 'attendees' }),
    );
    expect(() => checkMeeting({ ...meeting, heldOn: '2026-05-11' }, now)).toThrow(
      expect.objectContaining({ status: 422, code: 'meeting-in-future', field: 'heldOn' }),
    );
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
