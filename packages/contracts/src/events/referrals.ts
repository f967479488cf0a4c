import { z } from 'zod';
import { isoDateSchema, needCategorySchema, opaqueIdSchema, partnerAgencySchema, slugIdSchema, trackingCodeSchema } from '../shared.js';

/**
 * A clinic referred a resident, with their consent, to an agency's offer. Only opaque ids travel:
 * the agency meets the resident, who shows the tracking code.
 */
export const referralMadeV1 = z
  .object({
    referralId: opaqueIdSchema,
    trackingCode: trackingCodeSchema,
    agency: partnerAgencySchema,
    offerId: slugIdSchema,
    clinicId: slugIdSchema,
    neighbourhoodId: slugIdSchema,
    residentRef: opaqueIdSchema,
    /** The resident's household: what welfare's eligibility flags and the duplicate-benefit check speak of. */
    householdRef: opaqueIdSchema,
    needCategory: needCategorySchema,
    /** The agency should accept or decline by this day. */
    respondBy: isoDateSchema,
    madeAt: z.iso.datetime(),
  })
  .strict();
export type ReferralMadeV1 = z.infer<typeof referralMadeV1>;

/** The clinic took a referral back (consent withdrawn, the resident asked, or it was a duplicate). */
export const referralWithdrawnV1 = z
  .object({
    referralId: opaqueIdSchema,
    agency: partnerAgencySchema,
    reason: z.enum(['consent-withdrawn', 'resident-request', 'duplicate']),
    withdrawnAt: z.iso.datetime(),
  })
  .strict();
export type ReferralWithdrawnV1 = z.infer<typeof referralWithdrawnV1>;

export const referralAcceptedV1 = z
  .object({
    referralId: opaqueIdSchema,
    agency: partnerAgencySchema,
    acceptedAt: z.iso.datetime(),
    /** The agency expects to complete (course end, loan decision, ...) by this day. */
    completeBy: isoDateSchema,
  })
  .strict();
export type ReferralAcceptedV1 = z.infer<typeof referralAcceptedV1>;

export const declineReasons = ['not-eligible', 'no-capacity', 'duplicate-benefit', 'unreachable', 'declined-by-resident'] as const;
export const referralDeclinedV1 = z
  .object({
    referralId: opaqueIdSchema,
    agency: partnerAgencySchema,
    reason: z.enum(declineReasons),
    declinedAt: z.iso.datetime(),
  })
  .strict();
export type ReferralDeclinedV1 = z.infer<typeof referralDeclinedV1>;

export const referralOutcomes = ['achieved', 'partly-achieved', 'not-achieved'] as const;
export const referralCompletedV1 = z
  .object({
    referralId: opaqueIdSchema,
    agency: partnerAgencySchema,
    outcome: z.enum(referralOutcomes),
    completedAt: z.iso.datetime(),
  })
  .strict();
export type ReferralCompletedV1 = z.infer<typeof referralCompletedV1>;
