import { offerPublishedV1, referralMadeV1, trackingCodeSchema } from '@hamgam/contracts';
import { describe, expect, it } from 'vitest';
import { demoOffers, demoReferrals, demoResidentRef, demoUuid } from './index.js';

describe('demo universe', () => {
  it('names the same record the same way every time, and different records differently', () => {
    expect(demoUuid('resident', 3)).toBe(demoUuid('resident', 3));
    expect(demoUuid('resident', 3)).not.toBe(demoUuid('resident', 4));
    expect(demoUuid('resident', 3)).not.toBe(demoUuid('referral', 3));
  });

  it('offers are valid catalogue entries, each id once', () => {
    for (const offer of demoOffers) offerPublishedV1.parse({ ...offer, revision: 1, publishedAt: new Date().toISOString() });
    expect(new Set(demoOffers.map((o) => o.offerId)).size).toBe(demoOffers.length);
  });

  it('referrals are valid events, point at a demo offer of their agency, and have unique ids and codes', () => {
    for (const r of demoReferrals) {
      referralMadeV1.parse({
        referralId: r.referralId,
        trackingCode: r.trackingCode,
        agency: r.agency,
        offerId: r.offerId,
        clinicId: r.clinicId,
        neighbourhoodId: r.neighbourhoodId,
        residentRef: r.residentRef,
        householdRef: r.householdRef,
        needCategory: r.needCategory,
        respondBy: '2026-12-01',
        madeAt: new Date().toISOString(),
      });
      expect(trackingCodeSchema.safeParse(r.trackingCode).success).toBe(true);
      expect(demoOffers.find((o) => o.offerId === r.offerId)?.agency).toBe(r.agency);
    }
    expect(new Set(demoReferrals.map((r) => r.trackingCode)).size).toBe(demoReferrals.length);
    expect(new Set(demoReferrals.map((r) => r.referralId)).size).toBe(demoReferrals.length);
    expect(demoReferrals[0]!.residentRef).toBe(demoResidentRef(0));
  });
});
