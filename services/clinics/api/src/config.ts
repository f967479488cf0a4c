import type { BaseConfig } from '@hamgam/service-kit';
import { z } from 'zod';
import { decodeKey, piiProtector, type PiiProtector } from './domain/pii.js';

const isKey32 = (value: string) => {
  try {
    decodeKey(value);
    return true;
  } catch {
    return false;
  }
};
const key32Message = 'must be the base64 encoding of exactly 32 bytes (e.g. `head -c 32 /dev/urandom | base64`)';
const key32 = z.string().refine(isKey32, key32Message);
/** Comma-separated keys (a rotation may keep more than one older key readable); empty means none, like unset. */
const key32List = z
  .string()
  .transform((value) => value.split(',').map((key) => key.trim()).filter(Boolean))
  .refine((keys) => keys.every(isKey32), `each comma-separated key ${key32Message}`);

/**
 * The clinics' own settings: the keys of residents' personal data, checked before the service listens.
 * The PII_PREVIOUS_* keys are only read (records not yet re-sealed, and their national-id index) during a
 * key rotation: see services/clinics/README.md, "Rotating the PII keys".
 */
export const clinicsConfigSchema = z.object({
  PII_ENCRYPTION_KEY: key32,
  PII_BLIND_INDEX_KEY: key32,
  PII_PREVIOUS_ENCRYPTION_KEYS: key32List.default([]),
  PII_PREVIOUS_BLIND_INDEX_KEY: z.preprocess((value) => (value === '' ? undefined : value), key32.optional()),
});
export type ClinicsConfig = BaseConfig & z.infer<typeof clinicsConfigSchema>;

type PiiConfig = Pick<ClinicsConfig, 'PII_ENCRYPTION_KEY' | 'PII_BLIND_INDEX_KEY' | 'PII_PREVIOUS_ENCRYPTION_KEYS' | 'PII_PREVIOUS_BLIND_INDEX_KEY'>;

export const piiFromConfig = (config: PiiConfig): PiiProtector =>
  piiProtector({
    encryptionKey: decodeKey(config.PII_ENCRYPTION_KEY),
    blindIndexKey: decodeKey(config.PII_BLIND_INDEX_KEY),
    previousEncryptionKeys: config.PII_PREVIOUS_ENCRYPTION_KEYS.map(decodeKey),
    previousBlindIndexKey: config.PII_PREVIOUS_BLIND_INDEX_KEY ? decodeKey(config.PII_PREVIOUS_BLIND_INDEX_KEY) : undefined,
  });
