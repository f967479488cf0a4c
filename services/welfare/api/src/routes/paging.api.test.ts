import { randomUUID } from 'node:crypto';
import { PAGE_MAX } from '@hamgam/service-kit';
import { startTestService, walkPages, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { welfareService } from '../service.js';

// Keyset paging on a real list route against the real store.
let service: TestService<Parameters<typeof welfareService.routes>[0]['models']>;

beforeAll(async () => {
  service = await startTestService(welfareService);
});

afterAll(async () => {
  await service?.close();
});

const get = (path: string) => service.api('welfare').get(path);

describe('paged caseload', () => {
  it('walks the caller’s cases newest first, two a page, each once', async () => {
    const opened: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await service
        .api('welfare')
        .post('/cases', { householdRef: randomUUID(), neighbourhoodId: 'nbh-sarasiab', clinicId: 'clinic-sarasiab' });
      expect(res.status).toBe(201);
      opened.push(res.body.caseId ?? res.body.id);
    }
    const walk = await walkPages<{ caseId: string }>(get, '/cases', 2);
    expect(walk.pages.map((p) => [p.status, p.count, !!p.next])).toEqual([
      [200, 2, true],
      [200, 2, true],
      [200, 1, false],
    ]);
    expect(new Set(walk.items.map((c) => c.caseId))).toEqual(new Set(opened));
    // Another worker's caseload is their own, paged or not.
    expect((await service.api('welfare2').get('/cases?limit=2')).body).toEqual([]);
  });

  it('refuses a limit over the maximum with 400', async () => {
    const res = await get(`/cases?limit=${PAGE_MAX + 1}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'limit', message: 'page-limit-exceeded' }]);
  });
});
