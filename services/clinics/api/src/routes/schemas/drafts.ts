import { needCategorySchema } from '@hamgam/contracts';
import { z } from 'zod';

const localized = z.object({ fa: z.string(), en: z.string() });

/** One question of the needs questionnaire, as the assessment form shows it. */
const questionSchema = z.object({
  id: z.string(),
  category: z.string(),
  kind: z.enum(['yes-no', 'count', 'choice']),
  label: localized,
  options: z.array(z.object({ id: z.string(), label: localized })).optional(),
  max: z.number().optional(),
});

export const questionnaireSchema = z.array(z.object({ category: z.string(), questions: z.array(questionSchema) }));

const needsSchema = z.array(z.object({ category: needCategorySchema, severity: z.number().int().min(1).max(5) }).strict()).max(6);
const answersSchema = z.record(z.string().max(60), z.union([z.boolean(), z.number(), z.string().max(60)]));

export const draftBodySchema = z.object({ needs: needsSchema, answers: answersSchema.default({}) }).strict();

export const draftViewSchema = z.object({
  householdId: z.string(),
  needs: z.array(z.object({ category: needCategorySchema, severity: z.number() })),
  answers: answersSchema,
  savedAt: z.date(),
  savedBy: z.string(),
});

export const submittedAssessmentSchema = z.object({
  id: z.string(),
  householdRef: z.string(),
  clinicId: z.string(),
  neighbourhoodId: z.string(),
  needs: z.array(z.object({ category: needCategorySchema, severity: z.number() })),
  answers: answersSchema,
  createdAt: z.date(),
});

export const draftDeletedSchema = z.object({ deleted: z.boolean() });
