import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningService } from '@hamgam/service-kit';
import {
  changeAggregate,
  producerDefinition,
  producerDocs,
  rabbitmqctl,
  recorderDefinition,
  resetFaultsEnvironment,
  sleep,
  startInProcess,
  waitFor,
} from './harness.js';

// 5,000 events: 500 aggregates, each created and then changed nine times (one event per change).
const aggregates = Number(process.env['FAULTS_AGGREGATES'] ?? 500);
const changes = 10;
const total = aggregates * changes;
const outageRounds = new Set([3, 7]);
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

/** Writes one round: every aggregate created (round 1) or changed once, 50 writes at a time. */
async function writeRound(round: number): Promise<void> {
  for (let from = 0; from < aggregates; from += 50) {
    const ids = Array.from({ length: Math.min(50, aggregates - from) }, (_, i) => from + i);
    if (round === 1) await producer.models.lists.insertMany(producerDocs(from, ids.length));
    else await Promise.all(ids.map((aggregate) => changeAggregate(producer, aggregate, round)));
    producer.bus.relay.kick(ids.map((aggregate) => `list-${aggregate}`));
  }
}

it('delivers every outbox event exactly once in effect while the broker is stopped and started twice', async () => {
  for (let round = 1; round <= changes; round++) {
    if (outageRounds.has(round)) {
      rabbitmqctl('stop_app');
      // Writes go on while the broker is down: their events wait in the outbox.
      await writeRound(round);
      await sleep(2_000);
      rabbitmqctl('start_app');
    } else {
      await writeRound(round);
    }
  }

  const took = await waitFor(async () => (await consumer.models.received.countDocuments()) === total, 400_000, 'all events consumed');
  // Confirmed events leave the outbox shortly after (removing them is a separate write).
  const pendingOutbox = () => producer.models.lists.collection.countDocuments({ 'outbox._id': { $exists: true } });
  await waitFor(async () => (await pendingOutbox()) === 0, 400_000, 'outbox drained');
  const received = await consumer.models.received
    .find({}, { neighbourhoodId: 1, listVersion: 1 })
    .limit(total + 1_000)
    .lean();
  const distinct = new Set(received.map((r: { neighbourhoodId: string; listVersion: number }) => `${r.neighbourhoodId}@${r.listVersion}`));
  console.log(
    `[faults] ${total} events from ${aggregates} aggregates, 2 broker outages: all consumed ${took} ms after the last write; ` +
      `duplicate deliveries skipped by the inbox: ${consumer.bus.consumer.duplicates}; handler asked to apply an event again: ${stats.appliedAgain}`,
  );

  expect(received).toHaveLength(total);
  expect(distinct.size).toBe(total);
  expect(await pendingOutbox()).toBe(0);
});
