import { useApi, useAuth, type LocalizedText } from '@hamgam/ui-kit';
import { useMemo } from 'react';

/** One row of GET /api/coordination/v1/neighbourhood-priorities: a clinic's latest published list. */
export interface NeighbourhoodPriorities {
  neighbourhoodId: string;
  neighbourhoodName: LocalizedText;
  period: string;
  version: number;
  publishedAt: string;
  receivedAt: string;
  priorities: { rank: number; category: string; score: number; households: number }[];
}

export const NEIGHBOURHOOD_PRIORITIES = '/coordination/v1/neighbourhood-priorities';

export const NEED_CATEGORIES = [
  'employment',
  'skills-training',
  'workshop-space',
  'income-support',
  'housing-repair',
  'social-care',
] as const;
export const PARTNER_AGENCIES = ['vocational-training', 'welfare', 'relief-partnerships', 'institute-funding'] as const;
export const MEETING_AGENCIES = ['clinics', ...PARTNER_AGENCIES, 'coordination'] as const;
export const STATUSES = ['planned', 'in-progress', 'delivered', 'slipped'] as const;

export type NeedCategory = (typeof NEED_CATEGORIES)[number];
export type PartnerAgency = (typeof PARTNER_AGENCIES)[number];
export type AgencyId = (typeof MEETING_AGENCIES)[number];
export type CommitmentStatus = (typeof STATUSES)[number];

/** An agency of the programme (GET /agencies), named in both languages; partners own action items and commitments. */
export interface AgencyRef {
  id: AgencyId;
  name: LocalizedText;
  partner: boolean;
}

/** A neighbourhood of the hierarchy (GET /neighbourhoods): every one, with its published priority list or none yet. */
export interface NeighbourhoodRef {
  id: string;
  /** Null only for an id outside the hierarchy that no clinic has named (older data). */
  name: LocalizedText | null;
  county?: LocalizedText | null;
  hasPriorities: boolean;
  list?: { period: string; version: number; publishedAt: string } | null;
}

export interface OverdueAgendaItem {
  commitmentId: string;
  agency: PartnerAgency;
  title: string;
  answers: NeedCategory | null;
  dueOn: string;
  status: CommitmentStatus;
}

export interface ActionItem {
  id: string;
  agency: PartnerAgency;
  title: string;
  dueOn: string;
  answers: NeedCategory | null;
}

export interface ActionProgress {
  status: CommitmentStatus;
  overdue: boolean;
  evidence: string | null;
  deliveredOn: string | null;
  effectiveDueOn: string;
}

export interface Resolution {
  id: string;
  text: string;
  passedAt: string;
  passedBy: string;
  actionItems: (ActionItem & { progress: ActionProgress | null })[];
}

interface MeetingBase {
  id: string;
  neighbourhoodId: string;
  scheduledOn: string;
  title: string;
  agencies: AgencyId[];
  representativeAttends: boolean;
  status: 'scheduled' | 'held';
  heldAt: string | null;
  createdAt: string;
}

export interface MeetingSummary extends MeetingBase {
  resolutionCount: number;
  actionItemCount: number;
}

export interface Meeting extends MeetingBase {
  /** Today in Iran when the server answered: before `scheduledOn` the meeting cannot be held nor pass resolutions. */
  today: string;
  minutes: string;
  agenda: { overdue: OverdueAgendaItem[]; items: { id: string; text: string }[]; frozen: boolean };
  resolutions: Resolution[];
}

export interface NewMeeting {
  neighbourhoodId: string;
  scheduledOn: string;
  title: string;
  agencies: AgencyId[];
  representativeAttends: boolean;
  agenda: string[];
}

export interface NewResolution {
  text: string;
  actionItems: Omit<ActionItem, 'id'>[];
}

export interface Commitment {
  id: string;
  source: 'working-group' | 'agency';
  agency: PartnerAgency;
  neighbourhoodId: string;
  answers: NeedCategory | null;
  title: string;
  dueOn: string;
  revisedDueOn: string | null;
  effectiveDueOn: string;
  status: CommitmentStatus;
  overdue: boolean;
  evidence: string | null;
  plannedAt: string;
  deliveredOn: string | null;
  meetingId: string | null;
  resolutionId: string | null;
}

export interface StatusUpdate {
  status: Exclude<CommitmentStatus, 'planned'>;
  evidence: string | null;
  revisedDueOn: string | null;
}

export interface BoardItem {
  id: string;
  agency: PartnerAgency;
  title: string;
  answers: NeedCategory | null;
  status: CommitmentStatus;
  dueOn: string;
  effectiveDueOn: string;
  overdue: boolean;
}

export interface AgencyRate {
  agency: PartnerAgency;
  deliveredOnTime: number;
  delivered: number;
  overdueUndelivered: number;
  slipped: number;
  counted: number;
  rate: number | null;
}

export interface Board {
  neighbourhoodId: string;
  neighbourhoodName: LocalizedText | null;
  period: string | null;
  listVersion: number | null;
  today: string;
  rows: {
    rank: number;
    category: NeedCategory;
    households: number;
    cells: { agency: PartnerAgency; commitments: BoardItem[] }[];
    agencies: PartnerAgency[];
    covered: boolean;
    duplicated: boolean;
  }[];
  uncovered: NeedCategory[];
  duplicated: NeedCategory[];
  unlinked: BoardItem[];
  overdue: BoardItem[];
  rates: AgencyRate[];
}

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
  const auth = useAuth();
  return useMemo(
    () => ({
      neighbourhoods: () => api.get<NeighbourhoodRef[]>(`${base}/neighbourhoods`),
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
      /** Downloads an export with the user's token and hands it to the browser as a file. */
      download: async (path: string, params: Record<string, string | undefined>, fallbackName: string) => {
        const response = await fetch(`/api${base}${path}${queryString(params)}`, {
          headers: { Authorization: `Bearer ${await auth.getToken()}` },
        });
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
        const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
        const url = URL.createObjectURL(await response.blob());
        const link = document.createElement('a');
        link.href = url;
        link.download = name;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
        return name;
      },
    }),
    [api, auth],
  );
}

export type CoordinationApi = ReturnType<typeof useCoordinationApi>;
