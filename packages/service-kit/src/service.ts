import type { Server } from 'node:http';
import { z } from 'zod';
import type { Express } from 'express';
import type { JWTVerifyGetKey } from 'jose';
import type { Connection, Model } from 'mongoose';
import type { Logger } from 'pino';
import type { Role } from './auth/principal.js';
import { createSessionCheck, userinfoUrlOf, type SessionCheck } from './auth/session.js';
import { createTokenVerifier, remoteKeys } from './auth/verifier.js';
import type { DocumentLocks } from './bus/document-locks.js';
import { EventBus } from './bus/event-bus.js';
import { inboxModel } from './bus/inbox.js';
import type { Subscription } from './bus/subscriptions.js';
import { baseConfigSchema, jwksUrlOf, type BaseConfig } from './config.js';
import { AdjustableClock, systemClock, testClockRoutes, type Clock } from './time/clock.js';
import { createApp } from './http/app.js';
import { httpDrain, type HttpDrain } from './http/drain.js';
import { createHttpMetrics } from './http/metrics.js';
import { defineRoute, type RouteSpec } from './http/route.js';
import { loadLimitsOf } from './http/overload.js';
import { createLogger } from './logger.js';
import { createMongoConnection, mongoLimitsOf, pingStore } from './mongo.js';
import { drain, type ShutdownOutcome } from './shutdown.js';

export interface ServiceDeps<M, C extends BaseConfig = BaseConfig> {
  models: M;
  /** The validated configuration, including the service's own settings (ServiceDefinition.config). */
  config: C;
  /** "Now" for every due date and overdue flag; tests move it (TEST_CLOCK). */
  clock: Clock;
  /** Publish the events the documents with these ids just stored in their outbox now, not at the next sweep. */
  flushOutbox: (ids: readonly string[]) => void;
  /** One writer at a time per document or rule key, across replicas: a lease in the store (see DocumentLocks, Leases). */
  locks: DocumentLocks;
  logger: Logger;
}

/** One agency service: its data, its API, the events it consumes. */
export interface ServiceDefinition<M, C extends BaseConfig = BaseConfig> {
  name: string;
  /** The service's own settings, added to the base configuration schema and validated at start-up. */
  config?: z.ZodObject;
  /** Roles that may use this service at all (its `/me` route and its module in the shell). */
  roles: readonly Role[];
  models: (connection: Connection) => M;
  outboxSources?: (models: M) => Model<any>[];
  routes: (deps: ServiceDeps<M, C>) => RouteSpec[];
  subscriptions?: (deps: ServiceDeps<M, C>) => Subscription[];
  /**
   * Reference data every deployment needs; must be idempotent (it runs at every start, and replicas
   * start together). Repairs take `deps.locks` like any other write: other replicas may be serving.
   */
  reference?: (models: M, deps: ServiceDeps<M, C>) => Promise<void>;
  /** Demo data for an empty database, when SEED_DEMO is set; must be idempotent too. */
  seedDemo?: (deps: ServiceDeps<M, C>) => Promise<void>;
}

export interface ServiceOverrides {
  /** Tests sign tokens with a local key set instead of Keycloak's. */
  keys?: JWTVerifyGetKey;
  /**
   * Confirms the caller's Keycloak session on sensitive routes. Tokens signed with test keys have no
   * session to confirm, so with `keys` the default is none; otherwise Keycloak's userinfo.
   */
  checkSession?: SessionCheck;
  logger?: Logger;
  maxAttempts?: number;
  retryBaseMs?: number;
  outboxSweepMs?: number;
  clock?: Clock;
}

export interface RunningService<M, C extends BaseConfig = BaseConfig> {
  app: Express;
  models: M;
  /** What routes, subscriptions and seeds get (tests call subscriptions and use cases with them). */
  deps: ServiceDeps<M, C>;
  bus: EventBus;
  mongo: Connection;
  logger: Logger;
  /** Connects the database, builds indexes and writes reference data: everything before seeding and listening. */
  prepare(): Promise<void>;
  start(): Promise<Server>;
  /**
   * Drains within SHUTDOWN_TIMEOUT_MS (see drain in shutdown.ts): /readyz answers 503 `draining` from the
   * first moment, work in flight finishes, then the connections close. Calling it again returns the same drain.
   */
  stop(): Promise<ShutdownOutcome>;
}

const whoAmISchema = z.object({
  service: z.string(),
  user: z.object({ id: z.string(), username: z.string() }),
  roles: z.array(z.string()),
  scopes: z.object({ clinicIds: z.array(z.string()), neighbourhoodIds: z.array(z.string()) }),
});

function whoAmIRoute(service: string, roles: readonly Role[]): RouteSpec {
  return defineRoute({
    method: 'get',
    path: '/me',
    summary: 'Who the caller is in this agency: roles and scope',
    roles,
    response: whoAmISchema,
    handler: ({ principal }) => ({
      service,
      user: { id: principal.subject, username: principal.username },
      roles: principal.roles,
      scopes: { clinicIds: principal.clinicIds, neighbourhoodIds: principal.neighbourhoodIds },
    }),
  });
}

/**
 * Every route a service serves and documents: its `/me` and its own. Also what the API types of its
 * UI are generated from (infra/generate/api-types.ts), without a running server.
 */
export function routesOf<M, C extends BaseConfig>(definition: ServiceDefinition<M, C>, deps: ServiceDeps<M, C>): RouteSpec[] {
  return [whoAmIRoute(definition.name, definition.roles), ...definition.routes(deps)];
}

/** The base configuration schema plus the service's own settings. */
export function configSchemaOf(definition: Pick<ServiceDefinition<unknown>, 'config'>): z.ZodObject {
  return definition.config ? baseConfigSchema.extend(definition.config.shape) : baseConfigSchema;
}

/** The composition root every service uses the same way (a tiny main.ts calls it). */
export function createService<M, C extends BaseConfig>(
  definition: ServiceDefinition<M, C>,
  config: C,
  overrides: ServiceOverrides = {},
): RunningService<M, C> {
  const logger = overrides.logger ?? createLogger(definition.name, config.LOG_LEVEL);
  const mongo = createMongoConnection(config.MONGO_URL, mongoLimitsOf(config));
  const models = definition.models(mongo);
  const bus = new EventBus({
    service: definition.name,
    url: config.AMQP_URL,
    logger,
    inbox: inboxModel(mongo),
    outboxSources: definition.outboxSources?.(models) ?? [],
    maxAttempts: overrides.maxAttempts,
    retryBaseMs: overrides.retryBaseMs,
    outboxSweepMs: overrides.outboxSweepMs,
  });
  const testClock = config.TEST_CLOCK ? new AdjustableClock() : undefined;
  const clock = overrides.clock ?? testClock ?? systemClock;
  const deps: ServiceDeps<M, C> = { models, config, clock, logger, flushOutbox: (ids) => bus.relay.kick(ids), locks: bus.locks };
  bus.setSubscriptions(definition.subscriptions?.(deps) ?? []);
  const verify = createTokenVerifier({
    issuer: config.OIDC_ISSUER,
    audience: config.OIDC_AUDIENCE,
    keys: overrides.keys ?? remoteKeys(jwksUrlOf(config)),
  });
  let stopping: Promise<ShutdownOutcome> | undefined;
  const app = createApp({
    service: definition.name,
    routes: [...(testClock ? testClockRoutes(testClock) : []), ...routesOf(definition, deps)],
    verify,
    checkSession: overrides.checkSession ?? (overrides.keys ? undefined : createSessionCheck({ userinfoUrl: userinfoUrlOf(config) })),
    logger,
    metrics: createHttpMetrics(definition.name),
    metricsToken: config.METRICS_TOKEN,
    // A real read of the service's own database, within 2 s: a store that does not answer is not ready.
    readiness: async () => ({
      mongo: await pingStore(mongo, { collection: inboxModel(mongo).collection.collectionName }),
      broker: bus.connected,
    }),
    draining: () => stopping !== undefined,
    uiDist: config.UI_DIST,
    limits: loadLimitsOf(config),
  });

  const prepare = async () => {
    await mongo.asPromise();
    await Promise.all(Object.values(mongo.models).map((m) => m.init()));
    await definition.reference?.(models, deps);
  };
  let http: HttpDrain | undefined;
  return {
    app,
    models,
    bus,
    mongo,
    logger,
    deps,
    prepare,
    async start() {
      await prepare();
      if (config.SEED_DEMO) await definition.seedDemo?.(deps);
      bus.start();
      // Without HOST, every interface (containers); the native stack binds loopback only.
      const server = config.HOST ? app.listen(config.PORT, config.HOST) : app.listen(config.PORT);
      http = httpDrain(server);
      await new Promise<void>((resolve) => server.once('listening', resolve));
      logger.info({ port: config.PORT, host: config.HOST ?? 'all interfaces' }, 'service listening');
      return server;
    },
    stop() {
      stopping ??= drain({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS, http, bus, mongo });
      return stopping;
    },
  };
}
