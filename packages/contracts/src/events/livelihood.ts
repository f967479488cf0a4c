import { z } from 'zod';
import { isoDateSchema, needCategorySchema, opaqueIdSchema, slugIdSchema } from '../shared.js';

/**
 * The events that carry a resident from a need to a working livelihood across agencies (BRIEF "flows
 * that cross agencies"): training at TVTO, welfare's eligibility flags, the Relief Committee's support,
 * and the institute-funding office's benefits. Residents and households travel as the clinic's opaque ids.
 */

/** Where a course runs: a clinic, a TVTO centre, or a private institute in the neighbourhood. */
export const trainingVenueSchema = z.object({ kind: z.enum(['clinic', 'tvto-centre', 'private-institute']), id: slugIdSchema }).strict();
export type TrainingVenue = z.infer<typeof trainingVenueSchema>;

const enrolmentFields = {
  enrolmentId: opaqueIdSchema,
  courseId: slugIdSchema,
  /** The trade taught, e.g. `tailoring`, `pastry`, `carpentry`. */
  trade: slugIdSchema,
  venue: trainingVenueSchema,
  residentRef: opaqueIdSchema,
  /** Known when the resident came through a clinic referral; null for a direct enrolment. */
  householdRef: opaqueIdSchema.nullable(),
  neighbourhoodId: slugIdSchema.nullable(),
  referralId: opaqueIdSchema.nullable(),
};

/** TVTO enrolled a resident on a course (from an accepted referral or directly). */
export const enrolmentRecordedV1 = z.object({ ...enrolmentFields, enrolledAt: z.iso.datetime() }).strict();
export type EnrolmentRecordedV1 = z.infer<typeof enrolmentRecordedV1>;

/** A course ended for one resident; `passed` comes with a certificate number. */
export const enrolmentCompletedV1 = z
  .object({
    ...enrolmentFields,
    result: z.enum(['passed', 'failed', 'dropped-out']),
    certificateNo: z
      .string()
      .regex(/^[A-Z0-9-]{4,32}$/)
      .nullable(),
    completedAt: z.iso.datetime(),
  })
  .strict();
export type EnrolmentCompletedV1 = z.infer<typeof enrolmentCompletedV1>;

/** TVTO issued a workshop permit in a target neighbourhood (Basij may then prepare the space). */
export const workshopPermitIssuedV1 = z
  .object({
    permitId: opaqueIdSchema,
    permitNo: z.string().regex(/^[A-Z0-9-]{4,32}$/),
    trade: slugIdSchema,
    neighbourhoodId: slugIdSchema,
    /** Null when the applicant did not come through a clinic. */
    residentRef: opaqueIdSchema.nullable(),
    validUntil: isoDateSchema,
    issuedAt: z.iso.datetime(),
  })
  .strict();
export type WorkshopPermitIssuedV1 = z.infer<typeof workshopPermitIssuedV1>;

/** What welfare vouches for about a household, never why (the case stays with welfare). */
export const eligibilityFlags = ['low-income', 'female-headed-household', 'disability-in-household', 'long-term-unemployed'] as const;
export const eligibilityFlagSchema = z.enum(eligibilityFlags);
export type EligibilityFlag = z.infer<typeof eligibilityFlagSchema>;

export const eligibilityFlaggedV1 = z
  .object({
    flagId: opaqueIdSchema,
    householdRef: opaqueIdSchema,
    flag: eligibilityFlagSchema,
    validUntil: isoDateSchema,
    flaggedAt: z.iso.datetime(),
  })
  .strict();
export type EligibilityFlaggedV1 = z.infer<typeof eligibilityFlaggedV1>;

export const eligibilityRevokedV1 = z
  .object({ flagId: opaqueIdSchema, householdRef: opaqueIdSchema, flag: eligibilityFlagSchema, revokedAt: z.iso.datetime() })
  .strict();
export type EligibilityRevokedV1 = z.infer<typeof eligibilityRevokedV1>;

export const supportKinds = ['micro-loan', 'grant', 'equipment'] as const;
export const supportKindSchema = z.enum(supportKinds);

/** The Relief Committee decided a home-business support request. */
export const supportDecidedV1 = z
  .object({
    requestId: opaqueIdSchema,
    residentRef: opaqueIdSchema,
    householdRef: opaqueIdSchema,
    referralId: opaqueIdSchema.nullable(),
    kind: supportKindSchema,
    decision: z.enum(['approved', 'rejected']),
    amountRials: z.number().int().nonnegative(),
    decidedAt: z.iso.datetime(),
  })
  .strict();
export type SupportDecidedV1 = z.infer<typeof supportDecidedV1>;

export const supportDisbursedV1 = z
  .object({
    requestId: opaqueIdSchema,
    residentRef: opaqueIdSchema,
    householdRef: opaqueIdSchema,
    kind: supportKindSchema,
    amountRials: z.number().int().positive(),
    disbursedAt: z.iso.datetime(),
  })
  .strict();
export type SupportDisbursedV1 = z.infer<typeof supportDisbursedV1>;

/**
 * A household received a benefit for a purpose (a need category). Relief and institute funding both
 * publish it, and each flags to its officers a household funded twice for the same purpose.
 */
export const benefitGrantedV1 = z
  .object({
    benefitId: opaqueIdSchema,
    householdRef: opaqueIdSchema,
    residentRef: opaqueIdSchema.nullable(),
    purpose: needCategorySchema,
    amountRials: z.number().int().nonnegative(),
    grantedAt: z.iso.datetime(),
  })
  .strict();
export type BenefitGrantedV1 = z.infer<typeof benefitGrantedV1>;

/** The institute-funding office released a tranche of an award against verified outcomes. */
export const trancheReleasedV1 = z
  .object({
    awardId: opaqueIdSchema,
    instituteId: slugIdSchema,
    trancheNo: z.number().int().positive(),
    amountRials: z.number().int().positive(),
    verifiedEnrolments: z.number().int().nonnegative(),
    verifiedCompletions: z.number().int().nonnegative(),
    releasedAt: z.iso.datetime(),
  })
  .strict();
export type TrancheReleasedV1 = z.infer<typeof trancheReleasedV1>;
