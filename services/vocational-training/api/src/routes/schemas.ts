import { codeAlphabet, typedCodeOr } from '@hamgam/agency-desk';
import { pageQueryShape } from '@hamgam/service-kit';
import {
  isoDateSchema,
  localizedTextSchema,
  needCategorySchema,
  opaqueIdSchema,
  slugIdSchema,
  trackingCodeSchema,
  trainingVenueSchema,
} from '@hamgam/contracts';
import { z } from 'zod';
import { placementStates } from '../domain/apprenticeships.js';
import { demandLevels, sessionStates } from '../domain/counselling.js';
import { courseLevels } from '../domain/courses.js';
import { completionResults, enrolmentStates } from '../domain/enrolments.js';
import { checklistItems, permitStatuses } from '../domain/permits.js';

const text = (max: number) => z.string().trim().min(1).max(max);

// ---- courses & enrolments
export const newCourseSchema = z
  .object({
    // TVTO's offer prefix (`tvto-…`), checked where the course is made; left out, one is made there.
    courseId: slugIdSchema.max(80).optional(),
    title: localizedTextSchema,
    trade: slugIdSchema.max(40),
    level: z.enum(courseLevels),
    hours: z.number().int().positive().max(2000),
    sessions: z.number().int().positive().max(400),
    venue: trainingVenueSchema,
    venueName: localizedTextSchema,
    schedule: localizedTextSchema,
    startsOn: isoDateSchema,
    endsOn: isoDateSchema,
    capacity: z.number().int().positive().max(500),
    eligibility: localizedTextSchema,
    answers: z.array(needCategorySchema).min(1).default(['skills-training', 'employment']),
    neighbourhoodIds: z.array(slugIdSchema).max(50).default([]),
  })
  .strict();
export const venueViewSchema = z.object({ kind: trainingVenueSchema.shape.kind, id: z.string(), name: localizedTextSchema });
export const courseParams = z.object({ courseId: slugIdSchema }).strict();
export const courseViewSchema = z.object({
  courseId: z.string(),
  title: localizedTextSchema,
  trade: z.string(),
  level: z.enum(courseLevels),
  hours: z.number(),
  sessions: z.number(),
  sessionsHeld: z.number(),
  venue: trainingVenueSchema,
  venueName: localizedTextSchema,
  schedule: localizedTextSchema,
  startsOn: z.string(),
  endsOn: z.string(),
  capacity: z.number(),
  enrolled: z.number(),
  available: z.number(),
});
export const enrolBodySchema = z.union([
  z.object({ referralId: opaqueIdSchema }).strict(),
  z.object({ residentRef: opaqueIdSchema.nullable().default(null), neighbourhoodId: slugIdSchema.nullable().default(null) }).strict(),
]);
export const enrolmentParams = z.object({ enrolmentId: opaqueIdSchema }).strict();
export const enrolmentViewSchema = z.object({
  enrolmentId: z.string(),
  courseId: z.string(),
  trade: z.string(),
  residentRef: z.string(),
  householdRef: z.string().nullable(),
  neighbourhoodId: z.string().nullable(),
  referralId: z.string().nullable(),
  source: z.enum(['referral', 'direct']),
  /** A direct record for a resident no clinic's referral to TVTO has named (yet): the ref may be mistyped or made up. */
  unverified: z.boolean(),
  /** The tracking code of the clinic referral naming this resident (the code staff, clinic and resident share); null when none does. */
  referralCode: z.string().nullable(),
  state: z.enum(enrolmentStates),
  attended: z.array(z.number()),
  attendanceRate: z.number(),
  result: z.enum(completionResults).nullable(),
  certificateNo: z.string().nullable(),
  enrolledAt: z.date(),
  completedAt: z.date().nullable(),
});
export const courseDetailSchema = courseViewSchema.extend({ enrolments: z.array(enrolmentViewSchema) });
export const attendanceParams = z.object({ courseId: slugIdSchema, session: z.coerce.number().int().positive() }).strict();
export const attendanceBodySchema = z.object({ present: z.array(opaqueIdSchema).max(500) }).strict();
export const attendanceViewSchema = z.object({ session: z.number(), present: z.number(), enrolled: z.number(), changed: z.number() });
export const completeBodySchema = z.object({ result: z.enum(completionResults) }).strict();
export const certificateViewSchema = z.object({
  certificateNo: z.string(),
  enrolmentId: z.string(),
  courseId: z.string(),
  courseTitle: localizedTextSchema.nullable(),
  trade: z.string(),
  residentRef: z.string(),
  neighbourhoodId: z.string().nullable(),
  completedAt: z.date(),
});

// ---- permits
export const permitApplicationSchema = z
  .object({
    /** A clinic referral to the workshop-permit offer the desk accepted: the applicant is its resident. */
    referralId: opaqueIdSchema.nullable().default(null),
    residentRef: opaqueIdSchema.nullable().default(null),
    applicantName: text(120).nullable().default(null),
    trade: slugIdSchema.max(40),
    neighbourhoodId: slugIdSchema,
    address: text(300),
  })
  .strict()
  .refine((a) => [a.referralId, a.residentRef, a.applicantName].filter((x) => x !== null).length === 1, {
    message: 'an applicant is one of: a referral (referralId), a resident the clinic knows (residentRef), or a walk-in (applicantName)',
  });
export const permitParams = z.object({ permitId: opaqueIdSchema }).strict();
/** The public lookup's code, as an applicant may type it (spaces around, lower case). */
export const permitTrackingParams = z.object({ code: z.string().trim().toUpperCase().pipe(trackingCodeSchema) }).strict();
export const renewBodySchema = z.object({}).strict().optional();
export const checklistBodySchema = z.object({ item: z.enum(checklistItems), received: z.boolean() }).strict();
export const inspectionBodySchema = z
  .object({ date: isoDateSchema, inspector: text(120), findings: text(1000), passed: z.boolean() })
  .strict();
export const decisionBodySchema = z.object({ decision: z.enum(['approved', 'rejected']), reason: text(500) }).strict();
export const permitViewSchema = z.object({
  permitId: z.string(),
  trackingCode: z.string(),
  referralId: z.string().nullable(),
  residentRef: z.string().nullable(),
  /** A direct record for a resident no clinic's referral to TVTO has named (yet): the ref may be mistyped or made up. */
  unverified: z.boolean(),
  /** The tracking code of the clinic referral naming this resident (the code staff, clinic and resident share); null when none does. */
  referralCode: z.string().nullable(),
  /** Only TVTO staff see a walk-in's name and the workshop's address; programme readers get null for both. */
  applicantName: z.string().nullable(),
  trade: z.string(),
  neighbourhoodId: z.string(),
  address: z.string().nullable(),
  status: z.enum(permitStatuses),
  checklist: z.array(z.enum(checklistItems)),
  inspection: z.object({ date: z.string(), inspector: z.string(), findings: z.string(), passed: z.boolean() }).nullable(),
  decision: z.object({ decision: z.enum(['approved', 'rejected']), reason: z.string(), at: z.date() }).nullable(),
  permitNo: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** Expired, or within the renewal window before it ends. */
  renewable: z.boolean(),
  renewals: z.array(z.object({ at: z.date(), validUntil: z.string() })),
  /** `note`: why, when it needs saying (an unverified applicant). */
  history: z.array(z.object({ status: z.string(), at: z.date(), note: z.string().optional() })),
  submittedAt: z.date(),
  updatedAt: z.date(),
});
/** A tracking code or its beginning as typed (Persian digits, any case, with or without the dash); text no code can hold finds nothing. */
const typedCode = z
  .string()
  .max(20)
  .transform(typedCodeOr(new RegExp(`^[${codeAlphabet}]{1,8}$`)));
/** Text searched for in a title (fa or en): at most a line, matched as typed, case-insensitively. */
const titleSearch = z.string().trim().max(80);
const order = z.enum(['asc', 'desc']);

export const permitQuerySchema = z
  .object({
    ...pageQueryShape,
    status: z.enum(permitStatuses).optional(),
    /** The application's tracking code, or its first characters. */
    q: typedCode.optional(),
    trade: slugIdSchema.max(40).optional(),
    neighbourhoodId: slugIdSchema.optional(),
    sort: z.enum(['submittedAt', 'updatedAt']).default('submittedAt'),
    order: order.default('desc'),
  })
  .strict();
export const courseQuerySchema = z
  .object({
    ...pageQueryShape,
    q: titleSearch.optional(),
    trade: slugIdSchema.max(40).optional(),
    venueKind: trainingVenueSchema.shape.kind.optional(),
    order: order.default('asc'),
  })
  .strict();
/** Exactly what the public tracking page may show: no name, no address, no resident id. */
export const permitTrackingViewSchema = z
  .object({
    code: trackingCodeSchema,
    status: z.enum(permitStatuses),
    statusLabel: localizedTextSchema,
    nextStep: localizedTextSchema,
    lastUpdate: isoDateSchema,
  })
  .strict();

// ---- counselling
export const tradeParams = z.object({ trade: slugIdSchema.max(40) }).strict();
export const demandBodySchema = z.object({ label: localizedTextSchema, level: z.enum(demandLevels), note: localizedTextSchema }).strict();
export const demandViewSchema = z.object({
  trade: z.string(),
  label: localizedTextSchema,
  level: z.enum(demandLevels),
  note: localizedTextSchema,
  updatedAt: z.date(),
});
export const bookingBodySchema = z
  .object({
    clinicId: slugIdSchema,
    residentRef: opaqueIdSchema.nullable().default(null),
    referralId: opaqueIdSchema.nullable().default(null),
    day: isoDateSchema,
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
  })
  .strict();
export const sessionParams = z.object({ sessionId: opaqueIdSchema }).strict();
export const sessionQuerySchema = z
  .object({ ...pageQueryShape, clinicId: slugIdSchema.optional(), state: z.enum(sessionStates).optional(), order: order.default('desc') })
  .strict();
export const recordBodySchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('held'), notes: text(2000), guidance: z.array(slugIdSchema).max(10) }).strict(),
  z.object({ state: z.literal('no-show') }).strict(),
]);
export const sessionViewSchema = z.object({
  sessionId: z.string(),
  clinicId: z.string(),
  residentRef: z.string(),
  referralId: z.string().nullable(),
  /** A direct booking for a resident no clinic's referral to TVTO has named (yet): the ref may be mistyped or made up. */
  unverified: z.boolean(),
  /** The tracking code of the clinic referral naming this resident (the code staff, clinic and resident share); null when none does. */
  referralCode: z.string().nullable(),
  day: z.string(),
  time: z.string(),
  state: z.enum(sessionStates),
  notes: z.string().nullable(),
  guidance: z.array(z.string()),
  bookedAt: z.date(),
  recordedAt: z.date().nullable(),
});

// ---- apprenticeships
export const newMasterSchema = z
  .object({
    // Left out (as the UI does), the API makes one: a person never types an id.
    masterId: slugIdSchema.max(60).optional(),
    name: text(120),
    guild: localizedTextSchema,
    trade: slugIdSchema.max(40),
    neighbourhoodId: slugIdSchema,
    capacity: z.number().int().positive().max(20),
  })
  .strict();
export const masterParams = z.object({ masterId: slugIdSchema }).strict();
export const masterViewSchema = z.object({
  masterId: z.string(),
  name: z.string(),
  guild: localizedTextSchema,
  trade: z.string(),
  neighbourhoodId: z.string(),
  capacity: z.number(),
  placed: z.number(),
  available: z.number(),
});
export const placeBodySchema = enrolBodySchema;
export const placementParams = z.object({ placementId: opaqueIdSchema }).strict();
export const placementQuerySchema = z
  .object({ ...pageQueryShape, masterId: slugIdSchema.optional(), state: z.enum(placementStates).optional(), order: order.default('desc') })
  .strict();
export const progressBodySchema = z.object({ rating: z.number().int().min(1).max(5), note: text(500) }).strict();
export const finishBodySchema = z.object({ state: z.enum(['completed', 'withdrawn']) }).strict();
export const placementViewSchema = z.object({
  placementId: z.string(),
  masterId: z.string(),
  trade: z.string(),
  residentRef: z.string(),
  householdRef: z.string().nullable(),
  neighbourhoodId: z.string().nullable(),
  referralId: z.string().nullable(),
  /** A direct record for a resident no clinic's referral to TVTO has named (yet): the ref may be mistyped or made up. */
  unverified: z.boolean(),
  /** The tracking code of the clinic referral naming this resident (the code staff, clinic and resident share); null when none does. */
  referralCode: z.string().nullable(),
  state: z.enum(placementStates),
  startedOn: z.string(),
  checks: z.array(z.object({ month: z.string(), rating: z.number(), note: z.string(), at: z.date() })),
  endedAt: z.date().nullable(),
});
