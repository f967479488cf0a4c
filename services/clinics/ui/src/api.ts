import type { ApiClient, LocalizedText } from '@hamgam/ui-kit';
import { useMemo } from 'react';
import { useClinicsClient } from './problems';

// The clinics API as this screen uses it (through the shell: /api/clinics/v1/...).
export interface Neighbourhood {
  id: string;
  name: LocalizedText;
  county: LocalizedText;
  province: LocalizedText;
}

export interface Clinic {
  id: string;
  name: LocalizedText;
  neighbourhoodId: string;
}

export interface NeedCategory {
  id: string;
  label: LocalizedText;
}

export interface Need {
  category: string;
  severity: number;
}

export interface NewAssessment {
  clinicId: string;
  neighbourhoodId: string;
  householdRef: string;
  needs: Need[];
}

export interface Assessment {
  id: string;
  householdRef: string;
  needs: Need[];
  clinicId: string;
  createdAt: string;
  /** The household's file number (what staff call it; the API adds it to the list). */
  fileNumber?: string;
}

export interface RankedPriority {
  rank: number;
  category: string;
  score: number;
  households: number;
}

export interface Reranking {
  reason: string;
  meetingDate: string;
  agreedByRole: string;
  computedRanks: { category: string; computedRank: number }[];
}

export interface PublishedList {
  version: number;
  period: string;
  publishedAt: string;
  priorities: RankedPriority[];
  /** Set when the list was published in an order the residents' meeting agreed (recorded by the clinic worker). */
  reranking?: Reranking | null;
}

export interface AgreedOrder {
  order: string[];
  reason: string;
  meetingDate: string;
  agreedByName: string;
  agreedByRole: 'clinic-worker' | 'representative' | string;
  agreedAt: string;
}

export interface PrioritiesView {
  /** What publishing would publish: the computed ranking in the agreed order, if any. */
  draft: RankedPriority[];
  /** The ranking the assessments alone give. */
  computed?: RankedPriority[];
  agreed?: AgreedOrder | null;
  published: PublishedList | null;
}

export function clinicsApi(api: ApiClient) {
  const nbh = (id: string) => `/clinics/v1/neighbourhoods/${encodeURIComponent(id)}`;
  return {
    neighbourhoods: () => api.get<Neighbourhood[]>('/clinics/v1/neighbourhoods'),
    clinics: () => api.get<Clinic[]>('/clinics/v1/clinics'),
    needCategories: () => api.get<NeedCategory[]>('/clinics/v1/need-categories'),
    /** One page of a neighbourhood's assessments, newest or oldest first, `q` a household's file number. */
    assessmentsPage: (neighbourhoodId: string, filter: { q: string; sort: 'newest' | 'oldest' }, after?: string | null) =>
      api.page<Assessment>(
        `${nbh(neighbourhoodId)}/assessments?${new URLSearchParams({ sort: filter.sort, ...(filter.q && { q: filter.q }) })}`,
        after,
      ),
    priorities: (neighbourhoodId: string) => api.get<PrioritiesView>(`${nbh(neighbourhoodId)}/priorities`),
    recordAssessment: (assessment: NewAssessment) => api.post<Assessment>('/clinics/v1/assessments', assessment),
    publishPriorities: (neighbourhoodId: string, period: string) =>
      api.post<PublishedList>(`${nbh(neighbourhoodId)}/priority-lists`, { period }),
  };
}

export type ClinicsApi = ReturnType<typeof clinicsApi>;

export function useClinicsApi(): ClinicsApi {
  const api = useClinicsClient();
  return useMemo(() => clinicsApi(api), [api]);
}
