import { spawn } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsExchange, queuesOf } from '@hamgam/service-kit';
import { keycloakUrl } from '../support/stack.js';
import { priorityEnvelope, rabbitmqctl, repoRoot, sleep, waitFor } from './harness.js';

/**
 * What a replica does with Kubernetes' SIGTERM: it drains, within SHUTDOWN_TIMEOUT_MS. Each replica is a
 * process of its own (e2e/faults/shutdown-main.ts, started by runService like every service), on the real
 * broker and store; its slow work waits for the signal itself, so nothing here depends on tight timing
 * (the one margin: a /readyz sent after the signal has 3 s to arrive while the slow request is still out).
 */
// A vhost of its own: the other fault files reset theirs (hamgam-faults) whenever they start.
const vhost = 'hamgam-faults-shutdown';
const amqpUrl = `amqp://guest:guest@127.0.0.1:5672/${vhost}`;
const storeUrl = (service: string) => `mongodb://127.0.0.1:27017/hamgam_${service.replaceAll('-', '_')}`;
const services = { drained: 'faults-shutdown', stuck: 'faults-shutdown-stuck' };
const noteEventKey = 'faults.note.written.v1';

interface LogLine {
  msg?: string;
  signal?: string;
  eventId?: string;
}
type Replica = Awaited<ReturnType<typeof startReplica>>;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startReplica(service: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/faults/shutdown-main.ts', service], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      MONGO_URL: storeUrl(service),
      AMQP_URL: amqpUrl,
      OIDC_ISSUER: `${keycloakUrl}/realms/hamgam`,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  const logs: LogLine[] = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        // Not one of pino's lines.
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const logged = (match: (line: LogLine) => boolean, what: string) =>
    waitFor(
      async () => {
        if (logs.some(match)) return true;
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`replica exited before: ${what}`);
        return false;
      },
      30_000,
      what,
    );
  await logged((l) => l.msg === 'service listening', 'replica listening');
  await logged((l) => l.msg === 'broker connected', 'replica connected to the broker');
  return { child, port, logs, logged, exited: bounded(exited, 60_000, 'replica exit') };
}

function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`${what}: not within ${ms} ms`)))]);
}

/** A raw keep-alive connection: a second request can be sent on it while the first is still in flight. */
function rawConnection(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
  return {
    get: (path: string) => socket.write(`GET ${path} HTTP/1.1\r\nHost: replica\r\n\r\n`),
    /** The answers, in order, once the server closed the connection. */
    answers: () => bounded(closed, 60_000, 'connection closed by the replica').then(parseAnswers),
  };
}

function parseAnswers(raw: string): { status: number; body: string }[] {
  return raw
    .split(/(?=HTTP\/1\.1 \d{3} )/)
    .filter(Boolean)
    .map((answer) => ({ status: Number(answer.slice(9, 12)), body: answer.slice(answer.indexOf('\r\n\r\n') + 4) }));
}

let broker: ChannelModel;
let channel: ConfirmChannel;
let store: Connection;

async function publishPriority(): Promise<string> {
  const envelope = priorityEnvelope(`nbh-shutdown-${Date.now()}`, 1);
  channel.publish(eventsExchange, 'clinics.priority.published.v1', Buffer.from(JSON.stringify(envelope)), {
    persistent: true,
    messageId: envelope.id,
  });
  await channel.waitForConfirms();
  return envelope.id;
}

/** The message left in a replica's queue once it is gone, if any (taken, then handed back). */
async function leftInQueue(service: string) {
  // The broker hands a closed channel's deliveries back on its own schedule: give it a moment.
  await sleep(1_000);
  const message = await channel.get(queuesOf(service).main, { noAck: false });
  if (message) channel.nack(message, false, true);
  return message || undefined;
}

const storeOf = (service: string) => store.useDb(storeUrl(service).split('/').pop()!);

beforeAll(async () => {
  if (rabbitmqctl('list_vhosts').split('\n').includes(vhost)) rabbitmqctl('delete_vhost', vhost);
  rabbitmqctl('add_vhost', vhost);
  rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');
  store = await mongoose.createConnection('mongodb://127.0.0.1:27017/admin').asPromise();
  for (const service of Object.values(services)) await storeOf(service).dropDatabase();
  broker = await connect(amqpUrl);
  channel = await broker.createConfirmChannel();
}, 60_000);

afterAll(async () => {
  await broker?.close();
  rabbitmqctl('delete_vhost', vhost);
  for (const service of Object.values(services)) await storeOf(service).dropDatabase();
  await store?.close();
});

describe('SIGTERM while a request and an event handler are in flight', () => {
  let replica: Replica;
  let eventId: string;
  let noteEventId: string;
  let exit: { code: number | null; signal: NodeJS.Signals | null };
  let answers: { status: number; body: string }[];
  const published: string[] = [];

  beforeAll(async () => {
    replica = await startReplica(services.drained);
    const observer = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(observer.queue, eventsExchange, noteEventKey);
    await channel.consume(observer.queue, (msg) => msg && published.push(String(msg.properties.messageId)), { noAck: true });

    eventId = await publishPriority();
    await replica.logged((l) => l.msg === 'slow handler started' && l.eventId === eventId, 'handler started');
    const connection = rawConnection(replica.port);
    connection.get('/api/v1/slow');
    await replica.logged((l) => l.msg === 'slow request started', 'request started');
    const note = await fetch(`http://127.0.0.1:${replica.port}/api/v1/notes/note-1`, { method: 'POST' });
    expect(note.status).toBe(201);
    noteEventId = ((await note.json()) as { eventId: string }).eventId;

    replica.child.kill('SIGTERM');
    await replica.logged((l) => l.signal === 'SIGTERM', 'signal logged');
    // Sent on the busy connection, after the signal: answered once the slow request is.
    connection.get('/readyz');
    replica.child.kill('SIGTERM');
    exit = await replica.exited;
    answers = await connection.answers();
  }, 120_000);

  it('exits 0 once drained, having logged and ignored the second signal', () => {
    expect(exit).toEqual({ code: 0, signal: null });
    expect(replica.logs.some((l) => l.signal === 'SIGTERM' && /ignored/.test(l.msg ?? ''))).toBe(true);
  });

  it('answers /readyz 503 (code draining) during the drain, while the request in flight completes with 200', () => {
    expect(answers.map((a) => a.status)).toEqual([200, 503]);
    expect(JSON.parse(answers[0]!.body)).toEqual({ answered: true });
    expect(JSON.parse(answers[1]!.body)).toMatchObject({ status: 503, code: 'draining' });
  });

  it('lets the handler finish and acks its message once: applied once, nothing left for another consumer', async () => {
    expect(replica.logs.some((l) => l.msg === 'slow handler finished' && l.eventId === eventId)).toBe(true);
    expect(
      await storeOf(services.drained)
        .collection('received')
        .countDocuments({ _id: eventId as never }),
    ).toBe(1);
    expect(
      await storeOf(services.drained)
        .collection('inbox')
        .countDocuments({ _id: eventId as never }),
    ).toBe(1);
    expect(await leftInQueue(services.drained)).toBeUndefined();
  });

  it('publishes the event written to the outbox just before SIGTERM, and removes it from the outbox', async () => {
    await waitFor(async () => published.includes(noteEventId), 10_000, 'note event on the exchange');
    const note = await storeOf(services.drained)
      .collection('notes')
      .findOne({ _id: 'note-1' as never });
    expect(note?.['outbox']).toEqual([]);
  });
});

describe('SIGTERM while a handler never finishes', () => {
  const timeoutMs = 1_500;
  let replica: Replica;
  let eventId: string;
  let exit: { code: number | null; signal: NodeJS.Signals | null };
  let answers: { status: number; body: string }[];

  beforeAll(async () => {
    replica = await startReplica(services.stuck, { SHUTDOWN_TIMEOUT_MS: String(timeoutMs), SHUTDOWN_TEST_STUCK: 'true' });
    eventId = await publishPriority();
    await replica.logged((l) => l.msg === 'slow handler started' && l.eventId === eventId, 'handler started');
    // Answers 3 s after the signal: past the bound, so it is cut.
    const connection = rawConnection(replica.port);
    connection.get('/api/v1/slow');
    await replica.logged((l) => l.msg === 'slow request started', 'request started');
    replica.child.kill('SIGTERM');
    exit = await replica.exited;
    answers = await connection.answers();
  }, 120_000);

  it('exits 1 after SHUTDOWN_TIMEOUT_MS, cutting the request still in flight', () => {
    expect(exit).toEqual({ code: 1, signal: null });
    expect(answers).toEqual([]);
  });

  it('hands the message back to the queue, unapplied, for another replica', async () => {
    const message = await leftInQueue(services.stuck);
    expect(message?.properties.messageId).toBe(eventId);
    expect(message?.fields.redelivered).toBe(true);
    expect(
      await storeOf(services.stuck)
        .collection('received')
        .countDocuments({ _id: eventId as never }),
    ).toBe(0);
  });
});
