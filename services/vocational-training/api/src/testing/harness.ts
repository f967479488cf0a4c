import { randomBytes } from 'node:crypto';
import { startTestService, type TestService } from '@hamgam/service-kit/testing';
import type { TvtoConfig } from '../config.js';
import type { VtModels } from '../deps.js';
import { vocationalTrainingService } from '../service.js';

export type TvtoTestService = TestService<VtModels, TvtoConfig>;

/** A fresh key for permit applicants' personal data, as the native stack generates one per checkout. */
export const newSealingKey = () => randomBytes(32).toString('base64');

/** TVTO on a throw-away database (the kit's `startTestService`) with a fresh applicants' key unless `env` gives one. */
export const startTvto = (env: Record<string, string> = {}): Promise<TvtoTestService> =>
  startTestService(vocationalTrainingService, { PERMITS_PII_ENCRYPTION_KEY: newSealingKey(), ...env });
