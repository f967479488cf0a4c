import { typedCodeOr } from '@hamgam/agency-desk';
import { pageQueryShape } from '@hamgam/service-kit';
import { isoDateSchema, needCategorySchema, opaqueIdSchema, slugIdSchema } from '@hamgam/contracts';
import { z } from 'zod';
import { agreementStatuses, partners } from '../domain/agreements.js';
import { projectStatuses } from '../domain/projects.js';
import { loanLimits } from '../domain/schedule.js';
import { supportKinds, supportStates } from '../domain/support.js';

const rials = z.number().int().positive().max(loanLimits.maxAmountRials);
const text = (max: number) => z.string().trim().min(1).max(max);

export const requestParams = z.object({ requestId: opaqueIdSchema }).strict();
export const requestQuery = z
  .object({
    ...pageQueryShape,
    state: z.enum([...supportStates, 'in-arrears']).optional(),
    /** A request number (`RL-K7QM-3XWA`) or a referral's tracking code, whole or its beginning, as typed. */
    q: z
      .string()
      .max(40)
      .transform(typedCodeOr(/^(?:RL)?[A-HJ-NP-Z2-9]{1,8}$/))
      .optional(),
    kind: z.enum(supportKinds).optional(),
    purpose: needCategorySchema.optional(),
    neighbourhoodId: slugIdSchema.max(80).optional(),
    /** By the day submitted: newest first (default) or oldest first. */
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();

export const meansTestSchema = z.enum(['not-done', 'passed', 'failed']);

const requestTerms = {
  kind: z.enum(supportKinds),
  requestedRials: rials,
  businessPlan: text(2000),
  meansTest: meansTestSchema.default('not-done'),
};

/**
 * A new request: from an accepted referral (its resident, household and neighbourhood come with it; the household
 * given only when the referral names none), or direct (the resident, the household and the need named here).
 */
export const newRequestSchema = z.union([
  z
    .object({
      referralId: opaqueIdSchema,
      householdRef: opaqueIdSchema.optional(),
      neighbourhoodId: slugIdSchema.optional(),
      purpose: needCategorySchema.optional(),
      ...requestTerms,
    })
    .strict(),
  z
    .object({
      residentRef: opaqueIdSchema,
      householdRef: opaqueIdSchema,
      neighbourhoodId: slugIdSchema.optional(),
      purpose: needCategorySchema,
      ...requestTerms,
    })
    .strict(),
]);

export const meansTestBodySchema = z.object({ meansTest: meansTestSchema }).strict();

export const loanTermsSchema = z
  .object({
    months: z.number().int().min(1).max(loanLimits.maxMonths),
    graceMonths: z.number().int().min(0).max(loanLimits.maxGraceMonths),
    feePercent: z.number().min(0).max(loanLimits.maxFeePercent),
  })
  .strict();

export const approveBodySchema = z.object({ amountRials: rials, terms: loanTermsSchema.optional() }).strict();
export const rejectBodySchema = z.object({ reason: text(500) }).strict();
export const emptyBodySchema = z.object({}).strict();
export const repaymentBodySchema = z.object({ amountRials: rials, paidOn: isoDateSchema }).strict();
export const followUpBodySchema = z
  .object({ visitedOn: isoDateSchema, operating: z.boolean(), note: z.string().trim().max(1000).default('') })
  .strict();

const instalmentSchema = z.object({
  no: z.number(),
  dueOn: z.string(),
  principalRials: z.number(),
  feeRials: z.number(),
  amountRials: z.number(),
});

/** A request as the officers see it: opaque ids only, never a name. */
export const requestViewSchema = z.object({
  requestId: z.string(),
  /** What people read and search by (`RL-K7QM-3XWA`), never the id. */
  requestNumber: z.string(),
  /** The tracking code of the referral it answers, if it does. */
  trackingCode: z.string().nullable(),
  referralId: z.string().nullable(),
  /**
   * A direct request for a resident and household no clinic's referral has named to relief (yet): check the
   * ids with the clinic. It is neither approved nor disbursed (409 refs-unverified) until a referral names them.
   */
  unverified: z.boolean(),
  residentRef: z.string(),
  householdRef: z.string(),
  neighbourhoodId: z.string().nullable(),
  kind: z.enum(supportKinds),
  purpose: z.string(),
  requestedRials: z.number(),
  businessPlan: z.string(),
  meansTest: meansTestSchema,
  state: z.enum(supportStates),
  status: z.enum([...supportStates, 'in-arrears']),
  assessment: z.object({ eligible: z.boolean(), reasons: z.array(z.string()), validFlags: z.array(z.string()), at: z.date() }),
  decision: z
    .object({
      decision: z.enum(['approved', 'rejected']),
      amountRials: z.number(),
      reason: z.string().nullable(),
      terms: loanTermsSchema.nullable(),
      decidedAt: z.date(),
      decidedBy: z.string(),
    })
    .nullable(),
  disbursement: z.object({ amountRials: z.number(), disbursedAt: z.date(), disbursedOn: z.string(), benefitId: z.string() }).nullable(),
  schedule: z
    .object({ principalRials: z.number(), feeRials: z.number(), totalRials: z.number(), instalments: z.array(instalmentSchema) })
    .nullable(),
  arrears: z
    .object({
      paidRials: z.number(),
      outstandingRials: z.number(),
      arrearsRials: z.number(),
      overdueInstalments: z.number(),
      oldestOverdueOn: z.string().nullable(),
      nextDue: z.object({ no: z.number(), dueOn: z.string(), remainingRials: z.number() }).nullable(),
    })
    .nullable(),
  repayments: z.array(z.object({ repaymentId: z.string(), amountRials: z.number(), paidOn: z.string(), recordedAt: z.date() })),
  followUps: z.array(
    z.object({ followUpId: z.string(), visitedOn: z.string(), operating: z.boolean(), note: z.string(), recordedAt: z.date() }),
  ),
  /** Earlier benefits of the household for the same purpose (the duplicate-benefit warning). */
  duplicateBenefits: z.number(),
  submittedAt: z.date(),
});

const benefitViewSchema = z.object({
  benefitId: z.string(),
  source: z.enum(['relief-partnerships', 'institute-funding']),
  householdRef: z.string(),
  purpose: z.string(),
  amountRials: z.number(),
  grantedAt: z.date(),
  requestId: z.string().nullable(),
  /** The relief request's number (what people read), for a benefit relief granted. */
  requestNumber: z.string().nullable(),
});

/** The page of one request: the view, the facts it is judged on, today's answer and the household's earlier benefits. */
export const requestDetailSchema = requestViewSchema.extend({
  facts: z.object({
    certificates: z.array(
      z.object({ enrolmentId: z.string(), trade: z.string(), certificateNo: z.string().nullable(), completedAt: z.date() }),
    ),
    flags: z.array(
      z.object({
        flagId: z.string(),
        flag: z.string().nullable(),
        validUntil: z.string().nullable(),
        revokedAt: z.date().nullable(),
        status: z.enum(['valid', 'expired', 'revoked']),
      }),
    ),
  }),
  eligibleToday: z.object({ eligible: z.boolean(), reasons: z.array(z.string()), validFlags: z.array(z.string()) }),
  priorBenefits: z.array(benefitViewSchema),
});

export const duplicateFlagSchema = z.object({ householdRef: z.string(), purpose: z.string(), benefits: z.array(benefitViewSchema) });

/** Accepted desk referrals for a loan, grant or equipment that have no request yet. */
export const openReferralSchema = z.object({
  referralId: z.string(),
  trackingCode: z.string(),
  offerId: z.string(),
  kind: z.enum(supportKinds),
  residentRef: z.string(),
  householdRef: z.string().nullable(),
  neighbourhoodId: z.string(),
  needCategory: z.string(),
  completeBy: z.string().nullable(),
});

/** Residents TVTO certified (a passed course) who have no support request yet: where a request can start. */
export const candidateSchema = z.object({
  residentRef: z.string(),
  /** Null when TVTO enrolled the resident directly (not through a clinic referral): the officer gives it. */
  householdRef: z.string().nullable(),
  neighbourhoodId: z.string().nullable(),
  trade: z.string(),
  certificateNo: z.string().nullable(),
  completedAt: z.date(),
  /** With the household's flags as they stand today (the committee's means test not done yet). */
  eligibleToday: z.boolean().nullable(),
});

// Basij projects
export const projectParams = z.object({ projectId: opaqueIdSchema }).strict();
export const projectQuerySchema = z
  .object({
    ...pageQueryShape,
    status: z.enum(projectStatuses).optional(),
    neighbourhoodId: slugIdSchema.max(80).optional(),
    /** By the day started: newest first (default) or oldest first. */
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();
export const permitQuerySchema = z
  .object({ ...pageQueryShape, neighbourhoodId: slugIdSchema.max(80).optional(), trade: slugIdSchema.max(80).optional() })
  .strict();
export const milestoneParams = z.object({ projectId: opaqueIdSchema, milestoneId: opaqueIdSchema }).strict();
const volunteersSchema = z.object({ count: z.number().int().min(0).max(10_000), skills: z.array(text(60)).max(20) }).strict();
export const newMilestoneSchema = z.object({ title: text(200), dueOn: isoDateSchema }).strict();
export const newProjectSchema = z
  .object({
    title: text(200),
    scope: text(2000),
    neighbourhoodId: slugIdSchema,
    permitId: opaqueIdSchema.nullable().default(null),
    volunteers: volunteersSchema,
    milestones: z.array(newMilestoneSchema).max(30).default([]),
  })
  .strict();
export const volunteersBodySchema = volunteersSchema;
export const milestoneDoneSchema = z.object({ doneOn: isoDateSchema }).strict();
export const completeProjectSchema = z.object({ evidence: text(2000) }).strict();

export const projectViewSchema = z.object({
  projectId: z.string(),
  title: z.string(),
  scope: z.string(),
  neighbourhoodId: z.string(),
  permitId: z.string().nullable(),
  permitNo: z.string().nullable(),
  volunteers: z.object({ count: z.number(), skills: z.array(z.string()) }),
  milestones: z.array(
    z.object({ milestoneId: z.string(), title: z.string(), dueOn: z.string(), doneOn: z.string().nullable(), overdue: z.boolean() }),
  ),
  overdueMilestones: z.number(),
  status: z.enum(projectStatuses),
  evidence: z.string().nullable(),
  completedOn: z.string().nullable(),
  createdAt: z.date(),
});

export const permitViewSchema = z.object({
  permitId: z.string(),
  permitNo: z.string(),
  trade: z.string(),
  neighbourhoodId: z.string(),
  validUntil: z.string(),
  issuedAt: z.date(),
  /** The project preparing it, or null while it awaits preparation. */
  projectId: z.string().nullable(),
});

// Agreements and joint meetings
export const agreementParams = z.object({ agreementId: opaqueIdSchema }).strict();
export const agreementBodySchema = z
  .object({
    partner: z.enum(partners),
    title: text(200),
    scope: text(2000),
    startsOn: isoDateSchema,
    endsOn: isoDateSchema,
    signedOn: isoDateSchema.nullable(),
    status: z.enum(agreementStatuses),
  })
  .strict();
export const agreementViewSchema = agreementBodySchema.extend({
  agreementId: z.string(),
  standing: z.enum(['draft', 'upcoming', 'active', 'expired', 'terminated']),
  updatedAt: z.date(),
});

export const meetingAttendees = [
  'relief-committee',
  'basij-construction',
  'clinics',
  'vocational-training',
  'welfare',
  'institute-funding',
  'coordination',
] as const;
export const meetingBodySchema = z
  .object({
    heldOn: isoDateSchema,
    title: text(200),
    attendees: z.array(z.enum(meetingAttendees)).min(2).max(meetingAttendees.length),
    decisions: text(4000),
  })
  .strict();
export const meetingViewSchema = meetingBodySchema.extend({ meetingId: z.string(), recordedAt: z.date() });
