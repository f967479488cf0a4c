import { isPastDay } from '@hamgam/contracts/days';
import type { AgencyId, NeedCategory, PartnerAgency } from '@hamgam/contracts';
import { BrokenRuleError, IllegalStepError } from '@hamgam/service-kit/errors';
import { effectiveDueOn, isOverdue, type Commitment } from './commitments.js';

export interface AgendaItem {
  id: string;
  text: string;
}

export interface ActionItem {
  id: string;
  agency: PartnerAgency;
  title: string;
  dueOn: string;
  answers: NeedCategory | null;
}

export interface Resolution {
  id: string;
  text: string;
  passedAt: Date;
  passedBy: string;
  actionItems: ActionItem[];
}

/** An overdue commitment as the agenda lists it, frozen into the minutes once the meeting is held. */
export interface OverdueAgendaItem {
  commitmentId: string;
  agency: PartnerAgency;
  title: string;
  answers: NeedCategory | null;
  dueOn: string;
  status: Commitment['status'];
}

export type MeetingStatus = 'scheduled' | 'held';

export interface Meeting {
  id: string;
  neighbourhoodId: string;
  /** The day it meets (YYYY-MM-DD). */
  scheduledOn: string;
  title: string;
  /** The agencies invited (partner agencies, clinics, the HQ itself). */
  agencies: AgencyId[];
  /** Whether the neighbourhood's people's representative takes part. */
  representativeAttends: boolean;
  agenda: AgendaItem[];
  minutes: string;
  status: MeetingStatus;
  heldAt: Date | null;
  /** The overdue items as they stood when the meeting was held; null until then. */
  overdueAtHeld: OverdueAgendaItem[] | null;
  resolutions: Resolution[];
  createdBy: string;
  createdAt: Date;
}

/** A held meeting's minutes are closed: no new minutes, resolutions, or holding it again. */
export function checkNotHeld(meeting: Pick<Meeting, 'status'>): void {
  if (meeting.status === 'held') throw new IllegalStepError('meeting-held', 'the meeting has been held and its minutes are closed');
}

/**
 * A meeting is held, and passes its resolutions, on or after its day (Iran's day): a meeting set for
 * 29 Azar cannot be recorded as held on 15 Azar.
 */
export function checkMeetingDayReached(meeting: Pick<Meeting, 'scheduledOn'>, today: string): void {
  if (meeting.scheduledOn > today)
    throw new IllegalStepError('meeting-day-not-reached', `the meeting is on ${meeting.scheduledOn}, after today (${today})`);
}

/** A resolution's action items are due today or later (Iran's day). */
export function checkActionItemsDue(items: readonly Pick<ActionItem, 'dueOn'>[], today: string): void {
  const past = items.findIndex((item) => isPastDay(item.dueOn, today));
  if (past >= 0)
    throw new BrokenRuleError(
      'action-item-due-in-past',
      `action item ${past + 1} is due before today (${today})`,
      `actionItems.${past}.dueOn`,
    );
}

const toOverdueItem = (c: Commitment): OverdueAgendaItem => ({
  commitmentId: c.id,
  agency: c.agency,
  title: c.title,
  answers: c.answers,
  dueOn: effectiveDueOn(c),
  status: c.status,
});

/** The neighbourhood's commitments overdue now, oldest due first: the opening section of its next meeting. */
export function overdueSection(commitments: readonly Commitment[], neighbourhoodId: string, now: Date): OverdueAgendaItem[] {
  return commitments
    .filter((c) => c.neighbourhoodId === neighbourhoodId && isOverdue(c, now))
    .map(toOverdueItem)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.commitmentId.localeCompare(b.commitmentId));
}

export interface ComposedAgenda {
  /** Opens the agenda: overdue items, computed at read time until the meeting is held, then as frozen. */
  overdue: OverdueAgendaItem[];
  items: AgendaItem[];
  frozen: boolean;
}

/**
 * A meeting's agenda: the overdue section (live until the meeting is held, then what it was at that
 * moment) followed by the meeting's own items.
 */
export function composeAgenda(
  meeting: Pick<Meeting, 'neighbourhoodId' | 'agenda' | 'status' | 'overdueAtHeld'>,
  commitments: readonly Commitment[],
  now: Date,
): ComposedAgenda {
  if (meeting.status === 'held') return { overdue: meeting.overdueAtHeld ?? [], items: meeting.agenda, frozen: true };
  return { overdue: overdueSection(commitments, meeting.neighbourhoodId, now), items: meeting.agenda, frozen: false };
}

/** The commitment the working group creates for each action item of a resolution (same id). */
export function commitmentFromActionItem(
  item: ActionItem,
  context: { neighbourhoodId: string; meetingId: string; resolutionId: string; assignedAt: Date },
): Commitment {
  return {
    id: item.id,
    source: 'working-group',
    agency: item.agency,
    neighbourhoodId: context.neighbourhoodId,
    answers: item.answers,
    title: item.title,
    dueOn: item.dueOn,
    revisedDueOn: null,
    status: 'planned',
    evidence: null,
    plannedAt: context.assignedAt,
    deliveredOn: null,
    lastReportAt: null,
    meetingId: context.meetingId,
    resolutionId: context.resolutionId,
    history: [],
  };
}
