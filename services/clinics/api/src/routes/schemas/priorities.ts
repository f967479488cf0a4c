import { pageQueryShape } from '@hamgam/service-kit';
import { isoDateSchema, jalaliYearSchema, needCategorySchema, rankedPrioritySchema, slugIdSchema } from '@hamgam/contracts';
import { z } from 'zod';

export const newAssessmentSchema = z
  .object({
    clinicId: slugIdSchema,
    neighbourhoodId: slugIdSchema,
    householdRef: z
      .string()
      .trim()
      .regex(/^[\w-]{1,40}$/, 'letters, digits, - or _ (an opaque reference, not a name)'),
    needs: z
      .array(z.object({ category: needCategorySchema, severity: z.number().int().min(1).max(5) }).strict())
      .min(1, 'at least one need')
      .refine((needs) => new Set(needs.map((n) => n.category)).size === needs.length, 'each category once'),
  })
  .strict();

export const assessmentSchema = newAssessmentSchema.extend({ id: z.string(), createdAt: z.date() });
/** An assessment in a neighbourhood's list: with its household's file number, what staff call the household. */
export const assessmentListItemSchema = assessmentSchema.extend({ fileNumber: z.string() });
export const assessmentQuerySchema = z
  .object({
    ...pageQueryShape,
    clinicId: slugIdSchema.optional(),
    sort: z.enum(['newest', 'oldest']).default('newest'),
    q: z.string().trim().min(1).max(40).optional(),
  })
  .strict();

export const publishRequestSchema = z.object({ period: jalaliYearSchema }).strict();

/** How a list was re-ranked before publishing: the reason, the meeting, and the rank each category had from the assessments alone. */
export const rerankingViewSchema = z.object({
  reason: z.string(),
  meetingDate: z.string(),
  agreedByRole: z.string(),
  computedRanks: z.array(z.object({ category: needCategorySchema, computedRank: z.number() })),
});

export const publishedListSchema = z.object({
  version: z.number(),
  period: z.string(),
  publishedAt: z.date(),
  priorities: z.array(rankedPrioritySchema),
  reranking: rerankingViewSchema.nullable(),
});

export const agreedOrderViewSchema = z.object({
  order: z.array(needCategorySchema),
  reason: z.string(),
  meetingDate: z.string(),
  agreedByName: z.string(),
  agreedByRole: z.string(),
  agreedAt: z.date(),
});

export const prioritiesViewSchema = z.object({
  /** What publishing would publish now: the computed ranking in the latest agreed order. */
  draft: z.array(rankedPrioritySchema),
  /** The ranking the assessments alone give. */
  computed: z.array(rankedPrioritySchema),
  agreed: agreedOrderViewSchema.nullable(),
  published: publishedListSchema.nullable(),
});

export const agreedOrderBodySchema = z
  .object({
    order: z.array(needCategorySchema).min(1).max(6),
    reason: z.string().trim().min(3, 'say why the meeting changed the order').max(1000),
    meetingDate: isoDateSchema,
  })
  .strict();
