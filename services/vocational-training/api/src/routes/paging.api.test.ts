import { PAGE_MAX } from '@hamgam/service-kit';
import { walkPages } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vocationalTrainingService } from '../service.js';
import { startTvto, type TvtoTestService } from '../testing/harness.js';

// Keyset paging on a real list route (the demo's courses) against the real store.
let service: TvtoTestService;

beforeAll(async () => {
  service = await startTvto();
  await vocationalTrainingService.seedDemo!(service.deps);
}, 60_000);

afterAll(async () => {
  await service?.close();
});

const get = (path: string) => service.api('tvto').get(path);

describe('paged lists', () => {
  it('walks the courses by start day, two a page, each once, the same as one page of all', async () => {
    const whole = await get('/courses');
    expect(whole.status).toBe(200);
    expect(whole.headers['x-next-cursor']).toBeUndefined();
    expect(whole.body.length).toBeGreaterThan(2);
    const walk = await walkPages<{ courseId: string }>(get, '/courses', 2);
    expect(walk.pages.every((p) => p.status === 200)).toBe(true);
    expect(walk.pages[0]).toMatchObject({ count: 2, next: expect.any(String) });
    expect(walk.pages.at(-1)!.next).toBeUndefined();
    expect(walk.items.map((c) => c.courseId)).toEqual(whole.body.map((c: { courseId: string }) => c.courseId));
  });

  it('refuses a limit over the maximum with 400', async () => {
    for (const path of ['/courses', '/permits', '/certificates', '/desk/referrals']) {
      const res = await get(`${path}?limit=${PAGE_MAX + 1}`);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: 'limit', message: 'page-limit-exceeded' }]);
    }
  });
});
