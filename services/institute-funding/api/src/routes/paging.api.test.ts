import { PAGE_MAX } from '@hamgam/service-kit';
import { startTestService, walkPages, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instituteFundingService } from '../service.js';

// Keyset paging on real list routes (the desk's referrals, as the demo seeds them) against the real store.
let service: TestService<Parameters<typeof instituteFundingService.routes>[0]['models']>;

beforeAll(async () => {
  service = await startTestService(instituteFundingService);
  await instituteFundingService.seedDemo!(service.deps);
}, 30_000);

afterAll(async () => {
  await service?.close();
});

const get = (path: string) => service.api('fund').get(path);

describe('paged lists', () => {
  it('walks the desk’s referrals newest first, two a page, each once, the same as one page of all', async () => {
    const whole = await get('/desk/referrals');
    expect(whole.status).toBe(200);
    expect(whole.headers['x-next-cursor']).toBeUndefined();
    const total = whole.body.length as number;
    expect(total).toBeGreaterThan(2);
    const walk = await walkPages<{ referralId: string }>(get, '/desk/referrals', 2);
    expect(walk.pages.every((p) => p.status === 200)).toBe(true);
    expect(walk.pages[0]).toMatchObject({ count: 2, next: expect.any(String) });
    expect(walk.pages.at(-1)!.next).toBeUndefined();
    expect(walk.items.map((r) => r.referralId)).toEqual(whole.body.map((r: { referralId: string }) => r.referralId));
  });

  it('refuses a limit over the maximum with 400', async () => {
    for (const path of ['/desk/referrals', '/applications', '/awards']) {
      const res = await get(`${path}?limit=${PAGE_MAX + 1}`);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: 'limit', message: 'page-limit-exceeded' }]);
    }
  });
});
