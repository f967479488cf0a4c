// `npm run bench:store`: FerretDB 1.24 on SQLite, on PostgreSQL, and on PostgreSQL with the GIN
// companions the native stack adds (infra/native/postgres/ferretdb-indexes.sql), side by side on this
// machine through the mongodb driver: reads and updates by _id and by a secondary field at 2k and 50k
// documents, lost updates under concurrency, a unique index under concurrent inserts, and 20
// concurrent updates on 50k documents. Each store is its own stack on its own ports, started here
// and stopped at the end (or on Ctrl-C / error / the 15-minute watchdog). Prints a table; asserts nothing.
import type { Collection, MongoClient } from 'mongodb';
import { cleanUp, close, open, stores } from './store-stack.js';

interface Doc {
  _id: string;
  group: string;
  n: number;
  name: string;
  address: string;
  log: number[];
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const median = (values: number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
const random = (below: number) => Math.floor(Math.random() * below);

// Each group has 10 documents at any size, so a find by group returns the same amount at 2k and 50k.
const docs = (from: number, to: number): Doc[] =>
  Array.from({ length: to - from }, (_, k) => {
    const n = from + k;
    return { _id: `d${n}`, group: `g${Math.floor(n / 10)}`, n, name: `resident ${n}`, address: `house ${n}, `.padEnd(300, 'x'), log: [] };
  });

async function seed(coll: Collection<Doc>, from: number, to: number): Promise<number> {
  const started = performance.now();
  for (let at = from; at < to; at += 1_000) await coll.insertMany(docs(at, Math.min(to, at + 1_000)), { ordered: false });
  return ((to - from) * 1000) / (performance.now() - started);
}

/** One operation after another, up to 200 of them or 4 s (at least 3): "ops/s (median ms)". */
async function sequential(operation: () => Promise<unknown>): Promise<string> {
  const durations: number[] = [];
  const started = performance.now();
  while (durations.length < 200 && (durations.length < 3 || performance.now() - started < 4_000)) {
    const t = performance.now();
    await operation();
    durations.push(performance.now() - t);
  }
  const perSecond = (durations.length * 1000) / (performance.now() - started);
  return `${perSecond.toFixed(perSecond < 10 ? 1 : 0)}/s (${median(durations).toFixed(1)} ms)`;
}

async function pointOps(coll: Collection<Doc>, size: number, row: (name: string, value: string) => void) {
  row(`findOne by _id, ${size / 1000}k docs`, await sequential(() => coll.findOne({ _id: `d${random(size)}` })));
  row(
    `updateOne by _id ($set+$push), ${size / 1000}k`,
    await sequential(() => coll.updateOne({ _id: `d${random(size)}` }, { $set: { name: 'renamed' }, $push: { log: 1 } })),
  );
  row(`find by group (10 docs), ${size / 1000}k`, await sequential(() => coll.find({ group: `g${random(size / 10)}` }).toArray()));
}

/** The plan PostgreSQL chose for a find by _id (FerretDB's explain is PostgreSQL's EXPLAIN), e.g.
 *  "Bitmap Heap Scan > Bitmap Index Scan (GIN)"; SQLite's explain has no such plan. */
async function plan(coll: Collection<Doc>): Promise<string> {
  const steps: string[] = [];
  for (let node = (await coll.find({ _id: 'd4242' }).explain())['queryPlanner']?.['Plan']; node?.['Node Type']; node = node['Plans']?.[0]) {
    const index = node['Index Name'] ? ` (${String(node['Index Name']).endsWith('_gin') ? 'GIN' : 'btree'})` : '';
    steps.push(`${node['Node Type']}${index}`);
  }
  return steps.join(' > ') || 'n/a';
}

async function races(db: ReturnType<MongoClient['db']>, row: (name: string, value: string) => void) {
  const race = db.collection<{ _id: string; items?: string[]; n?: number; seats?: number }>('race');
  // 200 $push of new items and 200 $pullAll of old ones at once, as writers and the outbox relay do.
  const old = Array.from({ length: 200 }, (_, i) => `p${i}`);
  await race.insertOne({ _id: 'pairs', items: old });
  await Promise.all(
    old.flatMap((p, i) => [
      race.updateOne({ _id: 'pairs' }, { $push: { items: `q${i}` } }),
      race.updateOne({ _id: 'pairs' }, { $pullAll: { items: [p] } }),
    ]),
  );
  const items = (await race.findOne({ _id: 'pairs' }))!.items!;
  const pushesKept = items.filter((x) => x.startsWith('q')).length;
  row('200 $push + 200 $pullAll on one doc: lost', `${200 - pushesKept} push, ${items.length - pushesKept} pull`);

  await race.insertOne({ _id: 'counter', n: 0 });
  await Promise.all(Array.from({ length: 500 }, () => race.updateOne({ _id: 'counter' }, { $inc: { n: 1 } })));
  const n = (await race.findOne({ _id: 'counter' }))!.n!;
  row('500 concurrent $inc on one doc: lost', `${500 - n} (ended at ${n})`);

  await race.insertOne({ _id: 'course', seats: 50 });
  const results = await Promise.all(
    Array.from({ length: 100 }, () => race.updateOne({ _id: 'course', seats: { $gt: 0 } }, { $inc: { seats: -1 } })),
  );
  const modified = results.reduce((sum, r) => sum + r.modifiedCount, 0);
  const seats = (await race.findOne({ _id: 'course' }))!.seats!;
  row(
    '100 decrements if seats>0, 50 seats',
    `${modified} "modified", seats 50→${seats}: oversold ${Math.max(0, modified - 50)}, lost ${modified - (50 - seats)}`,
  );

  const claims = db.collection<{ key: string }>('claims');
  await claims.createIndex({ key: 1 }, { unique: true });
  const inserts = await Promise.allSettled(Array.from({ length: 50 }, () => claims.insertOne({ key: 'seat-1' })));
  const stored = await claims.countDocuments({ key: 'seat-1' });
  row('50 concurrent inserts, unique index: stored', `${stored} (${inserts.filter((r) => r.status === 'rejected').length} refused)`);
}

/** 20 callers updating random documents of 50k at once: 100 updates, or whatever starts within 30 s. */
async function concurrentUpdates(coll: Collection<Doc>, size: number): Promise<string> {
  const durations: number[] = [];
  let started = 0;
  let errors = 0;
  const deadline = performance.now() + 30_000;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (started < 100 && performance.now() < deadline) {
        started++;
        const t = performance.now();
        try {
          await coll.updateOne({ _id: `d${random(size)}` }, { $set: { name: 'busy' }, $push: { log: 2 } });
          durations.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  return `${errors} errors of ${started}, median ${median(durations).toFixed(0)} ms`;
}

async function bench() {
  const table = new Map<string, string[]>();
  for (const [column, s] of stores.entries()) {
    const row = (name: string, value: string) => {
      if (!table.has(name))
        table.set(
          name,
          stores.map(() => ''),
        );
      table.get(name)![column] = String(value);
      console.log(`  ${s.name}: ${name}: ${value}`);
    };
    const client = await open(s);
    const db = client.db('bench');
    const coll = db.collection<Doc>('docs');
    await coll.createIndex({ group: 1 }); // as a model declares it
    row('insertMany 2k (docs/s)', (await seed(coll, 0, 2_000)).toFixed(0));
    await pointOps(coll, 2_000, row);
    await races(db, row);
    row('insertMany 48k more (docs/s)', (await seed(coll, 2_000, 50_000)).toFixed(0));
    await pointOps(coll, 50_000, row);
    row('plan of find by _id, 50k', await plan(coll));
    row('20 concurrent updates, 50k docs', await concurrentUpdates(coll, 50_000));
    await client.close();
    close(s);
  }
  const width = Math.max(...[...table.keys()].map((k) => k.length));
  const widths = stores.map((s, i) => Math.max(s.name.length, ...[...table.values()].map((v) => v[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(i === 0 ? width : widths[i - 1]!)).join(' | ');
  console.log(`\nFerretDB 1.24.2 stores on this machine (${new Date().toISOString()}); loopback, mongodb driver, pool 50\n`);
  console.log(line(['', ...stores.map((s) => s.name)]));
  console.log(line(['', ...stores.map(() => '')]).replace(/[^|]/g, '-'));
  for (const [name, values] of table) console.log(line([name, ...values]));
}

const watchdog = setTimeout(() => {
  console.error('bench:store: still running after 15 minutes; stopping');
  cleanUp();
  process.exit(1);
}, 15 * 60_000);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
let status = 0;
try {
  await bench();
} catch (error) {
  console.error(error);
  status = 1;
} finally {
  clearTimeout(watchdog);
  cleanUp();
}
process.exit(status);
