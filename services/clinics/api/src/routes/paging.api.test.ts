import { PAGE_MAX } from '@hamgam/service-kit';
import { walkPages } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addResident, startApiHarness, type ApiHarness } from '../testing/harness.js';

// Keyset paging on real list routes, against the real store: first page, next cursor, last page, and
// a limit over the maximum refused at the edge.
let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
}, 30_000);

afterAll(async () => {
  await h?.close();
});

const get = (path: string) => h.api('worker').get(path);

describe('paged lists', () => {
  it('walks a clinic’s households newest first, two a page, each once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await h.api('worker').post('/households', { clinicId: 'clinic-sarasiab', fileNumber: `P-${i}` });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const walk = await walkPages<{ id: string; fileNumber: string }>(get, '/clinics/clinic-sarasiab/households', 2);
    expect(walk.pages.map((p) => [p.status, p.count, !!p.next])).toEqual([
      [200, 2, true],
      [200, 2, true],
      [200, 1, false],
    ]);
    expect(walk.pages[0]!.link).toBe(`</api/v1/clinics/clinic-sarasiab/households?limit=2&after=${walk.pages[0]!.next}>; rel="next"`);
    expect(new Set(walk.items.map((x) => x.id)).size).toBe(5);
    // Newest first: the one page of everything agrees with the walk.
    const whole = await get('/clinics/clinic-sarasiab/households');
    expect(whole.headers['x-next-cursor']).toBeUndefined();
    expect(walk.items.map((x) => x.id)).toEqual(whole.body.map((x: { id: string }) => x.id));
    expect(new Set(walk.items.map((x) => x.id))).toEqual(new Set(ids));
  });

  it('pages a clinic’s residents the same way', async () => {
    for (let i = 0; i < 3; i++) await addResident(h.models, 'clinic-motahari', 'nbh-motahari');
    const walk = await walkPages((p) => h.api('worker2').get(p), '/clinics/clinic-motahari/residents', 2);
    expect(walk.pages.map((p) => p.count)).toEqual([2, 1]);
    expect(walk.pages.at(-1)!.next).toBeUndefined();
  });

  it('refuses a limit over the maximum, and a forged cursor, with 400', async () => {
    const tooMany = await get(`/clinics/clinic-sarasiab/households?limit=${PAGE_MAX + 1}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([{ path: 'limit', message: 'page-limit-exceeded' }]);
    expect((await get(`/referrals?limit=${PAGE_MAX + 1}`)).status).toBe(400);
    const forged = await get('/clinics/clinic-sarasiab/households?after=bm9wZQ');
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('page-cursor-invalid');
  });
});
