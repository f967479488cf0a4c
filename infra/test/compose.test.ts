// Checks that docker-compose.yml and the RabbitMQ definitions keep the fixed names and ports every
// other part of Hamgam relies on. Needs Debian's docker-compose (infra/native/install.sh installs it):
// it validates the file without a Docker engine, with secrets made by infra/compose/secrets.sh.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));

const AGENCY_PORTS = {
  clinics: 4001,
  'vocational-training': 4002,
  welfare: 4003,
  'relief-partnerships': 4004,
  'institute-funding': 4005,
  coordination: 4006,
} as const;
const AGENCIES = Object.keys(AGENCY_PORTS) as (keyof typeof AGENCY_PORTS)[];

interface ComposeService {
  ports?: { published: number | string; target: number }[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

// Compose refuses to start without its secrets (.env); these are a fresh set, not the checkout's.
const secretsDir = mkdtempSync(join(tmpdir(), 'hamgam-compose-'));
let secrets: NodeJS.Dict<string> = {};
beforeAll(() => {
  execFileSync('bash', ['infra/compose/secrets.sh', secretsDir], { cwd: root, stdio: 'ignore' });
  secrets = parseEnv(readFileSync(join(secretsDir, '.env'), 'utf8'));
});
afterAll(() => rmSync(secretsDir, { recursive: true, force: true }));

function compose(...args: string[]): string {
  return execFileSync('docker-compose', ['--env-file', join(secretsDir, '.env'), '-f', 'docker-compose.yml', ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('docker-compose.yml', () => {
  it('passes docker-compose config -q', () => {
    // execFileSync throws on a non-zero exit, with docker-compose's complaint in the error.
    expect(() => compose('config', '-q')).not.toThrow();
  });
});

describe('docker-compose.yml as resolved by docker-compose config', () => {
  // 1.29 prints the resolved file as YAML only; anchors and merges are already expanded there.
  // Read in beforeAll, so that a broken file fails these tests rather than their collection.
  let services: Record<string, ComposeService> = {};
  beforeAll(() => {
    services = (parse(compose('config')) as { services: Record<string, ComposeService> }).services;
  });
  const published = (name: string) =>
    (services[name]?.ports ?? []).map((p) => [Number(p.published), p.target]);

  const expectedPorts: [string, number][] = [
    ...AGENCIES.map((name): [string, number] => [name, AGENCY_PORTS[name]]),
    ['shell', 3000],
    ['mongo', 27017],
    ['rabbitmq', 5672],
    ['rabbitmq', 15672],
    ['keycloak', 8080],
  ];
  it.each(expectedPorts)('publishes %s on port %i', (name, port) => {
    expect(published(name)).toContainEqual([port, port]);
  });

  it.each(AGENCIES)('gives %s the environment contract and waits for healthy backing services', (name) => {
    const service = services[name]!;
    expect(service.environment).toMatchObject({
      PORT: String(AGENCY_PORTS[name]),
      // one database per service; hyphens become underscores, as in the native stack
      MONGO_URL: `mongodb://${secrets['MONGO_ROOT_USER']}:${secrets['MONGO_ROOT_PASSWORD']}@mongo:27017/hamgam_${name.replaceAll('-', '_')}?replicaSet=rs0&authSource=admin`,
      AMQP_URL: `amqp://${secrets['RABBITMQ_USER']}:${secrets['RABBITMQ_PASSWORD']}@rabbitmq:5672`,
      OIDC_ISSUER: 'http://localhost:8080/realms/hamgam',
      OIDC_JWKS_URL: 'http://keycloak:8080/realms/hamgam/protocol/openid-connect/certs',
      OIDC_AUDIENCE: 'hamgam-api',
    });
    for (const backing of ['mongo', 'rabbitmq', 'keycloak']) {
      expect(service.depends_on?.[backing]?.condition).toBe('service_healthy');
    }
    expect(service.healthcheck?.test.join(' ')).toContain('/readyz');
  });

  it('points the shell at every agency by its service name', () => {
    const env = services.shell?.environment ?? {};
    for (const name of AGENCIES) {
      expect(env[`SERVICE_HOST_${name.toUpperCase().replaceAll('-', '_')}`]).toBe(name);
    }
  });

  it('gives every container a healthcheck', () => {
    const missing = Object.entries(services).filter(([, s]) => !s.healthcheck).map(([name]) => name);
    expect(missing).toEqual([]);
  });
});

interface Definitions {
  users: { name: string; tags: string[] }[];
  exchanges: { name: string; type: string; durable: boolean }[];
  queues: { name: string; vhost: string; durable: boolean; arguments: Record<string, unknown> }[];
  bindings: { source: string; destination: string; destination_type: string; routing_key: string }[];
}

describe('infra/rabbitmq/definitions.json', () => {
  const definitions = JSON.parse(
    readFileSync(new URL('../rabbitmq/definitions.json', import.meta.url), 'utf8'),
  ) as Definitions;
  const queue = (name: string) => definitions.queues.find((q) => q.name === name);
  const bound = (source: string, destination: string, key: string) =>
    definitions.bindings.some(
      (b) => b.source === source && b.destination === destination && b.destination_type === 'queue' && b.routing_key === key,
    );

  it('declares the two durable exchanges', () => {
    expect(definitions.exchanges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'hamgam.events', type: 'topic', durable: true }),
        expect.objectContaining({ name: 'hamgam.dlx', type: 'direct', durable: true }),
      ]),
    );
  });

  it('keeps guest as an administrator for the native broker (loading definitions replaces the default user; compose replaces its password)', () => {
    expect(definitions.users).toContainEqual(expect.objectContaining({ name: 'guest', tags: ['administrator'] }));
  });

  it.each(AGENCIES)('declares the queue, retry queue and dead-letter queue of %s', (name) => {
    const main = `hamgam.${name}`;
    expect(queue(main)).toMatchObject({ vhost: '/', durable: true });
    expect(queue(main)?.arguments).toEqual({
      'x-queue-type': 'quorum',
      'x-dead-letter-exchange': 'hamgam.dlx',
      'x-dead-letter-routing-key': `${main}.dlq`,
      'x-delivery-limit': 10,
    });
    expect(queue(`${main}.retry`)).toMatchObject({ vhost: '/', durable: true });
    expect(queue(`${main}.retry`)?.arguments).toEqual({
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': main,
    });
    expect(queue(`${main}.dlq`)).toMatchObject({ vhost: '/', durable: true });
    expect(queue(`${main}.dlq`)?.arguments).toEqual({ 'x-queue-type': 'quorum' });
    expect(bound('hamgam.dlx', `${main}.dlq`, `${main}.dlq`)).toBe(true);
  });

  it('binds events only to the services’ queues, each key once, plus the bounded audit queue that takes every event', () => {
    // Which keys each queue binds is checked against the services' subscriptions by their topology tests.
    const events = definitions.bindings.filter((b) => b.source === 'hamgam.events');
    expect(events.filter((b) => b.destination === 'hamgam.audit')).toEqual([expect.objectContaining({ routing_key: '#' })]);
    const queues = [...AGENCIES.map((agency) => `hamgam.${agency}`), 'hamgam.audit'];
    for (const binding of events) expect(queues, binding.routing_key).toContain(binding.destination);
    expect(new Set(events.map((b) => `${b.destination} ${b.routing_key}`)).size).toBe(events.length);
    expect(events).toContainEqual(expect.objectContaining({ destination: 'hamgam.coordination', routing_key: 'clinics.priority.published.v1' }));
    expect(definitions.queues).toHaveLength(AGENCIES.length * 3 + 1);
    expect(definitions.queues.find((q) => q.name === 'hamgam.audit')?.arguments).toEqual({
      'x-queue-type': 'quorum', 'x-max-length': 100000, 'x-overflow': 'drop-head',
    });
  });
});
