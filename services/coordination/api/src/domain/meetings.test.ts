import { describe, expect, it } from 'vitest';
import { aCommitment } from '../../test/fixtures.js';
import {
  checkActionItemsDue,
  checkMeetingDayReached,
  checkNotHeld,
  commitmentFromActionItem,
  composeAgenda,
  overdueSection,
} from './meetings.js';

const now = new Date('2026-05-20T08:00:00Z');
const overdueHere = aCommitment({ id: '00000000-0000-4000-8000-0000000000a1', dueOn: '2026-05-01', title: 'Roofs' });
const overdueOlder = aCommitment({ id: '00000000-0000-4000-8000-0000000000a2', dueOn: '2026-04-01', status: 'in-progress' });
const notDue = aCommitment({ id: '00000000-0000-4000-8000-0000000000a3', dueOn: '2026-06-01' });
const delivered = aCommitment({
  id: '00000000-0000-4000-8000-0000000000a4',
  dueOn: '2026-04-01',
  status: 'delivered',
  deliveredOn: '2026-04-02',
});
const elsewhere = aCommitment({ id: '00000000-0000-4000-8000-0000000000a5', dueOn: '2026-04-01', neighbourhoodId: 'nbh-motahari' });
const all = [overdueHere, overdueOlder, notDue, delivered, elsewhere];

describe('agenda composition', () => {
  const scheduled = {
    neighbourhoodId: 'nbh-sarasiab',
    agenda: [{ id: 'x', text: 'Workshop space' }],
    status: 'scheduled' as const,
    overdueAtHeld: null,
  };

  it('opens a scheduled meeting’s agenda with the neighbourhood’s overdue commitments, oldest first, then its own items', () => {
    const agenda = composeAgenda(scheduled, all, now);
    expect(agenda.frozen).toBe(false);
    expect(agenda.overdue.map((i) => i.commitmentId)).toEqual([overdueOlder.id, overdueHere.id]);
    expect(agenda.overdue[1]).toEqual({
      commitmentId: overdueHere.id,
      agency: 'vocational-training',
      title: 'Roofs',
      answers: 'skills-training',
      dueOn: '2026-05-01',
      status: 'planned',
    });
    expect(agenda.items).toEqual(scheduled.agenda);
  });

  it('reads the clock at read time: an item joins once its due day has passed', () => {
    expect(composeAgenda(scheduled, [notDue], now).overdue).toEqual([]);
    expect(composeAgenda(scheduled, [notDue], new Date('2026-06-02T08:00:00Z')).overdue.map((i) => i.commitmentId)).toEqual([notDue.id]);
  });

  it('shows a held meeting’s overdue section as frozen, whatever happens later', () => {
    const frozen = overdueSection(all, 'nbh-sarasiab', now);
    const held = { ...scheduled, status: 'held' as const, overdueAtHeld: frozen };
    const later = composeAgenda(
      held,
      [...all, aCommitment({ id: '00000000-0000-4000-8000-0000000000a6', dueOn: '2026-05-15' })],
      new Date('2027-01-01T00:00:00Z'),
    );
    expect(later).toEqual({ overdue: frozen, items: scheduled.agenda, frozen: true });
  });

  it('uses a slipped commitment’s revised day', () => {
    const slipped = aCommitment({ dueOn: '2026-04-01', status: 'slipped', revisedDueOn: '2026-05-05' });
    expect(overdueSection([slipped], 'nbh-sarasiab', now)[0]!.dueOn).toBe('2026-05-05');
  });

  it('turns an action item into a planned working-group commitment with the same id', () => {
    const c = commitmentFromActionItem(
      { id: 'a', agency: 'welfare', title: 'Cases', dueOn: '2026-06-01', answers: null },
      { neighbourhoodId: 'nbh-fajr', meetingId: 'm', resolutionId: 'r', assignedAt: now },
    );
    expect(c).toMatchObject({
      id: 'a',
      source: 'working-group',
      status: 'planned',
      neighbourhoodId: 'nbh-fajr',
      answers: null,
      meetingId: 'm',
      resolutionId: 'r',
      plannedAt: now,
    });
  });

  it('closes a held meeting’s minutes (409) and takes no action item due before today (422, naming it)', () => {
    expect(() => checkNotHeld({ status: 'held' })).toThrow(expect.objectContaining({ code: 'meeting-held' }));
    expect(() => checkNotHeld({ status: 'scheduled' })).not.toThrow();
    const items = [{ dueOn: '2026-06-01' }, { dueOn: '2026-05-31' }];
    expect(() => checkActionItemsDue(items, '2026-06-01')).toThrow(
      expect.objectContaining({ code: 'action-item-due-in-past', field: 'actionItems.1.dueOn' }),
    );
    expect(() => checkActionItemsDue(items.slice(0, 1), '2026-06-01')).not.toThrow();
  });
});

describe('a meeting’s day', () => {
  it('is reached on the day itself and after it, not before (29 Azar is not held on 15 Azar)', () => {
    const meeting = { scheduledOn: '2026-12-20' }; // 29 Azar 1405
    expect(() => checkMeetingDayReached(meeting, '2026-12-06')).toThrow(
      expect.objectContaining({ code: 'meeting-day-not-reached', status: 409 }),
    );
    expect(() => checkMeetingDayReached(meeting, '2026-12-19')).toThrow();
    expect(() => checkMeetingDayReached(meeting, '2026-12-20')).not.toThrow();
    expect(() => checkMeetingDayReached(meeting, '2026-12-21')).not.toThrow();
  });
});
