import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { baseConfigSchema, loadConfig } from './config.js';
import { key32Schema } from './secrets.js';

const randomKey = () => randomBytes(32).toString('base64');
const demoKey = Buffer.from('demo-only-encryption-key-32bytes').toString('base64');
const schema = baseConfigSchema.extend({ PII_ENCRYPTION_KEY: key32Schema });
const env = (over: Record<string, string>) => ({
  PORT: '4001',
  MONGO_URL: 'mongodb://clinics:s3cret@mongo-0.mongo:27017,mongo-1.mongo:27017/hamgam_clinics?replicaSet=rs0',
  AMQP_URL: 'amqp://hamgam:s3cret@rabbitmq:5672',
  OIDC_ISSUER: 'https://login.example.org/realms/hamgam',
  PII_ENCRYPTION_KEY: randomKey(),
  NODE_ENV: 'production',
  ...over,
});

describe('demo secrets', () => {
  it('are refused in production, each named', () => {
    const load = () =>
      loadConfig(
        'clinics',
        env({
          AMQP_URL: 'amqp://guest:guest@rabbitmq:5672',
          MONGO_URL: 'mongodb://mongo:27017/hamgam_clinics',
          PII_ENCRYPTION_KEY: demoKey,
        }),
        schema,
      );
    expect(load).toThrow(/demo secrets in production/);
    expect(load).toThrow(/AMQP_URL: the broker's default guest account/);
    expect(load).toThrow(/MONGO_URL: a store on another host without credentials/);
    expect(load).toThrow(/PII_ENCRYPTION_KEY: readable text/);
  });

  it('are allowed on loopback (the native stack) and outside production (compose, tests)', () => {
    expect(() =>
      loadConfig(
        'clinics',
        env({ AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672', MONGO_URL: 'mongodb://127.0.0.1:27017/hamgam_clinics' }),
        schema,
      ),
    ).not.toThrow();
    expect(() =>
      loadConfig(
        'clinics',
        env({ NODE_ENV: 'development', AMQP_URL: 'amqp://guest:guest@rabbitmq:5672', PII_ENCRYPTION_KEY: demoKey }),
        schema,
      ),
    ).not.toThrow();
  });

  it('leave a real deployment alone: credentials, several hosts, random keys', () => {
    expect(() => loadConfig('clinics', env({}), schema)).not.toThrow();
  });
});
