import { dayOf, weekdayOf } from '@hamgam/contracts/days';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addResident, startApiHarness, type ApiHarness } from '../testing/harness.js';

let h: ApiHarness;
let worker: string;
let otherWorker: string;
let tvto: string;
let coordinator: string;
const residents: string[] = [];

const api = () => request(h.app);
const as = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  h = await startApiHarness();
  worker = await h.token({ sub: 'w1', roles: ['clinic-worker'], clinicIds: ['clinic-sarasiab'], neighbourhoodIds: ['nbh-sarasiab'] });
  otherWorker = await h.token({ sub: 'w2', roles: ['clinic-worker'], clinicIds: ['clinic-motahari'], neighbourhoodIds: ['nbh-motahari'] });
  tvto = await h.token({ sub: 't1', roles: ['tvto-staff'] });
  coordinator = await h.token({ sub: 'c1', roles: ['coordinator'] });
  for (let i = 0; i < 5; i++) residents.push(await addResident(h.models, 'clinic-sarasiab', 'nbh-sarasiab'));
}, 30_000);

afterAll(async () => {
  await h?.close();
});

describe('clinic calendar', () => {
  let counselling: { id: string }[];
  let guild: { id: string };

  it('generates the counsellor’s weekly day as dated slots, once', async () => {
    const rule = {
      clinicId: 'clinic-sarasiab',
      kind: 'tvto-counselling',
      // Tomorrow's weekday, so that all four weeks lie ahead whatever day and hour the test runs.
      weekday: (weekdayOf(dayOf(h.clock.now())) + 1) % 7,
      startTime: '09:00',
      durationMinutes: 240,
      capacity: 3,
      weeks: 4,
    };
    const res = await api().post('/api/v1/calendar/weekly').set(as(worker)).send(rule);
    expect(res.status).toBe(201);
    expect(res.body).toHaveLength(4);
    expect(res.body[0]).toMatchObject({
      kind: 'tvto-counselling',
      capacity: 3,
      available: 3,
      bookedCount: 0,
      place: { en: 'Sar Asiab social-work clinic' },
    });
    counselling = res.body;
    const again = await api().post('/api/v1/calendar/weekly').set(as(worker)).send(rule);
    expect(again.body).toEqual([]);
    expect((await api().post('/api/v1/calendar/weekly').set(as(otherWorker)).send(rule)).status).toBe(403);
  });

  it('adds a guild meeting and refuses one in the past', async () => {
    const startsAt = new Date(h.clock.now().getTime() + 2 * 86_400_000).toISOString();
    const res = await api()
      .post('/api/v1/calendar/slots')
      .set(as(worker))
      .send({ clinicId: 'clinic-sarasiab', kind: 'guild-meeting', startsAt, durationMinutes: 90, capacity: 2 });
    expect(res.status).toBe(201);
    guild = res.body;
    const past = new Date(h.clock.now().getTime() - 3_600_000).toISOString();
    const refused = await api()
      .post('/api/v1/calendar/slots')
      .set(as(worker))
      .send({ clinicId: 'clinic-sarasiab', kind: 'joint-meeting', startsAt: past, durationMinutes: 90, capacity: 2 });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'slot-in-past', field: 'startsAt' });
  });

  it('books up to capacity even when bookings race, then refuses (409), and a cancellation frees a seat', async () => {
    const slot = counselling[0]!.id;
    const book = (residentId: string) =>
      api()
        .post(`/api/v1/calendar/slots/${encodeURIComponent(slot)}/bookings`)
        .set(as(worker))
        .send({ residentId });
    const results = await Promise.all(residents.map(book));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409]);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(['slot-full', 'slot-full']);
    const stored = await h.models.slots.findById(slot).lean();
    expect(stored!.bookedCount).toBe(3);
    expect(stored!.bookings).toHaveLength(3);
    const booked = stored!.bookings[0]!.residentId;
    expect((await book(booked)).body).toMatchObject({ status: 409, code: 'resident-already-booked' });
    const cancelled = await api()
      .delete(`/api/v1/calendar/slots/${encodeURIComponent(slot)}/bookings/${booked}`)
      .set(as(worker));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ bookedCount: 2, available: 1 });
    const waiting = residents.find((r) => !stored!.bookings.some((b) => b.residentId === r))!;
    expect((await book(waiting)).status).toBe(201);
  });

  it('lets only the slot’s own clinic book, and only its own residents', async () => {
    const motahariResident = await addResident(h.models, 'clinic-motahari', 'nbh-motahari');
    const path = `/api/v1/calendar/slots/${encodeURIComponent(guild.id)}/bookings`;
    expect((await api().post(path).set(as(otherWorker)).send({ residentId: motahariResident })).status).toBe(403);
    expect((await api().post(path).set(as(worker)).send({ residentId: motahariResident })).status).toBe(403);
    expect((await api().post(path).set(as(tvto)).send({ residentId: residents[0] })).status).toBe(403);
  });

  it('shows the week to its clinic with bookings, to TVTO staff only the counselling slots and no residents', async () => {
    const mine = await api().get('/api/v1/calendar/slots?clinicId=clinic-sarasiab&days=14').set(as(worker));
    expect(mine.status).toBe(200);
    expect(mine.body.map((s: { kind: string }) => s.kind)).toContain('guild-meeting');
    expect(mine.body.find((s: { id: string }) => s.id === counselling[0]!.id).bookings).toHaveLength(3);
    const staff = await api().get('/api/v1/calendar/slots?days=40').set(as(tvto));
    expect(staff.body.length).toBe(4);
    expect(staff.body.every((s: { kind: string; bookings: unknown }) => s.kind === 'tvto-counselling' && s.bookings === null)).toBe(true);
    expect((await api().get('/api/v1/calendar/slots?kind=guild-meeting').set(as(tvto))).status).toBe(403);
    const hq = await api().get('/api/v1/calendar/slots?days=40').set(as(coordinator));
    expect(hq.body.length).toBe(5);
    expect(hq.body.every((s: { bookings: unknown }) => s.bookings === null)).toBe(true);
    expect((await api().get('/api/v1/calendar/slots?clinicId=clinic-sarasiab').set(as(otherWorker))).status).toBe(403);
    const rep = await h.token({ roles: ['representative'], neighbourhoodIds: ['nbh-sarasiab'] });
    expect((await api().get('/api/v1/calendar/slots').set(as(rep))).status).toBe(403);
  });
});
