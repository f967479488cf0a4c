import { connect, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listDeadLetters, replayDeadLetters, type RunningService } from '@hamgam/service-kit';
import {
  faultsAmqpUrl,
  openRawPublisher,
  priorityEnvelope,
  recorderDefinition,
  resetFaultsEnvironment,
  startInProcess,
  waitFor,
} from './harness.js';

const maxAttempts = 3;
let broken = true;
let poisonAttempts = 0;
let consumer: RunningService<{ received: any }>;
let publisher: Awaited<ReturnType<typeof openRawPublisher>>;
let operator: ChannelModel;

beforeAll(async () => {
  await resetFaultsEnvironment(['faults-poison']);
  const failWhileBroken = (data: { neighbourhoodId: string }) => {
    if (data.neighbourhoodId !== 'nbh-poison') return;
    poisonAttempts++;
    if (broken) throw new Error('handler bug: cannot apply this list');
  };
  consumer = await startInProcess(recorderDefinition('faults-poison', failWhileBroken), { maxAttempts, retryBaseMs: 100 });
  publisher = await openRawPublisher();
  operator = await connect(faultsAmqpUrl);
});

afterAll(async () => {
  await publisher?.close();
  await operator?.close();
  await consumer?.stop();
});

const received = (id: string) => consumer.models.received.exists({ _id: id });

it('parks a failing message after exactly the configured attempts while healthy ones keep flowing', async () => {
  const poison = priorityEnvelope('nbh-poison', 1);
  await publisher.publish(poison, undefined, poison.id);
  const healthy = Array.from({ length: 50 }, (_, i) => priorityEnvelope(`nbh-healthy-${i}`, 1));
  for (const envelope of healthy) await publisher.publish(envelope, undefined, envelope.id);

  await waitFor(async () => (await consumer.models.received.countDocuments()) === healthy.length, 30_000, 'healthy events applied');
  await waitFor(async () => (await listDeadLetters(operator, 'faults-poison')).length === 1, 30_000, 'poison parked');

  const [parked] = await listDeadLetters(operator, 'faults-poison');
  expect(parked).toMatchObject({ messageId: poison.id, type: 'clinics.priority.published', attempts: maxAttempts });
  expect(parked!.error).toContain('handler bug');
  expect(poisonAttempts).toBe(maxAttempts);
  expect(await received(poison.id)).toBeNull();
});

it('dead-letters malformed messages and unknown versions at once, without calling the handler', async () => {
  const before = poisonAttempts;
  await publisher.publish('not json at all');
  const wrongShape = priorityEnvelope('nbh-poison', 2);
  await publisher.publish({ ...wrongShape, data: { neighbourhoodId: 'nbh-poison' } });
  await publisher.publish({ ...priorityEnvelope('nbh-poison', 3), version: 7 });

  await waitFor(async () => (await listDeadLetters(operator, 'faults-poison')).length === 4, 30_000, 'malformed parked');
  const letters = await listDeadLetters(operator, 'faults-poison');
  const instantly = letters.filter((l) => l.attempts === 1).map((l) => l.error);
  expect(instantly).toEqual(
    expect.arrayContaining([
      'message is not JSON',
      expect.stringContaining('data does not match clinics.priority.published v1'),
      'no handler for clinics.priority.published v7',
    ]),
  );
  expect(poisonAttempts).toBe(before);
});

it('applies a replayed message exactly once after the fix, leaving the others parked', async () => {
  broken = false;
  const [poison] = (await listDeadLetters(operator, 'faults-poison')).filter((l) => l.attempts === maxAttempts);
  const replayed = await replayDeadLetters(operator, 'faults-poison', (l) => l.messageId === poison!.messageId);
  expect(replayed).toHaveLength(1);

  await waitFor(async () => (await received(poison!.messageId)) !== null, 30_000, 'replayed event applied');
  expect(poisonAttempts).toBe(maxAttempts + 1);
  expect(await listDeadLetters(operator, 'faults-poison')).toHaveLength(3);

  // Replaying it again (an operator's double click) changes nothing: the inbox knows the event.
  const duplicatesBefore = consumer.bus.consumer.duplicates;
  await publisher.publish({ ...(poison!.body as object) });
  await waitFor(async () => consumer.bus.consumer.duplicates > duplicatesBefore, 30_000, 'duplicate skipped');
  expect(poisonAttempts).toBe(maxAttempts + 1);
});
