import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTvto, type TvtoTestService } from '../testing/harness.js';

// TVTO's "my work" counts on the real store: the desk's referrals and commitments, permits in hand,
// today's counselling sessions, counted by Iran's day.
let service: TvtoTestService;

beforeAll(async () => {
  service = await startTvto();
});

afterAll(async () => {
  await service?.close();
});

// 00:30 on 1 Farvardin 1405 in Tehran (21 March 2026) is still 20 March in UTC: "today" must be Iran's.
const now = new Date('2026-03-20T21:00:00Z');
const [yesterday, today, tomorrow] = ['2026-03-20', '2026-03-21', '2026-03-22'];

beforeEach(async () => {
  service.clock.setTo(now);
  const { referrals, commitments, permits, sessions } = service.models;
  await Promise.all([referrals, commitments, permits, sessions].map((m) => m.collection.deleteMany({})));
});

const referral = (state: string, extra: object = {}) => ({
  _id: randomUUID(),
  agency: 'vocational-training',
  state,
  respondBy: tomorrow,
  completeBy: null,
  ...extra,
});
const commitment = (source: string, status: string, dueOn: string, revisedDueOn: string | null = null) => ({
  _id: randomUUID(),
  agency: 'vocational-training',
  source,
  status,
  dueOn,
  revisedDueOn,
});

const counts = (items: { kind: string; count: number }[]) => Object.fromEntries(items.map((i) => [i.kind, i.count]));

describe('GET /work', () => {
  it('counts what waits for TVTO staff, each with the module page that shows it', async () => {
    const { referrals, commitments, permits, sessions } = service.models;
    await referrals.collection.insertMany([
      referral('received'),
      referral('received', { respondBy: yesterday }), // no answer past its day
      referral('received', { respondBy: today }), // due today is not late
      referral('accepted', { completeBy: yesterday }), // not completed past its day
      referral('accepted', { completeBy: today }),
      referral('completed', { respondBy: yesterday, completeBy: yesterday }),
      referral('declined', { respondBy: yesterday }),
    ] as never[]);
    await commitments.collection.insertMany([
      commitment('working-group', 'planned', tomorrow),
      commitment('working-group', 'delivered', yesterday),
      commitment('agency', 'in-progress', yesterday), // overdue
      commitment('agency', 'slipped', yesterday, tomorrow), // slipped with a new day: not overdue
      commitment('working-group', 'slipped', yesterday, yesterday), // overdue, and an open action item
    ] as never[]);
    await permits.collection.insertMany(
      ['submitted', 'documents-complete', 'inspected', 'approved', 'rejected'].map((status) => ({ _id: randomUUID(), status })) as never[],
    );
    await sessions.collection.insertMany([
      { _id: randomUUID(), day: today, state: 'booked' },
      { _id: randomUUID(), day: today, state: 'booked' },
      { _id: randomUUID(), day: today, state: 'held' },
      { _id: randomUUID(), day: yesterday, state: 'booked' },
      { _id: randomUUID(), day: tomorrow, state: 'booked' },
    ] as never[]);

    const res = await service.api('tvto').get('/work');
    expect(res.status).toBe(200);
    expect(counts(res.body)).toEqual({
      'referrals-new': 3,
      'referrals-overdue': 2,
      'action-items-open': 2,
      'commitments-overdue': 2,
      'permits-in-hand': 3,
      'counselling-today': 2,
    });
    expect(res.body.find((i: { kind: string }) => i.kind === 'commitments-overdue').path).toBe('commitments?overdue=true');
    expect(res.body.find((i: { kind: string }) => i.kind === 'permits-in-hand').path).toBe('permits');
  });

  it('answers zeros on an empty desk, and nothing for those who only read TVTO', async () => {
    expect(counts((await service.api('tvto').get('/work')).body)).toEqual({
      'referrals-new': 0,
      'referrals-overdue': 0,
      'action-items-open': 0,
      'commitments-overdue': 0,
      'permits-in-hand': 0,
      'counselling-today': 0,
    });
    for (const reader of ['coordinator', 'auditor'] as const) {
      const res = await service.api(reader).get('/work');
      expect(res.status).toBe(200);
      expect(res.body).toEqual([]);
    }
  });

  it('says, asked since when the caller last looked, how many of each arrived or fell due after it', async () => {
    const { referrals, commitments, permits, sessions } = service.models;
    const [before, after] = [new Date('2026-03-10T08:00:00Z'), new Date('2026-03-20T08:00:00Z')];
    await referrals.collection.insertMany([
      referral('received', { receivedAt: after }),
      referral('received', { receivedAt: before }),
      referral('received', { receivedAt: before, respondBy: '2026-03-19' }), // late from the 20th: after the last look
      referral('received', { receivedAt: before, respondBy: '2026-03-18' }), // already late when last looked
      referral('accepted', { receivedAt: before, completeBy: yesterday }),
    ] as never[]);
    await commitments.collection.insertMany([
      { ...commitment('working-group', 'planned', tomorrow), declaredAt: after },
      { ...commitment('working-group', 'planned', tomorrow), declaredAt: before },
      { ...commitment('agency', 'in-progress', '2026-03-19'), declaredAt: before },
      { ...commitment('agency', 'slipped', '2026-03-10', yesterday), declaredAt: before },
      { ...commitment('agency', 'planned', '2026-03-10'), declaredAt: before },
    ] as never[]);
    await permits.collection.insertMany([
      { _id: randomUUID(), status: 'submitted', submittedAt: after },
      { _id: randomUUID(), status: 'inspected', submittedAt: before },
    ] as never[]);
    await sessions.collection.insertMany([
      { _id: randomUUID(), day: today, state: 'booked', bookedAt: after },
      { _id: randomUUID(), day: today, state: 'booked', bookedAt: before },
    ] as never[]);

    // Last looked at 15:30 on 19 March in Tehran.
    const res = await service.api('tvto').get('/work?since=2026-03-19T12:00:00Z');
    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.body.map((i: { kind: string; count: number; fresh: number }) => [i.kind, [i.count, i.fresh]]))).toEqual({
      'referrals-new': [4, 1],
      'referrals-overdue': [3, 2],
      'action-items-open': [2, 1],
      'commitments-overdue': [3, 2],
      'permits-in-hand': [2, 1],
      'counselling-today': [2, 1],
    });
    // Not asked, nothing is said of what is new.
    expect((await service.api('tvto').get('/work')).body.every((i: object) => !('fresh' in i))).toBe(true);
    expect((await service.api('tvto').get('/work?since=yesterday')).status).toBe(400);
  });

  it('refuses roles outside TVTO and callers without a token', async () => {
    expect((await service.api('welfare').get('/work')).status).toBe(403);
    expect((await service.api().get('/work')).status).toBe(401);
  });
});
