import { randomUUID } from 'node:crypto';
import { PAGE_MAX } from '@hamgam/service-kit';
import { startTestService, walkPages, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReliefModels } from '../deps.js';
import { reliefPartnershipsService } from '../service.js';

// Keyset paging on a real list route against the real store.
let service: TestService<ReliefModels>;

beforeAll(async () => {
  service = await startTestService(reliefPartnershipsService);
});

afterAll(async () => {
  await service?.close();
});

const get = (path: string) => service.api('relief').get(path);
const direct = () => ({
  residentRef: randomUUID(),
  householdRef: randomUUID(),
  neighbourhoodId: 'nbh-sarasiab',
  kind: 'micro-loan',
  purpose: 'income-support',
  requestedRials: 300_000_000,
  businessPlan: 'home tailoring',
});

describe('paged support requests', () => {
  it('walks the requests newest first, two a page, each once', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await service.api('relief').post('/support-requests', direct());
      expect(res.status).toBe(201);
      made.push(res.body.requestId);
    }
    const walk = await walkPages<{ requestId: string }>(get, '/support-requests', 2);
    expect(walk.pages.map((p) => [p.status, p.count, !!p.next])).toEqual([
      [200, 2, true],
      [200, 2, true],
      [200, 1, false],
    ]);
    expect(new Set(walk.items.map((r) => r.requestId))).toEqual(new Set(made));
  });

  it('refuses a limit over the maximum with 400', async () => {
    const res = await get(`/support-requests?limit=${PAGE_MAX + 1}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'limit', message: 'page-limit-exceeded' }]);
  });
});
