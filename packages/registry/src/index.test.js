import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVICES, SHELL } from './index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(new URL('./cli.js', import.meta.url));
/** @param {unknown[]} values */
const unique = (values) => new Set(values).size === values.length;

describe('the registry', () => {
  it('lists every service folder, and only those', () => {
    const folders = readdirSync(`${repo}services`, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(SERVICES.map((s) => s.service).sort()).toEqual(folders.sort());
  });

  it('gives each service its own port, path, module and database, none taken by the shell', () => {
    for (const field of /** @type {const} */ (['service', 'port', 'path', 'module', 'database', 'env'])) {
      expect(unique(SERVICES.map((s) => s[field])), field).toBe(true);
    }
    expect(SERVICES.map((s) => s.port)).not.toContain(SHELL.port);
    for (const s of SERVICES) {
      // A Module Federation container's name is a JavaScript identifier.
      expect(s.module, s.service).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(s.database, s.service).toBe(`hamgam_${s.module}`);
      expect(s.path, s.service).toMatch(/^\/[a-z-]+$/);
      expect(s.roles.length, s.service).toBeGreaterThan(0);
      expect(s.label.fa && s.label.en, s.service).toBeTruthy();
    }
  });

  it('marks as desk agencies exactly the services that depend on @hamgam/agency-desk', () => {
    for (const s of SERVICES) {
      const api = JSON.parse(readFileSync(`${repo}services/${s.service}/api/package.json`, 'utf8'));
      expect('@hamgam/agency-desk' in (api.dependencies ?? {}), s.service).toBe(s.desk);
    }
  });

  it('keeps each keyring, and each key, to one service', () => {
    const withKeys = SERVICES.flatMap((s) => (s.keys ? [s.keys] : []));
    expect(unique(withKeys.map((k) => k.keyring))).toBe(true);
    expect(unique(withKeys.flatMap((k) => [...k.current, ...k.previous]))).toBe(true);
  });
});

describe('cli.js', () => {
  /** @param {string[]} args */
  const run = (...args) => spawnSync('node', [cli, ...args], { encoding: 'utf8' });

  it('prints the fields asked for, a line per service, lists joined by commas and nothing as -', () => {
    const lines = execFileSync('node', [cli, 'services', 'service', 'port', 'keys.keyring', 'keys.current', 'roles'], { encoding: 'utf8' })
      .trimEnd()
      .split('\n');
    expect(lines).toEqual(
      SERVICES.map((s) => [s.service, s.port, s.keys?.keyring ?? '-', s.keys?.current.join(',') ?? '-', s.roles.join(',')].join(' ')),
    );
    expect(run('shell', 'port').stdout).toBe(`${SHELL.port}\n`);
  });

  it('fails on a field that is not there, or not a single value', () => {
    expect(run('services', 'service', 'prot')).toMatchObject({ status: 2, stdout: '', stderr: 'cli.js: no field prot\n' });
    expect(run('services', 'label').status).toBe(2);
    expect(run('services').status).toBe(2);
  });
});
