import { dayOf } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import type { ActionItemAssignedV1 } from '@hamgam/contracts';
import { caps, outboxEntries, readAll, type EventCause } from '@hamgam/service-kit';
import { BrokenRuleError, IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import { meetingsCollection } from '../data/meetings.js';
import { fromStored, type Stored } from '../data/stored.js';
import {
  checkActionItemsDue,
  checkMeetingDayReached,
  checkNotHeld,
  commitmentFromActionItem,
  overdueSection,
  type ActionItem,
  type Meeting,
  type Resolution,
} from '../domain/meetings.js';
import { agency } from '../deps.js';
import { isKnownNeighbourhood } from './neighbourhoods.js';
import { recordCommitment, toCommitment, type CommitmentDeps } from './commitments.js';

export const toMeeting = (stored: Stored<Meeting> & { outbox?: unknown }): Meeting => {
  const { outbox: _outbox, ...rest } = fromStored(stored);
  return rest as Meeting;
};

export async function findMeeting(deps: CommitmentDeps, id: string): Promise<Meeting> {
  const stored = await deps.models.meetings.findById(id, { outbox: 0 }).lean();
  if (!stored) throw new NotFoundError('meeting-not-found', `meeting ${id} does not exist`);
  return toMeeting(stored);
}

export const neighbourhoodCommitments = async (deps: CommitmentDeps, neighbourhoodId: string) =>
  (await readAll(deps.models.commitments.find({ neighbourhoodId }).lean(), caps.perNeighbourhood)).map(toCommitment);

export type NewMeeting = Pick<Meeting, 'neighbourhoodId' | 'scheduledOn' | 'title' | 'agencies' | 'representativeAttends'> & {
  agenda: string[];
};

export async function createMeeting(deps: CommitmentDeps, input: NewMeeting, by: string, now: Date): Promise<Meeting> {
  if (!(await isKnownNeighbourhood(deps.models, input.neighbourhoodId)))
    throw new BrokenRuleError('neighbourhood-unknown', `neighbourhood ${input.neighbourhoodId} is not in the hierarchy`, 'neighbourhoodId');
  const meeting: Meeting = {
    id: randomUUID(),
    ...input,
    agenda: input.agenda.map((text) => ({ id: randomUUID(), text })),
    minutes: '',
    status: 'scheduled',
    heldAt: null,
    overdueAtHeld: null,
    resolutions: [],
    createdBy: by,
    createdAt: now,
  };
  const { id, ...fields } = meeting;
  await deps.models.meetings.create({ _id: id, ...fields, outbox: [] });
  return meeting;
}

/** The events announcing a resolution's action items to their owner agencies. */
export function actionItemEvents(
  meeting: Pick<Meeting, 'id' | 'neighbourhoodId'>,
  resolution: Resolution,
): { type: string; version: number; data: ActionItemAssignedV1 }[] {
  return resolution.actionItems.map((item) => ({
    type: 'coordination.action-item.assigned',
    version: 1,
    data: {
      actionItemId: item.id,
      meetingId: meeting.id,
      resolutionId: resolution.id,
      agency: item.agency,
      neighbourhoodId: meeting.neighbourhoodId,
      answers: item.answers,
      title: item.title,
      dueOn: item.dueOn,
      assignedAt: resolution.passedAt.toISOString(),
    },
  }));
}

/**
 * Passes a resolution: the resolution and one `coordination.action-item.assigned.v1` per action item
 * are stored in the meeting's document in one write; then each action item becomes a commitment
 * (same id). Should the process stop in between, the service's own event creates them when consumed.
 */
export async function passResolution(
  deps: CommitmentDeps & { flushOutbox: (ids: readonly string[]) => void },
  meetingId: string,
  input: { text: string; actionItems: Omit<ActionItem, 'id'>[] },
  context: { by: string; cause: EventCause; now: Date },
): Promise<Resolution> {
  checkActionItemsDue(input.actionItems, dayOf(context.now));
  const { meeting, resolution } = await deps.locks.run(meetingsCollection, meetingId, async () => {
    const meeting = await findMeeting(deps, meetingId);
    checkNotHeld(meeting);
    checkMeetingDayReached(meeting, dayOf(context.now));
    const resolution: Resolution = {
      id: randomUUID(),
      text: input.text,
      passedAt: context.now,
      passedBy: context.by,
      actionItems: input.actionItems.map((item) => ({ id: randomUUID(), ...item })),
    };
    const outbox = outboxEntries(agency, context.cause, actionItemEvents(meeting, resolution));
    const result = await deps.models.meetings.updateOne(
      { _id: meetingId, status: 'scheduled' },
      { $push: { resolutions: resolution, outbox: { $each: outbox } } },
    );
    // Held by another request since it was read.
    if (result.matchedCount !== 1) throw new IllegalStepError('meeting-held', 'the meeting has been held and its minutes are closed');
    return { meeting, resolution };
  });
  deps.flushOutbox([meetingId]);
  for (const item of resolution.actionItems) {
    await recordCommitment(
      deps,
      commitmentFromActionItem(item, {
        neighbourhoodId: meeting.neighbourhoodId,
        meetingId,
        resolutionId: resolution.id,
        assignedAt: context.now,
      }),
    );
  }
  return resolution;
}

export function updateMinutes(deps: CommitmentDeps, meetingId: string, minutes: string): Promise<Meeting> {
  return deps.locks.run(meetingsCollection, meetingId, async () => {
    const meeting = await findMeeting(deps, meetingId);
    checkNotHeld(meeting);
    await deps.models.meetings.updateOne({ _id: meetingId }, { $set: { minutes } });
    return { ...meeting, minutes };
  });
}

/** Marks the meeting held: its overdue section is frozen into the minutes as it stands now. */
export function markHeld(deps: CommitmentDeps, meetingId: string, input: { minutes?: string }, now: Date): Promise<Meeting> {
  return deps.locks.run(meetingsCollection, meetingId, async () => {
    const meeting = await findMeeting(deps, meetingId);
    checkNotHeld(meeting);
    checkMeetingDayReached(meeting, dayOf(now));
    const overdueAtHeld = overdueSection(await neighbourhoodCommitments(deps, meeting.neighbourhoodId), meeting.neighbourhoodId, now);
    const minutes = input.minutes ?? meeting.minutes;
    await deps.models.meetings.updateOne({ _id: meetingId }, { $set: { status: 'held', heldAt: now, overdueAtHeld, minutes } });
    return { ...meeting, status: 'held', heldAt: now, overdueAtHeld, minutes };
  });
}
