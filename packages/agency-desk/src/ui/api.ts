import { useApi, type ApiClient, type LocalizedText } from '@hamgam/ui-kit';
import { useMemo } from 'react';
import type { CommitmentStatus, DeclineReason, NeedCategory, OfferKind, ReferralOutcome, ReferralState } from './vocabulary';

// The desk API as these screens use it (through the shell: /api/<service>/v1/desk/...).
export interface OfferFields {
  kind: OfferKind;
  title: LocalizedText;
  eligibility: LocalizedText;
  answers: NeedCategory[];
  neighbourhoodIds: string[];
  place: LocalizedText;
  schedule: LocalizedText;
  startsOn: string | null;
  endsOn: string | null;
  capacity: number;
  available: number;
  status: 'open' | 'closed';
}

export interface Offer extends OfferFields {
  offerId: string;
  revision: number;
  seatsTaken: number;
  updatedAt: string;
}

export interface Referral {
  referralId: string;
  trackingCode: string;
  offerId: string;
  offerTitle: LocalizedText | null;
  clinicId: string;
  clinicName: LocalizedText | null;
  neighbourhoodId: string;
  neighbourhoodName: LocalizedText | null;
  residentRef: string;
  householdRef: string | null;
  needCategory: NeedCategory;
  state: ReferralState;
  madeAt: string;
  respondBy: string;
  acceptedAt: string | null;
  completeBy: string | null;
  declineReason: string | null;
  outcome: string | null;
  withdrawReason: string | null;
  overdue: boolean;
}

export interface Commitment {
  commitmentId: string;
  source: 'agency' | 'working-group';
  neighbourhoodId: string;
  answers: NeedCategory | null;
  title: string;
  dueOn: string;
  revisedDueOn: string | null;
  status: CommitmentStatus;
  evidence: string | null;
  overdue: boolean;
}

export interface NeighbourhoodPriorities {
  neighbourhoodId: string;
  neighbourhoodName: LocalizedText;
  period: string;
  version: number;
  priorities: { rank: number; category: NeedCategory; score: number; households: number }[];
}

export interface OfferFilter {
  /** Words of the title, in either language. */
  q?: string | undefined;
  kind?: OfferKind | undefined;
  status?: 'open' | 'closed' | undefined;
}

export interface CommitmentFilter {
  /** One status, or `open`: every one not delivered yet. */
  status?: CommitmentStatus | 'open' | undefined;
  source?: Commitment['source'] | undefined;
  neighbourhoodId?: string | undefined;
  /** Only those past their (revised) due day and not delivered. */
  overdue?: boolean | undefined;
  order?: 'asc' | 'desc' | undefined;
}

export interface Places {
  neighbourhoods: { neighbourhoodId: string; name: LocalizedText }[];
  clinics: { clinicId: string; name: LocalizedText; neighbourhoodId: string }[];
}

export const referralSorts = ['newest', 'oldest', 'respond-by'] as const;
export type ReferralSort = (typeof referralSorts)[number];

export interface ReferralFilter {
  state?: ReferralState | undefined;
  overdue?: boolean | undefined;
  /** A tracking code or its beginning, as typed. */
  q?: string | undefined;
  neighbourhoodId?: string | undefined;
  needCategory?: NeedCategory | undefined;
  sort?: ReferralSort | undefined;
}

/** The list's query string: the filter as the API names it (`sort`/`order` from the one choice on screen). */
export function referralQuery({ state, overdue, q, neighbourhoodId, needCategory, sort = 'newest' }: ReferralFilter): string {
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  if (state) query.set('state', state);
  if (overdue) query.set('overdue', 'true');
  if (neighbourhoodId) query.set('neighbourhoodId', neighbourhoodId);
  if (needCategory) query.set('needCategory', needCategory);
  if (sort === 'oldest') query.set('order', 'asc');
  if (sort === 'respond-by') {
    query.set('sort', 'respondBy');
    query.set('order', 'asc');
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

export function deskApi(api: ApiClient, service: string) {
  const base = `/${service}/v1/desk`;
  const referral = (id: string, verb: string) => `${base}/referrals/${encodeURIComponent(id)}/${verb}`;
  return {
    offers: (filter: OfferFilter, after: string | null) => {
      const query = new URLSearchParams();
      if (filter.q) query.set('q', filter.q);
      if (filter.kind) query.set('kind', filter.kind);
      if (filter.status) query.set('status', filter.status);
      const text = query.toString();
      return api.page<Offer>(`${base}/offers${text ? `?${text}` : ''}`, after);
    },
    createOffer: (offer: OfferFields) => api.post<Offer>(`${base}/offers`, offer),
    updateOffer: (offerId: string, fields: OfferFields, basedOnRevision: number) =>
      api.put<Offer>(`${base}/offers/${encodeURIComponent(offerId)}`, { ...fields, basedOnRevision }),
    referrals: (filter: ReferralFilter, after: string | null) => api.page<Referral>(`${base}/referrals${referralQuery(filter)}`, after),
    places: () => api.get<Places>(`${base}/places`),
    accept: (id: string, completeBy: string) => api.post<Referral>(referral(id, 'accept'), { completeBy }),
    decline: (id: string, reason: DeclineReason) => api.post<Referral>(referral(id, 'decline'), { reason }),
    complete: (id: string, outcome: ReferralOutcome) => api.post<Referral>(referral(id, 'complete'), { outcome }),
    commitments: (filter: CommitmentFilter, after: string | null) => {
      const query = new URLSearchParams();
      if (filter.status) query.set('status', filter.status);
      if (filter.source) query.set('source', filter.source);
      if (filter.neighbourhoodId) query.set('neighbourhoodId', filter.neighbourhoodId);
      if (filter.overdue) query.set('overdue', 'true');
      if (filter.order === 'desc') query.set('order', 'desc');
      const text = query.toString();
      return api.page<Commitment>(`${base}/commitments${text ? `?${text}` : ''}`, after);
    },
    priorities: () => api.get<NeighbourhoodPriorities[]>(`${base}/priorities`),
    declare: (body: { neighbourhoodId: string; answers: NeedCategory | null; title: string; dueOn: string }) =>
      api.post<Commitment>(`${base}/commitments`, body),
    progress: (id: string, body: { status: Exclude<CommitmentStatus, 'planned'>; evidence?: string; revisedDueOn?: string }) =>
      api.post<Commitment>(`${base}/commitments/${encodeURIComponent(id)}/progress`, body),
  };
}

export type DeskApi = ReturnType<typeof deskApi>;

export function useDeskApi(service: string): DeskApi {
  const api = useApi();
  return useMemo(() => deskApi(api, service), [api, service]);
}
