import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningService } from '@hamgam/service-kit';
import {
  faultsVhost,
  producerDefinition,
  producerDocs,
  rabbitmqctl,
  recorderDefinition,
  resetFaultsEnvironment,
  startInProcess,
  waitFor,
} from './harness.js';

let producer: RunningService<{ lists: any }> & { url: string };
let consumer: RunningService<{ received: any }> & { url: string };

beforeAll(async () => {
  await resetFaultsEnvironment(['faults-producer', 'faults-reconnect']);
  consumer = await startInProcess(recorderDefinition('faults-reconnect'));
  producer = await startInProcess(producerDefinition());
});

afterAll(async () => {
  await producer?.stop();
  await consumer?.stop();
});

const ready = async (url: string) => (await fetch(`${url}/readyz`)).status === 200;

it('recovers from connections closed by the broker within 30 s, without a restart', async () => {
  expect(await ready(producer.url)).toBe(true);
  const before = [producer.bus.connection.connections, consumer.bus.connection.connections];
  rabbitmqctl('close_all_connections', '-p', faultsVhost, 'fault test: server-side close');

  const reconnected = () => producer.bus.connection.connections > before[0]! && consumer.bus.connection.connections > before[1]!;
  const recovered = await waitFor(
    async () => reconnected() && (await ready(producer.url)) && (await ready(consumer.url)),
    30_000,
    'both reconnected and ready',
  );
  console.log(`[faults] recovered from close_all_connections in ${recovered} ms`);

  // Consumers and topology are back: an event written now is delivered.
  const [doc] = producerDocs(900_000, 1);
  await producer.models.lists.create(doc);
  producer.bus.relay.kick([doc!._id]);
  await waitFor(async () => (await consumer.models.received.countDocuments()) === 1, 15_000, 'event after recovery');
});
