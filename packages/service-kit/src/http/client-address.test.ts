import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTokenVerifier } from '../auth/verifier.js';
import { createTestKeys, testAudience, testIssuer } from '../testing/keys.js';
import { createApp } from './app.js';
import { trustOneProxyHop } from './client-address.js';
import { createHttpMetrics } from './metrics.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';
import { defineRoute } from './route.js';

describe('trustOneProxyHop', () => {
  it('trusts only the peer, and only on this host or a private network', () => {
    for (const peer of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.42.0.7', '172.20.1.1', '192.168.1.2', 'fd00::5']) {
      expect(trustOneProxyHop(peer, 0), peer).toBe(true);
    }
    for (const peer of ['203.0.113.9', '2001:db8::1', '::ffff:203.0.113.9']) expect(trustOneProxyHop(peer, 0), peer).toBe(false);
    // The hop before the shell is whatever the client wrote, even when it looks private.
    expect(trustOneProxyHop('127.0.0.1', 1)).toBe(false);
    expect(trustOneProxyHop('10.0.0.1', 1)).toBe(false);
  });
});

async function lookupApp(limiter: RateLimiter) {
  const keys = await createTestKeys();
  const route = defineRoute({
    method: 'get',
    path: '/track/:code',
    summary: 'a public lookup',
    roles: 'public',
    rateLimit: limiter,
    params: z.object({ code: z.string() }),
    response: z.object({ ip: z.string() }),
    handler: ({ req }) => ({ ip: req.ip ?? '' }),
  });
  return createApp({
    service: 'test',
    routes: [route],
    verify: createTokenVerifier({ issuer: testIssuer, audience: testAudience, keys: keys.keys }),
    logger: pino({ level: 'silent' }),
    metrics: createHttpMetrics('client-address-test'),
    readiness: () => ({}),
  });
}

/** X-Forwarded-For as a service gets it when a client wrote `written` and the proxy in front appended the address it saw. */
const forwarded = (written: string, seenByProxy: string) => `${written}, ${seenByProxy}`;

describe('the client address a service counts by', () => {
  it('is the address the shell saw; entries the client wrote are ignored', async () => {
    const app = await lookupApp(createRateLimiter({ limit: 100, windowMs: 60_000 }));
    const seen = await request(app).get('/api/v1/track/A').set('X-Forwarded-For', forwarded('198.51.100.7', '10.42.0.7'));
    expect(seen.body).toEqual({ ip: '10.42.0.7' });
    const onlyShell = await request(app).get('/api/v1/track/A').set('X-Forwarded-For', '203.0.113.9');
    expect(onlyShell.body).toEqual({ ip: '203.0.113.9' });
  });

  it('cannot be rotated to escape the rate limit', async () => {
    const app = await lookupApp(createRateLimiter({ limit: 5, windowMs: 60_000 }));
    const statuses = [];
    for (let i = 0; i < 10; i++) {
      statuses.push(
        (
          await request(app)
            .get('/api/v1/track/A')
            .set('X-Forwarded-For', forwarded(`198.51.100.${i}`, '127.0.0.1'))
        ).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429, 429, 429]);
  });
});

// Two app instances on one throw-away database stand for two replicas behind the shell.
describe('the limit across replicas', () => {
  const url = `${process.env['TEST_MONGO_URL'] ?? 'mongodb://127.0.0.1:27017'}/hamgam_test_clientaddr_${randomUUID().slice(0, 8)}`;
  let stores: Connection[] = [];
  beforeAll(async () => {
    stores = await Promise.all([0, 1].map(() => mongoose.createConnection(url).asPromise()));
  });
  afterAll(async () => {
    await stores[0]?.dropDatabase();
    await Promise.all(stores.map((store) => store.close()));
  });

  it('holds for one client spread over two replicas, whatever X-Forwarded-For it sends', async () => {
    const now = () => 1_000_000;
    const replicas = await Promise.all(
      stores.map((store) => lookupApp(createRateLimiter({ limit: 30, windowMs: 60_000, store, name: 'tracking', now }))),
    );
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      const res = await request(replicas[i % 2]!)
        .get(`/api/v1/track/C${i}`)
        .set('X-Forwarded-For', forwarded(`198.51.100.${i}`, '192.168.7.7'));
      statuses.push(res.status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(30);
    expect(statuses.filter((status) => status === 429)).toHaveLength(70);
  });
});
