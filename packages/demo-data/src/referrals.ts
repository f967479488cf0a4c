import type { NeedCategory, PartnerAgency, ReferralCompletedV1, ReferralDeclinedV1, ReferralWithdrawnV1 } from '@hamgam/contracts';
import { demoHouseholdRef, demoResidentRef, demoTrackingCode, demoUuid } from './ids.js';

/** The four clinics of the demo, in the order their residents are numbered (see `demoResidentIndex`). */
export const demoClinics = [
  { clinicId: 'clinic-sarasiab', neighbourhoodId: 'nbh-sarasiab' },
  { clinicId: 'clinic-motahari', neighbourhoodId: 'nbh-motahari' },
  { clinicId: 'clinic-amiralmomenin', neighbourhoodId: 'nbh-amiralmomenin' },
  { clinicId: 'clinic-fajr', neighbourhoodId: 'nbh-fajr' },
] as const;

/**
 * Resident number `n` (0-based) of clinic `clinicIndex`: the clinics seed registers the head of its
 * household number `n` under it, in the household `demoHouseholdRef` of the same number.
 */
export const demoResidentIndex = (clinicIndex: number, n: number) => clinicIndex * 1000 + n;

/**
 * One demo referral and everything that happened to it, in days relative to the moment the seed runs.
 * The clinics seed stores it from the clinic's side and each agency's seed from its own, so both agree.
 */
export interface DemoReferral {
  referralId: string;
  trackingCode: string;
  agency: PartnerAgency;
  offerId: string;
  clinicId: string;
  neighbourhoodId: string;
  residentRef: string;
  householdRef: string;
  needCategory: NeedCategory;
  madeDaysAgo: number;
  /** respondBy = made + this many days. */
  respondWithinDays: number;
  accepted?: { afterDays: number; completeWithinDays: number };
  declined?: { afterDays: number; reason: ReferralDeclinedV1['reason'] };
  completed?: { afterDays: number; outcome: ReferralCompletedV1['outcome'] };
  withdrawn?: { afterDays: number; reason: ReferralWithdrawnV1['reason'] };
}

type Story = Omit<DemoReferral, 'referralId' | 'trackingCode' | 'clinicId' | 'neighbourhoodId' | 'residentRef' | 'householdRef'>;

/** Every state a referral can be in, overdue ones included, as each clinic's demo shows them. */
const stories: readonly Story[] = [
  {
    agency: 'vocational-training',
    offerId: 'tvto-home-tailoring-1405',
    needCategory: 'skills-training',
    madeDaysAgo: 2,
    respondWithinDays: 7,
  },
  { agency: 'vocational-training', offerId: 'tvto-career-counselling', needCategory: 'employment', madeDaysAgo: 12, respondWithinDays: 7 },
  {
    agency: 'vocational-training',
    offerId: 'tvto-home-tailoring-1405',
    needCategory: 'skills-training',
    madeDaysAgo: 20,
    respondWithinDays: 7,
    accepted: { afterDays: 3, completeWithinDays: 90 },
  },
  {
    agency: 'relief-partnerships',
    offerId: 'relief-home-business-loan',
    needCategory: 'income-support',
    madeDaysAgo: 60,
    respondWithinDays: 7,
    accepted: { afterDays: 4, completeWithinDays: 30 },
  },
  {
    agency: 'welfare',
    offerId: 'welfare-social-case',
    needCategory: 'social-care',
    madeDaysAgo: 30,
    respondWithinDays: 7,
    declined: { afterDays: 2, reason: 'duplicate-benefit' },
  },
  {
    agency: 'vocational-training',
    offerId: 'tvto-apprentice-carpentry',
    needCategory: 'employment',
    madeDaysAgo: 120,
    respondWithinDays: 7,
    accepted: { afterDays: 5, completeWithinDays: 90 },
    completed: { afterDays: 95, outcome: 'achieved' },
  },
  {
    agency: 'institute-funding',
    offerId: 'fund-institute-seats-1405',
    needCategory: 'skills-training',
    madeDaysAgo: 100,
    respondWithinDays: 7,
    accepted: { afterDays: 2, completeWithinDays: 80 },
    completed: { afterDays: 85, outcome: 'partly-achieved' },
  },
  {
    agency: 'relief-partnerships',
    offerId: 'basij-workshop-space-prep',
    needCategory: 'workshop-space',
    madeDaysAgo: 9,
    respondWithinDays: 7,
    withdrawn: { afterDays: 1, reason: 'resident-request' },
  },
];

/** The demo referrals of all four clinics (8 each, one per story). */
export const demoReferrals: readonly DemoReferral[] = demoClinics.flatMap((clinic, clinicIndex) =>
  stories.map((story, n) => {
    const index = clinicIndex * stories.length + n;
    return {
      ...story,
      referralId: demoUuid('referral', index),
      trackingCode: demoTrackingCode(index),
      clinicId: clinic.clinicId,
      neighbourhoodId: clinic.neighbourhoodId,
      residentRef: demoResidentRef(demoResidentIndex(clinicIndex, n)),
      householdRef: demoHouseholdRef(demoResidentIndex(clinicIndex, n)),
    };
  }),
);
