import { key32ListSchema, key32Schema, type BaseConfig } from '@hamgam/service-kit';
import { z } from 'zod';
import { decodeKey, piiProtector, type PiiProtector } from './domain/pii.js';

/**
 * The clinics' own settings: the keys of residents' personal data, checked before the service listens.
 * The PII_PREVIOUS_* keys are only read (records not yet re-sealed, and their national-id index) during a
 * key rotation: see services/clinics/README.md, "Rotating the PII keys".
 */
export const clinicsConfigSchema = z.object({
  PII_ENCRYPTION_KEY: key32Schema,
  PII_BLIND_INDEX_KEY: key32Schema,
  PII_PREVIOUS_ENCRYPTION_KEYS: key32ListSchema.default([]),
  PII_PREVIOUS_BLIND_INDEX_KEY: z.preprocess((value) => (value === '' ? undefined : value), key32Schema.optional()),
});
export type ClinicsConfig = BaseConfig & z.infer<typeof clinicsConfigSchema>;

type PiiConfig = Pick<
  ClinicsConfig,
  'PII_ENCRYPTION_KEY' | 'PII_BLIND_INDEX_KEY' | 'PII_PREVIOUS_ENCRYPTION_KEYS' | 'PII_PREVIOUS_BLIND_INDEX_KEY'
>;

export const piiFromConfig = (config: PiiConfig): PiiProtector =>
  piiProtector({
    encryptionKey: decodeKey(config.PII_ENCRYPTION_KEY),
    blindIndexKey: decodeKey(config.PII_BLIND_INDEX_KEY),
    previousEncryptionKeys: config.PII_PREVIOUS_ENCRYPTION_KEYS.map(decodeKey),
    previousBlindIndexKey: config.PII_PREVIOUS_BLIND_INDEX_KEY ? decodeKey(config.PII_PREVIOUS_BLIND_INDEX_KEY) : undefined,
  });
