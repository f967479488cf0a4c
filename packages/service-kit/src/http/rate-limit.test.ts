import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTokenVerifier } from '../auth/verifier.js';
import { createTestKeys, testAudience, testIssuer } from '../testing/keys.js';
import { createApp } from './app.js';
import { createHttpMetrics } from './metrics.js';
import { createRateLimiter } from './rate-limit.js';
import { defineRoute } from './route.js';

describe('rate limiter', () => {
  it('allows `limit` hits per key and window, then refuses until the window ends', async () => {
    let clock = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => clock });
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push((await limiter.hit('a')).allowed);
    expect(hits).toEqual([true, true, true]);
    const refused = await limiter.hit('a');
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 60 });
    expect((await limiter.hit('b')).allowed).toBe(true);
    clock = 59_000;
    expect(await limiter.hit('a')).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    clock = 60_000;
    expect(await limiter.hit('a')).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 60 });
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
    // Windows are aligned to the clock (every replica counts into the same one): the rest of this one.
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect((await from('10.0.0.2')).status).toBe(200);
  });
});

// Two connections to one throw-away database stand for two replicas of a service.
describe('rate limiter shared by replicas (counts in the store)', () => {
  const url = `${process.env['TEST_MONGO_URL'] ?? 'mongodb://127.0.0.1:27017'}/hamgam_test_ratelimit_${randomUUID().slice(0, 8)}`;
  let a: Connection;
  let b: Connection;
  beforeAll(async () => {
    a = await mongoose.createConnection(url).asPromise();
    b = await mongoose.createConnection(url).asPromise();
  });
  afterAll(async () => {
    await a?.dropDatabase();
    await a?.close();
    await b?.close();
  });

  it('holds the limit across two replicas hit at once, exactly', async () => {
    const clock = () => 1_000_000;
    const replicas = [a, b].map((store) => createRateLimiter({ limit: 10, windowMs: 60_000, store, name: 'lookup', now: clock }));
    const verdicts = await Promise.all(Array.from({ length: 40 }, (_, i) => replicas[i % 2]!.hit('10.0.0.9')));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    // Another caller and another limiter name have their own counts.
    expect((await replicas[0]!.hit('10.0.0.10')).allowed).toBe(true);
    expect((await createRateLimiter({ limit: 1, windowMs: 60_000, store: b, name: 'other', now: clock }).hit('10.0.0.9')).allowed).toBe(
      true,
    );
  });

  it('per-process counting lets each replica allow the limit (the failure the store fixes)', async () => {
    const replicas = [0, 1].map(() => createRateLimiter({ limit: 10, windowMs: 60_000 }));
    const verdicts = await Promise.all(Array.from({ length: 40 }, (_, i) => replicas[i % 2]!.hit('10.0.0.9')));
    expect(verdicts.filter((v) => v.allowed).length).toBeGreaterThan(10);
  });

  it('starts afresh in the next window and says when that is', async () => {
    let clock = 120_000;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, store: a, name: 'windows', now: () => clock });
    const other = createRateLimiter({ limit: 2, windowMs: 60_000, store: b, name: 'windows', now: () => clock });
    expect((await limiter.hit('k')).allowed).toBe(true);
    expect((await other.hit('k')).allowed).toBe(true);
    clock = 150_000;
    expect(await limiter.hit('k')).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 30 });
    clock = 180_000;
    expect(await other.hit('k')).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 60 });
  });
});
