import { useApi, type ApiClient, type LocalizedText } from '@hamgam/ui-kit';
import { useMemo } from 'react';

// The institute-funding API as these screens use it (through the shell: /api/institute-funding/v1/...).
export interface InstituteFields {
  name: LocalizedText;
  licenceNo: string;
  licenceValidUntil: string;
  neighbourhoodId: string;
  address: string;
  trades: string[];
}
export interface Institute extends InstituteFields {
  instituteId: string;
  licenceValid: boolean;
  updatedAt: string;
}

export interface CallFields {
  title: LocalizedText;
  budgetRials: number;
  neighbourhoodIds: string[];
  trades: string[];
  opensOn: string;
  closesOn: string;
}
export interface FundingCall extends CallFields {
  callId: string;
  status: 'upcoming' | 'open' | 'closed';
  awardedRials: number;
  availableRials: number;
  createdAt: string;
}

export type ApplicationState = 'submitted' | 'under-review' | 'awarded' | 'rejected';
export interface Application {
  applicationId: string;
  callId: string;
  instituteId: string;
  trades: string[];
  proposedSeats: number;
  amountRequestedRials: number;
  state: ApplicationState;
  submittedAt: string;
  decidedAt: string | null;
  rejectionReason: string | null;
  award: { amountRials: number; seats: number; status: AwardStatus; awardedAt: string } | null;
}

export type ConditionKind = 'enrolments' | 'completions';
export interface PlanItem {
  percent: number;
  condition: { kind: ConditionKind; atLeast: number };
}
export type TrancheState = 'pending' | 'released' | 'paid' | 'cancelled';
export interface Tranche extends PlanItem {
  trancheNo: number;
  amountRials: number;
  state: TrancheState;
  releasable: boolean;
  releasedAt: string | null;
  verifiedEnrolments: number | null;
  verifiedCompletions: number | null;
  paidAt: string | null;
  paymentRef: string | null;
}
export type AwardStatus = 'active' | 'completed' | 'cancelled';
export interface Award {
  awardId: string;
  callId: string;
  instituteId: string;
  trades: string[];
  amountRials: number;
  seats: number;
  neighbourhoodIds: string[];
  status: AwardStatus;
  awardedAt: string;
  cancelReason: string | null;
  verified: { enrolments: number; completions: number };
  releasedRials: number;
  paidRials: number;
  tranches: Tranche[];
  benefits: { benefitId: string; householdRef: string; amountRials: number; trancheNo: number; grantedAt: string }[];
}

export type PostingKind = 'budget' | 'award' | 'release' | 'payment' | 'cancellation';
export interface Ledger {
  balanced: boolean;
  trialBalance: number;
  problems: string[];
  unposted: string[];
  accounts: { account: string; balance: number }[];
  calls: { callId: string; title: LocalizedText; budget: number; available: number; committed: number; payable: number; paid: number }[];
  postings: {
    postingId: string;
    kind: PostingKind;
    callId: string;
    awardId: string | null;
    trancheNo: number | null;
    lines: { account: string; debit: number; credit: number }[];
    postedAt: string;
  }[];
}

export interface DuplicateFlag {
  flagId: string;
  householdRef: string;
  /** How the household is named on screen (HH-XXXX-XXXX), never its ref. */
  householdNumber: string;
  purpose: string;
  crossAgency: boolean;
  totalRials: number;
  benefits: { benefitId: string; source: 'institute-funding' | 'relief-partnerships'; amountRials: number; grantedAt: string }[];
  review: { note: string; reviewedAt: string } | null;
}

/** The programme's neighbourhoods and clinics by name (the desk's reference list). */
export interface Places {
  neighbourhoods: { neighbourhoodId: string; name: LocalizedText }[];
  clinics: { clinicId: string; name: LocalizedText; neighbourhoodId: string }[];
}

export interface Trade {
  tradeId: string;
  name: LocalizedText;
}

export function fundingApi(api: ApiClient) {
  const base = '/institute-funding/v1';
  const id = encodeURIComponent;
  return {
    places: () => api.get<Places>(`${base}/desk/places`),
    trades: () => api.get<Trade[]>(`${base}/desk/trades`),
    /** Every institute (the province's few hundred at most), for names and the application form. */
    institutes: () => api.list<Institute>(`${base}/institutes`),
    /** One page of the institutes (the server's search, filter and order; 20 a page). */
    institutePage: (search: { q: string; neighbourhoodId: string; order: string }, after: string | null) =>
      api.page<Institute>(
        `${base}/institutes?${new URLSearchParams(Object.entries({ limit: '20', ...search }).filter(([, v]) => v !== ''))}`,
        after,
      ),
    registerInstitute: (body: InstituteFields) => api.post<Institute>(`${base}/institutes`, body),
    updateInstitute: (instituteId: string, body: InstituteFields) => api.put<Institute>(`${base}/institutes/${id(instituteId)}`, body),
    calls: () => api.get<FundingCall[]>(`${base}/calls`),
    openCall: (body: CallFields) => api.post<FundingCall>(`${base}/calls`, body),
    /** One page of a call's applications, optionally in one state (20 a page). */
    applicationPage: ({ callId, state }: { callId: string; state: string }, after: string | null) =>
      api.page<Application>(`${base}/applications?${new URLSearchParams({ limit: '20', callId, ...(state ? { state } : {}) })}`, after),
    apply: (body: { callId: string; instituteId: string; trades: string[]; proposedSeats: number; amountRequestedRials: number }) =>
      api.post<Application>(`${base}/applications`, body),
    review: (applicationId: string) => api.post<Application>(`${base}/applications/${id(applicationId)}/review`, {}),
    reject: (applicationId: string, reason: string) =>
      api.post<Application>(`${base}/applications/${id(applicationId)}/reject`, { reason }),
    award: (applicationId: string, body: { amountRials: number; seats: number; plan: PlanItem[] }) =>
      api.post<Award>(`${base}/applications/${id(applicationId)}/award`, body),
    awards: () => api.list<Award>(`${base}/awards`),
    release: (awardId: string, trancheNo: number) => api.post<Award>(`${base}/awards/${id(awardId)}/tranches/${trancheNo}/release`, {}),
    pay: (awardId: string, trancheNo: number, paymentRef: string) =>
      api.post<Award>(`${base}/awards/${id(awardId)}/tranches/${trancheNo}/pay`, { paymentRef }),
    cancel: (awardId: string, reason: string) => api.post<Award>(`${base}/awards/${id(awardId)}/cancel`, { reason }),
    ledger: () => api.get<Ledger>(`${base}/ledger`),
    flags: () => api.get<DuplicateFlag[]>(`${base}/duplicate-flags`),
    reviewFlag: (flagId: string, note: string) =>
      api.post<{ note: string; reviewedAt: string }>(`${base}/duplicate-flags/${id(flagId)}/review`, { note }),
  };
}

export type FundingApi = ReturnType<typeof fundingApi>;

export function useFundingApi(): FundingApi {
  const api = useApi();
  return useMemo(() => fundingApi(api), [api]);
}
