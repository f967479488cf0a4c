import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMongoConnection, defaultMongoLimits, isStoreTimeout } from '../mongo.js';
import { freezableStore } from '../testing/freezable-store.js';
import { alreadyHandled, inboxModel, recordHandled } from './inbox.js';

// Against the real store (the stack's FerretDB, or TEST_MONGO_URL), through a relay that can stop answering.
const base = process.env['TEST_MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const dbName = `hamgam_test_kit_inbox_${randomUUID().slice(0, 8)}`;
let store: Awaited<ReturnType<typeof freezableStore>>;
let connection: Connection;

beforeAll(async () => {
  store = await freezableStore(base, dbName);
  // Short bounds on each reply, so that a store that stops answering fails an attempt quickly.
  connection = createMongoConnection(store.url, { ...defaultMongoLimits, maxPoolSize: 2, waitQueueTimeoutMS: 300, socketTimeoutMS: 300 });
  await connection.asPromise();
  await inboxModel(connection).init();
});

afterAll(async () => {
  store.thaw();
  await connection?.dropDatabase().catch(() => undefined);
  await connection?.close(true);
  await store?.close();
});

describe('recording a handled event', () => {
  it('keeps trying while the store stops answering for a moment, so the event is not applied again by its retry', async () => {
    const inbox = inboxModel(connection);
    const eventId = randomUUID();
    store.freeze();
    const thawing = new Promise((resolve) => setTimeout(resolve, 1_000)).then(() => store.thaw());
    await recordHandled(inbox, eventId, 'clinics.priority.published');
    await thawing;
    expect(await alreadyHandled(inbox, eventId)).toBe(true);
  }, 20_000);

  it('gives up after its patience when the store stays silent, with the store timeout (the delivery is then retried)', async () => {
    const inbox = inboxModel(connection);
    store.freeze();
    try {
      const error = await recordHandled(inbox, randomUUID(), 'clinics.priority.published', 1_000).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isStoreTimeout(error)).toBe(true);
    } finally {
      store.thaw();
    }
  }, 20_000);

  it('takes an id recorded already (a concurrent copy, or its own attempt whose answer was lost) as recorded', async () => {
    const inbox = inboxModel(connection);
    const eventId = randomUUID();
    await recordHandled(inbox, eventId, 'clinics.priority.published');
    await expect(recordHandled(inbox, eventId, 'clinics.priority.published')).resolves.toBeUndefined();
    expect(await inbox.countDocuments({ _id: eventId })).toBe(1);
  }, 20_000);
});
