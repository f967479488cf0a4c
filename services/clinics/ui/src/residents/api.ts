import type { ApiClient, LocalizedText } from '@hamgam/ui-kit';
import { useMemo } from 'react';
import type { paths } from '../api/schema';
import { useClinicsClient } from '../problems';

/** The JSON a GET route answers with, as the clinics API's OpenAPI document states it (src/api/schema.d.ts, generated). */
type Get<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer T } } } } }
  ? T
  : never;

// The clinics API's residents, households, consents, drafts and re-ranking, as these screens use them.
export const relations = ['head', 'spouse', 'child', 'parent', 'other'] as const;
export type Relation = (typeof relations)[number];
export const consentPurposes = ['referral', 'eligibility-sharing', 'case-follow-up'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
export const consentAgencies = ['vocational-training', 'welfare', 'relief-partnerships', 'institute-funding'] as const;
export type ConsentAgency = (typeof consentAgencies)[number];

/** A household as the clinic's list gives it (generated from the clinics API's OpenAPI document). */
export type Household = Get<'/clinics/{id}/households'>[number];

export type HouseholdSort = 'newest' | 'oldest' | 'file';
export type ArchivedFilter = 'exclude' | 'include' | 'only';

export interface Personal {
  nationalId: string;
  fullName: string;
  phone: string;
}

/** A resident: `personal` is null for anyone but the staff of the resident's own clinic. */
export type Resident = Get<'/residents/{id}'>;

/** A row of the clinic's residents: the name (own clinic staff only) and the household's file number, never an id to read. */
export type ResidentListItem = Get<'/clinics/{id}/residents'>[number];

/** What was recorded for a household: needs, severities and answers. */
export type RecordedAssessment = Get<'/households/{id}/assessment'>;

export type HouseholdDetail = Get<'/households/{id}'>;

export interface NewResident {
  nationalId: string;
  fullName: string;
  phone: string;
  relation: Relation;
  birthYear: number | null;
}

export interface DuplicateAnswer {
  exists: boolean;
  sameClinic: boolean;
  residentId?: string;
}

export interface Consent {
  id: string;
  residentId: string;
  purpose: ConsentPurpose;
  agency: ConsentAgency;
  grantedAt: string;
  expiresOn: string;
  withdrawnAt: string | null;
  status: 'active' | 'expired' | 'withdrawn' | 'pending';
}

export type AccessEntry = Get<'/residents/{id}/access-log'>[number];

export type Answer = boolean | number | string;

export interface Question {
  id: string;
  category: string;
  kind: 'yes-no' | 'count' | 'choice';
  label: LocalizedText;
  options?: { id: string; label: LocalizedText }[];
  max?: number;
}

export interface QuestionnaireSection {
  category: string;
  questions: Question[];
}

export interface Need {
  category: string;
  severity: number;
}

export interface Draft {
  householdId: string;
  needs: Need[];
  answers: Record<string, Answer>;
  savedAt: string;
}

export interface StaffMember {
  id: string;
  name: LocalizedText;
  role: 'social-worker' | 'clinic-manager' | 'tvto-counsellor';
}

export interface NeighbourhoodDetail {
  id: string;
  name: LocalizedText;
  county: LocalizedText;
  province: LocalizedText;
  clinics: { id: string; name: LocalizedText; staff: StaffMember[] }[];
  representative: { name: LocalizedText } | null;
}

export interface AgreedOrderRequest {
  order: string[];
  reason: string;
  meetingDate: string;
}

/** A list's query string from the filters that are set. */
export const listQuery = (params: Record<string, string | undefined>) => {
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
};

export function residentsApi(api: ApiClient) {
  const v1 = '/clinics/v1';
  const hh = (id: string) => `${v1}/households/${encodeURIComponent(id)}`;
  const res = (id: string) => `${v1}/residents/${encodeURIComponent(id)}`;
  const clinic = (id: string) => `${v1}/clinics/${encodeURIComponent(id)}`;
  return {
    /** One page of a clinic's households, found by `q` (file number, name, national id, tracking code). */
    householdsPage: (clinicId: string, filter: { q: string; sort: HouseholdSort; archived: ArchivedFilter }, after?: string | null) =>
      api.page<Household>(`${clinic(clinicId)}/households${listQuery(filter)}`, after),
    /** One page of a clinic's residents (name for own staff, file number), found by `q`, sorted, filtered by relation or a consent ending soon. */
    residentsPage: (
      clinicId: string,
      filter: { q: string; sort: 'newest' | 'oldest'; archived: ArchivedFilter; relation: string; consents?: 'ending' },
      after?: string | null,
    ) => api.page<ResidentListItem>(`${clinic(clinicId)}/residents${listQuery(filter)}`, after),
    /** The first residents a search names (for a picker): name and file number, never an id on screen. */
    findResidents: (clinicId: string, q: string) =>
      api.get<ResidentListItem[]>(`${clinic(clinicId)}/residents${listQuery({ q, limit: '20' })}`),
    correctHousehold: (id: string, fileNumber: string) => api.patch<HouseholdDetail>(hh(id), { fileNumber }),
    correctResident: (id: string, change: Partial<Pick<NewResident, 'fullName' | 'phone' | 'relation' | 'birthYear'>>) =>
      api.patch<Resident>(res(id), change),
    archiveHousehold: (id: string) => api.post<HouseholdDetail>(`${hh(id)}/archive`),
    restoreHousehold: (id: string) => api.post<HouseholdDetail>(`${hh(id)}/restore`),
    archiveResident: (id: string) => api.post<Resident>(`${res(id)}/archive`),
    restoreResident: (id: string) => api.post<Resident>(`${res(id)}/restore`),
    assessment: (householdId: string) => api.get<RecordedAssessment>(`${hh(householdId)}/assessment`),
    household: (id: string) => api.get<HouseholdDetail>(hh(id)),
    registerHousehold: (clinicId: string, fileNumber: string) => api.post<Household>(`${v1}/households`, { clinicId, fileNumber }),
    registerResident: (householdId: string, resident: NewResident) => api.post<Resident>(`${hh(householdId)}/residents`, resident),
    duplicateCheck: (clinicId: string, nationalId: string) =>
      api.post<DuplicateAnswer>(`${v1}/residents/duplicate-check`, { clinicId, nationalId }),
    resident: (id: string) => api.get<Resident>(res(id)),
    consents: (id: string) => api.get<Consent[]>(`${res(id)}/consents`),
    grantConsent: (id: string, consent: { purpose: ConsentPurpose; agency: ConsentAgency; expiresOn: string }) =>
      api.post<Consent>(`${res(id)}/consents`, consent),
    withdrawConsent: (id: string, consentId: string) => api.post<Consent>(`${res(id)}/consents/${encodeURIComponent(consentId)}/withdraw`),
    accessLogPage: (id: string, sort: 'newest' | 'oldest', after?: string | null) =>
      api.page<AccessEntry>(`${res(id)}/access-log${listQuery({ sort })}`, after),
    questionnaire: () => api.get<QuestionnaireSection[]>(`${v1}/questionnaire`),
    draft: (householdId: string) => api.get<Draft>(`${hh(householdId)}/assessment-draft`),
    saveDraft: (householdId: string, draft: { needs: Need[]; answers: Record<string, Answer> }) =>
      api.put<Draft>(`${hh(householdId)}/assessment-draft`, draft),
    discardDraft: (householdId: string) => api.del<{ deleted: boolean }>(`${hh(householdId)}/assessment-draft`),
    submitDraft: (householdId: string) => api.post<{ id: string }>(`${hh(householdId)}/assessment-draft/submit`),
    neighbourhood: (id: string) => api.get<NeighbourhoodDetail>(`${v1}/neighbourhoods/${encodeURIComponent(id)}`),
    setAgreedOrder: (neighbourhoodId: string, request: AgreedOrderRequest) =>
      api.put<unknown>(`${v1}/neighbourhoods/${encodeURIComponent(neighbourhoodId)}/priorities/agreed-order`, request),
  };
}

export type ResidentsApi = ReturnType<typeof residentsApi>;

export function useResidentsApi(): ResidentsApi {
  const api = useClinicsClient();
  return useMemo(() => residentsApi(api), [api]);
}
