import mongoose, { type Aggregate, type Connection, type MongooseQueryMiddleware, type Query, type Schema } from 'mongoose';
import { boundedFinds } from './data/bounded.js';

// Request data never reaches a query as an operator ({ $gt: '' }) — schemas are strict too.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);
// Every find states its bound (a page or a cap): an unbounded one throws (data/bounded.ts).
mongoose.plugin(boundedFinds);

/** Bounds on every wait for the store (baseConfigSchema's MONGO_* settings, documented there). */
export interface MongoLimits {
  maxPoolSize: number;
  waitQueueTimeoutMS: number;
  maxIdleTimeMS: number;
  /** maxTimeMS on every query; 0: none. */
  queryTimeoutMS: number;
  socketTimeoutMS: number;
}

export const defaultMongoLimits: MongoLimits = {
  maxPoolSize: 10,
  waitQueueTimeoutMS: 3_000,
  maxIdleTimeMS: 30_000,
  queryTimeoutMS: 5_000,
  socketTimeoutMS: 20_000,
};

export function mongoLimitsOf(config: {
  MONGO_MAX_POOL_SIZE: number;
  MONGO_WAIT_QUEUE_TIMEOUT_MS: number;
  MONGO_MAX_IDLE_TIME_MS: number;
  MONGO_QUERY_TIMEOUT_MS: number;
  MONGO_SOCKET_TIMEOUT_MS: number;
}): MongoLimits {
  return {
    maxPoolSize: config.MONGO_MAX_POOL_SIZE,
    waitQueueTimeoutMS: config.MONGO_WAIT_QUEUE_TIMEOUT_MS,
    maxIdleTimeMS: config.MONGO_MAX_IDLE_TIME_MS,
    queryTimeoutMS: config.MONGO_QUERY_TIMEOUT_MS,
    socketTimeoutMS: config.MONGO_SOCKET_TIMEOUT_MS,
  };
}

const queryTimeouts = new WeakMap<Connection, number>();

/**
 * One connection per service database. No transactions and no change streams are used anywhere, so
 * the same code runs on FerretDB and on MongoDB.
 *
 * Bounded everywhere: a small pool (many processes share one store), a bounded wait for a pooled
 * connection, a client-side bound on each reply, and maxTimeMS on every query. The driver (mongodb 7)
 * has no usable `timeoutMS` (it is a deprecated no-op there), so these are the legacy settings.
 */
export function createMongoConnection(url: string, limits: MongoLimits = defaultMongoLimits): Connection {
  const connection = mongoose.createConnection(url, {
    serverSelectionTimeoutMS: 5_000,
    connectTimeoutMS: 5_000,
    autoIndex: true,
    maxPoolSize: limits.maxPoolSize,
    minPoolSize: 0,
    waitQueueTimeoutMS: limits.waitQueueTimeoutMS,
    maxIdleTimeMS: limits.maxIdleTimeMS,
    socketTimeoutMS: limits.socketTimeoutMS,
  });
  if (limits.queryTimeoutMS > 0) queryTimeouts.set(connection, limits.queryTimeoutMS);
  return connection;
}

/** The maxTimeMS the kit puts on queries of this connection (for raw collection calls); undefined: none. */
export const queryTimeLimitOf = (connection: Connection): number | undefined => queryTimeouts.get(connection);

// Not distinct: FerretDB 1.24 refuses a maxTimeMS there ("distinct: unknown field").
const timeLimitedQueries: MongooseQueryMiddleware[] = [
  'find',
  'findOne',
  'countDocuments',
  'estimatedDocumentCount',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
];

/**
 * A global plugin (registered above, before any model is compiled; `connection.model` applies global
 * plugins too): every query without its own maxTimeMS gets its connection's limit, so the store gives
 * up on it rather than let it hold a connection for ever.
 */
export function queryTimeLimits(schema: Schema): void {
  schema.pre(timeLimitedQueries, function (this: Query<unknown, unknown>) {
    const limit = this.model?.db ? queryTimeouts.get(this.model.db) : undefined;
    if (limit !== undefined && this.getOptions().maxTimeMS === undefined) this.setOptions({ maxTimeMS: limit });
  });
  schema.pre('aggregate', function (this: Aggregate<unknown>) {
    const limit = queryTimeouts.get(this.model().db);
    if (limit !== undefined && this.options.maxTimeMS === undefined) this.option({ maxTimeMS: limit });
  });
}
mongoose.plugin(queryTimeLimits);

export const mongoReady = (connection: Connection) => connection.readyState === mongoose.ConnectionStates.connected;

const pings = new WeakMap<Connection, Promise<boolean>>();

/**
 * A real round trip to the store answered within `timeoutMs`: `ping`, then (given a collection of the
 * service's own database) a one-document read there — on FerretDB `ping` still answers while one
 * database's connections are all taken, a read does not. False when the store does not answer in time
 * or the connection is down. One probe at a time per connection: while an earlier one is still out,
 * the store counts as not answering, so frequent probes cannot fill the pool.
 */
export function pingStore(connection: Connection, options: { timeoutMs?: number; collection?: string } = {}): Promise<boolean> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const db = connection.db;
  if (!mongoReady(connection) || !db) return Promise.resolve(false);
  if (pings.has(connection)) return Promise.resolve(false);
  const probe = (async () => {
    const reply = await db.command({ ping: 1, maxTimeMS: timeoutMs });
    if (options.collection)
      await db
        .collection(options.collection)
        .find({}, { limit: 1, projection: { _id: 1 }, maxTimeMS: timeoutMs })
        .toArray();
    return reply['ok'] === 1;
  })()
    .catch(() => false)
    .finally(() => pings.delete(connection));
  pings.set(connection, probe);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  return Promise.race([probe, late]).finally(() => clearTimeout(timer));
}

/** A write refused by a unique index (E11000): someone stored that key first. */
export const isDuplicateKey = (error: unknown): boolean => (error as { code?: number } | null)?.code === 11000;

const storeTimeoutErrors = new Set([
  'MongoWaitQueueTimeoutError',
  'MongoNetworkTimeoutError',
  'MongoNetworkError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoPoolClearedError',
]);

/**
 * The store gave up on an operation (maxTimeMS, code 50), no pooled connection came free in time, a
 * reply did not come in time, or the store cannot be reached: the request gets 503 with Retry-After,
 * not 500.
 */
export function isStoreTimeout(error: unknown): boolean {
  const e = error as { name?: string; code?: unknown; message?: string } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.code === 50 || e.code === 'MaxTimeMSExpired') return true;
  if (e.name && storeTimeoutErrors.has(e.name)) return true;
  // mongoose's command buffer while disconnected: "Operation `x.find()` buffering timed out after 10000ms".
  return e.name === 'MongooseError' && /buffering timed out/.test(e.message ?? '');
}
