import { trackingCodeSchema } from '@hamgam/contracts';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTokenVerifier } from '../auth/verifier.js';
import { createLogger } from '../logger.js';
import { createTestKeys, testAudience, testIssuer } from '../testing/keys.js';
import { createApp } from './app.js';
import { createHttpMetrics } from './metrics.js';
import { notFound } from './problem.js';
import { defineRoute } from './route.js';

// The service's own logger, written into memory instead of stdout: what an operator would read.
const lines: string[] = [];
const capture = { write: (line: string) => void lines.push(line) };
let app: Express;

const brokenCode = 'ZZZZ-9999';
const forwardedFor = '203.0.113.77';

beforeAll(async () => {
  const keys = await createTestKeys();
  // Like the clinics' and TVTO's public tracking: the code as the resident typed it, any case, padded.
  const tracking = defineRoute({
    method: 'get',
    path: '/tracking/:code',
    summary: 'A public tracking look-up',
    roles: 'public',
    params: z.object({ code: z.string().trim().toUpperCase().pipe(trackingCodeSchema) }).strict(),
    response: z.object({ code: z.string() }),
    handler: ({ params }) => {
      // A store failure whose message quotes the code it was given, as a duplicate key's does.
      if (params.code === brokenCode) throw new Error(`E11000 duplicate key error index: code_1 dup key: { code: "${params.code}" }`);
      throw notFound('no referral has this tracking code');
    },
  });
  app = createApp({
    service: 'test',
    routes: [tracking],
    verify: createTokenVerifier({ issuer: testIssuer, audience: testAudience, keys: keys.keys }),
    logger: createLogger('test', 'info', capture),
    metrics: createHttpMetrics('test'),
    readiness: () => ({}),
  });
});

beforeEach(() => {
  lines.length = 0;
});

const lookUp = (path: string, correlationId: string) =>
  request(app)
    .get(path)
    .set('X-Forwarded-For', forwardedFor)
    .set('X-Correlation-Id', correlationId)
    .set('Authorization', 'Bearer not-a-real-token')
    .set('Cookie', 'session=secret-cookie');

/** What must never be in a log line of these requests: the codes, the addresses, the credentials. */
const secrets = [
  'ABCD-2345',
  'abcd-2345',
  'ZZZZ-9999',
  forwardedFor,
  '127.0.0.1',
  'not-a-real-token',
  'secret-cookie',
  'x-forwarded-for',
  'remoteAddress',
];

const logged = () =>
  lines.map(
    (line) =>
      JSON.parse(line) as {
        msg: string;
        req?: { id?: string; method?: string };
        res?: { statusCode?: number };
        route?: string;
        responseTime?: number;
      },
  );

describe('the request log', () => {
  it('keeps the request id, method, route and status of a tracking look-up, and none of its code, address or headers', async () => {
    for (const [path, id, status] of [
      ['/api/v1/tracking/ABCD-2345', 'corr-upper', 404],
      ['/api/v1/tracking/%20abcd-2345%20?lang=fa', 'corr-lower', 404],
      ['/api/v1/tracking/abcd-2345x', 'corr-typo', 400],
      [`/api/v1/tracking/${brokenCode}`, 'corr-broken', 500],
    ] as const) {
      expect((await lookUp(path, id)).status, path).toBe(status);
      const completed = logged().find((line) => line.req?.id === id && line.res?.statusCode !== undefined);
      expect(completed, path).toMatchObject({ req: { id, method: 'GET' }, res: { statusCode: status }, route: '/tracking/:code' });
      expect(typeof completed?.responseTime, path).toBe('number');
    }
    // The 500's error line (written inside the request) is as bare as its completion line.
    expect(logged().some((line) => line.msg === 'request failed' && line.req?.id === 'corr-broken')).toBe(true);
    const text = lines.join('\n');
    for (const secret of [...secrets, 'abcd-2345x', 'lang=fa']) expect(text, secret).not.toContain(secret);
  });

  it('names no path at all for a request no route matched', async () => {
    expect((await lookUp('/api/v1/elsewhere/ABCD-2345', 'corr-unmatched')).status).toBe(404);
    const completed = logged().find((line) => line.req?.id === 'corr-unmatched');
    expect(completed).toMatchObject({ req: { id: 'corr-unmatched', method: 'GET' }, res: { statusCode: 404 } });
    expect(completed?.route).toBeUndefined();
    const text = lines.join('\n');
    for (const secret of [...secrets, 'elsewhere']) expect(text, secret).not.toContain(secret);
  });
});
