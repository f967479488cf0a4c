import { z } from 'zod';
import { demoSecretsIn } from './secrets.js';

/** Settings every service needs; a service may extend the schema with its own. */
export const baseConfigSchema = z.object({
  /** 0 picks a free port (tests). */
  PORT: z.coerce.number().int().min(0).max(65535),
  /**
   * Address to listen on: `127.0.0.1` where only the shell on the same host may call (the native
   * stack); unset, every interface (a container, reached through its pod's network policy).
   */
  HOST: z.union([z.ipv4(), z.ipv6(), z.literal('localhost')]).optional(),
  /**
   * Bearer token Prometheus sends to /metrics (its scrape config's `authorization`); unset, /metrics is
   * open, for a service bound to loopback.
   */
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  MONGO_URL: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URL'),
  AMQP_URL: z.string().regex(/^amqps?:\/\//, 'must be an amqp:// URL'),
  OIDC_ISSUER: z.url(),
  OIDC_JWKS_URL: z.url().optional(),
  OIDC_AUDIENCE: z.string().min(1).default('hamgam-api'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  UI_DIST: z.string().optional(),
  /** Fill an empty database with realistic demo data (npm start does; production does not). */
  SEED_DEMO: z.stringbool().default(false),
  /** Let tests move the service's clock through `PUT /api/v1/test-clock` (never in production). */
  TEST_CLOCK: z.stringbool().default(false),

  // Limits under load (issue 9, "never hang"). Every wait has an end: a slow or stuck store turns into
  // 503 answers with Retry-After, never into requests that hang. The defaults suit the native stack
  // (one FerretDB shared by up to a dozen service processes); see README "Limits under load".
  /**
   * Driver connections per process. FerretDB/SQLite allows 100 connections per database and
   * FerretDB/PostgreSQL as many as its pool (the native stack: 200, FERRETDB_PG_POOL); an open cursor holds one. Keep the sum over all processes
   * sharing a store below that.
   */
  MONGO_MAX_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How long an operation may wait for a free driver connection before it fails (ms). */
  MONGO_WAIT_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(1).default(3_000),
  /** Idle driver connections are closed after this long (ms), so a burst's connections do not stay open. */
  MONGO_MAX_IDLE_TIME_MS: z.coerce.number().int().min(0).default(30_000),
  /**
   * Server-side time limit (maxTimeMS) on every query, update and delete issued through mongoose and
   * on the kit's own reads. FerretDB 1.24 honours it on find and aggregate (also while waiting for its
   * own connection); MongoDB on all of them.
   */
  MONGO_QUERY_TIMEOUT_MS: z.coerce.number().int().min(1).default(5_000),
  /**
   * Client-side bound on waiting for any one reply from the store (ms); the connection is closed
   * past it. The safety net for commands the store does not time out itself (FerretDB ignores
   * maxTimeMS on update, delete, count and insert); above MONGO_QUERY_TIMEOUT_MS.
   */
  MONGO_SOCKET_TIMEOUT_MS: z.coerce.number().int().min(0).default(20_000),
  /** An /api request not answered by then gets 503 problem+json, code `deadline-exceeded`, with Retry-After (ms). */
  HTTP_REQUEST_DEADLINE_MS: z.coerce.number().int().min(1).default(10_000),
  /** /api requests handled at once per process; more wait in a short queue (below). */
  HTTP_MAX_CONCURRENT: z.coerce.number().int().min(1).default(32),
  /** /api requests that may wait for a slot; past them a request is refused at once: 503, code `overloaded`. */
  HTTP_MAX_QUEUED: z.coerce.number().int().min(0).default(64),
  /**
   * Longest drain on SIGTERM/SIGINT (ms): requests and event handlers in flight, then the outbox relay's
   * pass. Past it, deliveries still in hand go back to the queue and the process exits 1. Below
   * Kubernetes' 30 s grace period, which ends in SIGKILL.
   */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1).default(20_000),
});
export type BaseConfig = z.infer<typeof baseConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and validates configuration at start-up. A service must fail before it listens, with a message
 * that names every bad variable, rather than fail later on the first request that needs it.
 */
export function loadConfig<S extends z.ZodObject = typeof baseConfigSchema>(
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
  schema: S = baseConfigSchema as unknown as S,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) {
    const demo = env['NODE_ENV'] === 'production' ? demoSecretsIn(result.data) : [];
    if (demo.length === 0) return result.data;
    throw new ConfigError(
      `${serviceName}: demo secrets in production (NODE_ENV=production)\n${demo.map((line) => `  - ${line}`).join('\n')}`,
    );
  }
  const lines = result.error.issues.map((issue) => {
    const key = issue.path.join('.') || '(root)';
    const value = env[key] === undefined ? 'missing' : 'invalid';
    return `  - ${key} (${value}): ${issue.message}`;
  });
  throw new ConfigError(`${serviceName}: invalid configuration\n${lines.join('\n')}`);
}

export function jwksUrlOf(config: Pick<BaseConfig, 'OIDC_ISSUER' | 'OIDC_JWKS_URL'>): string {
  return config.OIDC_JWKS_URL ?? `${config.OIDC_ISSUER.replace(/\/$/, '')}/protocol/openid-connect/certs`;
}
