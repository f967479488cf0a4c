import { z } from 'zod';
import { isoDateSchema, localizedTextSchema, needCategorySchema, partnerAgencySchema, slugIdSchema } from '../shared.js';

/** What an agency can offer a resident the clinics refer. */
export const offerKinds = [
  'course',
  'counselling',
  'apprenticeship',
  'workshop-permit',
  'micro-loan',
  'grant',
  'equipment',
  'social-care',
  'construction',
] as const;
export const offerKindSchema = z.enum(offerKinds);
export type OfferKind = z.infer<typeof offerKindSchema>;

/**
 * One entry of the service catalogue, published whole at every change (create, capacity, close), so
 * the clinics always hold every agency's current capacity and refer to a real offer.
 */
export const offerPublishedV1 = z
  .object({
    /** Chosen by the agency and stable, e.g. `tvto-home-tailoring-1405`. */
    offerId: slugIdSchema,
    agency: partnerAgencySchema,
    kind: offerKindSchema,
    title: localizedTextSchema,
    /** Who may be referred, in words. */
    eligibility: localizedTextSchema,
    /** The needs it meets, so a clinic finds offers for a household's priority. */
    answers: z.array(needCategorySchema).min(1),
    /** Where it is offered; empty means every target neighbourhood. */
    neighbourhoodIds: z.array(slugIdSchema),
    place: localizedTextSchema,
    schedule: localizedTextSchema,
    startsOn: isoDateSchema.nullable(),
    endsOn: isoDateSchema.nullable(),
    capacity: z.number().int().nonnegative(),
    /** Seats or slots still free. */
    available: z.number().int().nonnegative(),
    status: z.enum(['open', 'closed']),
    /** Grows with every change; a consumer ignores a revision older than the one it holds. */
    revision: z.number().int().positive(),
    publishedAt: z.iso.datetime(),
  })
  .strict();
export type OfferPublishedV1 = z.infer<typeof offerPublishedV1>;
