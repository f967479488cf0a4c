import { addDays } from '@hamgam/contracts/days';
import { randomBytes, randomUUID } from 'node:crypto';
import { referralMadeV1 } from '@hamgam/contracts';
import { startTestService, type TestService } from '@hamgam/service-kit/testing';
import { expect } from 'vitest';
import type { TvtoConfig } from '../config.js';
import type { VtModels } from '../deps.js';
import { vocationalTrainingService } from '../service.js';

export type TvtoTestService = TestService<VtModels, TvtoConfig>;

/** A fresh key for permit applicants' personal data, as the native stack generates one per checkout. */
export const newSealingKey = () => randomBytes(32).toString('base64');

/** TVTO on a throw-away database (the kit's `startTestService`) with a fresh applicants' key unless `env` gives one. */
export const startTvto = (env: Record<string, string> = {}): Promise<TvtoTestService> =>
  startTestService(vocationalTrainingService, { PERMITS_PII_ENCRYPTION_KEY: newSealingKey(), ...env });

/**
 * A referral a clinic made to TVTO's `offerId` (of a made-up resident and household unless `residentRef` is
 * given), delivered through the desk's subscription and, unless `accept` is false, accepted by staff.
 */
export async function clinicReferral(service: TvtoTestService, offerId: string, { accept = true, residentRef = randomUUID() as string } = {}) {
  const inDays = (n: number) => addDays(service.clock.now(), n);
  const made = {
    referralId: randomUUID(), trackingCode: 'K7QM-3XWA', agency: 'vocational-training', offerId, clinicId: 'clinic-sarasiab', neighbourhoodId: 'nbh-sarasiab',
    residentRef, householdRef: randomUUID(), needCategory: 'skills-training', respondBy: inDays(7), madeAt: service.clock.now().toISOString(),
  };
  expect(referralMadeV1.parse(made)).toEqual(made);
  await service.deliver('clinics.referral.made', made);
  if (accept) expect((await service.api('tvto').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: inDays(90) })).status).toBe(200);
  return made;
}
