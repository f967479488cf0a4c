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
  app = createApp({
    service: 'test',
    routes: [echo, lookup],
    verify: createTokenVerifier({ issuer: testIssuer, audience: testAudience, keys: keys.keys }),
    logger: pino({ level: 'silent' }),
    metrics: createHttpMetrics('test'),
    readiness: () => ({ mongo: true, broker: false }),
  });
});

describe('service app', () => {
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
    const malformed = await request(app).post('/api/v1/things/abc').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send('{"size":');
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
