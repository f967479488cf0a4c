import { addDays } from '@hamgam/contracts/days';
import { randomBytes, randomUUID } from 'node:crypto';
import { referralMadeV1, type LocalizedText, type OfferKind } from '@hamgam/contracts';
import { startTestService, type TestCaller, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, expect } from 'vitest';
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
export async function clinicReferral(
  service: TvtoTestService,
  offerId: string,
  { accept = true, residentRef = randomUUID() as string, trackingCode = 'K7QM-3XWA' } = {},
) {
  const inDays = (n: number) => addDays(service.clock.now(), n);
  const made = {
    referralId: randomUUID(),
    trackingCode,
    agency: 'vocational-training',
    offerId,
    clinicId: 'clinic-sarasiab',
    neighbourhoodId: 'nbh-sarasiab',
    residentRef,
    householdRef: randomUUID(),
    needCategory: 'skills-training',
    respondBy: inDays(7),
    madeAt: service.clock.now().toISOString(),
  };
  expect(referralMadeV1.parse(made)).toEqual(made);
  await service.deliver('clinics.referral.made', made);
  if (accept)
    expect((await service.api('tvto').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: inDays(90) })).status).toBe(200);
  return made;
}

/** TVTO's models whose documents carry their events (the outbox). */
type WithOutbox = 'offers' | 'referrals' | 'commitments' | 'enrolments' | 'permits';

/**
 * One TVTO for the calling test file: started before its tests, closed after them, on a throw-away database
 * with local signing keys and no broker (events are read from the documents' outboxes; referrals and other
 * events arrive through the service's own subscriptions). The helpers read the running service.
 */
export function tvtoForTests(env: Record<string, string> = {}) {
  let running: TvtoTestService | undefined;
  beforeAll(async () => {
    running = await startTvto(env);
  });
  afterAll(async () => {
    await running?.close();
  });
  const service = (): TvtoTestService => {
    if (!running) throw new Error('TVTO is not started yet: use the helpers inside tests and hooks');
    return running;
  };
  return {
    service,
    api: (caller?: TestCaller) => service().api(caller),
    inDays: (n: number) => addDays(service().clock.now(), n),
    /** The events waiting in a document's outbox, each checked against its contract. */
    outboxOf: (model: WithOutbox, id: string) => service().outboxOf(service().models[model].collection.collectionName, id),
    /** A desk offer of this kind (counselling, workshop permit, apprenticeship…) staff publish for the clinics to refer to. */
    publishOffer: async (offerId: string, kind: OfferKind, title: LocalizedText) => {
      const offer = await service()
        .api('tvto')
        .post('/desk/offers', {
          offerId,
          kind,
          title,
          eligibility: { fa: 'همه', en: 'All' },
          answers: ['employment'],
          neighbourhoodIds: [],
          place: { fa: 'اداره', en: 'Office' },
          schedule: { fa: 'روزهای کاری', en: 'Working days' },
          startsOn: null,
          endsOn: null,
          capacity: 10,
          available: 10,
          status: 'open',
        });
      expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    },
    /** A referral the clinic made to `offerId`, delivered and (unless `accept` is false) accepted at the desk. */
    acceptedReferral: (offerId: string, accept = true, trackingCode?: string) =>
      clinicReferral(service(), offerId, { accept, ...(trackingCode ? { trackingCode } : {}) }),
    /**
     * Resident refs are opaque ids only the clinics issue: a direct record for a ref no clinic's referral to TVTO
     * named is kept but answered (and listed) unverified, until such a referral arrives (it need not be accepted,
     * nor be for this record's offer).
     */
    referredByAClinic: (residentRef: string, trackingCode?: string) =>
      clinicReferral(service(), 'tvto-some-offer', { accept: false, residentRef, ...(trackingCode ? { trackingCode } : {}) }),
  };
}
