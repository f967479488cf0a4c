import { addDays } from '@hamgam/contracts/days';
import { walkPages } from '@hamgam/service-kit/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoordination } from '../testing/harness.js';

// Search, filters, sorting and paging on the store (issue 10): every condition is the query's, so a page is never short
// and a count read from the same condition agrees with the list.
let t: Awaited<ReturnType<typeof startCoordination>>;
const titles = (body: { title: string }[]) => body.map((c) => c.title);

beforeAll(async () => {
  t = await startCoordination();
  const today = t.today();
  const commitment = (title: string, fields: Record<string, unknown>) => ({
    _id: randomUUID(),
    source: 'agency',
    agency: 'welfare',
    neighbourhoodId: 'nbh-motahari',
    answers: null,
    title,
    revisedDueOn: null,
    status: 'planned',
    evidence: null,
    plannedAt: new Date(),
    deliveredOn: null,
    lastReportAt: null,
    meetingId: null,
    resolutionId: null,
    history: [],
    ...fields,
  });
  await t.service.models.commitments.insertMany([
    // The earliest due days are delivered: a page filtered after reading would come back empty.
    commitment('Delivered A', { dueOn: addDays(today, -30), status: 'delivered', deliveredOn: addDays(today, -31), evidence: 'Report 12' }),
    commitment('Delivered B', { dueOn: addDays(today, -29), status: 'delivered', deliveredOn: addDays(today, -29) }),
    commitment('Late visit', { dueOn: addDays(today, -20), agency: 'relief-partnerships' }),
    commitment('Late course', { dueOn: addDays(today, -10), status: 'in-progress', agency: 'vocational-training' }),
    // Slipped, but to a day still ahead: not overdue. Slipped to a day past: overdue.
    commitment('Slipped ahead', { dueOn: addDays(today, -15), status: 'slipped', revisedDueOn: addDays(today, 10) }),
    commitment('Slipped past', { dueOn: addDays(today, -25), status: 'slipped', revisedDueOn: addDays(today, -1) }),
    commitment('Due today', { dueOn: today }),
    commitment('Workshop permits', { dueOn: addDays(today, 5), agency: 'vocational-training', evidence: 'Permit list 1405/231' }),
  ]);
}, 30_000);
afterAll(() => t?.service.close());

const get = (path: string) => t.get(path, 'coordinator');

describe('the commitments list', () => {
  it('pages the overdue ones full, by the same rule as each row’s flag', async () => {
    const walk = await walkPages<{ title: string; overdue: boolean }>(get, '/commitments?neighbourhoodId=nbh-motahari&overdue=true', 2);
    expect(walk.pages.map((p) => p.count)).toEqual([2, 1]);
    expect(titles(walk.items)).toEqual(['Slipped past', 'Late visit', 'Late course']);
    expect(walk.items.every((c) => c.overdue)).toBe(true);
    const rest = await walkPages<{ title: string; overdue: boolean }>(get, '/commitments?neighbourhoodId=nbh-motahari&overdue=false', 2);
    expect(titles(rest.items)).toEqual(['Delivered A', 'Delivered B', 'Slipped ahead', 'Due today', 'Workshop permits']);
    expect(rest.items.some((c) => c.overdue)).toBe(false);
  });

  it('searches title and evidence, case-insensitive and literal', async () => {
    expect(titles((await get('/commitments?q=late')).body)).toEqual(['Late visit', 'Late course']);
    expect(titles((await get('/commitments?q=1405%2F231')).body)).toEqual(['Workshop permits']);
    expect(titles((await get('/commitments?q=report%2012')).body)).toEqual(['Delivered A']);
    expect((await get('/commitments?q=.*')).body).toEqual([]);
    expect((await get(`/commitments?q=${'a'.repeat(101)}`)).status).toBe(400);
  });

  it('combines filters (agency, status, source) with the search and the overdue condition', async () => {
    expect(titles((await get('/commitments?agency=vocational-training')).body)).toEqual(['Late course', 'Workshop permits']);
    expect(titles((await get('/commitments?agency=vocational-training&overdue=true')).body)).toEqual(['Late course']);
    expect(titles((await get('/commitments?status=slipped&overdue=true')).body)).toEqual(['Slipped past']);
    expect(titles((await get('/commitments?source=agency&q=slipped')).body)).toEqual(['Slipped past', 'Slipped ahead']);
    expect((await get('/commitments?source=working-group&neighbourhoodId=nbh-motahari')).body).toEqual([]);
  });

  it('sorts by agreed due day either way, paging each order whole', async () => {
    const up = await walkPages<{ title: string }>(get, '/commitments?neighbourhoodId=nbh-motahari', 3);
    const down = await walkPages<{ title: string }>(get, '/commitments?neighbourhoodId=nbh-motahari&sort=-dueOn', 3);
    expect(titles(up.items)).toHaveLength(8);
    expect(titles(down.items)).toEqual([...titles(up.items)].reverse());
    expect((await get('/commitments?sort=title')).status).toBe(400);
  });

  it('lists a meeting’s action items', async () => {
    const id = await t.actionItem('nbh-sarasiab');
    const meetingId = (await t.service.models.commitments.findById(id).lean())!.meetingId!;
    expect((await get(`/commitments?meetingId=${meetingId}`)).body.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await get('/commitments?meetingId=not-a-uuid')).status).toBe(400);
  });
});

describe('the meetings list', () => {
  it('filters by status and searches the title, soonest or latest first', async () => {
    const today = t.today();
    for (const [title, day] of [
      ['Permits review', 0],
      ['Guilds meeting', 3],
      ['Permits follow-up', 7],
    ] as const)
      await t.post('/meetings', 'coordinator', { ...t.meetingBody('nbh-motahari'), title, scheduledOn: addDays(today, day) });
    const held = (await get('/meetings?neighbourhoodId=nbh-motahari')).body.find((m: { title: string }) => m.title === 'Permits review');
    await t.post(`/meetings/${held.id}/held`, 'coordinator', {});
    expect(titles((await get('/meetings?q=permits')).body)).toEqual(['Permits follow-up', 'Permits review']);
    expect(titles((await get('/meetings?q=permits&sort=scheduledOn')).body)).toEqual(['Permits review', 'Permits follow-up']);
    expect(titles((await get('/meetings?status=held&neighbourhoodId=nbh-motahari')).body)).toEqual(['Permits review']);
    expect(titles((await get('/meetings?status=scheduled&neighbourhoodId=nbh-motahari')).body)).toEqual([
      'Permits follow-up',
      'Guilds meeting',
    ]);
    const walk = await walkPages<{ title: string }>(get, '/meetings?neighbourhoodId=nbh-motahari&status=scheduled', 1);
    expect(walk.pages.map((p) => p.count)).toEqual([1, 1]);
  });
});

describe('the priority lists', () => {
  it('pages the published lists and filters one neighbourhood within the caller’s scope', async () => {
    const walk = await walkPages<{ neighbourhoodId: string }>(get, '/neighbourhood-priorities', 1);
    expect(walk.items.map((l) => l.neighbourhoodId)).toEqual(['nbh-motahari', 'nbh-sarasiab']);
    expect((await get('/neighbourhood-priorities?neighbourhoodId=nbh-sarasiab')).body).toHaveLength(1);
    expect((await t.get('/neighbourhood-priorities?neighbourhoodId=nbh-motahari', 'representative')).status).toBe(403);
    expect(
      (await t.get('/neighbourhood-priorities', 'representative')).body.map((l: { neighbourhoodId: string }) => l.neighbourhoodId),
    ).toEqual(['nbh-sarasiab']);
  });
});
