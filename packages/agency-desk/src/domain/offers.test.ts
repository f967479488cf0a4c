import { offerPublishedV1 } from '@hamgam/contracts';
import { describe, expect, it } from 'vitest';
import { demoOffers } from '@hamgam/demo-data';
import {
  checkHasPlace,
  checkOffer,
  checkOwnOfferId,
  editOffer,
  newOfferId,
  OfferRuleError,
  offerEvent,
  ownsOfferId,
  releaseSeat,
  takeSeat,
  type StoredOfferState,
} from './offers.js';

const refusal = (code: string, field?: string) => expect.objectContaining({ code, ...(field ? { field } : {}) });

const offer: StoredOfferState = {
  offerId: 'tvto-home-tailoring-1405',
  kind: 'course',
  title: { fa: 'خیاطی', en: 'Tailoring' },
  eligibility: { fa: 'همه', en: 'Everyone' },
  answers: ['skills-training'],
  neighbourhoodIds: [],
  place: { fa: 'کلینیک', en: 'Clinic' },
  schedule: { fa: 'شنبه‌ها', en: 'Saturdays' },
  startsOn: '2026-04-01',
  endsOn: '2026-07-01',
  capacity: 2,
  available: 2,
  status: 'open',
  revision: 1,
  seatHolders: [],
};

describe('offer revisions', () => {
  it('grows the revision with every edit and publishes the whole offer as a valid event', () => {
    const edited = editOffer(offer, { ...offer, capacity: 5, available: 5 });
    expect(edited.revision).toBe(2);
    const event = offerEvent('vocational-training', edited, new Date('2026-03-01T00:00:00Z'));
    expect(offerPublishedV1.parse(event)).toEqual(event);
    expect(event).toMatchObject({ capacity: 5, revision: 2, agency: 'vocational-training' });
    expect(event).not.toHaveProperty('seatHolders');
  });

  it('keeps available within capacity and the dates in order', () => {
    expect(() => checkOffer({ capacity: 3, available: 4, startsOn: null, endsOn: null })).toThrow(OfferRuleError);
    expect(() => checkOffer({ capacity: 3, available: 4, startsOn: null, endsOn: null })).toThrow(
      refusal('available-exceeds-capacity', 'available'),
    );
    expect(() => checkOffer({ capacity: 3, available: 3, startsOn: '2026-05-01', endsOn: '2026-04-01' })).toThrow(
      refusal('offer-ends-before-start', 'endsOn'),
    );
    expect(() => editOffer(offer, { ...offer, available: 9 })).toThrow(OfferRuleError);
  });

  it('gives a referral a place only of an open offer with places left (409 steps)', () => {
    expect(() => checkHasPlace('tvto-x', { status: 'closed', available: 3 })).toThrow(refusal('offer-closed'));
    expect(() => checkHasPlace('tvto-x', { status: 'open', available: 0 })).toThrow(refusal('offer-full'));
    expect(() => checkHasPlace('tvto-x', { status: 'open', available: 1 })).not.toThrow();
  });

  it('takes an offer id asked for only with the agency’s own prefix (relief’s desk keeps the Basij camps’ too)', () => {
    expect(() => checkOwnOfferId('vocational-training', 'welfare-home-visit')).toThrow(refusal('offer-id-not-own', 'offerId'));
    expect(() => checkOwnOfferId('relief-partnerships', 'basij-camp-1')).not.toThrow();
  });
});

describe('seats', () => {
  it('takes one seat per accepted referral, once, and never below zero', () => {
    const one = takeSeat(offer, 'r1')!;
    expect(one).toMatchObject({ available: 1, seatHolders: ['r1'], revision: 2 });
    expect(takeSeat(one, 'r1')).toBeNull();
    const two = takeSeat(one, 'r2')!;
    const three = takeSeat(two, 'r3')!;
    expect([two.available, three.available]).toEqual([0, 0]);
    expect(three.seatHolders).toEqual(['r1', 'r2', 'r3']);
  });

  it('frees the seat of a withdrawn referral once, never above capacity', () => {
    const taken = takeSeat(offer, 'r1')!;
    const freed = releaseSeat(taken, 'r1')!;
    expect(freed).toMatchObject({ available: 2, seatHolders: [], revision: 3 });
    expect(releaseSeat(freed, 'r1')).toBeNull();
    expect(releaseSeat({ ...offer, available: 2, seatHolders: ['r9'] }, 'r9')!.available).toBe(2);
  });
});

describe('offer ids', () => {
  it('makes a new id from the agency’s prefix, the English title and a random part', () => {
    expect(newOfferId('vocational-training', { en: 'Home Tailoring (level 2)!' }, 'a1b2c3d4')).toBe('tvto-home-tailoring-level-2-a1b2c3d4');
    expect(newOfferId('relief-partnerships', { en: '—' }, 'a1b2c3d4')).toBe('relief-a1b2c3d4');
    expect(newOfferId('welfare', { en: 'x'.repeat(100) }, 'a1b2c3d4')).toBe(`welfare-${'x'.repeat(40)}-a1b2c3d4`);
  });

  it('tells an agency’s ids from another agency’s, the demo catalogue’s included', () => {
    expect(ownsOfferId('vocational-training', 'tvto-welding')).toBe(true);
    expect(ownsOfferId('vocational-training', 'welfare-social-case')).toBe(false);
    expect(ownsOfferId('welfare', 'welfarex-case')).toBe(false);
    for (const demo of demoOffers) expect(ownsOfferId(demo.agency, demo.offerId), demo.offerId).toBe(true);
  });
});
