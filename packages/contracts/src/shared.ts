import { z } from 'zod';

/** A place or organisation name in both languages the product speaks. */
export const localizedNameSchema = z.object({ fa: z.string().min(1), en: z.string().min(1) }).strict();
export type LocalizedName = z.infer<typeof localizedNameSchema>;

/** Ids are readable slugs (`nbh-sarasiab`, `clinic-fajr`), stable across services. */
export const slugIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case slug');

/** The need categories a clinic's needs assessment asks about (BRIEF: the residents' own priorities). */
export const needCategories = [
  'employment',
  'skills-training',
  'workshop-space',
  'income-support',
  'housing-repair',
  'social-care',
] as const;
export const needCategorySchema = z.enum(needCategories);
export type NeedCategory = z.infer<typeof needCategorySchema>;

/** A Jalali (Solar Hijri) year such as `1405`: programmes are planned per Jalali year. */
export const jalaliYearSchema = z.string().regex(/^1[34]\d\d$/, 'a Jalali year such as 1405');
