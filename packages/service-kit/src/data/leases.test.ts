import { randomUUID } from 'node:crypto';
import express from 'express';
import mongoose, { type Connection } from 'mongoose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentLocks } from '../bus/document-locks.js';
import { problemHandler } from '../http/problem.js';
import { createMongoConnection, defaultMongoLimits } from '../mongo.js';
import { freezableStore } from '../testing/freezable-store.js';
import { LeaseBusyError, Leases } from './leases.js';

// Two connections to one throw-away database stand for two replicas of a service.
const base = process.env['TEST_MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const dbName = `hamgam_test_leases_${randomUUID().slice(0, 8)}`;
const url = `${base}/${dbName}`;
let a: Connection;
let b: Connection;

beforeAll(async () => {
  a = await mongoose.createConnection(url).asPromise();
  b = await mongoose.createConnection(url).asPromise();
});

afterAll(async () => {
  await a?.dropDatabase();
  await a?.close();
  await b?.close();
});

/** Read → add one → write back, slowly enough that unguarded writers overlap: the store's own updates lose counts anyway. */
async function increment(connection: Connection, id: string): Promise<void> {
  const counters = connection.collection<{ _id: string; n: number }>('counters');
  const doc = await counters.findOne({ _id: id });
  await new Promise((resolve) => setTimeout(resolve, 2));
  await counters.updateOne({ _id: id }, { $set: { n: (doc?.n ?? 0) + 1 } }, { upsert: true });
}

describe('leases', () => {
  it('let one writer at a time touch a document across two replicas (none lost)', async () => {
    const replicas = [new DocumentLocks(new Leases(a)), new DocumentLocks(new Leases(b))];
    const id = randomUUID();
    await a.collection('counters').insertOne({ _id: id as never, n: 0 });
    await Promise.all(Array.from({ length: 40 }, (_, i) => replicas[i % 2]!.run('counters', id, () => increment(i % 2 ? b : a, id))));
    expect((await a.collection('counters').findOne({ _id: id as never }))?.['n']).toBe(40);
    // Every lease was released (just after the work: off the caller's path).
    const left = () => a.collection('leases').countDocuments({ _id: `counters/${id}` as never });
    for (let i = 0; i < 50 && (await left()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await left()).toBe(0);
  });

  it('an in-process lock alone loses them (the failure the leases fix)', async () => {
    const replicas = [new DocumentLocks(null), new DocumentLocks(null)];
    const id = randomUUID();
    await a.collection('counters').insertOne({ _id: id as never, n: 0 });
    await Promise.all(Array.from({ length: 40 }, (_, i) => replicas[i % 2]!.run('counters', id, () => increment(i % 2 ? b : a, id))));
    expect((await a.collection('counters').findOne({ _id: id as never }))?.['n']).toBeLessThan(40);
  });

  it('gives up after its bound with a 503 LeaseBusyError that says when to come back', async () => {
    const holder = new Leases(a);
    const waiter = new Leases(b, { maxWaitMs: 150 });
    const key = `busy/${randomUUID()}`;
    const lease = await holder.acquire(key);
    const started = Date.now();
    const refused = await waiter.acquire(key).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LeaseBusyError);
    expect(refused).toMatchObject({ status: 503, retryAfterSeconds: 1 });
    expect(Date.now() - started).toBeLessThan(1_000);
    await holder.release(lease);
    await expect(waiter.run(key, async () => 'mine')).resolves.toBe('mine');
  });

  it('takes over a lease whose holder died, exactly one taker at a time', async () => {
    const key = `dead/${randomUUID()}`;
    // A holder that vanished: its lease expired a while ago.
    await a.collection('leases').insertOne({ _id: key as never, holder: 'dead-holder', expiresAt: new Date(Date.now() - 60_000) });
    const takers = [new DocumentLocks(new Leases(a)), new DocumentLocks(new Leases(b))];
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        takers[i % 2]!.run('dead', key.slice('dead/'.length), async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    // Releases finish just after the work (off the caller's path).
    const left = () => a.collection('leases').countDocuments({});
    for (let i = 0; i < 50 && (await left()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await left()).toBe(0);
  });

  it('leaves an overrun lease to expire instead of deleting it late', async () => {
    let clock = Date.now();
    const leases = new Leases(a, { ttlMs: 30_000, now: () => clock });
    const key = `overrun/${randomUUID()}`;
    const lease = await leases.acquire(key);
    clock += 25_000;
    await leases.release(lease);
    expect(await a.collection('leases').countDocuments({ _id: key as never })).toBe(1);
    await a.collection('leases').deleteOne({ _id: key as never });
  });

  it('an outlasting wait (the consumer’s in-flight guard) takes over a dead holder’s lease instead of giving up', async () => {
    const key = `outlast/${randomUUID()}`;
    // A holder that died just now, with a short lease.
    await a.collection('leases').insertOne({ _id: key as never, holder: 'killed', expiresAt: new Date(Date.now() + 300) });
    const leases = new Leases(b, { ttlMs: 300, maxWaitMs: 50, expiryGraceMs: 50 });
    await expect(leases.acquire(key)).rejects.toBeInstanceOf(LeaseBusyError);
    const lease = await leases.acquire(key, { maxWaitMs: leases.outlastMs });
    expect(lease.holder).not.toBe('killed');
    await leases.release(lease);
  });

  it('a busy lease answers 503 problem+json, code busy, with Retry-After', async () => {
    const app = express();
    app.get('/x', () => {
      throw new LeaseBusyError('referrals/r1', 5);
    });
    app.use(problemHandler);
    const res = await request(app).get('/x');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 503, code: 'busy' });
  });
  it('releases a lease whose first delete failed (the store did not answer for a moment), so no writer is refused busy for its whole time', async () => {
    const store = await freezableStore(base, dbName);
    const flaky = createMongoConnection(store.url, { ...defaultMongoLimits, socketTimeoutMS: 300 });
    try {
      await flaky.asPromise();
      const leases = new Leases(flaky);
      const lease = await leases.acquire(`flaky/${randomUUID()}`);
      store.freeze();
      setTimeout(store.thaw, 600);
      await leases.release(lease);
      expect(await a.collection('leases').countDocuments({ _id: lease.key as never })).toBe(0);
    } finally {
      await flaky.close(true);
      await store.close();
    }
  });
});
