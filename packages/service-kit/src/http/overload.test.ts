import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTokenVerifier } from '../auth/verifier.js';
import { createTestKeys, testAudience, testIssuer } from '../testing/keys.js';
import { createApp } from './app.js';
import { createHttpMetrics } from './metrics.js';
import type { LoadLimits } from './overload.js';
import { defineRoute, type RouteSpec } from './route.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function appWith(routes: RouteSpec[], limits: LoadLimits): Promise<Express> {
  const keys = await createTestKeys();
  return createApp({
    service: 'test',
    routes,
    verify: createTokenVerifier({ issuer: testIssuer, audience: testAudience, keys: keys.keys }),
    logger: pino({ level: 'silent' }),
    metrics: createHttpMetrics('test'),
    readiness: () => ({ mongo: true }),
    limits,
  });
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A real listening server, so concurrent requests really share one app and its guard. */
async function listen(app: Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const expectRetryLater = (res: { status: number; headers: Headers }, body: unknown, code: string) => {
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(body).toMatchObject({ status: 503, code });
};

describe('request deadline', () => {
  it('answers 503 deadline-exceeded with Retry-After when the handler is late, and drops its late answer and its late failure', async () => {
    let lateDone = 0;
    const slow = defineRoute({
      method: 'get',
      path: '/slow/:how',
      summary: 'Slow',
      roles: 'public',
      params: z.object({ how: z.enum(['answer', 'fail']) }),
      response: z.object({ ok: z.boolean() }),
      handler: async ({ params }) => {
        await sleep(400);
        lateDone++;
        if (params.how === 'fail') throw new Error('late failure');
        return { ok: true };
      },
    });
    const fast = defineRoute({
      method: 'get',
      path: '/fast',
      summary: 'Fast',
      roles: 'public',
      response: z.object({ ok: z.boolean() }),
      handler: () => ({ ok: true }),
    });
    const base = await listen(await appWith([slow, fast], { deadlineMs: 100, maxConcurrent: 10, maxQueued: 10 }));

    const started = Date.now();
    for (const how of ['answer', 'fail']) {
      const res = await fetch(`${base}/api/v1/slow/${how}`);
      expectRetryLater(res, await res.json(), 'deadline-exceeded');
    }
    expect(Date.now() - started).toBeLessThan(5_000);
    // The late handlers finish after their 503 went out: no "headers already sent", the process serves on.
    await sleep(600);
    expect(lateDone).toBe(2);
    expect((await fetch(`${base}/api/v1/fast`)).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/http_api_requests_rejected_total\{reason="deadline-exceeded",service="test"\} 2/);
    expect(metrics).toMatch(/http_api_late_responses_dropped_total\{service="test"\} 2/);
  });
});

describe('concurrency cap', () => {
  it('runs at most maxConcurrent handlers, queues maxQueued, refuses the rest at once with 503 overloaded; health and metrics stay open', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let running = 0;
    let most = 0;
    const held = defineRoute({
      method: 'get',
      path: '/held',
      summary: 'Waits for the gate',
      roles: 'public',
      response: z.object({ ok: z.boolean() }),
      handler: async () => {
        running++;
        most = Math.max(most, running);
        await gate;
        running--;
        return { ok: true };
      },
    });
    const base = await listen(await appWith([held], { deadlineMs: 20_000, maxConcurrent: 2, maxQueued: 3 }));

    const all = Array.from({ length: 8 }, () => fetch(`${base}/api/v1/held`).then(async (res) => ({ res, body: await res.json() })));
    // The three beyond running + queued are refused while the others still wait.
    await sleep(300);
    const metricsWhileFull = await fetch(`${base}/metrics`);
    expect(metricsWhileFull.status).toBe(200);
    const text = await metricsWhileFull.text();
    expect(text).toMatch(/http_api_requests_in_flight\{service="test"\} 2/);
    expect(text).toMatch(/http_api_requests_queued\{service="test"\} 3/);
    expect(text).toMatch(/http_api_requests_rejected_total\{reason="overloaded",service="test"\} 3/);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    open();
    const results = await Promise.all(all);
    const refused = results.filter((r) => r.res.status === 503);
    expect(refused).toHaveLength(3);
    for (const r of refused) expectRetryLater(r.res, r.body, 'overloaded');
    expect(results.filter((r) => r.res.status === 200)).toHaveLength(5);
    expect(most).toBe(2);
  });

  it('a queued request whose client went away leaves the queue without running', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let runs = 0;
    const held = defineRoute({
      method: 'get',
      path: '/held',
      summary: 'Waits for the gate',
      roles: 'public',
      response: z.object({ ok: z.boolean() }),
      handler: async () => {
        runs++;
        await gate;
        return { ok: true };
      },
    });
    const base = await listen(await appWith([held], { deadlineMs: 20_000, maxConcurrent: 1, maxQueued: 5 }));
    const first = fetch(`${base}/api/v1/held`);
    await sleep(100);
    const gone = new AbortController();
    const second = fetch(`${base}/api/v1/held`, { signal: gone.signal }).catch((e: Error) => e.name);
    await sleep(100);
    gone.abort();
    expect(await second).toBe('AbortError');
    await sleep(100);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/http_api_requests_queued\{service="test"\} 0/);
    open();
    expect((await first).status).toBe(200);
    expect(runs).toBe(1);
  });
});

describe('store limits reached', () => {
  it('answers 503 store-unavailable with Retry-After when the store gives up (maxTimeMS, pool wait, socket timeout)', async () => {
    const failing = (name: string, error: object) =>
      defineRoute({
        method: 'get',
        path: `/${name}`,
        summary: name,
        roles: 'public',
        response: z.object({}),
        handler: () => {
          throw Object.assign(new Error(name), error);
        },
      });
    const app = await appWith(
      [
        failing('maxtime', { code: 50, codeName: 'MaxTimeMSExpired' }),
        failing('pool', { name: 'MongoWaitQueueTimeoutError' }),
        failing('socket', { name: 'MongoNetworkTimeoutError' }),
        failing('other', { code: 2 }),
      ],
      { deadlineMs: 5_000, maxConcurrent: 5, maxQueued: 5 },
    );
    for (const path of ['maxtime', 'pool', 'socket']) {
      const res = await request(app).get(`/api/v1/${path}`);
      expect(res.status, path).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toMatchObject({ status: 503, code: 'store-unavailable' });
    }
    expect((await request(app).get('/api/v1/other')).status).toBe(500);
  });
});
