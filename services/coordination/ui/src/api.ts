import { useApi } from '@hamgam/ui-kit';
import { useMemo } from 'react';

import type { paths } from './api/schema';

// The API's own types, generated from its OpenAPI document (npm run generate:api-types), so the module never
// re-types by hand what the API states; a stale schema.d.ts fails infra/test/api-types.test.ts.
type Json<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type Answer<P extends keyof paths, M extends 'get' | 'post' | 'put'> = paths[P][M] extends { responses: infer R }
  ? Json<R extends { 200: infer Ok } ? Ok : R extends { 201: infer Created } ? Created : never>
  : never;
type Body<P extends keyof paths, M extends 'post' | 'put'> = paths[P][M] extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** A clinic's latest published priority list (GET /neighbourhood-priorities). */
export type NeighbourhoodPriorities = Answer<'/neighbourhood-priorities', 'get'>[number];
/** An agency of the programme (GET /agencies), named in both languages; partners own action items and commitments. */
export type AgencyRef = Answer<'/agencies', 'get'>[number];
/** A neighbourhood of the hierarchy (GET /neighbourhoods): every one, with its published priority list or none yet. */
export type NeighbourhoodRef = Answer<'/neighbourhoods', 'get'>[number];
export type MeetingSummary = Answer<'/meetings', 'get'>[number];
/** A meeting; `today` is Iran's day when the server answered: before `scheduledOn` it cannot be held nor pass resolutions. */
export type Meeting = Answer<'/meetings/{id}', 'get'>;
export type Resolution = Meeting['resolutions'][number];
export type OverdueAgendaItem = Meeting['agenda']['overdue'][number];
export type Commitment = Answer<'/commitments', 'get'>[number];
export type Board = Answer<'/neighbourhoods/{id}/board', 'get'>;
export type BoardItem = Board['overdue'][number];
export type AgencyRate = Board['rates'][number];
export type NewMeeting = Body<'/meetings', 'post'>;
export type NewResolution = Body<'/meetings/{id}/resolutions', 'post'>;
export type StatusUpdate = Body<'/commitments/{id}/status', 'put'>;

export type NeedCategory = NonNullable<Commitment['answers']>;
export type PartnerAgency = Commitment['agency'];
export type AgencyId = AgencyRef['id'];
export type CommitmentStatus = Commitment['status'];

/** The need categories a priority or an action item answers (the form's choices, labelled by the module's messages). */
export const NEED_CATEGORIES = [
  'employment',
  'skills-training',
  'workshop-space',
  'income-support',
  'housing-repair',
  'social-care',
] as const satisfies readonly NeedCategory[];
export const STATUSES = ['planned', 'in-progress', 'delivered', 'slipped'] as const satisfies readonly CommitmentStatus[];

export interface CommitmentFilter {
  neighbourhoodId?: string;
  agency?: string;
  status?: string;
  source?: string;
  meetingId?: string;
  overdue?: 'true' | 'false';
  /** Searched in the title and evidence. */
  q?: string;
}

/** The orders the commitments list offers (the API's `sort`). */
export const COMMITMENT_SORTS = ['dueOn', '-dueOn', '-plannedAt', 'plannedAt'] as const;
export type CommitmentSort = (typeof COMMITMENT_SORTS)[number];

export interface MeetingFilter {
  neighbourhoodId?: string;
  status?: string;
  q?: string;
}
export const MEETING_SORTS = ['-scheduledOn', 'scheduledOn'] as const;
export type MeetingSort = (typeof MEETING_SORTS)[number];

const base = '/coordination/v1';

const queryString = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** The coordination API as the module uses it, through the shell's proxy and token. */
export function useCoordinationApi() {
  const api = useApi();
  return useMemo(
    () => ({
      neighbourhoods: (q?: string) => api.get<NeighbourhoodRef[]>(`${base}/neighbourhoods${queryString({ q })}`),
      agencies: () => api.get<AgencyRef[]>(`${base}/agencies`),
      priorities: (neighbourhoodId?: string) =>
        api.list<NeighbourhoodPriorities>(`${base}/neighbourhood-priorities${queryString({ neighbourhoodId })}`),
      board: (neighbourhoodId: string) => api.get<Board>(`${base}/neighbourhoods/${neighbourhoodId}/board`),
      /** One page of meetings (the next page's cursor in `next`). */
      meetingsPage: (filter: MeetingFilter, sort: MeetingSort, after: string | null) =>
        api.page<MeetingSummary>(`${base}/meetings${queryString({ ...filter, sort })}`, after),
      meeting: (id: string) => api.get<Meeting>(`${base}/meetings/${id}`),
      createMeeting: (body: NewMeeting) => api.post<Meeting>(`${base}/meetings`, body),
      saveMinutes: (id: string, minutes: string) => api.put<Meeting>(`${base}/meetings/${id}/minutes`, { minutes }),
      markHeld: (id: string, minutes: string) => api.post<Meeting>(`${base}/meetings/${id}/held`, { minutes }),
      passResolution: (id: string, body: NewResolution) => api.post<Meeting>(`${base}/meetings/${id}/resolutions`, body),
      /** One page of commitments (the next page's cursor in `next`). */
      commitmentsPage: (filter: CommitmentFilter, sort: CommitmentSort, after: string | null, limit?: number) =>
        api.page<Commitment>(`${base}/commitments${queryString({ ...filter, sort, limit: limit ? String(limit) : undefined })}`, after),
      updateStatus: (id: string, body: StatusUpdate) => api.put<Commitment>(`${base}/commitments/${id}/status`, body),
      /** Saves an export as a file (the kit's download: token, name from the answer, a refusal as ApiError). */
      download: (path: string, params: Record<string, string | undefined>, fallbackName: string) =>
        api.download(`${base}${path}${queryString(params)}`, fallbackName),
    }),
    [api],
  );
}

export type CoordinationApi = ReturnType<typeof useCoordinationApi>;
