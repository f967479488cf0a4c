import { useApi, type ApiClient, type LocalizedText } from '@hamgam/ui-kit';
import { useMemo } from 'react';
import type { paths } from './api/schema';

// The welfare API as these screens use it (through the shell: /api/welfare/v1/...).
export const caseStates = ['opened', 'assessed', 'planned', 'in-follow-up', 'closed'] as const;
export type CaseState = (typeof caseStates)[number];
export const closureReasons = ['goals-met', 'moved', 'declined', 'transferred'] as const;
export type ClosureReason = (typeof closureReasons)[number];
export const eligibilityFlags = ['low-income', 'female-headed-household', 'disability-in-household', 'long-term-unemployed'] as const;
export type EligibilityFlag = (typeof eligibilityFlags)[number];
export type Level = 'low' | 'medium' | 'high';
export const incomeLevels = ['sufficient', 'irregular', 'below-poverty-line', 'no-income'] as const;
export const housingConditions = ['adequate', 'insecure-tenure', 'overcrowded', 'unsafe'] as const;
export const disabilityLevels = ['none', 'moderate', 'severe'] as const;

export interface AssessmentAnswers {
  income: { level: (typeof incomeLevels)[number]; mainEarnerMonthsUnemployed: number };
  housing: { condition: (typeof housingConditions)[number] };
  health: { disability: (typeof disabilityLevels)[number]; chronicIllness: boolean };
  household: { members: number; dependants: number; earners: number; femaleHeaded: boolean };
}

export interface CaseSummary {
  caseId: string;
  /** What the officer reads and searches by (`WF-K7QM-3XWA`), never the id. */
  fileNumber: string;
  /** The tracking code of the referral the case was opened from, if it was. */
  trackingCode: string | null;
  householdRef: string;
  residentRef: string | null;
  neighbourhoodId: string;
  clinicId: string | null;
  referralId: string | null;
  /** Opened directly for a household no clinic's referral had named to welfare. */
  unverified: boolean;
  state: CaseState;
  level: Level | null;
  openedAt: string;
  overdueTasks: number;
  nextVisitOn: string | null;
  visitOverdue: boolean;
  overdue: boolean;
  activeFlags: EligibilityFlag[];
}

export interface CaseTask {
  taskId: string;
  text: string;
  dueOn: string;
  done: boolean;
  doneAt: string | null;
  overdue: boolean;
}

export interface CaseView extends CaseSummary {
  worker: string;
  closedFrom: CaseState | null;
  closure: { reason: ClosureReason; at: string; by: string } | null;
  reopenReason: string | null;
  assessment: {
    answers: AssessmentAnswers;
    result: {
      scores: Record<'income' | 'housing' | 'health' | 'household', number>;
      total: number;
      level: Level;
      suggestedFlags: EligibilityFlag[];
    };
    assessedAt: string;
    assessedBy: string;
  } | null;
  goals: { goalId: string; text: string; met: boolean; tasks: CaseTask[] }[];
  visits: { visitId: string; visitedOn: string; notes: string; nextVisitOn: string | null; recordedBy: string }[];
  flags: {
    flagId: string;
    flag: EligibilityFlag;
    validUntil: string;
    confirmedAt: string;
    confirmedBy: string;
    revokedAt: string | null;
    active: boolean;
  }[];
  referral: { trackingCode: string | null; state: string; outcome: string | null } | null;
  revision: number;
  history: { at: string; by: string; action: string; detail: string | null }[];
}

export interface OpenableReferral {
  referralId: string;
  trackingCode: string;
  offerId: string;
  offerTitle: LocalizedText;
  clinicId: string | null;
  neighbourhoodId: string | null;
  householdRef: string | null;
  acceptedAt: string | null;
  completeBy: string | null;
}

export interface Counts {
  total: number;
  byState: Record<CaseState, number>;
  byLevel: Record<Level | 'unassessed', number>;
  withOverdueWork: number;
}

export interface CaseloadSummary {
  asOf: string;
  neighbourhoods: (Counts & { neighbourhoodId: string })[];
  totals: Counts;
  activeFlags: Record<EligibilityFlag, number>;
}

/** The programme's neighbourhoods and clinics by name, as the desk serves them. */
export type Places = paths['/desk/places']['get']['responses'][200]['content']['application/json'];

/** A household welfare may open a case for: one a clinic's referral to welfare named (what welfare may know of it). */
export type KnownHousehold = paths['/cases/households']['get']['responses'][200]['content']['application/json'][number];

export interface CaseloadFilter {
  state?: CaseState | undefined;
  overdue?: boolean | undefined;
  neighbourhoodId?: string | undefined;
  /** A file number or a tracking code (whole or begun), as typed. */
  q?: string | undefined;
  order?: 'desc' | 'asc' | undefined;
}

export function welfareApi(api: ApiClient) {
  const base = '/welfare/v1';
  const one = (caseId: string) => `${base}/cases/${encodeURIComponent(caseId)}`;
  return {
    caseload: (filter: CaseloadFilter, after: string | null) => {
      const query = new URLSearchParams();
      if (filter.q) query.set('q', filter.q);
      if (filter.state) query.set('state', filter.state);
      if (filter.overdue) query.set('overdue', 'true');
      if (filter.neighbourhoodId) query.set('neighbourhoodId', filter.neighbourhoodId);
      if (filter.order === 'asc') query.set('order', 'asc');
      const text = query.toString();
      return api.page<CaseSummary>(`${base}/cases${text ? `?${text}` : ''}`, after);
    },
    summary: () => api.get<CaseloadSummary>(`${base}/cases/summary`),
    places: () => api.get<Places>(`${base}/desk/places`),
    households: (q: string) => api.get<KnownHousehold[]>(`${base}/cases/households?limit=20&q=${encodeURIComponent(q)}`),
    openable: () => api.list<OpenableReferral>(`${base}/cases/openable-referrals`),
    open: (body: { householdRef: string; neighbourhoodId: string; residentRef?: string | null; clinicId?: string | null }) =>
      api.post<CaseView>(`${base}/cases`, body),
    openFromReferral: (referralId: string) => api.post<CaseView>(`${base}/cases/from-referral`, { referralId }),
    get: (caseId: string) => api.get<CaseView>(one(caseId)),
    assess: (caseId: string, answers: AssessmentAnswers) => api.put<CaseView>(`${one(caseId)}/assessment`, answers),
    addGoal: (caseId: string, text: string) => api.post<CaseView>(`${one(caseId)}/goals`, { text }),
    markGoal: (caseId: string, goalId: string, met: boolean) =>
      api.put<CaseView>(`${one(caseId)}/goals/${encodeURIComponent(goalId)}`, { met }),
    addTask: (caseId: string, goalId: string, task: { text: string; dueOn: string }) =>
      api.post<CaseView>(`${one(caseId)}/goals/${encodeURIComponent(goalId)}/tasks`, task),
    markTask: (caseId: string, taskId: string, done: boolean) =>
      api.put<CaseView>(`${one(caseId)}/tasks/${encodeURIComponent(taskId)}`, { done }),
    visit: (caseId: string, visit: { visitedOn: string; notes: string; nextVisitOn: string | null }) =>
      api.post<CaseView>(`${one(caseId)}/visits`, visit),
    flag: (caseId: string, flag: EligibilityFlag, validUntil: string) => api.post<CaseView>(`${one(caseId)}/flags`, { flag, validUntil }),
    revoke: (caseId: string, flagId: string) => api.post<CaseView>(`${one(caseId)}/flags/${encodeURIComponent(flagId)}/revoke`),
    close: (caseId: string, reason: ClosureReason) => api.post<CaseView>(`${one(caseId)}/close`, { reason }),
    reopen: (caseId: string, reason: string) => api.post<CaseView>(`${one(caseId)}/reopen`, { reason }),
  };
}

export type WelfareApi = ReturnType<typeof welfareApi>;

export function useWelfareApi(): WelfareApi {
  const api = useApi();
  return useMemo(() => welfareApi(api), [api]);
}
