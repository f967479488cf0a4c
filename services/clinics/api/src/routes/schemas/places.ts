import { localizedNameSchema, needCategorySchema } from '@hamgam/contracts';
import { z } from 'zod';
import { staffRoles } from '../../domain/people.js';

export const neighbourhoodSchema = z.object({
  id: z.string(),
  name: localizedNameSchema,
  countyId: z.string(),
  county: localizedNameSchema,
  provinceId: z.string(),
  province: localizedNameSchema,
});

export const clinicSchema = z.object({ id: z.string(), name: localizedNameSchema, neighbourhoodId: z.string() });

export const needCategoryInfoSchema = z.object({ id: needCategorySchema, label: localizedNameSchema });

const staffSchema = z.object({ id: z.string(), name: localizedNameSchema, role: z.enum(staffRoles), username: z.string().optional() });

export const neighbourhoodDetailSchema = neighbourhoodSchema.extend({
  clinics: z.array(clinicSchema.extend({ staff: z.array(staffSchema) })),
  representative: z.object({ name: localizedNameSchema, username: z.string().optional() }).nullable(),
});
