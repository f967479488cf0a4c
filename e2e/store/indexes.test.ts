// FerretDB 1.24 on PostgreSQL pushes `{f: v}` down as `_jsonb->'f' @> '"v"'`, which its own btree
// indexes cannot serve. The native stack's PostgreSQL gives each of them a GIN companion through an
// event trigger (infra/native/postgres/ferretdb-indexes.sql). Checked here on the running stack, through
// the mongodb driver like the services: collections and indexes created now get companions, and the
// plan of the query FerretDB really sends uses them.
import { MongoClient, type Collection } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ferretdbUrl, planNodes, sql } from './postgres.js';

const dbName = 'hamgam_store_test';

describe('GIN companions of FerretDB indexes on PostgreSQL', () => {
  const client = new MongoClient(ferretdbUrl, { serverSelectionTimeoutMS: 5_000 });
  let households: Collection<{ _id: string; clinic: string }>;

  const companions = () =>
    sql(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = '${dbName}' AND indexname LIKE '%\\_gin' ORDER BY indexname`);

  beforeAll(async () => {
    await client.db(dbName).dropDatabase();
    households = client.db(dbName).collection('households');
    // As a model declares it: the index first, then the data. 2,000 documents, so that a scan of
    // the whole table costs more than the index and the planner's choice means something.
    await households.createIndex({ clinic: 1 });
    for (let batch = 0; batch < 2; batch++) {
      await households.insertMany(Array.from({ length: 1_000 }, (_, i) => ({ _id: `h${batch * 1_000 + i}`, clinic: `c${i % 100}` })));
    }
  });

  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it('adds a GIN index on the same expression to the _id index and to a declared index', () => {
    const defs = companions().map(([, def]) => def);
    expect(defs).toHaveLength(2);
    expect(defs).toContainEqual(expect.stringMatching(/USING gin \(\(\(_jsonb -> '_id'::text\)\) jsonb_path_ops\)$/));
    expect(defs).toContainEqual(expect.stringMatching(/USING gin \(\(\(_jsonb -> 'clinic'::text\)\) jsonb_path_ops\)$/));
  });

  it.each([
    ['_id', { _id: 'h1234' }],
    ['clinic', { clinic: 'c42' }],
  ])('the pushed-down query on %s uses its companion, not a sequential scan', async (field, filter) => {
    const explain = await households.find(filter).explain();
    expect(explain['filterPushdown']).toBe(true);
    const nodes = planNodes(explain);
    expect(nodes.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    const scan = nodes.find((n) => n['Index Name']?.endsWith('_gin'));
    expect(scan?.['Index Cond']).toContain(`_jsonb -> '${field}'::text) @>`);
  });

  it('gives a collection created later its companion, and drops a companion with its index', async () => {
    const later = client.db(dbName).collection('later');
    await later.createIndex({ status: 1, 'nested.field': 1 }, { name: 'status_nested' });
    const laterDefs = () =>
      companions()
        .filter(([name]) => name!.startsWith('later_'))
        .map(([, def]) => def);
    // The dotted field is left out: FerretDB 1.24 does not push dotted paths down.
    expect(laterDefs()).toEqual([
      expect.stringMatching(/_id_.*USING gin \(\(\(_jsonb -> '_id'::text\)\) jsonb_path_ops\)$/),
      expect.stringMatching(/status_nested.*USING gin \(\(\(_jsonb -> 'status'::text\)\) jsonb_path_ops\)$/),
    ]);
    await later.dropIndex('status_nested');
    expect(laterDefs()).toHaveLength(1);
  });
});
