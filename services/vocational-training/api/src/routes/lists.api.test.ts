import { walkPages } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vocationalTrainingService } from '../service.js';
import { startTvto, type TvtoTestService } from '../testing/harness.js';

// Search, filters and order on TVTO's lists (issue 10), in the store query, on the demo's records.
let service: TvtoTestService;

beforeAll(async () => {
  service = await startTvto();
  await vocationalTrainingService.seedDemo!(service.deps);
}, 60_000);

afterAll(async () => {
  await service?.close();
});

const get = async <T>(path: string) => {
  const res = await service.api('tvto').get(path);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body as T[];
};
const toPersianDigits = (text: string) => text.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

describe('courses', () => {
  type Row = { courseId: string; title: { fa: string; en: string }; trade: string; venue: { kind: string }; startsOn: string };

  it('finds courses by words of the title in either language, and filters by trade and kind of venue', async () => {
    const all = await get<Row>('/courses?limit=100');
    const byFa = await get<Row>(`/courses?q=${encodeURIComponent('خیاطی')}`);
    expect(byFa.length).toBeGreaterThan(0);
    expect(byFa.every((c) => c.title.fa.includes('خیاطی'))).toBe(true);
    const byEn = await get<Row>('/courses?q=TAILORING');
    expect(byEn.map((c) => c.courseId)).toEqual(all.filter((c) => /tailoring/i.test(c.title.en)).map((c) => c.courseId));
    expect(await get<Row>(`/courses?q=${encodeURIComponent('a.*(')}`)).toEqual([]);
    const pastry = await get<Row>('/courses?trade=pastry');
    expect(pastry.length).toBe(all.filter((c) => c.trade === 'pastry').length);
    expect(pastry.every((c) => c.trade === 'pastry')).toBe(true);
    const atInstitutes = await get<Row>('/courses?venueKind=private-institute');
    expect(atInstitutes.map((c) => c.courseId)).toEqual(all.filter((c) => c.venue.kind === 'private-institute').map((c) => c.courseId));
  });

  it('walks the courses latest first, two a page, each once', async () => {
    const all = await get<Row>('/courses?limit=100&order=desc');
    expect(all.map((c) => c.startsOn)).toEqual([...all.map((c) => c.startsOn)].sort().reverse());
    const walk = await walkPages<Row>((path) => service.api('tvto').get(path), '/courses?order=desc', 2);
    expect(walk.items.map((c) => c.courseId)).toEqual(all.map((c) => c.courseId));
  });
});

describe('permit applications', () => {
  type Row = { permitId: string; trackingCode: string; trade: string; neighbourhoodId: string; submittedAt: string; updatedAt: string };

  it('finds an application by its tracking code, whole or begun, typed as a person does', async () => {
    const all = await get<Row>('/permits?limit=100');
    const one = all[0]!;
    const code = one.trackingCode;
    expect((await get<Row>(`/permits?q=${code}`)).map((p) => p.permitId)).toEqual([one.permitId]);
    const typed = encodeURIComponent(toPersianDigits(code.slice(0, 6).toLowerCase().replace('-', ' ')));
    const begun = await get<Row>(`/permits?q=${typed}`);
    expect(begun.map((p) => p.permitId)).toContain(one.permitId);
    expect(begun.every((p) => p.trackingCode.startsWith(code.slice(0, 6)))).toBe(true);
    // A name is no code: nothing found, not a 400 in English.
    expect(await get<Row>(`/permits?q=${encodeURIComponent('زهرا')}`)).toEqual([]);
  });

  it('filters by trade and neighbourhood, and orders by the last change', async () => {
    const all = await get<Row>('/permits?limit=100');
    const { trade, neighbourhoodId } = all[0]!;
    expect((await get<Row>(`/permits?trade=${trade}`)).map((p) => p.permitId)).toEqual(
      all.filter((p) => p.trade === trade).map((p) => p.permitId),
    );
    const there = await get<Row>(`/permits?neighbourhoodId=${neighbourhoodId}`);
    expect(there.every((p) => p.neighbourhoodId === neighbourhoodId)).toBe(true);
    const byChange = await get<Row>('/permits?limit=100&sort=updatedAt&order=asc');
    expect(byChange.map((p) => p.updatedAt)).toEqual([...byChange.map((p) => p.updatedAt)].sort());
    expect((await service.api('tvto').get('/permits?sort=name')).status).toBe(400);
  });
});

describe('sessions and placements', () => {
  it('filters the counsellor’s sessions and the apprentices’ placements by state', async () => {
    const sessions = await get<{ state: string }>('/counselling/sessions?limit=100');
    const held = await get<{ state: string }>('/counselling/sessions?limit=100&state=held');
    expect(held.length).toBe(sessions.filter((s) => s.state === 'held').length);
    expect(held.every((s) => s.state === 'held')).toBe(true);
    const placements = await get<{ state: string }>('/apprenticeships/placements?limit=100');
    const active = await get<{ state: string }>('/apprenticeships/placements?limit=100&state=active');
    expect(active.length).toBe(placements.filter((p) => p.state === 'active').length);
    expect(active.length).toBeGreaterThan(0);
  });
});
