import { localizedTextSchema, partnerAgencySchema } from '@hamgam/contracts';
import { defineRoute, forbidden, type ServiceDeps } from '@hamgam/service-kit';
import { z } from 'zod';
import { agencyNameOf } from '../app/referrals.js';
import { isOwnClinicStaff, loadResidentInScope } from '../app/residents.js';
import type { ClinicsModels } from '../data/models.js';
import type { StoredReferral } from '../data/referrals.js';

/**
 * One thing that happened in a resident's matters. `kind` is open (`<subject>.<step>`, e.g.
 * `referral.accepted`): later sources (eligibility, enrolments) add kinds without changing readers.
 */
export const timelineEntrySchema = z.object({
  kind: z.string().regex(/^[a-z-]+\.[a-z-]+$/),
  at: z.date(),
  agency: partnerAgencySchema.nullable(),
  agencyName: localizedTextSchema.nullable(),
  title: localizedTextSchema,
  /** What the entry is about: the referral (its id and tracking code) or, later, another record. */
  subject: z.object({ type: z.string(), id: z.string(), trackingCode: z.string().optional() }),
  detail: z.record(z.string(), z.string()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** A referral's steps as timeline entries. */
export function referralTimeline(referral: Pick<StoredReferral, '_id' | 'trackingCode' | 'agency' | 'offer' | 'steps'>): TimelineEntry[] {
  return referral.steps.map((step) => {
    const detail: Record<string, string> = {};
    if (step.reason) detail.reason = step.reason;
    if (step.outcome) detail.outcome = step.outcome;
    if (step.completeBy) detail.completeBy = step.completeBy;
    return {
      kind: `referral.${step.kind}`,
      at: step.at,
      agency: referral.agency,
      agencyName: agencyNameOf(referral.agency),
      title: referral.offer.title,
      subject: { type: 'referral', id: referral._id, trackingCode: referral.trackingCode },
      detail,
    };
  });
}

export function timelineRoutes({ models }: Pick<ServiceDeps<ClinicsModels>, 'models'>) {
  return [
    defineRoute({
      method: 'get',
      path: '/residents/:id/timeline',
      summary: 'Everything that happened in a resident’s matters (referrals and each of their steps), newest first — own clinic staff only',
      roles: ['clinic-worker'],
      params: z.object({ id: z.uuid() }).strict(),
      response: z.array(timelineEntrySchema),
      handler: async ({ params, principal }) => {
        const resident = await loadResidentInScope(models, principal, params.id);
        if (!isOwnClinicStaff(principal, resident.clinicId)) throw forbidden('only the resident’s own clinic sees their timeline');
        const referrals = await models.referrals.find({ residentId: resident._id }, { outbox: 0 }).lean();
        return referrals.flatMap(referralTimeline).sort((a, b) => b.at.getTime() - a.at.getTime());
      },
    }),
  ];
}
