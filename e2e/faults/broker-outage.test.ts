import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningService } from '@hamgam/service-kit';
import {
  producerDefinition,
  producerDocs,
  rabbitmqctl,
  recorderDefinition,
  resetFaultsEnvironment,
  sleep,
  startInProcess,
  waitFor,
} from './harness.js';

const total = Number(process.env['FAULTS_EVENTS'] ?? 5_000);
const chunk = 250;
let producer: RunningService<{ lists: any }>;
let consumer: RunningService<{ received: any }>;

beforeAll(async () => {
  await resetFaultsEnvironment(['faults-producer', 'faults-outage']);
  consumer = await startInProcess(recorderDefinition('faults-outage'));
  producer = await startInProcess(producerDefinition(), { outboxSweepMs: 1_000 });
});

afterAll(async () => {
  rabbitmqctl('start_app');
  await producer?.stop();
  await consumer?.stop();
});

it('delivers every outbox event exactly once in effect while the broker is stopped and started twice', async () => {
  const outageAfterChunks = new Set([Math.floor(total / chunk / 5), Math.floor((total / chunk) * 0.6)]);
  for (let from = 0, index = 0; from < total; from += chunk, index++) {
    if (outageAfterChunks.has(index)) {
      rabbitmqctl('stop_app');
      // Writes go on while the broker is down: they wait in the outbox.
      await producer.models.lists.insertMany(producerDocs(from, chunk));
      await sleep(2_000);
      rabbitmqctl('start_app');
      continue;
    }
    const docs = producerDocs(from, chunk);
    await producer.models.lists.insertMany(docs);
    producer.bus.relay.kick(docs.map((d) => d._id));
  }

  const took = await waitFor(async () => (await consumer.models.received.countDocuments()) === total, 180_000, 'all events consumed');
  const pending = await producer.models.lists.countDocuments({ 'outbox.0': { $exists: true } });
  const doubleApplied = await consumer.models.received.countDocuments({ applied: { $gt: 1 } });
  console.log(`[faults] ${total} events, 2 broker outages: all consumed ${took} ms after the last write; duplicates skipped by the inbox: ${consumer.bus.consumer.duplicates}; applied twice: ${doubleApplied}`);

  expect(await consumer.models.received.countDocuments()).toBe(total);
  expect(pending).toBe(0);
  expect(doubleApplied).toBe(0);
});
