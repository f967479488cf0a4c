// The native stack's per-checkout secrets (infra/native/lib/common.sh) and Keycloak's admin password
// (lib/keycloak.sh), run in bash against a throw-away STACK_DIR: no process is started, no port is
// touched (start_bg, port_open and wait_until are stubbed), the running stack is left alone.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let stackDir = '';
let cacheDir = '';
beforeEach(() => {
  stackDir = mkdtempSync(join(tmpdir(), 'hamgam-stack-'));
  cacheDir = mkdtempSync(join(tmpdir(), 'hamgam-cache-'));
});
afterEach(() => {
  rmSync(stackDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

/** Runs SCRIPT after sourcing the stack's env and libraries, with Keycloak's start stubbed to record its command. */
function stack(script: string): string {
  return execFileSync(
    'bash',
    [
      '-c',
      `set -euo pipefail
source infra/native/env.sh
source infra/native/lib/common.sh
source infra/native/lib/keycloak.sh
port_open() { return 1; }
start_bg() { shift 2; printf '%s\\n' "$@" >"$STACK_DIR/keycloak-command"; }
wait_until() { return 0; }
mkdir -p "$KEYCLOAK_DIST" && echo fake >"$KEYCLOAK_DIST/version.txt"
${script}`,
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, STACK_DIR: stackDir, HAMGAM_CACHE: cacheDir } },
  );
}

const secretsFile = () => join(stackDir, 'secrets/keycloak.env');
const adminPassword = () => parseEnv(readFileSync(secretsFile(), 'utf8'))['KEYCLOAK_ADMIN_PASSWORD'];
const h2Marker = () => join(stackDir, 'keycloak/data/h2/marker');
/** Stands for the database Keycloak keeps between starts. */
const keepDatabase = () => {
  mkdirSync(join(stackDir, 'keycloak/data/h2'), { recursive: true });
  writeFileSync(h2Marker(), '');
};
const startedWith = () => readFileSync(join(stackDir, 'keycloak-command'), 'utf8').split('\n');

describe('native Keycloak admin', () => {
  it('starts Keycloak with a random per-checkout password kept in .stack/secrets/keycloak.env, never exported', () => {
    const out = stack('keycloak_start; [[ -v KEYCLOAK_ADMIN_PASSWORD ]] && echo exported || echo kept-local');
    expect(out).toContain('kept-local');
    const password = adminPassword();
    expect(Buffer.from(password!, 'base64')).toHaveLength(32);
    expect(statSync(secretsFile()).mode & 0o777).toBe(0o600);
    expect(startedWith()).toContain(`KC_BOOTSTRAP_ADMIN_PASSWORD=${password}`);
    expect(startedWith()).not.toContain('KC_BOOTSTRAP_ADMIN_PASSWORD=admin');
  });

  it('re-imports, once, a database made before there was a password (its admin is admin/admin)', () => {
    // The stack before: the realm imported, the hash of the realm file alone, no secrets file.
    stack(
      'cp -a "$KEYCLOAK_DIST" "$KEYCLOAK_HOME" && mkdir -p "$KEYCLOAK_HOME/data" && sha256sum "$KEYCLOAK_REALM_FILE" | cut -d" " -f1 >"$KEYCLOAK_IMPORTED"',
    );
    keepDatabase();
    expect(stack('keycloak_realm_current && echo current || echo stale')).toContain('stale');
    stack('keycloak_start && keycloak_wait 0');
    expect(existsSync(h2Marker())).toBe(false);
    const password = adminPassword();

    keepDatabase();
    expect(stack('keycloak_realm_current && echo current || echo stale')).toContain('current');
    stack('keycloak_start');
    expect(existsSync(h2Marker())).toBe(true);
    expect(adminPassword()).toBe(password);
    expect(startedWith()).toContain(`KC_BOOTSTRAP_ADMIN_PASSWORD=${password}`);
  });

  it('re-imports when the password changes, so that the admin has the one in the file', () => {
    stack('keycloak_start && keycloak_wait 0');
    keepDatabase();
    writeFileSync(secretsFile(), 'KEYCLOAK_ADMIN_PASSWORD=another\n');
    stack('keycloak_start');
    expect(existsSync(h2Marker())).toBe(false);
    expect(startedWith()).toContain('KC_BOOTSTRAP_ADMIN_PASSWORD=another');
  });
});

describe('checkout_keys', () => {
  it('exports keys made once per checkout to what the script starts next', () => {
    const first = stack('checkout_keys demo HAMGAM_DEMO_SECRET; bash -c \'echo "$HAMGAM_DEMO_SECRET"\'').trim();
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    expect(stack('checkout_keys demo HAMGAM_DEMO_SECRET; bash -c \'echo "$HAMGAM_DEMO_SECRET"\'').trim()).toBe(first);
    expect(readFileSync(join(stackDir, 'secrets/demo.env'), 'utf8')).toBe(`HAMGAM_DEMO_SECRET=${first}\n`);
  });
});
