// The access logs are append-only in the store itself (infra/native/postgres/ferretdb-append-only.sql):
// a row trigger on every `access_log` collection's table refuses updates and deletes, whoever sends
// them through the MongoDB wire — not only the kit's model. Checked on the running stack's FerretDB.
import { MongoClient, type Collection } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ferretdbUrl, sql } from './postgres.js';

const dbName = 'hamgam_store_append_test';

describe('append-only access logs in FerretDB on PostgreSQL', () => {
  const client = new MongoClient(ferretdbUrl, { serverSelectionTimeoutMS: 5_000 });
  let log: Collection<{ _id: string; user: string; subject: string }>;
  let households: Collection<{ _id: string; clinic: string }>;

  beforeAll(async () => {
    await client.db(dbName).dropDatabase();
    log = client.db(dbName).collection('access_log');
    households = client.db(dbName).collection('households');
    await log.insertMany([
      { _id: 'a1', user: 'clinic.worker', subject: 'r1' },
      { _id: 'a2', user: 'clinic.worker', subject: 'r2' },
    ]);
    await households.insertOne({ _id: 'h1', clinic: 'c1' });
  });

  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it('keeps inserting and reading entries', async () => {
    await log.insertOne({ _id: 'a3', user: 'auditor', subject: 'r3' });
    expect(await log.find({}, { sort: { _id: 1 } }).toArray()).toHaveLength(3);
    await log.deleteOne({ _id: 'missing' }); // matching nothing touches no row, so it is no change
  });

  it('refuses every update and delete of an entry, and leaves the entries as they were', async () => {
    const attempts = [
      () => log.updateOne({ _id: 'a1' }, { $set: { user: 'someone.else' } }),
      () => log.replaceOne({ _id: 'a1' }, { user: 'someone.else', subject: 'r1' }),
      () => log.findOneAndUpdate({ _id: 'a2' }, { $set: { subject: 'r9' } }),
      () => log.deleteOne({ _id: 'a1' }),
      () => log.deleteMany({}),
      () => log.findOneAndDelete({ _id: 'a2' }),
    ];
    for (const attempt of attempts) await expect(attempt(), attempt.toString()).rejects.toThrow();
    expect(await log.find({ _id: { $in: ['a1', 'a2'] } }, { sort: { _id: 1 } }).toArray()).toEqual([
      { _id: 'a1', user: 'clinic.worker', subject: 'r1' },
      { _id: 'a2', user: 'clinic.worker', subject: 'r2' },
    ]);
  });

  it('leaves every other collection writable', async () => {
    await households.updateOne({ _id: 'h1' }, { $set: { clinic: 'c2' } });
    expect(await households.findOne({ _id: 'h1' })).toEqual({ _id: 'h1', clinic: 'c2' });
    await households.deleteOne({ _id: 'h1' });
    expect(await households.countDocuments({})).toBe(0);
  });

  it("guards every service's access log on the stack, however old its table", () => {
    const tables = sql(`SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE c.relkind = 'r' AND c.relname ~ '^access_log_[0-9a-f]{8}$' ORDER BY 1`).map((row) => row.join('|'));
    const guarded = sql(`SELECT DISTINCT n.nspname || '.' || c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                          JOIN pg_namespace n ON n.oid = c.relnamespace WHERE t.tgname = 'hamgam_append_only' ORDER BY 1`).map((row) =>
      row.join('|'),
    );
    expect(tables.filter((name) => name.startsWith(`${dbName}.access_log_`))).toHaveLength(1);
    expect(guarded).toEqual(tables);
  });
});
