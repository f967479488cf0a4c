import { z } from 'zod';

/** Settings every service needs; a service may extend the schema with its own. */
export const baseConfigSchema = z.object({
  /** 0 picks a free port (tests). */
  PORT: z.coerce.number().int().min(0).max(65535),
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
  if (result.success) return result.data;
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
