import type { ApiClient, LocalizedText } from '@hamgam/ui-kit';
import { useMemo } from 'react';
import type { paths } from '../api/schema';
import { useClinicsClient } from '../problems';

/** The JSON a GET route answers with, as the clinics API's OpenAPI document states it (src/api/schema.d.ts, generated). */
type Get<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer T } } } } }
  ? T
  : never;

// The clinics API's referral, catalogue, timeline and calendar routes as these screens use them.
export type ReferralState = 'sent' | 'accepted' | 'declined' | 'completed' | 'withdrawn';
export const referralStates: ReferralState[] = ['sent', 'accepted', 'declined', 'completed', 'withdrawn'];
export type WithdrawReason = 'consent-withdrawn' | 'resident-request' | 'duplicate';
export const withdrawReasons: WithdrawReason[] = ['consent-withdrawn', 'resident-request', 'duplicate'];
export const partnerAgencies = ['vocational-training', 'welfare', 'relief-partnerships', 'institute-funding'] as const;

export interface ReferralStep {
  kind: 'made' | 'accepted' | 'declined' | 'completed' | 'withdrawn';
  at: string;
  reason?: string | null;
  outcome?: string | null;
  completeBy?: string | null;
}

/** A referral as the clinics API states it (generated types); `resident` names who is referred. */
export type Referral = Get<'/referrals/{id}'>;

export interface PersonLabel {
  fullName: string | null;
  fileNumber: string;
}

export type ReferralSort = 'newest' | 'oldest' | 'updated' | 'respond-by';
export const referralSorts: ReferralSort[] = ['newest', 'oldest', 'updated', 'respond-by'];

export interface ReferralFilter {
  clinicId?: string;
  state?: string;
  overdue?: boolean;
  residentId?: string;
  q?: string;
  sort?: ReferralSort;
}

export type ReferralSummary = Get<'/referrals/summary'>[number];

export interface Offer {
  id: string;
  agency: string;
  agencyName: LocalizedText;
  kind: string;
  title: LocalizedText;
  eligibility: LocalizedText;
  answers: string[];
  neighbourhoodIds: string[];
  place: LocalizedText;
  schedule: LocalizedText;
  startsOn: string | null;
  endsOn: string | null;
  capacity: number;
  available: number;
  status: 'open' | 'closed';
}

export interface ResidentSummary {
  id: string;
  householdId: string;
  clinicId: string;
  neighbourhoodId: string;
  relation: string;
  birthYear: number | null;
  personal: { fullName: string; phone: string; nationalId: string } | null;
  /** In a list: the name (own clinic staff) and the household's file number. */
  fullName?: string | null;
  fileNumber?: string;
}

export interface Consent {
  id: string;
  purpose: string;
  agency: string;
  expiresOn: string;
  status: 'active' | 'expired' | 'withdrawn' | 'pending';
}

export interface TimelineEntry {
  kind: string;
  at: string;
  agency: string | null;
  agencyName: LocalizedText | null;
  title: LocalizedText;
  /** Where it happens (a course's venue). */
  place?: LocalizedText | null;
  /** The resident's own matter or their household's (welfare's eligibility, a household benefit). */
  scope?: 'resident' | 'household';
  subject: { type: string; id: string; trackingCode?: string };
  detail: Record<string, string>;
}

export type SlotKind = 'tvto-counselling' | 'guild-meeting' | 'joint-meeting';

/** A slot of a clinic's calendar; its bookings (name and file number) for its own clinic's staff only. */
export type Slot = Get<'/calendar/slots'>[number];

const v1 = '/clinics/v1';
const query = (params: Record<string, string | undefined>) => {
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
};

const referralQuery = (filter: ReferralFilter) => query({ ...filter, overdue: filter.overdue ? 'true' : undefined });

/** How a picker or a list names a resident: their name where the clinic may show it, with the household's file number. */
export const personText = (label: PersonLabel | undefined, fileWord: string) =>
  label ? [label.fullName, label.fileNumber && `${fileWord} ${label.fileNumber}`].filter(Boolean).join(' — ') : '—';

export function referralsApi(api: ApiClient) {
  return {
    referrals: (filter: ReferralFilter) => api.list<Referral>(`${v1}/referrals${referralQuery(filter)}`),
    /** One page of referrals as filtered, searched and sorted on the server. */
    referralsPage: (filter: ReferralFilter, after?: string | null) => api.page<Referral>(`${v1}/referrals${referralQuery(filter)}`, after),
    referral: (id: string) => api.get<Referral>(`${v1}/referrals/${encodeURIComponent(id)}`),
    /** The first residents of a clinic a search names (name, national id, file number, tracking code), for a picker. */
    findResidents: (clinicId: string, q: string) =>
      api.get<ResidentSummary[]>(`${v1}/clinics/${encodeURIComponent(clinicId)}/residents${query({ q, limit: '20' })}`),
    summary: (clinicId?: string) => api.get<ReferralSummary[]>(`${v1}/referrals/summary${query({ clinicId })}`),
    refer: (body: { residentId: string; offerId: string; needCategory?: string }) => api.post<Referral>(`${v1}/referrals`, body),
    withdraw: (id: string, reason: WithdrawReason) => api.post<Referral>(`${v1}/referrals/${encodeURIComponent(id)}/withdraw`, { reason }),
    catalogue: (filter: { neighbourhoodId?: string; category?: string; agency?: string; openOnly?: boolean }) =>
      api.list<Offer>(`${v1}/catalogue${query({ ...filter, openOnly: filter.openOnly ? 'true' : undefined })}`),
    resident: (id: string) => api.get<ResidentSummary>(`${v1}/residents/${encodeURIComponent(id)}`),
    consents: (residentId: string) => api.get<Consent[]>(`${v1}/residents/${encodeURIComponent(residentId)}/consents`),
    timeline: (residentId: string) => api.get<TimelineEntry[]>(`${v1}/residents/${encodeURIComponent(residentId)}/timeline`),
    slots: (filter: { clinicId?: string; from?: string; days?: number }) =>
      api.list<Slot>(`${v1}/calendar/slots${query({ clinicId: filter.clinicId, from: filter.from, days: filter.days?.toString() })}`),
    addWeekly: (body: {
      clinicId: string;
      kind: SlotKind;
      weekday: number;
      startTime: string;
      durationMinutes: number;
      capacity: number;
      weeks: number;
    }) => api.post<Slot[]>(`${v1}/calendar/weekly`, body),
    addSlot: (body: { clinicId: string; kind: SlotKind; startsAt: string; durationMinutes: number; capacity: number }) =>
      api.post<Slot>(`${v1}/calendar/slots`, body),
    book: (slotId: string, residentId: string) =>
      api.post<Slot>(`${v1}/calendar/slots/${encodeURIComponent(slotId)}/bookings`, { residentId }),
    cancelBooking: (slotId: string, residentId: string) =>
      api.del<Slot>(`${v1}/calendar/slots/${encodeURIComponent(slotId)}/bookings/${encodeURIComponent(residentId)}`),
  };
}

export type ReferralsApi = ReturnType<typeof referralsApi>;

export function useReferralsApi(): ReferralsApi {
  const api = useClinicsClient();
  return useMemo(() => referralsApi(api), [api]);
}
