import { randomBytes } from 'node:crypto';
import { baseConfigSchema, ConfigError, loadConfig } from '@hamgam/service-kit';
import { describe, expect, it } from 'vitest';
import { piiFromConfig, type ClinicsConfig } from './config.js';
import { clinicsService } from './service.js';

const base = {
  PORT: '0',
  MONGO_URL: 'mongodb://127.0.0.1:27017/x',
  AMQP_URL: 'amqp://127.0.0.1',
  OIDC_ISSUER: 'http://localhost:8080/realms/hamgam',
};
const schema = baseConfigSchema.extend(clinicsService.config!.shape);
const key = () => randomBytes(32).toString('base64');

describe('clinics configuration', () => {
  it('refuses to start without both personal-data keys, naming each', () => {
    expect(() => loadConfig('clinics', base, schema)).toThrow(ConfigError);
    expect(() => loadConfig('clinics', base, schema)).toThrow(/PII_ENCRYPTION_KEY \(missing\)[\s\S]*PII_BLIND_INDEX_KEY \(missing\)/);
  });

  it('refuses a key that is not the base64 of 32 bytes', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => loadConfig('clinics', { ...base, PII_ENCRYPTION_KEY: short, PII_BLIND_INDEX_KEY: key() }, schema)).toThrow(
      /PII_ENCRYPTION_KEY \(invalid\)/,
    );
    expect(() => loadConfig('clinics', { ...base, PII_ENCRYPTION_KEY: key(), PII_BLIND_INDEX_KEY: 'hello' }, schema)).toThrow(
      /PII_BLIND_INDEX_KEY \(invalid\)/,
    );
  });

  it('takes the previous keys of a rotation, comma-separated, and refuses a bad one by name', () => {
    const [current, old1, old2, index, oldIndex] = [key(), key(), key(), key(), key()];
    const env = { ...base, PII_ENCRYPTION_KEY: current, PII_BLIND_INDEX_KEY: index };
    const config = loadConfig(
      'clinics',
      { ...env, PII_PREVIOUS_ENCRYPTION_KEYS: ` ${old1}, ${old2} `, PII_PREVIOUS_BLIND_INDEX_KEY: oldIndex },
      schema,
    ) as ClinicsConfig;
    expect(config.PII_PREVIOUS_ENCRYPTION_KEYS).toEqual([old1, old2]);
    const sealedUnderOld = piiFromConfig({ ...config, PII_ENCRYPTION_KEY: old2, PII_PREVIOUS_ENCRYPTION_KEYS: [] }).encrypt({
      nationalId: '0012345679',
      fullName: 'x',
      phone: '1',
    });
    expect(piiFromConfig(config).decrypt(sealedUnderOld).nationalId).toBe('0012345679');
    expect(piiFromConfig(config).blindIndexes('0012345679')).toHaveLength(2);
    const unset = loadConfig(
      'clinics',
      { ...env, PII_PREVIOUS_ENCRYPTION_KEYS: '', PII_PREVIOUS_BLIND_INDEX_KEY: '' },
      schema,
    ) as ClinicsConfig;
    expect(piiFromConfig(unset).blindIndexes('0012345679')).toHaveLength(1);
    const short = randomBytes(16).toString('base64');
    expect(() => loadConfig('clinics', { ...env, PII_PREVIOUS_ENCRYPTION_KEYS: `${old1},${short}` }, schema)).toThrow(
      /PII_PREVIOUS_ENCRYPTION_KEYS \(invalid\)/,
    );
    expect(() => loadConfig('clinics', { ...env, PII_PREVIOUS_BLIND_INDEX_KEY: short }, schema)).toThrow(
      /PII_PREVIOUS_BLIND_INDEX_KEY \(invalid\)/,
    );
  });

  it('accepts two proper keys and builds the protector from them', () => {
    const config = loadConfig('clinics', { ...base, PII_ENCRYPTION_KEY: key(), PII_BLIND_INDEX_KEY: key() }, schema) as ClinicsConfig;
    const pii = piiFromConfig(config);
    expect(pii.decrypt(pii.encrypt({ nationalId: '0012345679', fullName: 'x', phone: '1' })).nationalId).toBe('0012345679');
  });
});
