// The composition root on the real store and broker: where a started service listens, and that its
// /metrics asks for the scrape token when one is configured.
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { baseConfigSchema } from './config.js';
import { createService, type RunningService } from './service.js';
import { testIssuer } from './testing/keys.js';

const running: RunningService<object>[] = [];
afterEach(async () => {
  await Promise.all(
    running.splice(0).map(async (service) => {
      await service.mongo.dropDatabase();
      await service.stop();
    }),
  );
});

async function started(env: Record<string, string>) {
  const base = process.env['TEST_MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
  const config = baseConfigSchema.parse({
    PORT: '0',
    MONGO_URL: `${base}/hamgam_test_kit_${randomUUID().slice(0, 8)}`,
    AMQP_URL: process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672',
    OIDC_ISSUER: testIssuer,
    ...env,
  });
  const service = createService({ name: 'kit-probe', roles: ['auditor'], models: () => ({}), routes: () => [] }, config, {
    logger: pino({ level: 'silent' }),
  });
  running.push(service);
  const server = await service.start();
  return { service, address: server.address() as AddressInfo };
}

describe('a started service', () => {
  it('listens only on HOST when it is set', async () => {
    const { address } = await started({ HOST: '127.0.0.1' });
    expect(address.address).toBe('127.0.0.1');
  });

  it('listens on every interface without HOST', async () => {
    const { address } = await started({});
    expect(['::', '0.0.0.0']).toContain(address.address);
  });

  it('answers /metrics only with METRICS_TOKEN when one is set', async () => {
    const token = 'a'.repeat(40);
    const { address } = await started({ HOST: '127.0.0.1', METRICS_TOKEN: token });
    const url = `http://127.0.0.1:${address.port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});
