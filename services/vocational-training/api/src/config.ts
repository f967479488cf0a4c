import { key32ListSchema, key32Schema, type BaseConfig } from '@hamgam/service-kit';
import { z } from 'zod';
import { decodeKey, sealer, type Sealer } from './domain/sealing.js';

/**
 * TVTO's own settings: the key of permit applicants' personal data (name, workshop address), checked before
 * the service listens. PERMITS_PII_PREVIOUS_ENCRYPTION_KEYS (comma-separated) are only read, during a key
 * rotation, until every application is re-sealed under the current key (each start re-seals them).
 */
export const tvtoConfigSchema = z.object({
  PERMITS_PII_ENCRYPTION_KEY: key32Schema,
  PERMITS_PII_PREVIOUS_ENCRYPTION_KEYS: key32ListSchema.default([]),
});
export type TvtoConfig = BaseConfig & z.infer<typeof tvtoConfigSchema>;

/** What of a permit applicant is personal: sealed together, opened only for TVTO's staff. */
export interface ApplicantData {
  /** A walk-in's name; null when the applicant is a resident the clinic knows by an opaque id. */
  name: string | null;
  address: string;
}

const sealers = new WeakMap<object, Sealer<ApplicantData>>();

/** The applicants' sealer of this configuration (built once per config). */
export function applicantSealer(
  config: Pick<TvtoConfig, 'PERMITS_PII_ENCRYPTION_KEY' | 'PERMITS_PII_PREVIOUS_ENCRYPTION_KEYS'>,
): Sealer<ApplicantData> {
  let built = sealers.get(config);
  if (!built) {
    built = sealer<ApplicantData>(decodeKey(config.PERMITS_PII_ENCRYPTION_KEY), config.PERMITS_PII_PREVIOUS_ENCRYPTION_KEYS.map(decodeKey));
    sealers.set(config, built);
  }
  return built;
}
