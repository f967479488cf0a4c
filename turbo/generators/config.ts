// `npm run new-service`: a new agency service on the one layout (issue 12), services/<name>/{README.md, api, ui},
// from templates/service. It prompts for the answers, or takes them at once:
//   npm run new-service -- --args housing-repair 4007 'بازسازی مسکن' 'Housing repair'
// The script runs @turbo/gen (a root devDependency) itself: `npx turbo gen run service` loads this same file, but
// turbo 2.11.11 asks npm for @turbo/gen@2.11.11, which is not published (the newest is 2.11.9).
// It adds the service's entry to packages/registry/src/index.js and prints what is left to do by hand.
// infra/test/service-generator.test.ts generates one into a throw-away copy and compiles, lints and tests it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlopTypes } from '@turbo/gen';

interface Answers {
  name: string;
  port: string;
  faLabel: string;
  enLabel: string;
  turbo: { paths: { root: string } };
}

const registryFile = 'packages/registry/src/index.js';
/** The registry's list, up to its closing bracket (the entry goes before it). */
const entriesEnd = /(const entries = \[[\s\S]*?\n)(\];)/;

/** A TypeScript/JavaScript string literal in the code's quotes. */
const quoted = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** The realm roles of the generated service (api/src/deps.ts `readers`): the registry's entry lists the same. */
const readers = ['coordinator', 'auditor'];

function registryEntry({ name, port, faLabel, enLabel }: Answers): string {
  return [
    '  {',
    `    service: '${name}',`,
    `    port: ${Number(port)},`,
    `    path: '/${name}',`,
    `    roles: [${readers.map(quoted).join(', ')}],`,
    `    label: { fa: ${quoted(faLabel)}, en: ${quoted(enLabel)} },`,
    '    desk: false,',
    "    // No resident's or household's data yet; a service that holds some keeps the kit's access log (true).",
    '    accessLog: false,',
    '    keys: null,',
    '  },',
    '',
  ].join('\n');
}

/** Refuses a name, port or folder already taken, before anything is written. */
function checkFree(answers: Answers): string {
  const { name, port, turbo } = answers;
  const registry = readFileSync(join(turbo.paths.root, registryFile), 'utf8');
  if (registry.includes(`service: '${name}'`)) throw new Error(`${name} is in the registry already`);
  if (new RegExp(`port: ${Number(port)}\\b`).test(registry) || Number(port) === 3000) throw new Error(`port ${port} is taken`);
  if (existsSync(join(turbo.paths.root, 'services', name))) throw new Error(`services/${name} exists already`);
  return `${name} and port ${port} are free`;
}

function addToRegistry(answers: Answers): string {
  const file = join(answers.turbo.paths.root, registryFile);
  const registry = readFileSync(file, 'utf8');
  if (!entriesEnd.test(registry))
    throw new Error(`${registryFile}: no \`const entries = [ … ];\` to add ${answers.name} to; add its entry by hand`);
  writeFileSync(
    file,
    registry.replace(entriesEnd, (_, entries: string, end: string) => `${entries}${registryEntry(answers)}${end}`),
  );
  return `${registryFile}: ${answers.name} on port ${answers.port}, shown to ${readers.join(', ')}`;
}

function nextSteps({ name }: Answers): string {
  return [
    `services/${name} is made. Left to do:`,
    `  1. Look over its entry in ${registryFile} (roles, label, desk, accessLog, keys).`,
    `  2. Its own staff role, if it needs one: add it to infra/keycloak/hamgam-realm.json (role and demo user), to the`,
    `     kit's roles (packages/service-kit/src/auth/principal.ts; a test caller in testing/callers.ts, a 'role.*' label in`,
    `     packages/ui-kit), then to \`staff\` and \`readers\` in services/${name}/api/src/deps.ts, \`staffRoles\` in`,
    `     services/${name}/ui/src/api.ts and the registry's roles.`,
    `  3. npm install           (links @hamgam/${name}-api and -ui into the workspace)`,
    '  4. npm run generate      (docker-compose.yml, infra/rabbitmq/definitions.json, infra/k8s from the registry)',
    `  5. infra/k8s/overlays/production/kustomization.yaml: its image under \`images\`, as the others'.`,
    `  6. e2e/integration/services-auth.test.ts: its row in \`access\` (a demo user it admits, one it refuses).`,
    `  7. npx turbo run typecheck lint test --filter=@hamgam/${name}-api --filter=@hamgam/${name}-ui`,
    `  8. Rename the example aggregate (activities) to the agency's own; services/${name}/README.md says what is where.`,
  ].join('\n');
}

const kebab = /^[a-z]+(-[a-z]+)*$/;

export default function generator(plop: PlopTypes.NodePlopAPI): void {
  plop.setHelper('quoted', quoted);
  plop.setHelper('json', (text: string) => JSON.stringify(text));
  plop.setGenerator('service', {
    description: 'A new agency service on the one layout: API, federated UI, README and its registry entry',
    prompts: [
      {
        type: 'input',
        name: 'name',
        message: 'Service name (kebab-case letters, e.g. housing-repair)',
        validate: (value: string) => (kebab.test(value) && value !== 'shell') || 'kebab-case letters only (a-z and -), not "shell"',
      },
      {
        type: 'input',
        name: 'port',
        message: 'Port of its API (the others use 4001…; e.g. 4007)',
        validate: (value: string) =>
          (/^\d+$/.test(value) && Number(value) >= 1024 && Number(value) <= 65535) || 'a port number from 1024 to 65535',
      },
      {
        type: 'input',
        name: 'faLabel',
        message: 'Its name in Persian (the shell’s menu)',
        validate: (value: string) => value.trim() !== '' || 'required',
      },
      { type: 'input', name: 'enLabel', message: 'Its name in English', validate: (value: string) => value.trim() !== '' || 'required' },
    ],
    actions: [
      (answers) => checkFree(answers as Answers),
      {
        type: 'addMany',
        destination: '{{ turbo.paths.root }}/services/{{ name }}',
        base: 'templates/service',
        templateFiles: 'templates/service/**/*.hbs',
        stripExtensions: ['hbs'],
        globOptions: { dot: true },
        abortOnFail: true,
      },
      (answers) => addToRegistry(answers as Answers),
      (answers) => nextSteps(answers as Answers),
    ],
  });
}
