import pino from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTokenVerifier } from '../auth/verifier.js';
import { createTestKeys, testAudience, testIssuer } from '../testing/keys.js';
import { createApp } from './app.js';
import { createHttpMetrics } from './metrics.js';
import { createRateLimiter } from './rate-limit.js';
import { defineRoute } from './route.js';

describe('rate limiter', () => {
  it('allows `limit` hits per key and window, then refuses until the window ends', () => {
    let clock = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => clock });
    expect([1, 2, 3].map(() => limiter.hit('a').allowed)).toEqual([true, true, true]);
    const refused = limiter.hit('a');
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 60 });
    expect(limiter.hit('b').allowed).toBe(true);
    clock = 59_000;
    expect(limiter.hit('a')).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    clock = 60_000;
    expect(limiter.hit('a')).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 60 });
  });

  it('refuses nonsense settings', () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
  });

  it('answers 429 problem+json with Retry-After on a route that uses it, per client address', async () => {
    const keys = await createTestKeys();
    const route = defineRoute({
      method: 'get',
      path: '/ping',
      summary: 'ping',
      roles: 'public',
      rateLimit: createRateLimiter({ limit: 2, windowMs: 60_000 }),
      response: z.object({ ok: z.boolean() }),
      handler: () => ({ ok: true }),
    });
    const app = createApp({
      service: 'test',
      routes: [route],
      verify: createTokenVerifier({ issuer: testIssuer, audience: testAudience, keys: keys.keys }),
      logger: pino({ level: 'silent' }),
      metrics: createHttpMetrics('rate-test'),
      readiness: () => ({}),
    });
    // Requests come through the shell's proxy on this host: the client is the forwarded address.
    const from = (ip: string) => request(app).get('/api/v1/ping').set('X-Forwarded-For', ip);
    expect((await from('10.0.0.1')).status).toBe(200);
    expect((await from('10.0.0.1')).status).toBe(200);
    const refused = await from('10.0.0.1');
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect((await from('10.0.0.2')).status).toBe(200);
  });
});
