import { pageQueryShape } from '@hamgam/service-kit';
import {
  commitmentStatusSchema,
  declineReasons,
  isoDateSchema,
  localizedNameSchema,
  needCategorySchema,
  offerKinds,
  offerPublishedV1,
  opaqueIdSchema,
  rankedPrioritySchema,
  referralOutcomes,
  slugIdSchema,
} from '@hamgam/contracts';
import { z } from 'zod';
import { typedCodeOr } from '../domain/code-search.js';
import { referralStates } from '../domain/referrals.js';

/** What staff send to create an offer: the catalogue entry without what the desk adds. */
export const offerFieldsSchema = offerPublishedV1.omit({ offerId: true, agency: true, revision: true, publishedAt: true }).strict();
/** `offerId` is for integrations that keep their own ids (with the agency's prefix); staff leave it out and the desk makes one. */
export const newOfferSchema = offerFieldsSchema.extend({ offerId: slugIdSchema.max(80).optional() }).strict();
/** An edit: the fields, and optionally the revision the editor started from (optimistic concurrency). */
export const offerEditSchema = offerFieldsSchema.extend({ basedOnRevision: z.number().int().positive().optional() }).strict();
export const offerParams = z.object({ offerId: slugIdSchema }).strict();
export const offerQuerySchema = z
  .object({
    ...pageQueryShape,
    /** Words of the title, in either language (Arabic ي/ك read as the Persian letters). */
    q: z
      .string()
      .trim()
      .max(60)
      .transform((text) => text.replace(/ي/g, 'ی').replace(/ك/g, 'ک'))
      .optional(),
    kind: z.enum(offerKinds).optional(),
    status: z.enum(['open', 'closed']).optional(),
  })
  .strict();

export const offerViewSchema = offerFieldsSchema.extend({
  offerId: z.string(),
  revision: z.number(),
  /** Referrals holding a seat (opaque ids). */
  seatsTaken: z.number(),
  updatedAt: z.date(),
});

/**
 * A tracking code or its beginning, as a person types it (any case, Persian digits, with or without the
 * dash or spaces): normalised to the code's own alphabet, e.g. `k7qm 3x` → `K7QM3X`; text that cannot be
 * part of a code finds nothing.
 */
export const trackingCodeSearchSchema = z
  .string()
  .max(40)
  .transform(typedCodeOr(/^[A-HJ-NP-Z2-9]{1,8}$/));

/** The orders the received referrals can be listed in. */
export const referralSorts = ['madeAt', 'respondBy'] as const;

export const referralQuerySchema = z
  .object({
    ...pageQueryShape,
    state: z.enum(referralStates).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    /** A tracking code, or its first characters. */
    q: trackingCodeSearchSchema.optional(),
    neighbourhoodId: slugIdSchema.max(80).optional(),
    clinicId: slugIdSchema.max(80).optional(),
    offerId: slugIdSchema.max(80).optional(),
    needCategory: needCategorySchema.optional(),
    sort: z.enum(referralSorts).default('madeAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();
export const referralParams = z.object({ referralId: opaqueIdSchema }).strict();
export const acceptBodySchema = z.object({ completeBy: isoDateSchema }).strict();
export const declineBodySchema = z.object({ reason: z.enum(declineReasons) }).strict();
export const completeBodySchema = z.object({ outcome: z.enum(referralOutcomes) }).strict();

/** A received referral as staff see it: opaque ids, the tracking code, what and where; never a resident's name. */
export const referralViewSchema = z.object({
  referralId: z.string(),
  trackingCode: z.string(),
  offerId: z.string(),
  offerTitle: localizedNameSchema.nullable(),
  clinicId: z.string(),
  /** The clinic and neighbourhood by name (null only for a place the desk has never heard named). */
  clinicName: localizedNameSchema.nullable(),
  neighbourhoodId: z.string(),
  neighbourhoodName: localizedNameSchema.nullable(),
  residentRef: z.string(),
  /** Null for referrals received before referrals carried the household. */
  householdRef: z.string().nullable(),
  needCategory: needCategorySchema,
  state: z.enum(referralStates),
  madeAt: z.date(),
  respondBy: z.string(),
  acceptedAt: z.date().nullable(),
  completeBy: z.string().nullable(),
  declinedAt: z.date().nullable(),
  declineReason: z.string().nullable(),
  completedAt: z.date().nullable(),
  outcome: z.string().nullable(),
  withdrawnAt: z.date().nullable(),
  withdrawReason: z.string().nullable(),
  overdue: z.boolean(),
});

/** The places the desk names: every neighbourhood of the programme and its clinics, in both languages. */
export const placesViewSchema = z.object({
  neighbourhoods: z.array(z.object({ neighbourhoodId: z.string(), name: localizedNameSchema })),
  clinics: z.array(z.object({ clinicId: z.string(), name: localizedNameSchema, neighbourhoodId: z.string() })),
});

export const referredPeopleQuerySchema = z.object({ ...pageQueryShape, q: trackingCodeSearchSchema.optional() }).strict();
/** A resident and household a clinic named to the agency, as its staff pick them: by tracking code, place and offer, never an id shown. */
export const referredPersonSchema = z.object({
  referralId: z.string(),
  trackingCode: z.string(),
  residentRef: z.string(),
  householdRef: z.string(),
  neighbourhoodId: z.string(),
  neighbourhoodName: localizedNameSchema.nullable(),
  clinicId: z.string(),
  clinicName: localizedNameSchema.nullable(),
  offerId: z.string(),
  offerTitle: localizedNameSchema.nullable(),
  needCategory: needCategorySchema,
  state: z.enum(referralStates),
  madeAt: z.date(),
});

/** A trade's name, or part of it, in either language. */
export const tradeQuerySchema = z.object({ q: z.string().trim().max(60).optional() }).strict();
export const tradeViewSchema = z.object({ tradeId: z.string(), name: localizedNameSchema });

export const declareBodySchema = z
  .object({
    neighbourhoodId: slugIdSchema,
    answers: needCategorySchema.nullable(),
    title: z.string().trim().min(3).max(200),
    dueOn: isoDateSchema,
  })
  .strict();
export const commitmentParams = z.object({ id: opaqueIdSchema }).strict();
export const commitmentQuerySchema = z
  .object({
    ...pageQueryShape,
    /** One status, or `open`: every one not delivered yet. */
    status: z.union([commitmentStatusSchema, z.literal('open')]).optional(),
    source: z.enum(['agency', 'working-group']).optional(),
    neighbourhoodId: slugIdSchema.max(80).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    /** By due day: soonest first (default) or latest first. */
    order: z.enum(['asc', 'desc']).default('asc'),
  })
  .strict();
export const progressBodySchema = z
  .object({
    status: z.enum(['in-progress', 'delivered', 'slipped']),
    evidence: z.string().trim().min(1).max(500).nullable().default(null),
    revisedDueOn: isoDateSchema.nullable().default(null),
  })
  .strict();

export const commitmentViewSchema = z.object({
  commitmentId: z.string(),
  source: z.enum(['agency', 'working-group']),
  neighbourhoodId: z.string(),
  answers: needCategorySchema.nullable(),
  title: z.string(),
  dueOn: z.string(),
  revisedDueOn: z.string().nullable(),
  status: commitmentStatusSchema,
  evidence: z.string().nullable(),
  meetingId: z.string().nullable(),
  resolutionId: z.string().nullable(),
  declaredAt: z.date(),
  history: z.array(z.object({ status: z.string(), at: z.date(), evidence: z.string().nullable(), revisedDueOn: z.string().nullable() })),
  overdue: z.boolean(),
});

export const prioritiesViewSchema = z.object({
  neighbourhoodId: z.string(),
  neighbourhoodName: localizedNameSchema,
  period: z.string(),
  version: z.number(),
  priorities: z.array(rankedPrioritySchema),
});
