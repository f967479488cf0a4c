import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addResident, startApiHarness, type ApiHarness } from '../testing/harness.js';

// The clinic's "my work" counts on the real store, over the caller's own clinics and by Iran's day.
let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
});

afterAll(async () => {
  await h?.close();
});

// 00:30 on 21 March 2026 in Tehran is still 20 March in UTC: "today" and "overdue" are Iran's.
const now = new Date('2026-03-20T21:00:00Z');
const [yesterday, today] = ['2026-03-20', '2026-03-21'];
const mine = 'clinic-sarasiab'; // the test worker's clinic
const theirs = 'clinic-motahari';

const counts = (items: { kind: string; count: number }[]) => Object.fromEntries(items.map((i) => [i.kind, i.count]));
const referral = (clinicId: string, state: string, extra: object = {}) => ({
  _id: randomUUID(),
  clinicId,
  state,
  respondBy: today,
  completeBy: null,
  updatedAt: now,
  ...extra,
});
const consent = (clinicId: string, expiresOn: string, withdrawnAt: Date | null = null) => ({
  _id: randomUUID(),
  residentId: randomUUID(),
  clinicId,
  expiresOn,
  withdrawnAt,
});
const slot = (clinicId: string, startsAt: string, bookedCount: number) => ({
  _id: randomUUID(),
  clinicId,
  startsAt: new Date(startsAt),
  bookedCount,
  // The last booking of each slot was made on the 20th (after the test's last look), the others on the 1st.
  bookings: Array.from({ length: bookedCount }, (_, i) => ({
    residentId: randomUUID(),
    bookedAt: new Date(i === bookedCount - 1 ? '2026-03-20T09:00:00Z' : '2026-03-01T09:00:00Z'),
    bookedBy: 'clinic.worker',
  })),
});

describe('GET /work', () => {
  it('counts late and declined referrals, consents ending soon and today’s bookings of the worker’s clinics', async () => {
    h.clock.setTo(now);
    const { referrals, consents, slots } = h.models;
    await referrals.collection.insertMany([
      referral(mine, 'sent', { respondBy: yesterday }), // no answer past its day
      referral(mine, 'sent'), // due today: not late
      referral(mine, 'accepted', { completeBy: yesterday }),
      referral(mine, 'completed', { respondBy: yesterday }),
      referral(mine, 'declined', { updatedAt: new Date('2026-03-18T08:00:00Z') }),
      referral(mine, 'declined', { updatedAt: new Date('2026-03-01T08:00:00Z') }), // long ago: off the home
      referral(theirs, 'sent', { respondBy: yesterday }),
      referral(theirs, 'declined'),
    ] as never[]);
    await consents.collection.insertMany([
      consent(mine, today),
      consent(mine, '2026-04-03'), // the 14th day from today
      consent(mine, '2026-04-04'), // beyond the two weeks
      consent(mine, yesterday), // already ended
      consent(mine, '2026-03-25', new Date('2026-03-10T08:00:00Z')), // withdrawn
      consent(theirs, today),
    ] as never[]);
    await slots.collection.insertMany([
      slot(mine, '2026-03-21T05:30:00Z', 3), // 09:00 today in Tehran
      slot(mine, '2026-03-20T20:45:00Z', 1), // 00:15 today in Tehran, still the 20th in UTC
      slot(mine, '2026-03-20T10:00:00Z', 5), // yesterday
      slot(theirs, '2026-03-21T05:30:00Z', 4),
    ] as never[]);

    const res = await h.api('worker').get('/work');
    expect(res.status).toBe(200);
    expect(counts(res.body)).toEqual({ 'bookings-today': 4, 'referrals-overdue': 2, 'referrals-declined': 1, 'consents-expiring': 2 });
    expect(res.body.find((i: { kind: string }) => i.kind === 'referrals-overdue').path).toBe('referrals?overdue=true');
    // Asked since the worker last looked (the 19th, 14:00 in Tehran): what fell due, was declined or came within
    // the two weeks after it is new.
    const since = await h.api('worker').get('/work?since=2026-03-19T10:30:00Z');
    expect(Object.fromEntries(since.body.map((i: { kind: string; fresh?: number }) => [i.kind, i.fresh]))).toEqual({
      'bookings-today': 2, // one in each of today's two slots
      'referrals-overdue': 2,
      'referrals-declined': 0,
      'consents-expiring': 1,
    });
    // The other clinic's worker counts only theirs.
    expect(counts((await h.api('worker2').get('/work')).body)).toEqual({
      'bookings-today': 4,
      'referrals-overdue': 1,
      'referrals-declined': 1,
      'consents-expiring': 1,
    });
  });

  it('opens, from the consents card, the residents whose consents it counts (residents?consents=ending)', async () => {
    h.clock.setTo(now);
    const resident = () => addResident(h.models, mine, 'nbh-sarasiab');
    const [endsToday, endsDay14, endsLater, ended, withdrawn, none] = await Promise.all(Array.from({ length: 6 }, resident));
    await h.models.consents.collection.insertMany([
      { ...consent(mine, today), residentId: endsToday },
      { ...consent(mine, '2026-04-03'), residentId: endsDay14 },
      { ...consent(mine, '2026-04-04'), residentId: endsLater },
      { ...consent(mine, yesterday), residentId: ended },
      { ...consent(mine, '2026-03-25', new Date('2026-03-10T08:00:00Z')), residentId: withdrawn },
    ] as never[]);
    const card = (await h.api('worker').get('/work')).body.find((i: { kind: string }) => i.kind === 'consents-expiring');
    expect(card.path).toBe('residents?consents=ending');

    const listed = await h.api('worker').get('/clinics/clinic-sarasiab/residents?consents=ending&limit=100');
    expect(listed.status).toBe(200);
    expect(listed.body.map((r: { id: string }) => r.id).sort()).toEqual([endsToday, endsDay14].sort());
    expect(listed.body.map((r: { id: string }) => r.id)).not.toContain(none);
    const all = await h.api('worker').get('/clinics/clinic-sarasiab/residents?limit=100');
    expect(all.body.length).toBeGreaterThanOrEqual(6);
    expect((await h.api('worker').get('/clinics/clinic-sarasiab/residents?consents=soon')).status).toBe(400);
  });

  it('answers nothing for those who only read the clinics, and refuses other agencies', async () => {
    for (const reader of ['coordinator', 'representative', 'auditor'] as const) {
      expect((await h.api(reader).get('/work')).body).toEqual([]);
    }
    expect((await h.api('tvto').get('/work')).status).toBe(403);
  });
});
