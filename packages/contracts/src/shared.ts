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

/** A text shown in both languages (an offer's title, its eligibility in words). */
export const localizedTextSchema = z.object({ fa: z.string().min(1).max(500), en: z.string().min(1).max(500) }).strict();
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** A calendar day, `YYYY-MM-DD` (Gregorian on the wire; every screen shows it as a Jalali date). */
export const isoDateSchema = z.iso.date();

/**
 * A person or household as other agencies see them: an opaque id issued by the clinic. Names and
 * national ids never leave the clinics service.
 */
export const opaqueIdSchema = z.uuid();

/**
 * A code a resident uses to follow their own matter on the public tracking page: 8 characters from an
 * alphabet without look-alikes (no 0/O, 1/I), grouped 4-4, e.g. `K7QM-3XWA`.
 */
export const trackingCodeSchema = z.string().regex(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/, 'a tracking code such as K7QM-3XWA');

/** The partner agencies that offer services, receive referrals and commit actions (one service each). */
export const partnerAgencies = ['vocational-training', 'welfare', 'relief-partnerships', 'institute-funding'] as const;
export const partnerAgencySchema = z.enum(partnerAgencies);
export type PartnerAgency = z.infer<typeof partnerAgencySchema>;

/** Every agency of the programme, by the id its service and events use. */
export const agencyNames = {
  clinics: { fa: 'کلینیک‌های مددکاری اجتماعی', en: 'Social-work clinics' },
  'vocational-training': { fa: 'فنی و حرفه‌ای', en: 'Technical & Vocational Training' },
  welfare: { fa: 'بهزیستی', en: 'Welfare Organisation' },
  'relief-partnerships': { fa: 'کمیته امداد و بسیج سازندگی', en: 'Relief Committee & Basij Construction' },
  'institute-funding': { fa: 'حمایت از آموزشگاه‌های آزاد', en: 'Private institute funding' },
  coordination: { fa: 'ستاد بازآفرینی شهری', en: 'Urban Regeneration HQ' },
} as const satisfies Record<string, LocalizedName>;
export type AgencyId = keyof typeof agencyNames;
