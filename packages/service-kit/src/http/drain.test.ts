import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import pino from 'pino';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTokenVerifier } from '../auth/verifier.js';
import { createTestKeys, testAudience, testIssuer } from '../testing/keys.js';
import { createApp } from './app.js';
import { httpDrain } from './drain.js';
import { createHttpMetrics } from './metrics.js';
import { defineRoute } from './route.js';

/** An app whose `GET /api/v1/slow` answers when the test says so, listening on a free port. */
async function serve() {
  let draining = false;
  let started!: () => void;
  let release!: () => void;
  const slowStarted = new Promise<void>((resolve) => (started = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const slow = defineRoute({
    method: 'get',
    path: '/slow',
    summary: 'Answers when released',
    roles: 'public',
    response: z.object({ answered: z.boolean() }),
    handler: async () => {
      started();
      await released;
      return { answered: true };
    },
  });
  const app = createApp({
    service: 'test',
    routes: [slow],
    verify: createTokenVerifier({ issuer: testIssuer, audience: testAudience, keys: (await createTestKeys()).keys }),
    logger: pino({ level: 'silent' }),
    metrics: createHttpMetrics('test'),
    readiness: () => ({ mongo: true }),
    draining: () => draining,
  });
  const server = app.listen(0);
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { app, drain: httpDrain(server), port, slowStarted, release, startDraining: () => (draining = true) };
}
const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.closeAllConnections();
});

/** A GET on a kept-alive connection; the socket is handed over as soon as it exists. */
function get(port: number, path: string, agent: http.Agent) {
  let socket!: Promise<Socket>;
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.get({ port, path, agent, host: '127.0.0.1' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    socket = new Promise((resolve) => req.once('socket', resolve));
  });
  return { answer, socket: () => socket };
}

const closeOf = (socket: Socket) => new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));

describe('draining', () => {
  it('/readyz answers 503 problem+json with code draining once the service drains, without asking its checks', async () => {
    const { app, startDraining } = await serve();
    expect((await request(app).get('/readyz')).status).toBe(200);
    startDraining();
    const res = await request(app).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 503, code: 'draining' });
  });

  it('close(): no new connections, an idle keep-alive one closed at once, and done once the request in flight is answered', async () => {
    const { drain, port, slowStarted, release } = await serve();
    const idle = get(port, '/healthz', new http.Agent({ keepAlive: true }));
    expect((await idle.answer).status).toBe(200);
    const slow = get(port, '/api/v1/slow', new http.Agent({ keepAlive: true }));
    await slowStarted;
    expect(drain.inFlight).toBe(1);

    let closed = false;
    const done = drain.close().then(() => (closed = true));
    await closeOf(await idle.socket());
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    expect(closed).toBe(false);

    release();
    expect(await slow.answer).toEqual({ status: 200, body: '{"answered":true}' });
    await done;
    expect(drain.inFlight).toBe(0);
  });

  it('abort(): the bound passed, a request that is never answered is cut and close() is done', async () => {
    const { drain, port, slowStarted } = await serve();
    const slow = get(port, '/api/v1/slow', new http.Agent({ keepAlive: true }));
    await slowStarted;
    const done = drain.close();
    drain.abort();
    await expect(slow.answer).rejects.toThrow();
    await done;
  });
});
