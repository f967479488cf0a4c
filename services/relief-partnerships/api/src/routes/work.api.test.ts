import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reliefForTests } from '../testing/harness.js';

// Relief and Basij's "my work" counts on the real store, by the caller's role and Iran's day.
const relief = reliefForTests();

const counts = (items: { kind: string; count: number }[]) => Object.fromEntries(items.map((i) => [i.kind, i.count]));
const request = (state: string, i: number) => ({
  _id: randomUUID(),
  state,
  submittedAt: new Date(i === 0 ? '2026-03-20T10:00:00Z' : '2026-03-01T10:00:00Z'),
});
const project = (status: string, milestones: { dueOn: string; doneOn: string | null }[]) => ({
  _id: randomUUID(),
  status,
  milestones: milestones.map((m) => ({ milestoneId: randomUUID(), title: 'roof', ...m })),
});

describe('GET /work', () => {
  it('gives Relief officers the requests to decide and Basij’s liaison the late projects, both the desk’s referrals', async () => {
    const service = relief.service();
    // 00:30 in Tehran on 21 March 2026 is still 20 March in UTC: the 20th is already past in Iran.
    service.clock.setTo(new Date('2026-03-20T21:00:00Z'));
    const { supportRequests, projects, referrals } = service.models;
    await supportRequests.collection.insertMany(
      ['submitted', 'eligible', 'ineligible', 'approved', 'disbursed', 'rejected'].map(request) as never[],
    );
    await projects.collection.insertMany([
      project('in-progress', [{ dueOn: '2026-03-20', doneOn: null }]), // late in Iran, not yet in UTC
      project('in-progress', [
        { dueOn: '2026-03-01', doneOn: '2026-03-01' },
        { dueOn: '2026-03-21', doneOn: null }, // due today: not late
      ]),
      project('planned', [{ dueOn: '2026-02-01', doneOn: null }]),
      project('completed', [{ dueOn: '2026-02-01', doneOn: null }]),
    ] as never[]);
    await referrals.collection.insertOne({
      _id: randomUUID(),
      agency: 'relief-partnerships',
      state: 'received',
      respondBy: '2026-03-19',
    } as never);

    const officer = await service.api('relief').get('/work');
    expect(officer.status).toBe(200);
    expect(counts(officer.body)).toEqual({
      'referrals-new': 1,
      'referrals-overdue': 1,
      'action-items-open': 0,
      'commitments-overdue': 0,
      'support-to-decide': 3,
    });
    const liaison = await service.api('basij').get('/work');
    expect(counts(liaison.body)).toEqual({
      'referrals-new': 1,
      'referrals-overdue': 1,
      'action-items-open': 0,
      'commitments-overdue': 0,
      'projects-late': 2,
    });
    expect(liaison.body.find((i: { kind: string }) => i.kind === 'projects-late').path).toBe('projects');

    // Last looked on 20 March (Tehran): the milestone due that day fell due after it, the older one before.
    const since = await service.api('basij').get('/work?since=2026-03-20T06:00:00Z');
    expect(since.body.find((i: { kind: string }) => i.kind === 'projects-late')).toEqual({
      kind: 'projects-late',
      count: 2,
      fresh: 1,
      path: 'projects',
    });
    // Requests submitted after the last look are new to the officer.
    const officerSince = await service.api('relief').get('/work?since=2026-03-20T06:00:00Z');
    expect(officerSince.body.find((i: { kind: string }) => i.kind === 'support-to-decide')).toMatchObject({ count: 3, fresh: 1 });
  });

  it('answers nothing for readers and refuses other agencies', async () => {
    const service = relief.service();
    expect((await service.api('coordinator').get('/work')).body).toEqual([]);
    expect((await service.api('fund').get('/work')).status).toBe(403);
  });
});
