import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createEnvelope, type Envelope, type PriorityPublishedV1 } from '@hamgam/contracts';
import { connect } from 'amqplib';
import {
  addOutbox,
  createService,
  eventsExchange,
  isDuplicateKey,
  loadConfig,
  outboxEntries,
  type RunningService,
  type ServiceDefinition,
  type ServiceOverrides,
  subscribe,
} from '@hamgam/service-kit';
import mongoose, { Schema, type Connection } from 'mongoose';
import pino from 'pino';
import { eventually, keycloakUrl } from '../support/stack.js';

/** Fault tests run in their own vhost and databases, so they never disturb the running services. */
export const faultsVhost = 'hamgam-faults';
export const faultsAmqpUrl = `amqp://guest:guest@127.0.0.1:5672/${faultsVhost}`;
export const faultsMongoUrl = (name: string) => `mongodb://127.0.0.1:27017/hamgam_faults_${name.replace(/-/g, '_')}`;
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** rabbitmqctl of this checkout's native broker (its environment comes from infra/native/env.sh). */
export function rabbitmqctl(...args: string[]): string {
  return execFileSync('bash', ['-c', 'source infra/native/env.sh && rabbitmqctl -q "$@"', 'rabbitmqctl', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
}

/** A clean vhost and clean databases for one test file. */
export async function resetFaultsEnvironment(databases: string[]): Promise<void> {
  if (rabbitmqctl('list_vhosts').split('\n').includes(faultsVhost)) rabbitmqctl('delete_vhost', faultsVhost);
  rabbitmqctl('add_vhost', faultsVhost);
  rabbitmqctl('set_permissions', '-p', faultsVhost, 'guest', '.*', '.*', '.*');
  for (const name of databases) {
    const connection = await mongoose.createConnection(faultsMongoUrl(name)).asPromise();
    await connection.dropDatabase();
    await connection.close();
  }
}

const faultsPiiKeys = { encryption: randomBytes(32).toString('base64'), blindIndex: randomBytes(32).toString('base64') };

export function faultsEnv(name: string, port = 0): NodeJS.ProcessEnv {
  return {
    PORT: String(port),
    MONGO_URL: faultsMongoUrl(name),
    AMQP_URL: faultsAmqpUrl,
    OIDC_ISSUER: `${keycloakUrl}/realms/hamgam`,
    LOG_LEVEL: 'silent',
    // The clinics' personal-data keys (other services ignore them); the faults databases are thrown away, so fresh keys do.
    PII_ENCRYPTION_KEY: faultsPiiKeys.encryption,
    PII_BLIND_INDEX_KEY: faultsPiiKeys.blindIndex,
  };
}

/** A service running inside the test process on a free port; `url` is where it listens. */
export async function startInProcess<M>(
  definition: ServiceDefinition<M>,
  overrides: ServiceOverrides = {},
): Promise<RunningService<M> & { url: string }> {
  const service = createService(definition, loadConfig(definition.name, faultsEnv(definition.name)), {
    logger: pino({ level: process.env['FAULTS_LOG'] ?? 'silent' }),
    ...overrides,
  });
  const server = await service.start();
  await service.bus.connection.whenConnected();
  return Object.assign(service, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

/** A confirm channel on the faults vhost, to put raw messages on the events exchange. */
export async function openRawPublisher() {
  const connection = await connect(faultsAmqpUrl);
  const channel = await connection.createConfirmChannel();
  return {
    connection,
    async publish(message: unknown, routingKey = 'clinics.priority.published.v1', messageId: string = randomUUID()) {
      const content = Buffer.from(typeof message === 'string' ? message : JSON.stringify(message));
      channel.publish(eventsExchange, routingKey, content, { persistent: true, messageId, contentType: 'application/json' });
      await channel.waitForConfirms();
      return messageId;
    },
    close: () => connection.close(),
  };
}

export function priorityEnvelope(neighbourhoodId: string, listVersion: number): Envelope<PriorityPublishedV1> {
  return createEnvelope({
    type: 'clinics.priority.published',
    version: 1,
    source: 'clinics',
    data: priorityEvent(neighbourhoodId, listVersion),
    actor: { subject: 'fault-test', agency: 'clinics' },
    correlationId: `fault-${neighbourhoodId}`,
  });
}

/** Event data that satisfies the real clinics.priority.published.v1 contract. */
export function priorityEvent(neighbourhoodId: string, listVersion: number): PriorityPublishedV1 {
  return {
    neighbourhoodId,
    neighbourhoodName: { fa: 'آزمایشی', en: 'Test' },
    countyId: 'kerman-county',
    clinicId: 'clinic-test',
    period: '1405',
    listVersion,
    publishedAt: new Date(Date.UTC(2026, 3, 1, 0, 0, listVersion)).toISOString(),
    priorities: [{ rank: 1, category: 'employment', score: listVersion, households: 1 }],
  };
}

/** Writes state changes whose events travel through its outbox. */
export function producerDefinition(): ServiceDefinition<{ lists: mongoose.Model<any> }> {
  return {
    name: 'faults-producer',
    roles: ['coordinator'],
    models: (connection: Connection) => ({
      lists: (connection.models['FaultList'] ??
        connection.model('FaultList', addOutbox(new Schema({ _id: String, n: Number }, { versionKey: false })))) as mongoose.Model<any>,
    }),
    outboxSources: (models) => [models.lists],
    routes: () => [],
  };
}

/** New aggregates, each created with its first event (list version 1) in its outbox. */
export function producerDocs(from: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({ _id: `list-${from + i}`, n: 1, outbox: outboxFor(from + i, 1) }));
}

function outboxFor(aggregate: number, version: number) {
  return outboxEntries('faults-producer', { actor: { subject: 'fault-test', agency: 'faults' }, correlationId: `run-${aggregate}` }, [
    { type: 'clinics.priority.published', version: 1, data: priorityEvent(`nbh-fault-${aggregate}`, version) },
  ]);
}

/**
 * A state change of an existing aggregate: the new state and its event in one single-document update,
 * appended to whatever the relay has not yet removed from the outbox (under the document lock the
 * relay's removals take too).
 */
export async function changeAggregate(
  producer: RunningService<{ lists: mongoose.Model<any> }>,
  aggregate: number,
  version: number,
): Promise<void> {
  const { collection } = producer.models.lists;
  const id = `list-${aggregate}`;
  await producer.bus.locks.run(collection.collectionName, id, () =>
    collection.updateOne(
      { _id: id } as never,
      { $set: { n: version }, $push: { outbox: { $each: outboxFor(aggregate, version) } } } as never,
    ),
  );
}

/** What a recorder saw: events applied once, and events its handler was asked to apply again. */
export interface RecorderStats {
  appliedAgain: number;
  /** For each event applied again: the process that had applied it first (replicas tell a killed one's work from a live one's). */
  firstAppliedBy?: number[];
}

/**
 * Consumes clinics.priority.published.v1 and records each applied event (insert-only: FerretDB's
 * updates scan the whole collection); `beforeApply` may throw to simulate a failing handler.
 */
export function recorderDefinition(
  name: string,
  beforeApply: (data: PriorityPublishedV1) => unknown = () => undefined,
  stats: RecorderStats = { appliedAgain: 0 },
) {
  const definition: ServiceDefinition<{ received: mongoose.Model<any> }> = {
    name,
    roles: ['coordinator'],
    models: (connection: Connection) => ({
      received: (connection.models['Received'] ??
        connection.model(
          'Received',
          new Schema({ _id: String, neighbourhoodId: String, listVersion: Number, by: Number }, { versionKey: false }),
        )) as mongoose.Model<any>,
    }),
    routes: () => [],
    subscriptions: ({ models }) => [
      subscribe('clinics.priority.published', 1, async (event) => {
        await beforeApply(event.data);
        try {
          await models.received.create({
            _id: event.id,
            neighbourhoodId: event.data.neighbourhoodId,
            listVersion: event.data.listVersion,
            by: process.pid,
          });
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          stats.appliedAgain++;
          const first = await models.received.findById(event.id, { by: 1 }).lean();
          stats.firstAppliedBy?.push((first as { by?: number } | null)?.by ?? -1);
        }
      }),
    ],
  };
  return definition;
}

/** Polls until `check` holds; returns how long that took. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  await eventually(async () => ((await check()) ? true : undefined), timeoutMs, what);
  return Date.now() - started;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
