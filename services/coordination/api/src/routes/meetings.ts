import { dayOf } from '@hamgam/contracts/days';
import { defineRoute, inList, pageOf, seesWholeProgramme } from '@hamgam/service-kit';
import { z } from 'zod';
import {
  createMeeting,
  findMeeting,
  markHeld,
  neighbourhoodCommitments,
  passResolution,
  toMeeting,
  updateMinutes,
} from '../app/meetings.js';
import { effectiveDueOn, isOverdue } from '../domain/commitments.js';
import { composeAgenda, type Meeting } from '../domain/meetings.js';
import { meetingReaders, programmeWriters, type CoordinationDeps } from '../deps.js';
import { containsText } from './search.js';
import { assertCanReadMeetings } from './scope.js';
import {
  heldSchema,
  idParams,
  meetingListQuery,
  meetingSorts,
  meetingSummarySchema,
  meetingViewSchema,
  minutesSchema,
  newMeetingSchema,
  newResolutionSchema,
} from './schemas.js';

export function meetingRoutes(deps: CoordinationDeps) {
  const { models, clock } = deps;

  /** The meeting with its agenda composed now, and each action item's progress from its commitment. */
  const view = async (meeting: Meeting) => {
    const now = clock.now();
    const commitments = await neighbourhoodCommitments(deps, meeting.neighbourhoodId);
    const byId = new Map(commitments.map((c) => [c.id, c]));
    const progress = (id: string) => {
      const c = byId.get(id);
      return c
        ? {
            status: c.status,
            overdue: isOverdue(c, now),
            evidence: c.evidence,
            deliveredOn: c.deliveredOn,
            effectiveDueOn: effectiveDueOn(c),
          }
        : null;
    };
    return {
      ...meeting,
      today: dayOf(now),
      agenda: composeAgenda(meeting, commitments, now),
      resolutions: meeting.resolutions.map((r) => ({
        ...r,
        actionItems: r.actionItems.map((item) => ({ ...item, progress: progress(item.id) })),
      })),
    };
  };

  const readable = async (id: string, principal: Parameters<typeof assertCanReadMeetings>[0]) => {
    const meeting = await findMeeting(deps, id);
    assertCanReadMeetings(principal, meeting.neighbourhoodId);
    return meeting;
  };

  return [
    defineRoute({
      method: 'get',
      path: '/meetings',
      summary:
        'Working-group meetings (representatives: their neighbourhood), filtered by neighbourhood and status, `q` searching the title; paged, latest day first (`sort=-scheduledOn`) or soonest first (`scheduledOn`)',
      roles: meetingReaders,
      query: meetingListQuery,
      response: z.array(meetingSummarySchema),
      handler: async ({ query, principal, req }, res) => {
        const { limit, after, sort, neighbourhoodId, status, q } = query;
        if (neighbourhoodId) assertCanReadMeetings(principal, neighbourhoodId);
        const filter: Record<string, unknown> = neighbourhoodId
          ? { neighbourhoodId }
          : seesWholeProgramme(principal)
            ? {}
            : { neighbourhoodId: inList(principal.neighbourhoodIds) };
        if (status) filter['status'] = status;
        if (q) filter['title'] = containsText(q);
        const rows = await pageOf(
          models.meetings.find(filter, { outbox: 0 }).lean(),
          { query: { limit, after }, req },
          res,
          meetingSorts[sort],
        );
        return rows.map(toMeeting).map((m) => ({
          ...m,
          resolutionCount: m.resolutions.length,
          actionItemCount: m.resolutions.reduce((n, r) => n + r.actionItems.length, 0),
        }));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/meetings',
      summary: 'Schedule a working-group meeting with its agenda',
      roles: programmeWriters,
      body: newMeetingSchema,
      response: meetingViewSchema,
      status: 201,
      handler: async ({ body, principal }) => view(await createMeeting(deps, body, principal.subject, clock.now())),
    }),
    defineRoute({
      method: 'get',
      path: '/meetings/:id',
      summary:
        'A meeting: its agenda (opening with every overdue commitment of the neighbourhood until it is held), minutes and resolutions',
      roles: meetingReaders,
      params: idParams,
      response: meetingViewSchema,
      handler: async ({ params, principal }) => view(await readable(params.id, principal)),
    }),
    defineRoute({
      method: 'put',
      path: '/meetings/:id/minutes',
      summary: 'Write the meeting’s minutes (until it is marked held)',
      roles: programmeWriters,
      params: idParams,
      body: minutesSchema,
      response: meetingViewSchema,
      handler: async ({ params, body }) => view(await updateMinutes(deps, params.id, body.minutes)),
    }),
    defineRoute({
      method: 'post',
      path: '/meetings/:id/held',
      summary: 'Mark the meeting held: the overdue section of its agenda is frozen into the minutes',
      roles: programmeWriters,
      params: idParams,
      body: heldSchema,
      response: meetingViewSchema,
      handler: async ({ params, body }) => view(await markHeld(deps, params.id, body, clock.now())),
    }),
    defineRoute({
      method: 'post',
      path: '/meetings/:id/resolutions',
      summary: 'Pass a resolution with action items (emits coordination.action-item.assigned.v1 for each; each becomes a commitment)',
      roles: programmeWriters,
      params: idParams,
      body: newResolutionSchema,
      response: meetingViewSchema,
      status: 201,
      handler: async ({ params, body, principal, cause }) => {
        await passResolution(deps, params.id, body, { by: principal.subject, now: clock.now(), cause });
        return view(await findMeeting(deps, params.id));
      },
    }),
  ];
}
