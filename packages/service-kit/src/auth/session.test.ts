// The session check of sensitive routes, against a stand-in for Keycloak's userinfo endpoint (the real
// one is exercised by e2e/integration/sign-in-policy.test.ts with a disabled user).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from '../http/app.js';
import { createHttpMetrics } from '../http/metrics.js';
import { defineRoute } from '../http/route.js';
import { createTestKeys, testAudience, testIssuer, type TestKeys } from '../testing/keys.js';
import { createSessionCheck, userinfoUrlOf } from './session.js';
import { createTokenVerifier } from './verifier.js';

/** Bearer tokens whose session has ended, and how often the endpoint was asked. */
const ended = new Set<string>();
let asked = 0;
let userinfo: Server;
let keys: TestKeys;

function appWith(userinfoUrl: string): Express {
  const route = (path: string, sensitive: boolean) =>
    defineRoute({
      method: 'post',
      path,
      summary: path,
      roles: ['relief-officer'],
      response: z.object({ ok: z.boolean() }),
      ...(sensitive ? { sensitive: true as const } : {}),
      handler: () => ({ ok: true }),
    });
  return createApp({
    service: 'test',
    routes: [route('/disbursements', true), route('/notes', false)],
    verify: createTokenVerifier({ issuer: testIssuer, audience: testAudience, keys: keys.keys }),
    checkSession: createSessionCheck({ userinfoUrl, confirmedForMs: 60_000, timeoutMs: 1_000 }),
    logger: pino({ level: 'silent' }),
    metrics: createHttpMetrics('test'),
    readiness: () => ({}),
  });
}

let app: Express;
beforeAll(async () => {
  keys = await createTestKeys();
  userinfo = createServer((req, res) => {
    asked++;
    res.statusCode = ended.has(req.headers.authorization ?? '') ? 401 : 200;
    res.end('{}');
  });
  await new Promise<void>((resolve) => userinfo.listen(0, '127.0.0.1', resolve));
  app = appWith(`http://127.0.0.1:${(userinfo.address() as AddressInfo).port}/userinfo`);
});
afterAll(() => new Promise((resolve) => userinfo.close(resolve)));

const bearer = async (username: string) => `Bearer ${await keys.sign({ username, roles: ['relief-officer'] })}`;

describe('sensitive routes', () => {
  it('run while the session stands, asking Keycloak once for a burst of writes', async () => {
    const token = await bearer('relief.officer');
    const before = asked;
    for (let i = 0; i < 3; i++) await request(app).post('/api/v1/disbursements').set('Authorization', token).expect(200);
    expect(asked - before).toBe(1);
  });

  it('refuse a still-valid token whose session has ended (a disabled user), with code session-ended', async () => {
    const token = await bearer('disabled.officer');
    ended.add(token);
    const res = await request(app).post('/api/v1/disbursements').set('Authorization', token).expect(401);
    expect(res.body).toMatchObject({ code: 'session-ended' });
    // Other routes take the token alone until it expires.
    await request(app).post('/api/v1/notes').set('Authorization', token).expect(200);
  });

  it('fail closed with 503 and Retry-After when the session cannot be confirmed', async () => {
    const unreachable = appWith('http://127.0.0.1:1/userinfo');
    const res = await request(unreachable)
      .post('/api/v1/disbursements')
      .set('Authorization', await bearer('relief.officer'))
      .expect(503);
    expect(res.body).toMatchObject({ code: 'session-check-unavailable' });
    expect(res.headers['retry-after']).toBe('5');
  });

  it('check the token first: no token is 401 without asking Keycloak', async () => {
    const before = asked;
    await request(app).post('/api/v1/disbursements').expect(401);
    expect(asked).toBe(before);
  });
});

describe('the userinfo address', () => {
  it('is beside the keys when the service fetches them over the back channel, else under the issuer', () => {
    const issuer = 'https://login.example.org/realms/hamgam';
    expect(userinfoUrlOf({ OIDC_ISSUER: issuer, OIDC_JWKS_URL: 'http://kc:8080/realms/hamgam/protocol/openid-connect/certs' })).toBe(
      'http://kc:8080/realms/hamgam/protocol/openid-connect/userinfo',
    );
    expect(userinfoUrlOf({ OIDC_ISSUER: `${issuer}/` })).toBe(`${issuer}/protocol/openid-connect/userinfo`);
  });
});
