// The service generator (turbo/generators, `npm run new-service`): it makes a service in a throw-away copy of
// the repository's root (this checkout's node_modules linked in, so the kit and every package are today's),
// and what it makes compiles, passes lint and its own tests (the API's on the local FerretDB, through
// startTestService), and is shaped like the services already here. A change in the kit that the templates do
// not follow fails here, not in the next service someone makes.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SERVICES as registered } from '@hamgam/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const service = 'sample-agency';
const port = 4999;
const label = { fa: 'سازمان نمونه', en: "Sample's agency & co" };

interface Outcome {
  code: number;
  output: string;
}

/** Runs a command to its end, never rejecting: the test reads its exit code and output. */
function run(cwd: string, command: string, args: string[]): Promise<Outcome> {
  // The child runs its own vitest: none of this run's worker settings may leak into it.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

const bin = (path: string) => join(repo, 'node_modules', path);
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
const read = (path: string) => readFileSync(path, 'utf8');
const json = (path: string) =>
  JSON.parse(read(path)) as {
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
const existing = registered.map((s) => s.service);

let copy: string;
let made: string;
let generated: Outcome;
/** What the generator wrote, listed before the checks below add their caches. */
let madeFiles: string[];
/** The checks of what was made, started together (each is a process of its own) and awaited by their tests. */
let checks: Record<'apiTypes' | 'uiTypes' | 'generatorTypes' | 'lint' | 'apiTests' | 'uiTests', Promise<Outcome>>;

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'hamgam-gen-'));
  for (const file of ['package.json', 'turbo.json', 'tsconfig.base.json', 'eslint.config.js']) cpSync(join(repo, file), join(copy, file));
  cpSync(join(repo, 'turbo/generators'), join(copy, 'turbo/generators'), { recursive: true });
  // The copy's registry is the one the generator adds to; the packages themselves are this checkout's.
  cpSync(join(repo, 'packages/registry/src/index.js'), join(copy, 'packages/registry/src/index.js'));
  mkdirSync(join(copy, 'services'));
  symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'));
  generated = await run(copy, 'npm', ['run', 'new-service', '--', '--args', service, String(port), label.fa, label.en]);
  if (generated.code !== 0) throw new Error(`npm run new-service failed:\n${generated.output}`);
  made = join(copy, 'services', service);
  madeFiles = filesUnder(made);
  const tsc = (project: string) => run(copy, 'node', [bin('typescript/bin/tsc'), '-p', project]);
  const vitest = (dir: string) => run(join(made, dir), 'node', [bin('vitest/vitest.mjs'), 'run']);
  checks = {
    apiTypes: tsc(`services/${service}/api/tsconfig.json`),
    uiTypes: tsc(`services/${service}/ui/tsconfig.json`),
    generatorTypes: tsc('turbo/generators/tsconfig.json'),
    lint: run(copy, 'node', [bin('eslint/bin/eslint.js'), `services/${service}`, 'turbo/generators']),
    apiTests: vitest('api'),
    uiTests: vitest('ui'),
  };
  await Promise.all(Object.values(checks));
}, 240_000);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('npm run new-service', () => {
  it('makes the service on the one layout and says what is left to do by hand', () => {
    expect(generated.code, generated.output).toBe(0);
    expect(madeFiles).toEqual([
      'README.md',
      'api/package.json',
      'api/src/app/activities.ts',
      'api/src/app/neighbourhoods.ts',
      'api/src/data/activities.ts',
      'api/src/data/demo.test.ts',
      'api/src/data/demo.ts',
      'api/src/data/models.ts',
      'api/src/data/neighbourhoods.ts',
      'api/src/deps.ts',
      'api/src/domain/activities.test.ts',
      'api/src/domain/activities.ts',
      'api/src/events/priority-published.test.ts',
      'api/src/events/priority-published.ts',
      'api/src/main.ts',
      'api/src/routes/activities.api.test.ts',
      'api/src/routes/activities.ts',
      'api/src/routes/schemas.ts',
      'api/src/service.ts',
      'api/tsconfig.json',
      'api/tsup.config.ts',
      'api/vitest.config.ts',
      'ui/package.json',
      'ui/rspack.config.js',
      'ui/src/App.test.tsx',
      'ui/src/App.tsx',
      'ui/src/PlanForm.tsx',
      'ui/src/api.ts',
      'ui/src/bootstrap.ts',
      'ui/src/index.ts',
      'ui/src/locales/en.json',
      'ui/src/locales/fa.json',
      'ui/src/messages.ts',
      'ui/tsconfig.json',
      'ui/vitest.config.ts',
    ]);
    for (const step of ['hamgam-realm.json', 'npm install', 'npm run generate']) expect(generated.output).toContain(step);
  });

  it('adds its entry to the registry, with the roles its API admits', async () => {
    const { SERVICES } = (await import(
      pathToFileURL(join(copy, 'packages/registry/src/index.js')).href
    )) as typeof import('@hamgam/registry');
    expect(SERVICES.slice(0, -1)).toEqual(registered);
    expect(SERVICES.at(-1)).toEqual({
      service,
      port,
      path: `/${service}`,
      roles: ['coordinator', 'auditor'],
      label,
      desk: false,
      accessLog: false,
      keys: null,
      module: 'sample_agency',
      database: 'hamgam_sample_agency',
      env: 'SAMPLE_AGENCY',
    });
    expect(read(join(made, 'api/src/deps.ts'))).toContain("export const readers = ['coordinator', 'auditor']");
  });

  it('refuses a service that exists, writing nothing', async () => {
    const again = await run(copy, 'npm', ['run', 'new-service', '--', '--args', service, String(port + 1), label.fa, label.en]);
    expect(again.code).not.toBe(0);
    expect(again.output).toContain(`${service} is in the registry already`);
    expect(read(join(copy, 'packages/registry/src/index.js')).split(`service: '${service}'`)).toHaveLength(2);
  }, 60_000);

  it.each([
    ['the API compiles against today’s kit', 'apiTypes'],
    ['the UI compiles against today’s ui-kit', 'uiTypes'],
    ['the generator itself compiles', 'generatorTypes'],
    ['all of it passes lint', 'lint'],
    ['the API passes its tests (domain, API on FerretDB, events)', 'apiTests'],
    ['the UI passes its tests', 'uiTests'],
  ] as const)('%s', async (_, check) => {
    const outcome = await checks[check];
    expect(outcome.code, outcome.output).toBe(0);
  });

  it('is shaped like the services already here: the same configuration files, scripts and versions', () => {
    const sameAsOne = (file: string, normalise: (text: string, name: string) => string = (text) => text) => {
      const shapes = existing.map((name) => normalise(read(join(repo, 'services', name, file)), name));
      expect(shapes, file).toContain(normalise(read(join(made, file)), service));
    };
    for (const file of ['api/tsconfig.json', 'api/tsup.config.ts', 'api/vitest.config.ts', 'ui/tsconfig.json', 'ui/vitest.config.ts'])
      sameAsOne(file);
    sameAsOne('ui/rspack.config.js', (text, name) => text.replace(`'${name}'`, "'<service>'").replace(/exposes: \{[^}]*\}/, 'exposes: {}'));
    for (const part of ['api', 'ui']) {
      const mine = json(join(made, part, 'package.json'));
      const theirs = existing.map((name) => json(join(repo, 'services', name, part, 'package.json')));
      expect(
        theirs.map((p) => p.scripts),
        part,
      ).toContainEqual(mine.scripts);
      for (const [dependency, version] of Object.entries({ ...mine.dependencies, ...mine.devDependencies })) {
        const used = theirs.flatMap((p) => [p.dependencies?.[dependency], p.devDependencies?.[dependency]]).filter((v) => v !== undefined);
        expect(used, `${part} ${dependency}`).toContain(version);
      }
    }
  });
});
