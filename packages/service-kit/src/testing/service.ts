import { randomUUID } from 'node:crypto';
import { createEnvelope, schemaFor, type Envelope } from '@hamgam/contracts';
import type { OutboxEntry } from '../bus/outbox.js';
import pino from 'pino';
import request from 'supertest';
import type { BaseConfig } from '../config.js';
import { configSchemaOf, createService, type RunningService, type ServiceDefinition } from '../service.js';
import { AdjustableClock } from '../time/clock.js';
import { testCallers, type TestCaller } from './callers.js';
import { createTestKeys, testIssuer, type TestClaims } from './keys.js';

/** A service as API tests drive it: its app, models and deps, tokens signed locally, a clock they move. */
export interface TestService<M, C extends BaseConfig = BaseConfig> extends RunningService<M, C> {
  config: C;
  clock: AdjustableClock;
  /** A token for one of the realm-shaped callers, or for any claims. */
  token(who: TestCaller | TestClaims): Promise<string>;
  /** Requests to `/api/v1…` as this caller (or without a token). */
  api(who?: TestCaller | TestClaims): TestApi;
  /**
   * Delivers an event as the broker would — its data checked against the contract first — to the
   * service's subscription for it; `id` repeats an earlier delivery.
   */
  deliver(type: string, data: unknown, options?: { id?: string }): Promise<Envelope>;
  /** The events waiting in one document's outbox, each checked against its contract. */
  outboxOf(collection: string, id: string): Promise<Envelope[]>;
  /** Drops the throw-away database and disconnects. */
  close(): Promise<void>;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type TestApi = Record<Method, (path: string, body?: object) => Promise<request.Response>>;

/**
 * Builds a service against a throw-away database on the local FerretDB/MongoDB (the stack `npm test`
 * brings up; `TEST_MONGO_URL` points elsewhere), with local signing keys instead of Keycloak. The event
 * bus is never started: events stay in the documents' outboxes, where a test reads them, and a test
 * delivers events by calling the service's subscriptions with `deps`.
 */
export async function startTestService<M, C extends BaseConfig>(
  definition: ServiceDefinition<M, C>,
  env: Record<string, string> = {},
): Promise<TestService<M, C>> {
  const keys = await createTestKeys();
  const clock = new AdjustableClock();
  const base = process.env['TEST_MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
  const config = configSchemaOf(definition).parse({
    PORT: '0',
    MONGO_URL: `${base}/hamgam_test_${definition.name.replaceAll('-', '_')}_${randomUUID().slice(0, 8)}`,
    // Nothing listens there: the bus is not started.
    AMQP_URL: 'amqp://127.0.0.1:1',
    OIDC_ISSUER: testIssuer,
    LOG_LEVEL: 'silent',
    ...env,
  }) as C;
  const service = createService(definition, config, { keys: keys.keys, logger: pino({ level: 'silent' }), clock });
  await service.prepare();
  const token = (who: TestCaller | TestClaims) => keys.sign(typeof who === 'string' ? testCallers[who] : who);
  const api = (who?: TestCaller | TestClaims): TestApi => {
    const send = (method: Method) => async (path: string, body?: object) => {
      const req = request(service.app)[method](`/api/v1${path}`);
      if (who) req.set('Authorization', `Bearer ${await token(who)}`);
      // A write without a body sends `{}`, as a browser's JSON client would.
      return method === 'get' || method === 'delete' ? req : req.send(body ?? {});
    };
    return { get: send('get'), post: send('post'), put: send('put'), patch: send('patch'), delete: send('delete') };
  };
  const deliver = async (type: string, data: unknown, options: { id?: string } = {}) => {
    const schema = schemaFor(type, 1);
    if (!schema) throw new Error(`${type}.v1 is not in the event catalogue`);
    const subscription = definition.subscriptions?.(service.deps).find((s) => s.type === type && s.version === 1);
    if (!subscription) throw new Error(`${definition.name} does not subscribe to ${type}.v1`);
    const source = type.split('.')[0]!;
    const created = createEnvelope({
      type,
      version: 1,
      source,
      data: schema.parse(data),
      actor: { subject: 'test-sender', agency: source },
      correlationId: randomUUID(),
    });
    const envelope = options.id ? { ...created, id: options.id } : created;
    await subscription.handle(envelope, { log: service.logger });
    return envelope;
  };
  const outboxOf = async (collection: string, id: string) => {
    const doc = await service.mongo.collection(collection).findOne({ _id: id as never });
    return ((doc?.['outbox'] ?? []) as OutboxEntry[]).map(({ envelope }) => {
      schemaFor(envelope.type, envelope.version)!.parse(envelope.data);
      return envelope;
    });
  };
  return {
    ...service,
    config,
    clock,
    token,
    api,
    deliver,
    outboxOf,
    async close() {
      await service.mongo.dropDatabase();
      await service.mongo.close();
    },
  };
}
