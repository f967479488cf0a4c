import { caps, defineRoute, forbidden, readAll } from '@hamgam/service-kit';
import { z } from 'zod';
import { agencyNameOf } from '../app/referrals.js';
import { isOwnClinicStaff, loadResidentInScope } from '../app/residents.js';
import type { ClinicsDeps } from '../deps.js';
import type { StoredJourneyEntry } from '../data/journey.js';
import type { StoredReferral } from '../data/referrals.js';
import { journeyView } from '../domain/journey.js';
import { uuidParams } from './schemas/common.js';
import { timelineEntrySchema, type TimelineEntry } from './schemas/referrals.js';


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

type JourneyLookups = {
  courses: Map<string, { title: StoredReferral['offer']['title']; place: StoredReferral['offer']['place'] }>;
  clinics: Map<string, StoredReferral['offer']['title']>;
  trackingCodes: Map<string, string>;
};

/** An agency's outcome (an enrolment, an eligibility, a support decision, …) as a timeline entry. */
export function journeyTimelineEntry(entry: Omit<StoredJourneyEntry, 'receivedAt'>, lookups: JourneyLookups): TimelineEntry {
  const facts = entry.facts instanceof Map ? Object.fromEntries(entry.facts) : entry.facts;
  const course = facts.courseId ? lookups.courses.get(facts.courseId) : undefined;
  const venueClinic = facts.venueKind === 'clinic' && facts.venueId ? lookups.clinics.get(facts.venueId) : undefined;
  const view = journeyView({ kind: entry.kind, facts }, { course, venueClinic });
  const trackingCode = entry.referralId ? lookups.trackingCodes.get(entry.referralId) : undefined;
  return {
    kind: entry.kind,
    at: entry.at,
    agency: entry.agency,
    agencyName: agencyNameOf(entry.agency),
    title: view.title,
    place: view.place,
    scope: entry.residentRef ? 'resident' : 'household',
    subject: { type: entry.subject.type, id: entry.subject.id, ...(trackingCode ? { trackingCode } : {}) },
    detail: view.detail,
  };
}

export function timelineRoutes({ models }: Pick<ClinicsDeps, 'models'>) {
  return [
    defineRoute({
      method: 'get',
      path: '/residents/:id/timeline',
      summary: 'Everything that happened in a resident’s matters (referrals and their steps, and the agencies’ outcomes: enrolments, completions, the household’s eligibility, support, benefits), newest first — own clinic staff only',
      roles: ['clinic-worker'],
      params: uuidParams,
      response: z.array(timelineEntrySchema),
      handler: async ({ params, principal }) => {
        const resident = await loadResidentInScope(models, principal, params.id);
        if (!isOwnClinicStaff(principal, resident.clinicId)) throw forbidden('only the resident’s own clinic sees their timeline');
        const [referrals, own, household] = await Promise.all([
          readAll(models.referrals.find({ residentId: resident._id }, { outbox: 0 }).lean(), caps.perPerson),
          readAll(models.journey.find({ residentRef: resident._id }).lean(), caps.perPerson),
          // The household's own entries (eligibility, household benefits) show on every member's timeline.
          readAll(models.journey.find({ householdRef: resident.householdId, residentRef: null }).lean(), caps.perPerson),
        ]);
        const journey = [...own, ...household];
        const courseIds = [...new Set(journey.map((e) => (e.facts as Record<string, string>).courseId).filter((id): id is string => !!id))];
        const [offers, clinics] = await Promise.all([
          // A resident takes a handful of courses: one look-up each (sanitizeFilter forbids a built $in here).
          Promise.all(courseIds.map((id) => models.offers.findById(id, { title: 1, place: 1 }).lean())).then((found) => found.filter((o) => o !== null)),
          readAll(models.clinics.find({}, { name: 1 }).lean(), caps.reference),
        ]);
        const lookups: JourneyLookups = {
          courses: new Map(offers.map((o) => [o._id, { title: o.title, place: o.place }])),
          clinics: new Map(clinics.map((c) => [c._id, c.name])),
          trackingCodes: new Map(referrals.map((r) => [r._id, r.trackingCode])),
        };
        return [...referrals.flatMap(referralTimeline), ...journey.map((e) => journeyTimelineEntry(e, lookups))]
          .sort((a, b) => b.at.getTime() - a.at.getTime());
      },
    }),
  ];
}
