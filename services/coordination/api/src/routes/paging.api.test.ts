import { addDays, dayOf } from '@hamgam/contracts/days';
import { PAGE_MAX } from '@hamgam/service-kit';
import { startTestService, walkPages, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoordinationModels } from '../deps.js';
import { coordinationService } from '../service.js';

// Keyset paging on a real list route against the real store.
let service: TestService<CoordinationModels>;

beforeAll(async () => {
  service = await startTestService(coordinationService);
});

afterAll(async () => {
  await service?.close();
});

const get = (path: string) => service.api('coordinator').get(path);

describe('paged meetings', () => {
  it('walks the meetings latest first, two a page, each once; a representative pages their own', async () => {
    const today = dayOf(service.clock.now());
    for (let i = 0; i < 5; i++) {
      const body = {
        neighbourhoodId: i < 4 ? 'nbh-sarasiab' : 'nbh-motahari',
        scheduledOn: addDays(today, i),
        title: `Meeting ${i}`,
        agencies: ['clinics'],
        representativeAttends: false,
        agenda: [],
      };
      expect((await service.api('coordinator').post('/meetings', body)).status).toBe(201);
    }
    const walk = await walkPages<{ id: string; title: string }>(get, '/meetings', 2);
    expect(walk.pages.map((p) => [p.status, p.count, !!p.next])).toEqual([
      [200, 2, true],
      [200, 2, true],
      [200, 1, false],
    ]);
    expect(walk.items.map((m) => m.title)).toEqual(['Meeting 4', 'Meeting 3', 'Meeting 2', 'Meeting 1', 'Meeting 0']);
    const own = await walkPages<{ title: string }>((p) => service.api('representative').get(p), '/meetings', 3);
    expect(own.pages.map((p) => p.count)).toEqual([3, 1]);
    expect(own.items.map((m) => m.title)).toEqual(['Meeting 3', 'Meeting 2', 'Meeting 1', 'Meeting 0']);
  });

  it('refuses a limit over the maximum with 400', async () => {
    const res = await get(`/meetings?limit=${PAGE_MAX + 1}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'limit', message: 'page-limit-exceeded' }]);
    expect((await get(`/commitments?limit=${PAGE_MAX + 1}`)).status).toBe(400);
  });
});
