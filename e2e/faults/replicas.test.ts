import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LeaseBusyError, type RunningService } from '@hamgam/service-kit';
import {
  changeAggregate,
  openRawPublisher,
  priorityEnvelope,
  producerDefinition,
  producerDocs,
  rabbitmqctl,
  recorderDefinition,
  repoRoot,
  resetFaultsEnvironment,
  sleep,
  startInProcess,
  waitFor,
} from './harness.js';

/**
 * Two replicas on each side: two producers writing one set of aggregates (each appends events to
 * documents whose sent events the other's relay removes meanwhile) and two consumers competing on
 * one queue. One replica of each — a process of its own — is SIGKILLed mid-stream and restarted, and
 * the broker is stopped and started once. No event may be lost, none applied twice.
 *
 * What this guards: on FerretDB an append ($push) racing another replica's removal ($pullAll) of one
 * document loses one of them; a duplicate delivered to the other replica while the first copy is
 * being handled is applied twice unless the in-flight guard holds across processes. Both now take a
 * lease in the store.
 */
const recorderName = 'faults-replicas';
const aggregates = Number(process.env['FAULTS_AGGREGATES'] ?? 150);
const rounds = 8;
const total = aggregates * rounds;
const killRounds = new Set([3, 6]);
const brokerRound = 5;
let producer: RunningService<{ lists: any }>;
let consumer: RunningService<{ received: any }>;
let replica: ChildProcess | undefined;
const stats = { appliedAgain: 0, firstAppliedBy: [] as number[] };
/** Every replica's handler takes this long, so that copies of one event delivered to both replicas meet in flight. */
const applyDelayMs = 20;
/** The replica processes that were SIGKILLed: only their half-done handling may be applied again (at-least-once). */
const killedPids = new Set<number>();

/** The second replica of both, as its own process. */
async function startReplica(): Promise<void> {
  // node itself with tsx's loader (not the tsx launcher, whose node child a SIGKILL would leave running).
  const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/faults/replica-main.ts', recorderName], {
    cwd: repoRoot,
    env: { ...process.env, FAULTS_APPLY_DELAY_MS: String(applyDelayMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  replica = child;
  process.once('exit', () => child.kill('SIGKILL'));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('replica did not start within 60 s')), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`replica exited (${code}) before it was ready`)));
  });
}

function killReplica(): Promise<void> {
  return new Promise((resolve) => {
    if (!replica || replica.exitCode !== null) return resolve();
    replica.once('exit', () => resolve());
    killedPids.add(replica.pid!);
    replica.kill('SIGKILL');
  });
}

beforeAll(async () => {
  await resetFaultsEnvironment(['faults-producer', recorderName]);
  consumer = await startInProcess(
    recorderDefinition(
      recorderName,
      async () => {
        await sleep(applyDelayMs);
      },
      stats,
    ),
  );
  producer = await startInProcess(producerDefinition(), { outboxSweepMs: 1_000 });
  await startReplica();
}, 120_000);

afterAll(async () => {
  rabbitmqctl('start_app');
  await killReplica();
  await producer?.stop();
  await consumer?.stop();
});

/**
 * A change as a client makes it: a killed replica's leases block their documents until they expire
 * (30 s), and meanwhile a write there answers 503 busy (LeaseBusyError) — the client comes back later.
 */
async function change(aggregate: number, round: number, stats = { busy: 0 }): Promise<void> {
  for (;;) {
    try {
      return await changeAggregate(producer, aggregate, round);
    } catch (error) {
      if (!(error instanceof LeaseBusyError)) throw error;
      stats.busy++;
      await sleep(error.retryAfterSeconds * 1000);
    }
  }
}
const busy = { busy: 0 };

/**
 * One round: every aggregate created (round 1) or changed once, 10 at a time (the kit's bounded pool:
 * 10 connections); half the changes land while the other replica's relay removes sent events.
 */
async function writeRound(round: number): Promise<void> {
  for (let from = 0; from < aggregates; from += 10) {
    const ids = Array.from({ length: Math.min(10, aggregates - from) }, (_, i) => from + i);
    if (round === 1) await producer.models.lists.insertMany(producerDocs(from, ids.length));
    else await Promise.all(ids.map((aggregate) => change(aggregate, round, busy)));
    // Only some are kicked here: the rest wait for a sweep, by either replica's relay.
    producer.bus.relay.kick(ids.filter((a) => a % 2 === 0).map((a) => `list-${a}`));
  }
}

it('loses no event and applies none twice with two replicas, one SIGKILLed mid-stream, and a broker restart', async () => {
  let kills = 0;
  for (let round = 1; round <= rounds; round++) {
    if (killRounds.has(round)) {
      // Mid-stream: the killed replica holds unacknowledged deliveries, unsent outbox entries and leases.
      const writing = writeRound(round);
      await sleep(50 + Math.random() * 300);
      await killReplica();
      kills++;
      await writing;
      await startReplica();
    } else if (round === brokerRound) {
      rabbitmqctl('stop_app');
      await writeRound(round);
      await sleep(2_000);
      rabbitmqctl('start_app');
    } else {
      await writeRound(round);
    }
  }

  const took = await waitFor(async () => (await consumer.models.received.countDocuments()) >= total, 400_000, 'all events consumed');
  const pendingOutbox = () => producer.models.lists.collection.countDocuments({ 'outbox._id': { $exists: true } });
  await waitFor(async () => (await pendingOutbox()) === 0, 400_000, 'outbox drained');
  // Late duplicates (a killed replica's deliveries) have time to arrive and be recognised.
  await sleep(2_000);
  const received = await consumer.models.received
    .find({}, { neighbourhoodId: 1, listVersion: 1 })
    .limit(total + 1000)
    .lean();
  const distinct = new Set(received.map((r: { neighbourhoodId: string; listVersion: number }) => `${r.neighbourhoodId}@${r.listVersion}`));
  console.log(
    `[faults] ${total} events, 2 producer and 2 consumer replicas, ${kills} SIGKILLs of one, 1 broker restart: all consumed ${took} ms after the last write; ` +
      `this replica's inbox skipped ${consumer.bus.consumer.duplicates} duplicates; handler asked to apply an event again: ${stats.appliedAgain}; ` +
      `writes refused busy (a killed replica's lease, until it expired): ${busy.busy}`,
  );
  // Every change's event arrived (none lost to a racing $push/$pullAll), and each was applied once: a
  // copy is handled again only if the replica that handled it first was killed before its inbox write —
  // never while a live replica is handling it (the in-flight lease holds across processes).
  expect(stats.firstAppliedBy.filter((pid) => !killedPids.has(pid))).toEqual([]);
  expect(distinct.size).toBe(total);
  expect(received).toHaveLength(total);
  expect(await pendingOutbox()).toBe(0);
});

it('applies an event once when its copies reach both replicas at the same moment', async () => {
  const publisher = await openRawPublisher();
  const events = 150;
  // Only this test's re-applications count (the first test's are in the same stats).
  const before = stats.firstAppliedBy.length;
  try {
    // Each event published twice back to back: the two consumers (competing on one queue) often get one copy each at once.
    for (let i = 0; i < events; i++) {
      const envelope = priorityEnvelope(`nbh-twice-${i}`, 1);
      await Promise.all([publisher.publish(envelope), publisher.publish(envelope)]);
    }
  } finally {
    await publisher.close();
  }
  const twice = { neighbourhoodId: /^nbh-twice-/ };
  await waitFor(
    async () => (await consumer.models.received.collection.countDocuments(twice)) >= events,
    120_000,
    'all twice-published events consumed',
  );
  await sleep(2_000);
  const again = stats.firstAppliedBy.slice(before).filter((pid) => !killedPids.has(pid));
  console.log(
    `[faults] ${events} events published twice to two replicas: applied ${await consumer.models.received.collection.countDocuments(twice)}; a live replica's event applied again by this one: ${again.length}`,
  );
  // The in-flight lease on the event id holds across replicas: the second copy waits, then finds the inbox entry.
  expect(again).toEqual([]);
  expect(await consumer.models.received.collection.countDocuments(twice)).toBe(events);
});
