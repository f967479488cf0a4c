import { randomBytes } from 'node:crypto';
import { baseConfigSchema, ConfigError, loadConfig } from '@hamgam/service-kit';
import { describe, expect, it } from 'vitest';
import { applicantSealer, type TvtoConfig } from './config.js';
import { vocationalTrainingService } from './service.js';

const base = {
  PORT: '0',
  MONGO_URL: 'mongodb://127.0.0.1:27017/x',
  AMQP_URL: 'amqp://127.0.0.1',
  OIDC_ISSUER: 'http://localhost:8080/realms/hamgam',
};
const schema = baseConfigSchema.extend(vocationalTrainingService.config!.shape);
const key = () => randomBytes(32).toString('base64');

describe('vocational-training configuration', () => {
  it('refuses to start without the applicants’ key, or with one that is not the base64 of 32 bytes', () => {
    expect(() => loadConfig('vocational-training', base, schema)).toThrow(ConfigError);
    expect(() => loadConfig('vocational-training', base, schema)).toThrow(/PERMITS_PII_ENCRYPTION_KEY \(missing\)/);
    expect(() =>
      loadConfig('vocational-training', { ...base, PERMITS_PII_ENCRYPTION_KEY: randomBytes(16).toString('base64') }, schema),
    ).toThrow(/PERMITS_PII_ENCRYPTION_KEY \(invalid\)/);
    expect(() =>
      loadConfig(
        'vocational-training',
        { ...base, PERMITS_PII_ENCRYPTION_KEY: key(), PERMITS_PII_PREVIOUS_ENCRYPTION_KEYS: `${key()},hello` },
        schema,
      ),
    ).toThrow(/PERMITS_PII_PREVIOUS_ENCRYPTION_KEYS \(invalid\)/);
  });

  it('seals under the current key, names it, and opens records of the previous keys', () => {
    const [old, current] = [key(), key()];
    const before = applicantSealer(loadConfig('vocational-training', { ...base, PERMITS_PII_ENCRYPTION_KEY: old }, schema) as TvtoConfig);
    const config = loadConfig(
      'vocational-training',
      { ...base, PERMITS_PII_ENCRYPTION_KEY: current, PERMITS_PII_PREVIOUS_ENCRYPTION_KEYS: ` ${old} ` },
      schema,
    ) as TvtoConfig;
    const sealer = applicantSealer(config);
    const sealed = before.seal({ name: 'Zahra', address: 'alley 12' });
    expect(sealed.startsWith(`v2.${before.keyId}.`)).toBe(true);
    expect(sealer.open(sealed)).toEqual({ name: 'Zahra', address: 'alley 12' });
    expect(sealer.isSealedWithCurrentKey(sealed)).toBe(false);
    expect(sealer.isSealedWithCurrentKey(sealer.seal({ name: null, address: 'x' }))).toBe(true);
    const [header, id, nonce, tag, body] = sealed.split('.');
    const tampered = [header, id, nonce, tag, `${body!.slice(0, -2)}AA`].join('.');
    expect(() => sealer.open(tampered)).toThrow();
  });
});
