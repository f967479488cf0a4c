// docker-compose.yml ships no credential: every secret is a variable compose requires (`${VAR:?…}`),
// and infra/compose/secrets.sh writes each of them, once, with random values, into .env.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { SERVICES } from '@hamgam/registry';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const composeText = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as {
  services: Record<string, { environment?: Record<string, string>; healthcheck?: { test: string[] } }>;
};

/** Every `${…}` compose interpolates (`$${…}` and `$$VAR` are the container's own, left alone). */
const interpolations = [...composeText.matchAll(/(?<!\$)\$\{([^}]*)\}/g)].map((m) => m[1]!);
const nameOf = (interpolation: string) => /^\w+/.exec(interpolation)![0];
/** `${NAME:?message}`, as a pattern. */
const reference = (name: string) => `\\$\\{${name}:\\?[^}]+\\}`;
const required = (name: string) => new RegExp(`^${reference(name)}$`);

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs secrets.sh into DIR (a fresh one unless given) and returns DIR, its output and the .env it holds. */
function runSecrets(dir = mkdtempSync(join(tmpdir(), 'hamgam-secrets-'))) {
  dirs.push(dir);
  const output = execFileSync('bash', ['infra/compose/secrets.sh', dir], { cwd: root, encoding: 'utf8' });
  const text = readFileSync(join(dir, '.env'), 'utf8');
  return { dir, output, text, env: parseEnv(text) };
}

describe('docker-compose.yml', () => {
  it('writes no default credential', () => {
    expect(composeText).not.toMatch(/guest:guest|guest\/guest|admin\/admin/);
    expect(compose.services['keycloak']?.environment?.['KC_BOOTSTRAP_ADMIN_PASSWORD']).toMatch(required('KEYCLOAK_ADMIN_PASSWORD'));
    const env = Object.values(compose.services).flatMap((service) => Object.entries(service.environment ?? {}));
    for (const [name, value] of env.filter(([name]) => /PASS|SECRET|_KEY$|KEYFILE/.test(name))) {
      expect(value, name).toMatch(required('\\w+'));
    }
  });

  it('gives every service credentials for the broker and the store (authSource admin)', () => {
    const agencies = Object.entries(compose.services).filter(([, service]) => service.environment?.['MONGO_URL']);
    expect(agencies.map(([name]) => name)).toEqual(SERVICES.map((s) => s.service));
    for (const [name, service] of agencies) {
      expect(service.environment?.['MONGO_URL'], name).toMatch(
        new RegExp(
          `^mongodb://${reference('MONGO_ROOT_USER')}:${reference('MONGO_ROOT_PASSWORD')}@mongo:27017/hamgam_\\w+\\?replicaSet=rs0&authSource=admin$`,
        ),
      );
      expect(service.environment?.['AMQP_URL'], name).toMatch(
        new RegExp(`^amqp://${reference('RABBITMQ_USER')}:${reference('RABBITMQ_PASSWORD')}@rabbitmq:5672$`),
      );
    }
  });

  it('turns on MongoDB authentication and signs its healthcheck in', () => {
    const mongo = compose.services['mongo'];
    expect(mongo?.environment).toEqual({
      MONGO_INITDB_ROOT_USERNAME: expect.stringMatching(required('MONGO_ROOT_USER')),
      MONGO_INITDB_ROOT_PASSWORD: expect.stringMatching(required('MONGO_ROOT_PASSWORD')),
      MONGO_KEYFILE: expect.stringMatching(required('MONGO_KEYFILE')),
    });
    expect(mongo?.healthcheck?.test.join(' ')).toMatch(
      /-u "\$\$MONGO_INITDB_ROOT_USERNAME" -p "\$\$MONGO_INITDB_ROOT_PASSWORD" --authenticationDatabase admin/,
    );
  });

  it('requires every variable it reads, and secrets.sh makes each of them', () => {
    expect(interpolations.length).toBeGreaterThan(0);
    for (const interpolation of interpolations) expect(`\${${interpolation}}`).toMatch(required(nameOf(interpolation)));
    const { env } = runSecrets();
    expect(Object.keys(env).sort()).toEqual([...new Set(interpolations.map(nameOf))].sort());
  });
});

describe('infra/compose/secrets.sh', () => {
  it('writes every variable with its own random value, readable by the owner only', () => {
    const first = runSecrets();
    const second = runSecrets();
    const values = [...Object.values(first.env), ...Object.values(second.env)];
    expect(values.every((value) => value && value.length >= 15)).toBe(true);
    expect(new Set(values).size).toBe(values.length);
    expect(statSync(join(first.dir, '.env')).mode & 0o777).toBe(0o600);
    // What the services and MongoDB accept: keys of 32 bytes, a keyFile of base64 up to 1024 characters.
    for (const name of ['HAMGAM_DEMO_SECRET', 'PII_ENCRYPTION_KEY', 'PII_BLIND_INDEX_KEY', 'PERMITS_PII_ENCRYPTION_KEY']) {
      expect(Buffer.from(first.env[name]!, 'base64'), name).toHaveLength(32);
    }
    expect(first.env['MONGO_KEYFILE']).toMatch(/^[A-Za-z0-9+/=]{6,1024}$/);
  });

  it('keeps an existing .env as it is', () => {
    const first = runSecrets();
    const again = runSecrets(first.dir);
    expect(again.output).toMatch(/exists, kept/);
    expect(again.text).toBe(first.text);
  });
});
