import { useApi, type ApiClient } from '@hamgam/ui-kit';
import { useMemo } from 'react';
import type { paths } from './api/schema';

// The relief-partnerships API as these screens use it (through the shell: /api/relief-partnerships/v1/...).
export const SUPPORT_KINDS = ['micro-loan', 'grant', 'equipment'] as const;
export const SUPPORT_STATUSES = [
  'submitted',
  'eligible',
  'ineligible',
  'approved',
  'rejected',
  'disbursed',
  'repaying',
  'repaid',
  'in-arrears',
] as const;
export const PURPOSES = ['income-support', 'employment', 'skills-training', 'workshop-space', 'housing-repair', 'social-care'] as const;
export const PARTNERS = ['relief-committee', 'basij-construction'] as const;
export const ATTENDEES = [
  'relief-committee',
  'basij-construction',
  'clinics',
  'vocational-training',
  'welfare',
  'institute-funding',
  'coordination',
] as const;

export type SupportKind = (typeof SUPPORT_KINDS)[number];
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];
export type Partner = (typeof PARTNERS)[number];
export type MeansTest = 'not-done' | 'passed' | 'failed';

export interface Instalment {
  no: number;
  dueOn: string;
  principalRials: number;
  feeRials: number;
  amountRials: number;
}

export interface LoanTerms {
  months: number;
  graceMonths: number;
  feePercent: number;
}

export interface SupportRequest {
  requestId: string;
  /** What the officer reads and searches by (`RL-K7QM-3XWA`), never the id. */
  requestNumber: string;
  /** The tracking code of the referral it answers, if it does. */
  trackingCode: string | null;
  referralId: string | null;
  /** A direct request for a resident and household no clinic's referral has named to relief: not approved or paid (409 refs-unverified). */
  unverified: boolean;
  residentRef: string;
  householdRef: string;
  neighbourhoodId: string | null;
  kind: SupportKind;
  purpose: string;
  requestedRials: number;
  businessPlan: string;
  meansTest: MeansTest;
  state: Exclude<SupportStatus, 'in-arrears'>;
  status: SupportStatus;
  assessment: { eligible: boolean; reasons: string[]; validFlags: string[]; at: string };
  decision: {
    decision: 'approved' | 'rejected';
    amountRials: number;
    reason: string | null;
    terms: LoanTerms | null;
    decidedAt: string;
  } | null;
  disbursement: { amountRials: number; disbursedAt: string; disbursedOn: string; benefitId: string } | null;
  schedule: { principalRials: number; feeRials: number; totalRials: number; instalments: Instalment[] } | null;
  arrears: {
    paidRials: number;
    outstandingRials: number;
    arrearsRials: number;
    overdueInstalments: number;
    oldestOverdueOn: string | null;
    nextDue: { no: number; dueOn: string; remainingRials: number } | null;
  } | null;
  repayments: { repaymentId: string; amountRials: number; paidOn: string }[];
  followUps: { followUpId: string; visitedOn: string; operating: boolean; note: string }[];
  duplicateBenefits: number;
  submittedAt: string;
}

export interface Benefit {
  benefitId: string;
  source: 'relief-partnerships' | 'institute-funding';
  householdRef: string;
  purpose: string;
  amountRials: number;
  grantedAt: string;
  requestId: string | null;
  requestNumber: string | null;
}

export interface SupportRequestPage extends SupportRequest {
  facts: {
    certificates: { enrolmentId: string; trade: string; certificateNo: string | null; completedAt: string }[];
    flags: {
      flagId: string;
      flag: string | null;
      validUntil: string | null;
      revokedAt: string | null;
      status: 'valid' | 'expired' | 'revoked';
    }[];
  };
  eligibleToday: { eligible: boolean; reasons: string[]; validFlags: string[] };
  priorBenefits: Benefit[];
}

export interface DuplicateFlag {
  householdRef: string;
  purpose: string;
  benefits: Benefit[];
}

export interface OpenReferral {
  referralId: string;
  trackingCode: string;
  offerId: string;
  kind: SupportKind;
  residentRef: string;
  householdRef: string | null;
  neighbourhoodId: string;
  needCategory: string;
}

export interface Candidate {
  residentRef: string;
  householdRef: string | null;
  neighbourhoodId: string | null;
  trade: string;
  certificateNo: string | null;
  completedAt: string;
  eligibleToday: boolean | null;
}

export interface NewRequest {
  referralId?: string;
  residentRef?: string;
  householdRef?: string;
  neighbourhoodId?: string;
  kind: SupportKind;
  purpose?: string;
  requestedRials: number;
  businessPlan: string;
  meansTest: MeansTest;
}

export interface Milestone {
  milestoneId: string;
  title: string;
  dueOn: string;
  doneOn: string | null;
  overdue: boolean;
}

export interface Project {
  projectId: string;
  title: string;
  scope: string;
  neighbourhoodId: string;
  permitId: string | null;
  permitNo: string | null;
  volunteers: { count: number; skills: string[] };
  milestones: Milestone[];
  overdueMilestones: number;
  status: 'planned' | 'in-progress' | 'completed';
  evidence: string | null;
  completedOn: string | null;
}

export interface NewProject {
  title: string;
  scope: string;
  neighbourhoodId: string;
  permitId: string | null;
  volunteers: { count: number; skills: string[] };
  milestones: { title: string; dueOn: string }[];
}

export interface Permit {
  permitId: string;
  permitNo: string;
  trade: string;
  neighbourhoodId: string;
  validUntil: string;
  projectId: string | null;
}

export interface AgreementFields {
  partner: Partner;
  title: string;
  scope: string;
  startsOn: string;
  endsOn: string;
  signedOn: string | null;
  status: 'draft' | 'signed' | 'terminated';
}

export interface Agreement extends AgreementFields {
  agreementId: string;
  standing: 'draft' | 'upcoming' | 'active' | 'expired' | 'terminated';
}

export interface Meeting {
  meetingId: string;
  heldOn: string;
  title: string;
  attendees: string[];
  decisions: string;
}

/** The programme's neighbourhoods and clinics by name, as the desk serves them. */
export type Places = paths['/desk/places']['get']['responses'][200]['content']['application/json'];

/** A trade by name, as the desk serves it. */
export type Trade = paths['/desk/trades']['get']['responses'][200]['content']['application/json'][number];

/** A resident and household a clinic referred to relief, as the desk serves them (tracking code, place, offer; ids only for the API). */
export type ReferredPerson = paths['/desk/referred-people']['get']['responses'][200]['content']['application/json'][number];

export const PROJECT_STATUSES = ['planned', 'in-progress', 'completed'] as const;

export interface ProjectFilter {
  status?: Project['status'] | undefined;
  neighbourhoodId?: string | undefined;
  order?: 'desc' | 'asc' | undefined;
}

export interface RequestFilter {
  /** A request number or a tracking code (whole or begun), as typed. */
  q?: string | undefined;
  state?: SupportStatus | undefined;
  kind?: SupportKind | undefined;
  purpose?: string | undefined;
  neighbourhoodId?: string | undefined;
  order?: 'desc' | 'asc' | undefined;
}

function requestQuery(filter: RequestFilter): string {
  const query = new URLSearchParams();
  for (const key of ['q', 'state', 'kind', 'purpose', 'neighbourhoodId'] as const) {
    const value = filter[key];
    if (value) query.set(key, value);
  }
  if (filter.order === 'asc') query.set('order', 'asc');
  const text = query.toString();
  return text ? `?${text}` : '';
}

const base = '/relief-partnerships/v1';

function reliefApi(api: ApiClient) {
  const step = (id: string, path: string, body: unknown = {}) =>
    api.post<SupportRequestPage>(`${base}/support-requests/${id}/${path}`, body);
  return {
    requests: (filter: RequestFilter, after: string | null) =>
      api.page<SupportRequest>(`${base}/support-requests${requestQuery(filter)}`, after),
    places: () => api.get<Places>(`${base}/desk/places`),
    trades: () => api.get<Trade[]>(`${base}/desk/trades`),
    referredPeople: (q: string) => api.get<ReferredPerson[]>(`${base}/desk/referred-people?limit=20&q=${encodeURIComponent(q)}`),
    request: (id: string) => api.get<SupportRequestPage>(`${base}/support-requests/${id}`),
    openReferrals: () => api.list<OpenReferral>(`${base}/support-referrals`),
    candidates: () => api.list<Candidate>(`${base}/support-candidates`),
    submit: (body: NewRequest) => api.post<SupportRequestPage>(`${base}/support-requests`, body),
    meansTest: (id: string, meansTest: MeansTest) =>
      api.put<SupportRequestPage>(`${base}/support-requests/${id}/means-test`, { meansTest }),
    approve: (id: string, amountRials: number, terms?: LoanTerms) => step(id, 'approve', terms ? { amountRials, terms } : { amountRials }),
    reject: (id: string, reason: string) => step(id, 'reject', { reason }),
    disburse: (id: string) => step(id, 'disburse'),
    repay: (id: string, amountRials: number, paidOn: string) => step(id, 'repayments', { amountRials, paidOn }),
    followUp: (id: string, visitedOn: string, operating: boolean, note: string) => step(id, 'follow-ups', { visitedOn, operating, note }),
    duplicateFlags: () => api.get<DuplicateFlag[]>(`${base}/benefit-flags`),
    projects: (filter: ProjectFilter, after: string | null) => {
      const query = new URLSearchParams();
      if (filter.status) query.set('status', filter.status);
      if (filter.neighbourhoodId) query.set('neighbourhoodId', filter.neighbourhoodId);
      if (filter.order === 'asc') query.set('order', 'asc');
      const text = query.toString();
      return api.page<Project>(`${base}/projects${text ? `?${text}` : ''}`, after);
    },
    createProject: (body: NewProject) => api.post<Project>(`${base}/projects`, body),
    milestoneDone: (projectId: string, milestoneId: string, doneOn: string) =>
      api.post<Project>(`${base}/projects/${projectId}/milestones/${milestoneId}/done`, { doneOn }),
    addMilestone: (projectId: string, title: string, dueOn: string) =>
      api.post<Project>(`${base}/projects/${projectId}/milestones`, { title, dueOn }),
    completeProject: (projectId: string, evidence: string) => api.post<Project>(`${base}/projects/${projectId}/complete`, { evidence }),
    permits: () => api.list<Permit>(`${base}/permits`),
    agreements: () => api.get<Agreement[]>(`${base}/agreements`),
    createAgreement: (body: AgreementFields) => api.post<Agreement>(`${base}/agreements`, body),
    meetings: (after: string | null) => api.page<Meeting>(`${base}/joint-meetings`, after),
    createMeeting: (body: Omit<Meeting, 'meetingId'>) => api.post<Meeting>(`${base}/joint-meetings`, body),
  };
}

export type ReliefApi = ReturnType<typeof reliefApi>;

export function useReliefApi(): ReliefApi {
  const api = useApi();
  return useMemo(() => reliefApi(api), [api]);
}
