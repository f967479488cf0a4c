import { z } from 'zod';
import { jalaliYearSchema, localizedNameSchema, needCategorySchema, slugIdSchema } from '../shared.js';

export const rankedPrioritySchema = z
  .object({
    rank: z.number().int().positive(),
    category: needCategorySchema,
    score: z.number().nonnegative(),
    households: z.number().int().nonnegative(),
  })
  .strict();
export type RankedPriority = z.infer<typeof rankedPrioritySchema>;

/** A neighbourhood's ranked priority list, published by its clinic for a planning period. */
export const priorityPublishedV1 = z
  .object({
    neighbourhoodId: slugIdSchema,
    neighbourhoodName: localizedNameSchema,
    countyId: slugIdSchema,
    clinicId: slugIdSchema,
    period: jalaliYearSchema,
    listVersion: z.number().int().positive(),
    publishedAt: z.iso.datetime(),
    priorities: z.array(rankedPrioritySchema).min(1),
  })
  .strict();
export type PriorityPublishedV1 = z.infer<typeof priorityPublishedV1>;
