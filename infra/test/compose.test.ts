// Checks that docker-compose.yml, as docker-compose reads it, runs every service of the registry on its
// port with its database. Needs Debian's docker-compose (infra/native/install.sh installs it): it
// validates the file without a Docker engine, with secrets made by infra/compose/secrets.sh.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { SERVICES, SHELL } from '@hamgam/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));

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
  const published = (name: string) => (services[name]?.ports ?? []).map((p) => [Number(p.published), p.target]);

  const expectedPorts: [string, number][] = [
    ...SERVICES.map((s): [string, number] => [s.service, s.port]),
    [SHELL.service, SHELL.port],
    ['mongo', 27017],
    ['rabbitmq', 5672],
    ['rabbitmq', 15672],
    ['keycloak', 8080],
  ];
  it.each(expectedPorts)('publishes %s on port %i', (name, port) => {
    expect(published(name)).toContainEqual([port, port]);
  });

  it.each(SERVICES.map((s) => [s.service, s] as const))(
    'gives %s the environment contract and waits for healthy backing services',
    (name, { port, database, keys }) => {
      const service = services[name]!;
      expect(service.environment).toMatchObject({
        PORT: String(port),
        MONGO_URL: `mongodb://${secrets['MONGO_ROOT_USER']}:${secrets['MONGO_ROOT_PASSWORD']}@mongo:27017/${database}?replicaSet=rs0&authSource=admin`,
        AMQP_URL: `amqp://${secrets['RABBITMQ_USER']}:${secrets['RABBITMQ_PASSWORD']}@rabbitmq:5672`,
        OIDC_ISSUER: 'http://localhost:8080/realms/hamgam',
        OIDC_JWKS_URL: 'http://keycloak:8080/realms/hamgam/protocol/openid-connect/certs',
        OIDC_AUDIENCE: 'hamgam-api',
      });
      for (const backing of ['mongo', 'rabbitmq', 'keycloak']) {
        expect(service.depends_on?.[backing]?.condition).toBe('service_healthy');
      }
      expect(service.healthcheck?.test.join(' ')).toContain('/readyz');
      for (const key of keys?.current ?? []) expect(service.environment?.[key], key).toBe(secrets[key]);
    },
  );

  it('points the shell at every agency by its service name', () => {
    const env = services[SHELL.service]?.environment ?? {};
    for (const s of SERVICES) expect(env[`SERVICE_HOST_${s.env}`]).toBe(s.service);
  });

  it('gives every container a healthcheck', () => {
    const missing = Object.entries(services)
      .filter(([, s]) => !s.healthcheck)
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });
});
