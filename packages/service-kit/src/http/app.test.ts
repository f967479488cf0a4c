import pino from 'pino';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTokenVerifier } from '../auth/verifier.js';
import { createTestKeys, testAudience, testIssuer, type TestKeys } from '../testing/keys.js';
import { createApp } from './app.js';
import { createHttpMetrics } from './metrics.js';
import { defineRoute } from './route.js';
import type { Express } from 'express';

let keys: TestKeys;
let app: Express;
const received: unknown[] = [];

beforeAll(async () => {
  keys = await createTestKeys();
  const echo = defineRoute({
    method: 'post',
    path: '/things/:id',
    summary: 'Store a thing',
    roles: ['clinic-worker'],
    params: z.object({ id: z.string().regex(/^[a-z]+$/) }),
    body: z.object({ size: z.number().int().positive() }).strict(),
    response: z.object({ id: z.string(), size: z.number(), by: z.string() }),
    status: 201,
    handler: ({ params, body, principal }) => {
      received.push(body);
      return { id: params.id, size: body.size, by: principal.username };
    },
  });
  const lookup = defineRoute({
    method: 'get',
    path: '/lookup/:code',
    summary: 'A public lookup',
    roles: 'public',
    params: z.object({ code: z.string().regex(/^[A-Z0-9]{6}$/) }),
    response: z.object({ code: z.string(), caller: z.string() }),
    handler: ({ params, principal }) => ({ code: params.code, caller: principal.subject }),
  });
  // A handler whose answer breaks its own schema (a service bug), and one that reports the event cause.
  const broken = defineRoute({
    method: 'get',
    path: '/broken',
    summary: 'Answers off its schema',
    roles: ['clinic-worker'],
    response: z.object({ size: z.number() }),
    handler: () => ({ size: 'ten' as unknown as number }),
  });
  const cause = defineRoute({
    method: 'get',
    path: '/cause',
    summary: 'The cause of events this request would publish',
    roles: ['clinic-worker'],
    response: z.object({ actor: z.object({ subject: z.string(), agency: z.string() }), correlationId: z.string() }),
    handler: ({ cause }) => cause,
  });
  app = createApp({
    service: 'test',
    routes: [echo, lookup, broken, cause],
    verify: createTokenVerifier({ issuer: testIssuer, audience: testAudience, keys: keys.keys }),
    logger: pino({ level: 'silent' }),
    metrics: createHttpMetrics('test'),
    readiness: () => ({ mongo: true, broker: false }),
  });
});

describe('service app', () => {
  it("answers 500, not 400, when a handler's answer breaks its own schema: the caller did nothing wrong", async () => {
    const token = await keys.sign({ username: 'clinic.worker', roles: ['clinic-worker'] });
    const res = await request(app).get('/api/v1/broken').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, instance: '/api/v1/broken' });
  });

  it("gives the handler its events' cause: the caller, this service as the agency, the request's correlation id", async () => {
    const token = await keys.sign({ sub: 'user-7', username: 'clinic.worker', roles: ['clinic-worker'] });
    const res = await request(app).get('/api/v1/cause').set('Authorization', `Bearer ${token}`).set('X-Correlation-Id', 'corr-42');
    expect(res.body).toEqual({ actor: { subject: 'user-7', agency: 'test' }, correlationId: 'corr-42' });
  });

  it('refuses a NUL character anywhere in the input (the store refuses it) with 400 invalid-characters, after the token', async () => {
    const token = await keys.sign({ username: 'clinic.worker', roles: ['clinic-worker'] });
    const before = received.length;
    const inBody = await request(app)
      .post('/api/v1/things/abc')
      .set('Authorization', `Bearer ${token}`)
      .send({ size: 3, deep: [{ note: 'a\u0000b' }] });
    expect(inBody.status).toBe(400);
    expect(inBody.body).toMatchObject({ code: 'invalid-characters' });
    const inKey = await request(app).post('/api/v1/things/abc').set('Authorization', `Bearer ${token}`).send({ 'si\u0000ze': 3 });
    expect(inKey.body).toMatchObject({ code: 'invalid-characters' });
    const inQuery = await request(app).post('/api/v1/things/abc?x=a%00').set('Authorization', `Bearer ${token}`).send({ size: 3 });
    expect(inQuery.body).toMatchObject({ code: 'invalid-characters' });
    expect((await request(app).get('/api/v1/lookup/AB%0012').expect(400)).body).toMatchObject({ code: 'invalid-characters' });
    expect(received.length).toBe(before);
    await request(app).post('/api/v1/things/abc').send({ note: 'a\u0000b' }).expect(401);
  });

  it('runs the handler for a valid token, role and body', async () => {
    const token = await keys.sign({ username: 'clinic.worker', roles: ['clinic-worker'] });
    const res = await request(app).post('/api/v1/things/abc').set('Authorization', `Bearer ${token}`).send({ size: 3 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 'abc', size: 3, by: 'clinic.worker' });
  });

  it('answers a public route without a token, as an anonymous caller, still validating its input', async () => {
    const ok = await request(app).get('/api/v1/lookup/AB12CD');
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ code: 'AB12CD', caller: 'anonymous' });
    const bad = await request(app).get('/api/v1/lookup/nope');
    expect(bad.status).toBe(400);
    const spec = await request(app).get('/openapi.json');
    expect(spec.body.paths['/api/v1/lookup/{code}'].get.security).toEqual([]);
    expect(spec.body.paths['/api/v1/lookup/{code}'].get['x-roles']).toEqual([]);
    expect(spec.body.paths['/api/v1/things/{id}'].post['x-roles']).toEqual(['clinic-worker']);
  });

  it('refuses without a token with a 401 problem', async () => {
    const before = received.length;
    const res = await request(app).post('/api/v1/things/abc').send({ size: 3 });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ title: 'Unauthorized', status: 401 });
    expect(received.length).toBe(before);
  });

  it('refuses a caller without the role with a 403 problem', async () => {
    const token = await keys.sign({ roles: ['tvto-staff'] });
    const res = await request(app).post('/api/v1/things/abc').set('Authorization', `Bearer ${token}`).send({ size: 3 });
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('clinic-worker');
  });

  it('answers bad input with a 400 problem and changes nothing', async () => {
    const token = await keys.sign({ roles: ['clinic-worker'] });
    const before = received.length;
    const extraField = await request(app).post('/api/v1/things/abc').set('Authorization', `Bearer ${token}`).send({ size: 3, $where: '1' });
    const badParam = await request(app).post('/api/v1/things/ABC').set('Authorization', `Bearer ${token}`).send({ size: 3 });
    const malformed = await request(app)
      .post('/api/v1/things/abc')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send('{"size":');
    expect([extraField.status, badParam.status, malformed.status]).toEqual([400, 400, 400]);
    expect(extraField.body.errors[0].message).toContain('$where');
    expect(received.length).toBe(before);
  });

  it('propagates the caller correlation id', async () => {
    const res = await request(app).get('/healthz').set('X-Correlation-Id', 'journey-42');
    expect(res.headers['x-correlation-id']).toBe('journey-42');
    expect(res.body).toEqual({ status: 'ok', service: 'test' });
  });

  it('reports readiness per dependency', async () => {
    const res = await request(app).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.checks).toEqual({ mongo: true, broker: false });
  });

  it('serves metrics and an OpenAPI document generated from the route schemas', async () => {
    await request(app).get('/healthz');
    const metrics = await request(app).get('/metrics');
    expect(metrics.text).toContain('http_request_duration_seconds');
    const doc = await request(app).get('/openapi.json');
    const op = doc.body.paths['/api/v1/things/{id}'].post;
    expect(op.summary).toBe('Store a thing');
    expect(op.requestBody.content['application/json'].schema.properties.size).toBeDefined();
    expect(op.responses['403']).toBeDefined();
    const docs = await request(app).get('/docs/');
    expect(docs.text).toContain('swagger-ui');
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await request(app).get('/api/v1/nothing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('malformed URLs', () => {
  it('answers a problem with no stack or paths, in the API and outside it', async () => {
    for (const [path, status] of [
      ['/api/v1/lookup/%ff', 400],
      ['/%ff', 404],
      ['/api/v1/%ff', 404],
    ] as const) {
      const res = await request(app).get(path);
      expect(res.status, path).toBe(status);
      expect(res.headers['content-type'], path).toContain('application/problem+json');
      expect(res.text, path).not.toMatch(/node_modules|URIError|\bat \w/);
    }
  });
});

describe('security headers', () => {
  it('forbid framing, sniffing, referrers and loading anything into an answer', async () => {
    for (const path of ['/healthz', '/api/v1/lookup/AB12CD', '/api/v1/nothing']) {
      const res = await request(app).get(path);
      expect(res.headers['content-security-policy'], path).toBe(
        "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
      );
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['referrer-policy'], path).toBe('no-referrer');
      expect(res.headers['x-frame-options'], path).toBe('SAMEORIGIN');
    }
  });

  it('keep every /api answer out of caches, problems included', async () => {
    for (const path of ['/api/v1/lookup/AB12CD', '/api/v1/lookup/nope', '/api/v1/nothing']) {
      expect((await request(app).get(path)).headers['cache-control'], path).toBe('no-store');
    }
  });

  it('let the API docs page run its own scripts and styles, nothing from elsewhere', async () => {
    const res = await request(app).get('/docs/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;object-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
    );
  });
});

describe('internal endpoints', () => {
  const metricsToken = 'a-scrape-token-of-at-least-32-characters';
  const guarded = () =>
    createApp({
      service: 'test',
      routes: [],
      verify: createTokenVerifier({ issuer: testIssuer, audience: testAudience, keys: keys.keys }),
      logger: pino({ level: 'silent' }),
      metrics: createHttpMetrics('guarded'),
      readiness: () => ({ mongo: true }),
      metricsToken,
    });

  it('serve /metrics only with the scrape token when METRICS_TOKEN is set', async () => {
    const app = guarded();
    const missing = await request(app).get('/metrics');
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(missing.body).toMatchObject({ status: 401, code: 'metrics-token-required' });
    expect(missing.text).not.toContain('http_request_duration_seconds');
    expect((await request(app).get('/metrics').set('Authorization', `Bearer ${metricsToken}x`)).status).toBe(401);
    expect((await request(app).get('/metrics').set('Authorization', `Basic ${metricsToken}`)).status).toBe(401);
    const scraped = await request(app).get('/metrics').set('Authorization', `Bearer ${metricsToken}`);
    expect(scraped.status).toBe(200);
    expect(scraped.text).toContain('http_request_duration_seconds');
  });

  it('keep the probes and the public API description open', async () => {
    const app = guarded();
    await request(app).get('/healthz').expect(200);
    await request(app).get('/readyz').expect(200);
    await request(app).get('/openapi.json').expect(200);
  });
});
