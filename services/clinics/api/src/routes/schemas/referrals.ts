import {
  localizedTextSchema,
  needCategorySchema,
  offerKindSchema,
  partnerAgencySchema,
  referralWithdrawnV1,
  slugIdSchema,
  trackingCodeSchema,
} from '@hamgam/contracts';
import { pageQueryShape } from '@hamgam/service-kit';
import { z } from 'zod';
import { referralStates, referralStepKinds } from '../../domain/referral-state.js';

const referralStepSchema = z.object({
  kind: z.enum(referralStepKinds),
  at: z.date(),
  reason: z.string().nullable().optional(),
  outcome: z.string().nullable().optional(),
  completeBy: z.string().nullable().optional(),
});

export const referralViewSchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  agency: partnerAgencySchema,
  agencyName: localizedTextSchema,
  offerId: z.string(),
  offerTitle: localizedTextSchema,
  clinicId: z.string(),
  neighbourhoodId: z.string(),
  residentId: z.string(),
  needCategory: needCategorySchema,
  state: z.enum(referralStates),
  respondBy: z.string(),
  completeBy: z.string().nullable(),
  /** The day the current state is due (null when nothing is awaited). */
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  madeAt: z.date(),
  updatedAt: z.date(),
  steps: z.array(referralStepSchema),
  /** Who is referred, as the clinic's screens name them: the name for its own staff only, the household's file number. */
  resident: z.object({ fullName: z.string().nullable(), fileNumber: z.string() }).optional(),
});

export const referralQuerySchema = z
  .object({
    ...pageQueryShape,
    clinicId: slugIdSchema.optional(),
    state: z.enum(referralStates).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    residentId: z.uuid().optional(),
    agency: partnerAgencySchema.optional(),
    /** A tracking code, a file number, or (the clinic's own staff) a name or national id. */
    q: z.string().trim().min(1).max(120).optional(),
    sort: z.enum(['newest', 'oldest', 'updated', 'respond-by']).default('newest'),
  })
  .strict();

export const newReferralSchema = z
  .object({ residentId: z.uuid(), offerId: slugIdSchema, needCategory: needCategorySchema.optional() })
  .strict();
export const withdrawReferralSchema = z.object({ reason: referralWithdrawnV1.shape.reason }).strict();
export const referralSummaryQuerySchema = z.object({ clinicId: slugIdSchema.optional() }).strict();
/** A clinic home's counters. */
export const referralCountsSchema = z.object({
  clinicId: z.string(),
  open: z.number(),
  overdue: z.number(),
  byState: z.record(z.string(), z.number()),
});

export const offerViewSchema = z.object({
  id: z.string(),
  agency: partnerAgencySchema,
  agencyName: localizedTextSchema,
  kind: offerKindSchema,
  title: localizedTextSchema,
  eligibility: localizedTextSchema,
  answers: z.array(needCategorySchema),
  neighbourhoodIds: z.array(z.string()),
  place: localizedTextSchema,
  schedule: localizedTextSchema,
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  capacity: z.number(),
  available: z.number(),
  status: z.enum(['open', 'closed']),
  revision: z.number(),
  publishedAt: z.date(),
});

export const catalogueQuerySchema = z
  .object({
    ...pageQueryShape,
    neighbourhoodId: slugIdSchema.optional(),
    category: needCategorySchema.optional(),
    agency: partnerAgencySchema.optional(),
    openOnly: z.enum(['true', 'false']).optional(),
  })
  .strict();

/**
 * One thing that happened in a resident's matters. `kind` is open (`<subject>.<step>`, e.g.
 * `referral.accepted`): later sources (eligibility, enrolments) add kinds without changing readers.
 */
export const timelineEntrySchema = z.object({
  kind: z.string().regex(/^[a-z-]+\.[a-z-]+$/),
  at: z.date(),
  agency: partnerAgencySchema.nullable(),
  agencyName: localizedTextSchema.nullable(),
  title: localizedTextSchema,
  /** Where it happens (a course's venue), when the entry has a place. */
  place: localizedTextSchema.nullable().optional(),
  /** Whose matter: the resident's own, or their household's (welfare's eligibility, a household benefit). */
  scope: z.enum(['resident', 'household']).optional(),
  /** What the entry is about: the referral (its id and tracking code), an enrolment, a support request, … */
  subject: z.object({ type: z.string(), id: z.string(), trackingCode: z.string().optional() }),
  detail: z.record(z.string(), z.string()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** Exactly what the public tracking page may show: no name, no resident id, no clinic staff. */
export const trackingViewSchema = z
  .object({
    code: trackingCodeSchema,
    status: z.enum(referralStates),
    statusLabel: localizedTextSchema,
    nextStep: localizedTextSchema,
    lastUpdate: z.iso.date(),
  })
  .strict();

export const trackingParams = z.object({ code: z.string().trim().toUpperCase().pipe(trackingCodeSchema) }).strict();
