// The three stores `npm run bench:store` compares, each a second native stack of its own (its own
// STACK_DIR under a temp folder, its own ports; only PostgreSQL and FerretDB) started and stopped by
// the same infra/native scripts as the real one, so the bench also runs the stack's code paths.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';

export interface Store {
  name: string;
  env: Record<string, string>;
  url: string;
  up: boolean;
}

const root = resolve(import.meta.dirname, '../..');
// PostgreSQL runs as the postgres user when we are root: it must be able to enter the folder.
const dir = mkdtempSync(join(tmpdir(), 'hamgam-bench-store-'));
chmodSync(dir, 0o755);

const store = (name: string, store: string, indexes: string, ferretdbPort: number, postgresPort: number): Store => ({
  name,
  url: `mongodb://127.0.0.1:${ferretdbPort}/?directConnection=true`,
  up: false,
  env: {
    STACK_DIR: join(dir, name),
    STACK_COMPONENTS: store === 'sqlite' ? 'ferretdb' : 'postgres ferretdb',
    HAMGAM_STORE: store,
    HAMGAM_STORE_INDEXES: indexes,
    FERRETDB_PORT: String(ferretdbPort),
    POSTGRES_PORT: String(postgresPort),
  },
});

export const stores: Store[] = [
  store('sqlite', 'sqlite', 'off', 27031, 0),
  store('postgresql', 'postgresql', 'off', 27032, 5441),
  store('postgresql+gin', 'postgresql', 'on', 27033, 5442),
];

function stack(s: Store, script: 'up' | 'down') {
  const run = spawnSync('bash', [join(root, `infra/native/${script}.sh`)], {
    env: { ...process.env, ...s.env },
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 300_000,
  });
  if (run.status !== 0) throw new Error(`${script}.sh for ${s.name} failed (status ${run.status})`);
}

/** Brings the store up and returns a client with a bounded pool (50: below both backends' hang threshold). */
export async function open(s: Store): Promise<MongoClient> {
  s.up = true;
  stack(s, 'up');
  return MongoClient.connect(s.url, { maxPoolSize: 50, serverSelectionTimeoutMS: 10_000, socketTimeoutMS: 300_000 });
}

export function close(s: Store) {
  if (!s.up) return;
  s.up = false;
  try {
    stack(s, 'down');
  } catch (error) {
    console.error(String(error));
  }
}

/** Stops whatever is still up and removes the data; also on Ctrl-C, an error or the watchdog. */
export function cleanUp() {
  stores.forEach(close);
  rmSync(dir, { recursive: true, force: true });
}
