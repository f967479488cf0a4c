// Writes every file that follows from a source kept elsewhere, so that none can drift from it:
//   docker-compose.yml (its agency services and the shell)   the registry (packages/registry)
//   infra/rabbitmq/definitions.json                          the registry and each service's subscriptions
//   infra/k8s/… (see infra/k8s/generate)                     the registry, those definitions, the realm
// `npm run generate` writes them; `--check` fails on any difference, as infra/test/generated.test.ts does.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { k8sFiles } from '../k8s/generate/index.js';
import { brokerDefinitions } from './broker.js';
import { composeFile } from './compose.js';
import { definedServices } from './services.js';

export const repo = fileURLToPath(new URL('../..', import.meta.url));

function readOrEmpty(path: string): string {
  try {
    return readFileSync(join(repo, path), 'utf8');
  } catch {
    return '';
  }
}

/** Each generated file by its path in the repository. */
export async function generatedFiles(): Promise<Map<string, string>> {
  const definitions = await brokerDefinitions(await definedServices());
  const files = new Map<string, string>([
    ['docker-compose.yml', composeFile(readOrEmpty('docker-compose.yml'))],
    ['infra/rabbitmq/definitions.json', `${JSON.stringify(definitions, null, 2)}\n`],
  ]);
  for (const [path, text] of k8sFiles(definitions)) files.set(`infra/k8s/${path}`, text);
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [path, text] of await generatedFiles()) {
    if (readOrEmpty(path) === text) continue;
    if (check) stale.push(path);
    else {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), text);
      console.log(`wrote ${path}`);
    }
  }
  if (stale.length > 0) {
    console.error(`out of date (run npm run generate):\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
}
