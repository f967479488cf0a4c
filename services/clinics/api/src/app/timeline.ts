import { caps, forbidden, readAll, type Principal } from '@hamgam/service-kit';
import type { StoredJourneyEntry } from '../data/journey.js';
import type { StoredReferral } from '../data/referrals.js';
import type { ClinicsModels } from '../deps.js';
import { journeyView } from '../domain/journey.js';
import type { TimelineEntry } from '../routes/schemas/referrals.js';
import { agencyNameOf } from './referrals.js';
import { isOwnClinicStaff, loadResidentInScope } from './residents.js';

/** A referral's steps as timeline entries. */
function referralTimeline(referral: Pick<StoredReferral, '_id' | 'trackingCode' | 'agency' | 'offer' | 'steps'>): TimelineEntry[] {
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
function journeyTimelineEntry(entry: Omit<StoredJourneyEntry, 'receivedAt'>, lookups: JourneyLookups): TimelineEntry {
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

/** Everything that happened in a resident's matters and their household's, newest first: their own clinic's staff only. */
export async function residentTimeline(models: ClinicsModels, principal: Principal, residentId: string): Promise<TimelineEntry[]> {
  const resident = await loadResidentInScope(models, principal, residentId);
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
    Promise.all(courseIds.map((id) => models.offers.findById(id, { title: 1, place: 1 }).lean())).then((found) =>
      found.filter((o) => o !== null),
    ),
    readAll(models.clinics.find({}, { name: 1 }).lean(), caps.reference),
  ]);
  const lookups: JourneyLookups = {
    courses: new Map(offers.map((o) => [o._id, { title: o.title, place: o.place }])),
    clinics: new Map(clinics.map((c) => [c._id, c.name])),
    trackingCodes: new Map(referrals.map((r) => [r._id, r.trackingCode])),
  };
  return [...referrals.flatMap(referralTimeline), ...journey.map((e) => journeyTimelineEntry(e, lookups))].sort(
    (a, b) => b.at.getTime() - a.at.getTime(),
  );
}
