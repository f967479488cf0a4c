import type { BaseConfig } from '@hamgam/service-kit';
import { z } from 'zod';
import { decodeKey, piiProtector, type PiiProtector } from './domain/pii.js';

const key32 = z.string().refine((value) => {
  try {
    decodeKey(value);
    return true;
  } catch {
    return false;
  }
}, 'must be the base64 encoding of exactly 32 bytes (e.g. `head -c 32 /dev/urandom | base64`)');

/** The clinics' own settings: the keys of residents' personal data, checked before the service listens. */
export const clinicsConfigSchema = z.object({
  PII_ENCRYPTION_KEY: key32,
  PII_BLIND_INDEX_KEY: key32,
});
export type ClinicsConfig = BaseConfig & z.infer<typeof clinicsConfigSchema>;

export const piiFromConfig = (config: Pick<ClinicsConfig, 'PII_ENCRYPTION_KEY' | 'PII_BLIND_INDEX_KEY'>): PiiProtector =>
  piiProtector({ encryptionKey: decodeKey(config.PII_ENCRYPTION_KEY), blindIndexKey: decodeKey(config.PII_BLIND_INDEX_KEY) });
