// `npm run bench:bus`: raw amqplib with publisher confirms versus the platform's event path
// (outbox → relay → broker → consumer with inbox), on this machine's broker and database, plus
// the store's own single-document write rate in the same run (the path needs at least one write per event
// at each end), plus end-to-end lag at fixed offered loads. Prints figures; asserts nothing.
import { connect } from 'amqplib';
import { parseArgs } from 'node:util';
import { throughput } from './timing.js';
import {
  producerDefinition,
  producerDocs,
  recorderDefinition,
  resetFaultsEnvironment,
  startInProcess,
  faultsAmqpUrl,
  sleep,
} from '../faults/harness.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '2000' },
    rates: { type: 'string', default: '50,200,500' },
    seconds: { type: 'string', default: '10' },
  },
});
const total = Number(values.events);
const rates = values.rates.split(',').map(Number);
const loadSeconds = Number(values.seconds);
const payload = Buffer.alloc(1024, 'x');

async function rawAmqplib(): Promise<number> {
  const connection = await connect(faultsAmqpUrl);
  const channel = await connection.createConfirmChannel();
  const { queue } = await channel.assertQueue('', { exclusive: true });
  let consumed = 0;
  const done = new Promise<void>((resolve) => {
    void channel.consume(queue, (msg) => {
      if (!msg) return;
      channel.ack(msg);
      if (++consumed === total) resolve();
    });
  });
  const started = performance.now();
  for (let i = 0; i < total; i++) channel.sendToQueue(queue, payload, { persistent: true });
  await channel.waitForConfirms();
  await done;
  const seconds = (performance.now() - started) / 1000;
  await connection.close();
  return total / seconds;
}

async function throughOutbox(
  consumer: Awaited<ReturnType<typeof startRecorder>>,
  producer: Awaited<ReturnType<typeof startProducer>>,
  from: number,
  count: number,
): Promise<number> {
  const before = consumer.bus.consumer.handled;
  const started = performance.now();
  for (let offset = 0; offset < count; offset += 250) {
    const docs = producerDocs(from + offset, Math.min(250, count - offset));
    await producer.models.lists.insertMany(docs);
    producer.bus.relay.kick(docs.map((d) => d._id));
  }
  while (consumer.bus.consumer.handled - before < count) await sleep(20);
  return count / ((performance.now() - started) / 1000);
}

/** Single-document inserts into the producer's own collection, 20 in flight: what the store itself sustains. */
async function storeWrites(producer: Awaited<ReturnType<typeof startProducer>>, from: number): Promise<number> {
  const docs = producerDocs(from, total).map((doc) => ({ ...doc, outbox: [] }));
  return throughput(total, 20, (i) => producer.models.lists.create(docs[i]!));
}

const startRecorder = (lags: number[]) =>
  startInProcess(recorderDefinition('bench-consumer', (data) => lags.push(Date.now() - Date.parse(data.publishedAt))));
const startProducer = () => startInProcess(producerDefinition(), { outboxSweepMs: 5_000 });

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

await resetFaultsEnvironment(['faults-producer', 'bench-consumer']);
const lags: number[] = [];
const consumer = await startRecorder(lags);
const producer = await startProducer();

const raw = await rawAmqplib();
const outbox = await throughOutbox(consumer, producer, 0, total);
const writes = await storeWrites(producer, 500_000);
console.log(`raw amqplib (confirm channel, persistent 1 KiB, publish+consume): ${raw.toFixed(0)} msg/s`);
console.log(`outbox → relay → broker → inbox handler:                     ${outbox.toFixed(0)} events/s`);
console.log(`store: single-document inserts, 20 in flight:                ${writes.toFixed(0)} writes/s`);
console.log(
  `ratio outbox/raw: ${(outbox / raw).toFixed(3)}   outbox/store writes: ${(outbox / writes).toFixed(3)}  (${total} events each)`,
);

// Fixed offered loads: one state change (one event) every 1/rate s; lag = handled time − write time.
async function lagAt(rate: number, from: number) {
  lags.length = 0;
  const offered = rate * loadSeconds;
  // A store that cannot take the offered writes refuses some (no pooled connection in time): counted, not fatal.
  let refused = 0;
  const started = Date.now();
  for (let i = 0; i < offered; i++) {
    const due = started + (i * 1000) / rate;
    if (due > Date.now()) await sleep(due - Date.now());
    const doc = producerDocs(from + i, 1)[0]!;
    doc.outbox[0]!.envelope.data = { ...(doc.outbox[0]!.envelope.data as object), publishedAt: new Date().toISOString() };
    producer.models.lists.create(doc).then(
      () => producer.bus.relay.kick([doc._id]),
      () => refused++,
    );
  }
  // Bounded: a store that cannot keep up is reported, not waited for without end.
  const giveUpAt = Date.now() + 120_000;
  while (lags.length < offered - refused && Date.now() < giveUpAt) await sleep(20);
  const sorted = [...lags].sort((a, b) => a - b);
  const missing = offered - refused - lags.length;
  console.log(
    `lag at ${rate} events/s for ${loadSeconds} s: p50 ${quantile(sorted, 0.5)} ms, p99 ${quantile(sorted, 0.99)} ms, max ${sorted.at(-1)} ms${refused ? `, ${refused} writes refused by the store` : ''}${missing ? `, ${missing} not handled within 120 s` : ''}`,
  );
}
for (const [index, rate] of rates.entries()) await lagAt(rate, 1_000_000 * (index + 2));

await producer.stop();
await consumer.stop();
process.exit(0);
