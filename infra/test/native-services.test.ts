// infra/native/services.sh starts what the registry lists: sourced in bash against a throw-away
// STACK_DIR, with start_one stubbed to print what each process would get, so no process is started and
// the running stack is left alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICES, SHELL } from '@hamgam/registry';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let stackDir = '';
beforeEach(() => {
  stackDir = mkdtempSync(join(tmpdir(), 'hamgam-stack-'));
});
afterEach(() => rmSync(stackDir, { recursive: true, force: true }));

const shown = /^(PORT|MONGO_URL|SEED_DEMO|UI_DIST|UPSTREAMS_\w+|PII_\w+|PERMITS_\w+)=/;

/** What `services.sh start` would start: each process by name, with its readiness URL and environment. */
function started(replicas: number) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !shown.test(`${name}=`)));
  const out = execFileSync(
    'bash',
    [
      '-c',
      `set -euo pipefail
source infra/native/services.sh
start_one() { echo "## $1 $2"; env; }
NAMES=()
start_all`,
    ],
    { cwd: root, encoding: 'utf8', env: { ...env, STACK_DIR: stackDir, HAMGAM_REPLICAS: String(replicas), SEED_DEMO: 'true' } },
  );
  return new Map(
    out
      .split('## ')
      .slice(1)
      .map((block) => {
        const [head, ...lines] = block.trimEnd().split('\n');
        const [name, url] = head!.split(' ');
        return [
          name!,
          {
            url,
            env: Object.fromEntries(
              lines.filter((l) => shown.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
            ),
          },
        ];
      }),
  );
}

describe('infra/native/services.sh', () => {
  it('starts every service of the registry on its ports, with its database and its keys, and the shell on all of them', () => {
    const processes = started(2);
    expect([...processes.keys()]).toEqual([...SERVICES.flatMap((s) => [s.service, `${s.service}-2`]), SHELL.service]);
    for (const s of SERVICES) {
      for (const [name, port, seed] of [
        [s.service, s.port, 'true'],
        [`${s.service}-2`, s.port + 100, 'false'],
      ] as const) {
        const { url, env } = processes.get(name)!;
        expect(url).toBe(`http://127.0.0.1:${port}/readyz`);
        const keys = Object.keys(env)
          .filter((key) => /PII/.test(key))
          .sort();
        expect(keys, name).toEqual([...(s.keys?.current ?? [])].sort());
        expect(env).toMatchObject({
          PORT: String(port),
          MONGO_URL: `mongodb://127.0.0.1:27017/${s.database}`,
          SEED_DEMO: seed,
          UI_DIST: `${root}services/${s.service}/ui/dist`,
        });
      }
    }
    const shell = processes.get(SHELL.service)!;
    expect(shell.url).toBe(`http://127.0.0.1:${SHELL.port}/healthz`);
    for (const s of SERVICES) expect(shell.env[`UPSTREAMS_${s.env}`]).toBe(`http://127.0.0.1:${s.port},http://127.0.0.1:${s.port + 100}`);
  });

  it('keeps each keyring in its own file of the checkout, the same at every start', () => {
    const first = started(1);
    const again = started(1);
    for (const s of SERVICES.filter((s) => s.keys)) {
      const file = readFileSync(join(stackDir, 'secrets', `${s.keys!.keyring}.env`), 'utf8');
      for (const key of s.keys!.current) {
        const value = first.get(s.service)!.env[key];
        expect(value, key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
        expect(file).toContain(`${key}=${value}\n`);
        expect(again.get(s.service)!.env[key]).toBe(value);
      }
    }
  });

  it('says the status of the shell and every service', () => {
    const out = execFileSync('bash', ['infra/native/services.sh', 'status'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, STACK_DIR: stackDir },
    });
    expect(out.trimEnd().split('\n')).toEqual([SHELL.service, ...SERVICES.map((s) => s.service)].map((name) => `${name}: stopped`));
  });
});
