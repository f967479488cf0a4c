import { referredPersonSchema, trackingCodeSearchSchema, typedCodeOr } from '@hamgam/agency-desk';
import { pageQueryShape } from '@hamgam/service-kit';
import { eligibilityFlagSchema, isoDateSchema, localizedNameSchema, opaqueIdSchema, slugIdSchema } from '@hamgam/contracts';
import { z } from 'zod';
import { disabilityLevels, housingConditions, incomeLevels, vulnerabilityLevels } from '../domain/assessment.js';
import { caseStates, closureReasons } from '../domain/cases.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const caseParams = z.object({ caseId: opaqueIdSchema }).strict();
export const goalParams = caseParams.extend({ goalId: opaqueIdSchema }).strict();
export const taskParams = caseParams.extend({ taskId: opaqueIdSchema }).strict();
export const flagParams = caseParams.extend({ flagId: opaqueIdSchema }).strict();

/** A file number (`WF-K7QM-3XWA`) or a tracking code, whole or begun, as typed: normalised (`WFK7QM3XWA`, `K7QM3X`). */
const caseCodeSearchSchema = z
  .string()
  .max(40)
  .transform(typedCodeOr(/^(?:WF)?[A-HJ-NP-Z2-9]{1,8}$/));

export const caseQuerySchema = z
  .object({
    ...pageQueryShape,
    state: z.enum(caseStates).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    neighbourhoodId: slugIdSchema.max(80).optional(),
    /** A file number (`WF-K7QM-3XWA`) or a referral's tracking code, whole or its beginning, as typed. */
    q: caseCodeSearchSchema.optional(),
    /** By the day opened: newest first (default) or oldest first. */
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();

/** A household welfare may open a case for: one a clinic named in a referral to welfare, found by its tracking code. */
export const knownHouseholdQuerySchema = z.object({ ...pageQueryShape, q: trackingCodeSearchSchema.optional() }).strict();
export const knownHouseholdSchema = referredPersonSchema.extend({
  /** The household has an open case already (in this or another caseload): opening another is refused. */
  openCase: z.boolean(),
});

export const openCaseBodySchema = z
  .object({
    householdRef: opaqueIdSchema,
    residentRef: opaqueIdSchema.nullable().default(null),
    neighbourhoodId: slugIdSchema,
    clinicId: slugIdSchema.nullable().default(null),
  })
  .strict();
export const fromReferralBodySchema = z.object({ referralId: opaqueIdSchema }).strict();

const count = z.number().int().min(0).max(40);
export const assessmentBodySchema = z
  .object({
    income: z.object({ level: z.enum(incomeLevels), mainEarnerMonthsUnemployed: z.number().int().min(0).max(600) }).strict(),
    housing: z.object({ condition: z.enum(housingConditions) }).strict(),
    health: z.object({ disability: z.enum(disabilityLevels), chronicIllness: z.boolean() }).strict(),
    household: z.object({ members: count.min(1), dependants: count, earners: count, femaleHeaded: z.boolean() }).strict(),
  })
  .strict();

export const goalBodySchema = z.object({ text: text(300) }).strict();
export const goalMarkSchema = z.object({ met: z.boolean() }).strict();
export const taskBodySchema = z.object({ text: text(300), dueOn: isoDateSchema }).strict();
export const taskMarkSchema = z.object({ done: z.boolean() }).strict();
export const visitBodySchema = z
  .object({ visitedOn: isoDateSchema, notes: text(2000), nextVisitOn: isoDateSchema.nullable().default(null) })
  .strict();
export const closeBodySchema = z.object({ reason: z.enum(closureReasons) }).strict();
export const reopenBodySchema = z.object({ reason: z.string().trim().min(3).max(500) }).strict();
export const flagBodySchema = z.object({ flag: eligibilityFlagSchema, validUntil: isoDateSchema }).strict();

const resultSchema = z.object({
  scores: z.object({ income: z.number(), housing: z.number(), health: z.number(), household: z.number() }),
  total: z.number(),
  level: z.enum(vulnerabilityLevels),
  suggestedFlags: z.array(eligibilityFlagSchema),
});

/** A case in the worker's caseload list. */
export const caseSummarySchema = z.object({
  caseId: z.string(),
  /** What people read and search by (never the case's id). */
  fileNumber: z.string(),
  /** The tracking code of the referral the case was opened from, if it was. */
  trackingCode: z.string().nullable(),
  householdRef: z.string(),
  residentRef: z.string().nullable(),
  neighbourhoodId: z.string(),
  clinicId: z.string().nullable(),
  referralId: z.string().nullable(),
  /** Opened directly for a household (or resident) no clinic's referral had named to welfare: check the ids with the clinic. */
  unverified: z.boolean(),
  state: z.enum(caseStates),
  level: z.enum(vulnerabilityLevels).nullable(),
  openedAt: z.date(),
  overdueTasks: z.number(),
  nextVisitOn: z.string().nullable(),
  visitOverdue: z.boolean(),
  overdue: z.boolean(),
  activeFlags: z.array(eligibilityFlagSchema),
});

/** A case with everything in it, for its own worker only. */
export const caseViewSchema = caseSummarySchema.extend({
  worker: z.string(),
  closedFrom: z.string().nullable(),
  closure: z.object({ reason: z.enum(closureReasons), at: z.date(), by: z.string() }).nullable(),
  reopenReason: z.string().nullable(),
  assessment: z.object({ answers: assessmentBodySchema, result: resultSchema, assessedAt: z.date(), assessedBy: z.string() }).nullable(),
  goals: z.array(
    z.object({
      goalId: z.string(),
      text: z.string(),
      met: z.boolean(),
      tasks: z.array(
        z.object({
          taskId: z.string(),
          text: z.string(),
          dueOn: z.string(),
          done: z.boolean(),
          doneAt: z.date().nullable(),
          overdue: z.boolean(),
        }),
      ),
    }),
  ),
  visits: z.array(
    z.object({
      visitId: z.string(),
      visitedOn: z.string(),
      notes: z.string(),
      nextVisitOn: z.string().nullable(),
      recordedBy: z.string(),
      recordedAt: z.date(),
    }),
  ),
  flags: z.array(
    z.object({
      flagId: z.string(),
      flag: eligibilityFlagSchema,
      validUntil: z.string(),
      confirmedAt: z.date(),
      confirmedBy: z.string(),
      revokedAt: z.date().nullable(),
      revokedBy: z.string().nullable(),
      active: z.boolean(),
    }),
  ),
  /** The desk referral it came from, as the desk holds it now. */
  referral: z.object({ trackingCode: z.string().nullable(), state: z.string(), outcome: z.string().nullable() }).nullable(),
  revision: z.number(),
  history: z.array(z.object({ at: z.date(), by: z.string(), action: z.string(), detail: z.string().nullable() })),
});

export const openableReferralSchema = z.object({
  referralId: z.string(),
  trackingCode: z.string(),
  offerId: z.string(),
  offerTitle: localizedNameSchema,
  clinicId: z.string().nullable(),
  neighbourhoodId: z.string().nullable(),
  householdRef: z.string().nullable(),
  acceptedAt: z.date().nullable(),
  completeBy: z.string().nullable(),
});

const byState = z.object(Object.fromEntries(caseStates.map((s) => [s, z.number()])) as Record<(typeof caseStates)[number], z.ZodNumber>);
const byLevel = z.object({ low: z.number(), medium: z.number(), high: z.number(), unassessed: z.number() });

/**
 * What coordinators and auditors see of welfare's casework: counts only, per neighbourhood — no case,
 * household, resident, worker, note or reason. Flags are counted programme-wide.
 */
export const caseloadSummarySchema = z.object({
  asOf: z.date(),
  neighbourhoods: z.array(z.object({ neighbourhoodId: z.string(), total: z.number(), byState, byLevel, withOverdueWork: z.number() })),
  totals: z.object({ total: z.number(), byState, byLevel, withOverdueWork: z.number() }),
  activeFlags: z.object(
    Object.fromEntries(eligibilityFlagSchema.options.map((f) => [f, z.number()])) as Record<
      z.infer<typeof eligibilityFlagSchema>,
      z.ZodNumber
    >,
  ),
});
