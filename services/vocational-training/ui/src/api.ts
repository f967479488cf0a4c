import { toLatinDigits, useApi, type ApiClient, type LocalizedText } from '@hamgam/ui-kit';
import { useMemo } from 'react';

// TVTO's own API as these screens use it (through the shell: /api/vocational-training/v1/...).
export type VenueKind = 'clinic' | 'tvto-centre' | 'private-institute';
export type EnrolmentState = 'enrolled' | 'completed' | 'dropped-out';
export type CompletionResult = 'passed' | 'failed' | 'dropped-out';
export const permitStatuses = ['submitted', 'documents-complete', 'inspected', 'approved', 'rejected', 'expired', 'renewed'] as const;
export type PermitStatus = (typeof permitStatuses)[number];
export type ChecklistItem = 'id-copy' | 'skill-certificate' | 'lease-or-ownership' | 'safety';
export const checklistItems: readonly ChecklistItem[] = ['id-copy', 'skill-certificate', 'lease-or-ownership', 'safety'];
export type DemandLevel = 'high' | 'medium' | 'low';

export interface Course {
  courseId: string;
  title: LocalizedText;
  trade: string;
  level: 'beginner' | 'intermediate' | 'advanced';
  hours: number;
  sessions: number;
  sessionsHeld: number;
  venue: { kind: VenueKind; id: string };
  venueName: LocalizedText;
  schedule: LocalizedText;
  startsOn: string;
  endsOn: string;
  capacity: number;
  enrolled: number;
  available: number;
}

/** The API makes the course's id (TVTO's offer prefix and the English title): staff do not type one. */
export interface NewCourse extends Omit<Course, 'courseId' | 'sessionsHeld' | 'enrolled' | 'available'> {
  eligibility: LocalizedText;
}

export interface Enrolment {
  enrolmentId: string;
  courseId: string;
  residentRef: string;
  referralId: string | null;
  source: 'referral' | 'direct';
  /** A direct record for a resident no clinic's referral to TVTO has named: the ref may be mistyped or made up. */
  unverified: boolean;
  /** The tracking code of a clinic referral naming the resident: how a screen names them (never residentRef). */
  referralCode: string | null;
  state: EnrolmentState;
  attended: number[];
  attendanceRate: number;
  result: CompletionResult | null;
  certificateNo: string | null;
  enrolledAt: string;
}

export interface CourseDetail extends Course {
  enrolments: Enrolment[];
}

export interface Certificate {
  certificateNo: string;
  enrolmentId: string;
  courseId: string;
  courseTitle: LocalizedText | null;
  residentRef: string;
  completedAt: string;
}

export interface AcceptedReferral {
  referralId: string;
  trackingCode: string;
  offerId: string;
  residentRef: string;
  clinicId: string;
}

/** A referral TVTO holds, as a picker lists it (its residentRef is sent, never shown). */
export interface PickableReferral extends AcceptedReferral {
  offerTitle: LocalizedText | null;
  clinicName: LocalizedText | null;
}

/** The programme's neighbourhoods and clinics by name (the desk's reference list). */
export interface Places {
  neighbourhoods: { neighbourhoodId: string; name: LocalizedText }[];
  clinics: { clinicId: string; name: LocalizedText; neighbourhoodId: string }[];
}

/** A place a course can be held: a clinic, a TVTO centre or a private institute, by name. */
export interface Venue {
  kind: VenueKind;
  id: string;
  name: LocalizedText;
}

export interface Trade {
  tradeId: string;
  name: LocalizedText;
}

/** A tracking code or its beginning as typed (any case, Persian digits, spaces, dash), or null when it cannot be one. */
export function trackingCodeSearch(text: string): string | null {
  const shaped = toLatinDigits(text).toUpperCase().replace(/[\s-]/g, '');
  return /^[A-HJ-NP-Z2-9]{0,8}$/.test(shaped) ? shaped : null;
}

export interface Permit {
  permitId: string;
  trackingCode: string;
  referralId: string | null;
  residentRef: string | null;
  /** A direct record for a resident no clinic's referral to TVTO has named: the ref may be mistyped or made up. */
  unverified: boolean;
  referralCode: string | null;
  applicantName: string | null;
  trade: string;
  neighbourhoodId: string;
  /** The workshop's address: only TVTO staff are answered it (null for coordinators and auditors). */
  address: string | null;
  status: PermitStatus;
  checklist: ChecklistItem[];
  inspection: { date: string; inspector: string; findings: string; passed: boolean } | null;
  decision: { decision: 'approved' | 'rejected'; reason: string; at: string } | null;
  permitNo: string | null;
  validUntil: string | null;
  /** Expired, or within the renewal window before it ends (the API decides by its clock). */
  renewable: boolean;
  updatedAt: string;
}

export interface Demand {
  trade: string;
  label: LocalizedText;
  level: DemandLevel;
  note: LocalizedText;
  updatedAt: string;
}

export interface Session {
  sessionId: string;
  clinicId: string;
  residentRef: string;
  referralId: string | null;
  /** A direct booking for a resident no clinic's referral to TVTO has named: the ref may be mistyped or made up. */
  unverified: boolean;
  referralCode: string | null;
  day: string;
  time: string;
  state: 'booked' | 'held' | 'no-show';
  notes: string | null;
  guidance: string[];
}

export interface Master {
  masterId: string;
  name: string;
  guild: LocalizedText;
  trade: string;
  neighbourhoodId: string;
  capacity: number;
  placed: number;
  available: number;
}

export interface Placement {
  placementId: string;
  masterId: string;
  trade: string;
  residentRef: string;
  referralId: string | null;
  /** A direct record for a resident no clinic's referral to TVTO has named: the ref may be mistyped or made up. */
  unverified: boolean;
  referralCode: string | null;
  state: 'active' | 'completed' | 'withdrawn';
  startedOn: string;
  checks: { month: string; rating: number; note: string }[];
}

/** A counselling slot of a clinic's calendar (the clinics service owns the counsellor's weekly day). */
export interface CounsellingSlot {
  id: string;
  clinicId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  bookedCount: number;
  available: number;
}

/** A list's query string from the filters set (empty ones left out). */
const pageQuery = (params: Record<string, string>) =>
  new URLSearchParams(Object.entries(params).filter(([, value]) => value !== '')).toString();

export function tvtoApi(api: ApiClient) {
  const base = '/vocational-training/v1';
  const id = encodeURIComponent;
  return {
    /** One page of the courses (the server's search, filter and order; 20 a page). */
    coursePage: (search: { q: string; venueKind: string; order: string }, after: string | null) =>
      api.page<Course>(`${base}/courses?${pageQuery({ limit: '20', ...search })}`, after),
    course: (courseId: string) => api.get<CourseDetail>(`${base}/courses/${id(courseId)}`),
    createCourse: (course: NewCourse) => api.post<Course>(`${base}/courses`, course),
    enrol: (courseId: string, body: { referralId: string } | { residentRef: string | null; neighbourhoodId: string | null }) =>
      api.post<Enrolment>(`${base}/courses/${id(courseId)}/enrolments`, body),
    attendance: (courseId: string, session: number, present: string[]) =>
      api.put(`${base}/courses/${id(courseId)}/sessions/${session}/attendance`, { present }),
    complete: (enrolmentId: string, result: CompletionResult) =>
      api.post<Enrolment>(`${base}/enrolments/${id(enrolmentId)}/complete`, { result }),
    certificates: () => api.list<Certificate>(`${base}/certificates`),
    acceptedReferrals: () => api.list<AcceptedReferral>(`${base}/desk/referrals?state=accepted`),
    places: () => api.get<Places>(`${base}/desk/places`),
    venues: () => api.get<Venue[]>(`${base}/venues`),
    trades: () => api.get<Trade[]>(`${base}/desk/trades`),
    /** One page (20) of the referrals TVTO holds, newest first, found by tracking code; a search that cannot be a code finds none. */
    pickReferrals: async ({ q, state, offerId }: { q: string; state?: 'accepted' | undefined; offerId?: string | undefined }) => {
      const code = trackingCodeSearch(q);
      if (code === null) return [];
      const query = new URLSearchParams({
        limit: '20',
        ...(code ? { q: code } : {}),
        ...(state ? { state } : {}),
        ...(offerId ? { offerId } : {}),
      });
      return api.get<PickableReferral[]>(`${base}/desk/referrals?${query}`);
    },
    /** One page of the applications (the server's search, filters and order; 20 a page). */
    permitPage: (search: { q: string; status: string; trade: string; sort: string }, after: string | null) =>
      api.page<Permit>(`${base}/permits?${pageQuery({ limit: '20', ...search })}`, after),
    apply: (body: {
      referralId: string | null;
      residentRef: string | null;
      applicantName: string | null;
      trade: string;
      neighbourhoodId: string;
      address: string;
    }) => api.post<Permit>(`${base}/permits`, body),
    checklist: (permitId: string, item: ChecklistItem, received: boolean) =>
      api.put<Permit>(`${base}/permits/${id(permitId)}/checklist`, { item, received }),
    inspect: (permitId: string, body: { date: string; inspector: string; findings: string; passed: boolean }) =>
      api.post<Permit>(`${base}/permits/${id(permitId)}/inspection`, body),
    decide: (permitId: string, decision: 'approved' | 'rejected', reason: string) =>
      api.post<Permit>(`${base}/permits/${id(permitId)}/decision`, { decision, reason }),
    renew: (permitId: string) => api.post<Permit>(`${base}/permits/${id(permitId)}/renew`, {}),
    demand: () => api.get<Demand[]>(`${base}/counselling/demand`),
    /** The clinics' calendar, read as TVTO staff: only the counselling slots, without residents. */
    counsellorDays: (days = 14) => api.list<CounsellingSlot>(`/clinics/v1/calendar/slots?kind=tvto-counselling&days=${days}`),
    setDemand: (trade: string, body: { label: LocalizedText; level: DemandLevel; note: LocalizedText }) =>
      api.put<Demand>(`${base}/counselling/demand/${id(trade)}`, body),
    /** One page of the counsellor's sessions (the server's filters; 20 a page). */
    sessionPage: (search: { clinicId: string; state: string }, after: string | null) =>
      api.page<Session>(`${base}/counselling/sessions?${pageQuery({ limit: '20', ...search })}`, after),
    book: (body: { clinicId: string; residentRef: string | null; referralId: string | null; day: string; time: string }) =>
      api.post<Session>(`${base}/counselling/sessions`, body),
    record: (sessionId: string, body: { state: 'held'; notes: string; guidance: string[] } | { state: 'no-show' }) =>
      api.post<Session>(`${base}/counselling/sessions/${id(sessionId)}/record`, body),
    masters: () => api.get<Master[]>(`${base}/apprenticeships/masters`),
    addMaster: (body: Omit<Master, 'masterId' | 'placed' | 'available'>) => api.post<Master>(`${base}/apprenticeships/masters`, body),
    /** One page of the placements (the server's filters; 20 a page). */
    placementPage: (search: { masterId: string; state: string }, after: string | null) =>
      api.page<Placement>(`${base}/apprenticeships/placements?${pageQuery({ limit: '20', ...search })}`, after),
    place: (masterId: string, body: { referralId: string } | { residentRef: string | null }) =>
      api.post<Placement>(`${base}/apprenticeships/masters/${id(masterId)}/placements`, body),
    progress: (placementId: string, rating: number, note: string) =>
      api.post<Placement>(`${base}/apprenticeships/placements/${id(placementId)}/progress`, { rating, note }),
    finish: (placementId: string, state: 'completed' | 'withdrawn') =>
      api.post<Placement>(`${base}/apprenticeships/placements/${id(placementId)}/finish`, { state }),
  };
}

export type TvtoApi = ReturnType<typeof tvtoApi>;

export function useTvtoApi(): TvtoApi {
  const api = useApi();
  return useMemo(() => tvtoApi(api), [api]);
}
