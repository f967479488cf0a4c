import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pages } from '../../../ui/src/roles.js';
import type { ClinicsDeps } from '../deps.js';
import { clinicsService } from '../service.js';

// The UI shows a tab (and opens a page) only to the roles the API serves that page's main read to (issue 10:
// a representative met «اجازهٔ این کار را ندارید» on the referrals tab). The UI keeps its lists in ui/src/roles.ts;
// this test fails the day a route's roles change without them. Building the routes touches no database: the
// models are stand-ins no handler here ever calls.
const key = () => randomBytes(32).toString('base64');
const routes = clinicsService.routes({
  models: new Proxy({}, { get: () => ({}) }),
  config: { PII_ENCRYPTION_KEY: key(), PII_BLIND_INDEX_KEY: key(), PII_PREVIOUS_ENCRYPTION_KEYS: [] },
  clock: { now: () => new Date() },
} as unknown as ClinicsDeps);

describe('the roles the clinics UI shows a page to are the roles the API serves its main read to', () => {
  for (const [page, { reads, roles }] of Object.entries(pages)) {
    it(`${page}: GET ${reads}`, () => {
      const route = routes.find((r) => r.method === 'get' && r.path === reads);
      expect(route, `no GET ${reads} route`).toBeDefined();
      expect(route!.roles).not.toBe('public');
      expect([...roles].sort()).toEqual([...(route!.roles as readonly string[])].sort());
    });
  }
});
