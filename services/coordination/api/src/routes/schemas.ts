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

/** A neighbourhood the programme knows, with its name once the clinics published its priorities. */
export const neighbourhoodSchema = z.object({ id: z.string(), name: localizedNameSchema.nullable(), hasPriorities: z.boolean() });

export const meetingListQuery = z
  .object({
    ...pageQueryShape,
    neighbourhoodId: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
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
    overdue: z.enum(['true', 'false']).optional(),
  })
  .strict();

export const exportQuerySchema = z.object({ format: z.enum(['xlsx', 'csv']), lang: z.enum(['fa', 'en']).default('fa') }).strict();
export const commitmentExportQuerySchema = commitmentFilterSchema.extend(exportQuerySchema.shape).strict();
export const commitmentListQuerySchema = commitmentFilterSchema.extend(pageQueryShape).strict();

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
