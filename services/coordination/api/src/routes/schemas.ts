import { pageQueryShape } from '@hamgam/service-kit';
import {
  agencyNames,
  commitmentStatusSchema,
  isoDateSchema,
  localizedNameSchema,
  needCategorySchema,
  partnerAgencySchema,
  rankedPrioritySchema,
  slugIdSchema,
} from '@hamgam/contracts';
import { z } from 'zod';

export const agencyIdSchema = z.enum(Object.keys(agencyNames) as [keyof typeof agencyNames, ...(keyof typeof agencyNames)[]]);

export const idParams = z.object({ id: z.uuid() }).strict();
export const neighbourhoodParams = z.object({ id: slugIdSchema }).strict();

const text = (max: number) => z.string().trim().min(1).max(max);

/** A list's `sort` parameter: one of the orders it offers (each a keyset the kit's paging walks). */
const sortOf = <T extends Record<string, unknown>>(sorts: T, fallback: keyof T & string) =>
  z.enum(Object.keys(sorts) as [keyof T & string, ...(keyof T & string)[]]).default(fallback);

export const neighbourhoodPrioritiesSchema = z.object({
  neighbourhoodId: z.string(),
  neighbourhoodName: localizedNameSchema,
  clinicId: z.string(),
  period: z.string(),
  version: z.number(),
  publishedAt: z.date(),
  receivedAt: z.date(),
  priorities: z.array(rankedPrioritySchema),
});

/** Free text searched in a list (names, titles): trimmed, short, plain text (matched literally, never as a pattern). */
export const searchText = z.string().trim().min(1).max(100).optional();

export const neighbourhoodListQuery = z.object({ q: searchText }).strict();

export const priorityListQuery = z.object({ ...pageQueryShape, neighbourhoodId: slugIdSchema.optional() }).strict();

/** A neighbourhood of the hierarchy, with its clinic's latest published list once there is one. */
export const neighbourhoodSchema = z.object({
  id: z.string(),
  name: localizedNameSchema.nullable(),
  county: localizedNameSchema.nullable(),
  hasPriorities: z.boolean(),
  list: z.object({ period: z.string(), version: z.number(), publishedAt: z.date() }).nullable(),
});

/** The orders a meetings list can be read in: latest day first (default) or soonest first. */
export const meetingSorts = {
  '-scheduledOn': { by: 'scheduledOn', order: -1 },
  scheduledOn: { by: 'scheduledOn', order: 1 },
} as const;

export const meetingListQuery = z
  .object({
    ...pageQueryShape,
    neighbourhoodId: slugIdSchema.optional(),
    status: z.enum(['scheduled', 'held']).optional(),
    /** Searched in the meeting's title. */
    q: searchText,
    sort: sortOf(meetingSorts, '-scheduledOn'),
  })
  .strict();

export const newMeetingSchema = z
  .object({
    neighbourhoodId: slugIdSchema,
    scheduledOn: isoDateSchema,
    title: z.string().trim().min(3).max(200),
    agencies: z
      .array(agencyIdSchema)
      .min(1)
      .max(6)
      .refine((a) => new Set(a).size === a.length, 'each agency once'),
    representativeAttends: z.boolean(),
    agenda: z.array(text(300)).max(30).default([]),
  })
  .strict();

export const newActionItemSchema = z
  .object({
    agency: partnerAgencySchema,
    title: z.string().trim().min(3).max(200),
    dueOn: isoDateSchema,
    answers: needCategorySchema.nullable(),
  })
  .strict();

export const newResolutionSchema = z
  .object({ text: z.string().trim().min(3).max(2000), actionItems: z.array(newActionItemSchema).min(1).max(20) })
  .strict();

export const minutesSchema = z.object({ minutes: z.string().max(20_000) }).strict();
export const heldSchema = z.object({ minutes: z.string().max(20_000).optional() }).strict();

export const statusUpdateSchema = z
  .object({
    status: z.enum(['in-progress', 'delivered', 'slipped']),
    evidence: z.string().trim().min(1).max(500).nullable().default(null),
    revisedDueOn: isoDateSchema.nullable().default(null),
  })
  .strict();

const overdueItemSchema = z.object({
  commitmentId: z.string(),
  agency: partnerAgencySchema,
  title: z.string(),
  answers: needCategorySchema.nullable(),
  dueOn: z.string(),
  status: commitmentStatusSchema,
});

/** Where an action item stands, from its commitment (null only while the commitment is being written). */
const actionProgressSchema = z
  .object({
    status: commitmentStatusSchema,
    overdue: z.boolean(),
    evidence: z.string().nullable(),
    deliveredOn: z.string().nullable(),
    effectiveDueOn: z.string(),
  })
  .nullable();
const actionItemSchema = newActionItemSchema.extend({ id: z.string(), progress: actionProgressSchema });
const resolutionSchema = z.object({
  id: z.string(),
  text: z.string(),
  passedAt: z.date(),
  passedBy: z.string(),
  actionItems: z.array(actionItemSchema),
});

const meetingBase = z.object({
  id: z.string(),
  neighbourhoodId: z.string(),
  scheduledOn: z.string(),
  title: z.string(),
  agencies: z.array(agencyIdSchema),
  representativeAttends: z.boolean(),
  status: z.enum(['scheduled', 'held']),
  heldAt: z.date().nullable(),
  createdAt: z.date(),
});

export const meetingSummarySchema = meetingBase.extend({ resolutionCount: z.number(), actionItemCount: z.number() });

export const meetingViewSchema = meetingBase.extend({
  /** Today in Iran when read: before the meeting's day it cannot be marked held nor pass resolutions. */
  today: z.string(),
  minutes: z.string(),
  agenda: z.object({
    overdue: z.array(overdueItemSchema),
    items: z.array(z.object({ id: z.string(), text: z.string() })),
    frozen: z.boolean(),
  }),
  resolutions: z.array(resolutionSchema),
});

export const commitmentViewSchema = z.object({
  id: z.string(),
  source: z.enum(['working-group', 'agency']),
  agency: partnerAgencySchema,
  neighbourhoodId: z.string(),
  answers: needCategorySchema.nullable(),
  title: z.string(),
  dueOn: z.string(),
  revisedDueOn: z.string().nullable(),
  effectiveDueOn: z.string(),
  status: commitmentStatusSchema,
  overdue: z.boolean(),
  evidence: z.string().nullable(),
  plannedAt: z.date(),
  deliveredOn: z.string().nullable(),
  meetingId: z.string().nullable(),
  resolutionId: z.string().nullable(),
  history: z.array(
    z.object({
      status: commitmentStatusSchema,
      at: z.date(),
      reportedBy: z.enum(['agency', 'coordinator']),
      evidence: z.string().nullable(),
      revisedDueOn: z.string().nullable(),
    }),
  ),
});

export const commitmentFilterSchema = z
  .object({
    neighbourhoodId: slugIdSchema.optional(),
    agency: partnerAgencySchema.optional(),
    status: commitmentStatusSchema.optional(),
    source: z.enum(['working-group', 'agency']).optional(),
    /** A meeting's action items (the commitments its resolutions created). */
    meetingId: z.uuid().optional(),
    overdue: z.enum(['true', 'false']).optional(),
    q: searchText,
  })
  .strict();

/** The orders a commitments list can be read in: each a keyset the kit's paging walks (the field, then the id). */
export const commitmentSorts = {
  dueOn: { by: 'dueOn', order: 1 },
  '-dueOn': { by: 'dueOn', order: -1 },
  plannedAt: { by: 'plannedAt', order: 1 },
  '-plannedAt': { by: 'plannedAt', order: -1 },
} as const;
export const exportQuerySchema = z.object({ format: z.enum(['xlsx', 'csv']), lang: z.enum(['fa', 'en']).default('fa') }).strict();
export const commitmentExportQuerySchema = commitmentFilterSchema.extend(exportQuerySchema.shape).strict();
export const commitmentListQuerySchema = commitmentFilterSchema
  .extend({ ...pageQueryShape, sort: sortOf(commitmentSorts, 'dueOn') })
  .strict();

const boardItemSchema = z.object({
  id: z.string(),
  agency: partnerAgencySchema,
  title: z.string(),
  answers: needCategorySchema.nullable(),
  status: commitmentStatusSchema,
  dueOn: z.string(),
  effectiveDueOn: z.string(),
  overdue: z.boolean(),
});

export const boardViewSchema = z.object({
  neighbourhoodId: z.string(),
  neighbourhoodName: localizedNameSchema.nullable(),
  period: z.string().nullable(),
  listVersion: z.number().nullable(),
  today: z.string(),
  rows: z.array(
    z.object({
      rank: z.number(),
      category: needCategorySchema,
      households: z.number(),
      cells: z.array(z.object({ agency: partnerAgencySchema, commitments: z.array(boardItemSchema) })),
      agencies: z.array(partnerAgencySchema),
      covered: z.boolean(),
      duplicated: z.boolean(),
    }),
  ),
  uncovered: z.array(needCategorySchema),
  duplicated: z.array(needCategorySchema),
  unlinked: z.array(boardItemSchema),
  overdue: z.array(boardItemSchema),
  rates: z.array(
    z.object({
      agency: partnerAgencySchema,
      deliveredOnTime: z.number(),
      delivered: z.number(),
      overdueUndelivered: z.number(),
      slipped: z.number(),
      counted: z.number(),
      rate: z.number().nullable(),
    }),
  ),
});

/** A file sent by the handler itself (XLSX or CSV). */
export const fileSchema = z.unknown();
