import { randomUUID } from 'node:crypto';
import type { CommandStartedEvent } from 'mongodb';
import { Schema, type Connection, type Model } from 'mongoose';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTokenVerifier } from './auth/verifier.js';
import { createApp } from './http/app.js';
import { createHttpMetrics } from './http/metrics.js';
import { defineRoute } from './http/route.js';
import { createMongoConnection, defaultMongoLimits, isStoreTimeout, pingStore, type MongoLimits } from './mongo.js';
import { createService } from './service.js';
import { baseConfigSchema } from './config.js';
import { addOutbox, OutboxRelay } from './bus/outbox.js';
import type { DocumentLocks } from './bus/document-locks.js';
import type { ConfirmPublisher } from './bus/publisher.js';
import { createTestKeys, testAudience, testIssuer } from './testing/keys.js';
import { freezableStore } from './testing/freezable-store.js';

// Against the real store (the stack's FerretDB, or TEST_MONGO_URL), as the services' API tests are.
const base = process.env['TEST_MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';

interface Row {
  _id: string;
  n: number;
  group: string;
}
const rowSchema = new Schema<Row>({ _id: String, n: Number, group: String }, { versionKey: false });
const rowsOf = (c: Connection): Model<Row> => (c.models['Row'] as Model<Row> | undefined) ?? c.model<Row>('Row', rowSchema, 'rows');

const dbName = `hamgam_test_kit_limits_${randomUUID().slice(0, 8)}`;
const connections: Connection[] = [];
function connect(limits: Partial<MongoLimits> = {}, url = `${base}/${dbName}`): Connection {
  const connection = createMongoConnection(url, { ...defaultMongoLimits, ...limits });
  connections.push(connection);
  return connection;
}

let seeded: Connection;
beforeAll(async () => {
  seeded = connect();
  await seeded.asPromise();
  await rowsOf(seeded).insertMany(Array.from({ length: 1_500 }, (_, i) => ({ _id: `r${i}`, n: i, group: i % 2 ? 'odd' : 'even' })));
});

afterAll(async () => {
  await seeded?.dropDatabase();
  await Promise.all(connections.map((c) => c.close(true).catch(() => undefined)));
});

describe('the driver pool is bounded', () => {
  it('sets pool size, wait-queue timeout, idle time and reply timeout from the limits', () => {
    const options = seeded.getClient().options;
    expect(options.maxPoolSize).toBe(10);
    expect(options.minPoolSize).toBe(0);
    expect(options.waitQueueTimeoutMS).toBe(3_000);
    expect(options.maxIdleTimeMS).toBe(30_000);
    expect(options.socketTimeoutMS).toBe(20_000);
  });

  it('operations waiting for a pooled connection give up after waitQueueTimeoutMS when the store stops answering', async () => {
    const store = await freezableStore(base, dbName);
    try {
      const c = connect({ maxPoolSize: 1, waitQueueTimeoutMS: 300 }, store.url);
      await c.asPromise();
      const rows = rowsOf(c);
      await rows.findOne({ _id: 'r1' });
      store.freeze();
      const started = Date.now();
      const outcomes = await Promise.allSettled([rows.findOne({ _id: 'r2' }), rows.findOne({ _id: 'r3' }), rows.findOne({ _id: 'r4' })]);
      expect(Date.now() - started).toBeLessThan(10_000);
      const names = outcomes.map((o) => (o.status === 'rejected' ? (o.reason as Error).name : 'answered'));
      expect(names.filter((n) => n === 'MongoWaitQueueTimeoutError').length).toBeGreaterThanOrEqual(2);
      for (const o of outcomes) expect(o.status === 'rejected' && isStoreTimeout(o.reason)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('an operation whose reply never comes gives up after socketTimeoutMS', async () => {
    const store = await freezableStore(base, dbName);
    try {
      // Without the driver's one retry of a read (on a new connection, which a frozen store cannot give).
      const c = connect({ maxPoolSize: 1, waitQueueTimeoutMS: 15_000, socketTimeoutMS: 1_000 }, `${store.url}&retryReads=false`);
      await c.asPromise();
      const rows = rowsOf(c);
      await rows.findOne({ _id: 'r1' });
      store.freeze();
      const started = Date.now();
      const error = await rows.findOne({ _id: 'r2' }).then(
        () => undefined,
        (e: Error) => e,
      );
      // The reply's bound (or, on a fresh connection, the handshake's): a network timeout either way.
      expect(error?.name).toBe('MongoNetworkTimeoutError');
      expect(isStoreTimeout(error)).toBe(true);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await store.close();
    }
  }, 20_000);
});

describe('every query carries a server-side time limit', () => {
  it('puts maxTimeMS on find, findOne, count, findOneAndUpdate, update, delete and aggregate of models (global plugin), keeps an explicit one, and none on distinct', async () => {
    // Command monitoring shows what goes over the wire.
    const c = connect({ queryTimeoutMS: 4_321 }, `${base}/${dbName}?monitorCommands=true`);
    const seen: CommandStartedEvent[] = [];
    c.getClient().on('commandStarted', (event) => seen.push(event));
    await c.asPromise();
    const rows = rowsOf(c);
    await rows.find({ group: 'odd' }).limit(3).lean();
    await rows.findOne({ _id: 'r1' }).lean();
    await rows.countDocuments({ group: 'even' });
    await rows.findOneAndUpdate({ _id: 'r2' }, { $set: { group: 'even' } });
    await rows.updateOne({ _id: 'r3' }, { $set: { group: 'odd' } });
    await rows.deleteOne({ _id: 'nothing' });
    await rows.aggregate([{ $match: { group: 'odd' } }, { $limit: 2 }]);
    await rows.findOne({ _id: 'r4' }).maxTimeMS(1_234).lean();
    await rows.distinct('group', { n: 5 });
    const limits = (name: string) => seen.filter((e) => e.commandName === name).map((e) => e.command['maxTimeMS'] as number | undefined);
    expect(limits('find')).toEqual([4_321, 4_321, 1_234]);
    expect(limits('aggregate')).toEqual([4_321, 4_321]); // countDocuments is an aggregate
    expect(limits('findAndModify')).toEqual([4_321]);
    expect(limits('update')).toEqual([4_321]);
    expect(limits('delete')).toEqual([4_321]);
    // FerretDB 1.24 refuses maxTimeMS on distinct, so it gets none.
    expect(limits('distinct')).toEqual([undefined]);
  });

  it("the kit's outbox relay reads with the same limit (its raw collection calls bypass the plugin)", async () => {
    const c = connect({ queryTimeoutMS: 4_321 }, `${base}/${dbName}?monitorCommands=true`);
    const seen: CommandStartedEvent[] = [];
    c.getClient().on('commandStarted', (event) => seen.push(event));
    await c.asPromise();
    const things = c.model('Thing', addOutbox(new Schema({ _id: String }, { versionKey: false })), 'things');
    await things.init();
    const published: string[] = [];
    const publisher = { publishEvent: async (_exchange: string, key: string) => void published.push(key) } as unknown as ConfirmPublisher;
    const locks = { run: (_collection: string, _id: string, write: () => Promise<unknown>) => write() } as unknown as DocumentLocks;
    const relay = new OutboxRelay({ sources: [things], publisher, locks, logger: pino({ level: 'silent' }), sweepIntervalMs: 60_000 });
    relay.start();
    relay.kick(['t1']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await relay.stop();
    const reads = seen.filter((e) => e.commandName === 'find' && e.command['find'] === 'things');
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(read.command['maxTimeMS']).toBe(4_321);
  });

  it('the store stops a query past the limit (MaxTimeMSExpired), and the API answers 503 store-unavailable with Retry-After', async () => {
    const c = connect({ queryTimeoutMS: 1 });
    await c.asPromise();
    const rows = rowsOf(c);
    const error = await rows
      .find({ group: 'odd' })
      .sort({ n: -1 })
      .limit(1_000)
      .lean()
      .then(
        () => undefined,
        (e: unknown) => e as { code?: number },
      );
    expect(error?.code).toBe(50);
    expect(isStoreTimeout(error)).toBe(true);

    const keys = await createTestKeys();
    const app = createApp({
      service: 'test',
      routes: [
        defineRoute({
          method: 'get',
          path: '/rows',
          summary: 'All odd rows',
          roles: 'public',
          response: z.array(z.object({ _id: z.string() })),
          // Sorted: the store reads every row before the first batch, well past 1 ms.
          handler: () => rows.find({ group: 'odd' }).sort({ n: -1 }).limit(1_000).lean(),
        }),
      ],
      verify: createTokenVerifier({ issuer: testIssuer, audience: testAudience, keys: keys.keys }),
      logger: pino({ level: 'silent' }),
      metrics: createHttpMetrics('test'),
      readiness: () => ({}),
    });
    const res = await request(app).get('/api/v1/rows');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({ code: 'store-unavailable' });
  });
});

describe('/readyz asks the store', () => {
  it('pingStore: true when the store answers, false within its deadline when it does not', async () => {
    expect(await pingStore(seeded, { collection: 'rows' })).toBe(true);
    const store = await freezableStore(base, dbName);
    try {
      const c = connect({}, store.url);
      await c.asPromise();
      expect(await pingStore(c, { collection: 'rows' })).toBe(true);
      store.freeze();
      const started = Date.now();
      expect(await pingStore(c, { timeoutMs: 500, collection: 'rows' })).toBe(false);
      expect(Date.now() - started).toBeLessThan(5_000);
      // An earlier probe still out: not ready at once, without another connection taken.
      expect(await pingStore(c, { timeoutMs: 500 })).toBe(false);
    } finally {
      await store.close();
    }
  });

  it("a service's /readyz says not ready (mongo: false) when its store stops answering, though the connection is still open", async () => {
    const store = await freezableStore(base, dbName);
    const config = baseConfigSchema.parse({
      PORT: '0',
      MONGO_URL: store.url,
      AMQP_URL: 'amqp://127.0.0.1:1',
      OIDC_ISSUER: testIssuer,
      LOG_LEVEL: 'silent',
    });
    const keys = await createTestKeys();
    const service = createService({ name: 'probe', roles: [], models: () => ({}), routes: () => [] }, config, {
      keys: keys.keys,
      logger: pino({ level: 'silent' }),
    });
    connections.push(service.mongo);
    try {
      await service.prepare();
      const before = await request(service.app).get('/readyz');
      expect(before.body.checks.mongo).toBe(true);
      store.freeze();
      const started = Date.now();
      const after = await request(service.app).get('/readyz');
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(after.status).toBe(503);
      expect(after.body.checks.mongo).toBe(false);
    } finally {
      await store.close();
    }
  });
});
