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
const stats = { appliedAgain: 0 };

beforeAll(async () => {
  await resetFaultsEnvironment(['faults-producer', 'faults-outage']);
  consumer = await startInProcess(recorderDefinition('faults-outage', undefined, stats));
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

  const took = await waitFor(async () => {
    const received = await consumer.models.received.countDocuments();
    if (process.env['FAULTS_LOG']) console.log(`received=${received} published=${producer.bus.relay.published} handled=${consumer.bus.consumer.handled} dup=${consumer.bus.consumer.duplicates} producer=${producer.bus.connection.state} consumer=${consumer.bus.connection.state}`);
    return received === total;
  }, 400_000, 'all events consumed');
  // Confirmed events leave the outbox shortly after they are consumed (marking is a separate write).
  const pendingOutbox = () => producer.models.lists.collection.countDocuments({ 'outbox._id': { $exists: true } });
  await waitFor(async () => (await pendingOutbox()) === 0, 400_000, 'outbox drained');
  console.log(`[faults] ${total} events, 2 broker outages: all consumed ${took} ms after the last write; duplicates skipped by the inbox: ${consumer.bus.consumer.duplicates}; handler asked to apply an event again: ${stats.appliedAgain}`);

  expect(await consumer.models.received.countDocuments()).toBe(total);
  expect(await pendingOutbox()).toBe(0);
});
