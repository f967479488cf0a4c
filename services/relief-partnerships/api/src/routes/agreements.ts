import { randomUUID } from 'node:crypto';
import { badRequest, caps, defineRoute, forbidden, notFound, pageOf, pageQuerySchema, readAll, type Principal } from '@hamgam/service-kit';
import { z } from 'zod';
import { attempt, type ReliefDeps } from '../deps.js';
import type { StoredAgreement } from '../data/agreements.js';
import { checkAgreement, partnerRole, standingOf, type Partner } from '../domain/agreements.js';
import { dayOf, isFutureDay } from '../domain/days.js';
import { agreementBodySchema, agreementParams, agreementViewSchema, meetingAttendees, meetingBodySchema, meetingViewSchema } from './schemas.js';
import { reliefReaders } from './support.js';

/** Each partner's own officer edits its agreements: the Relief Committee's officer, Basij's liaison. */
function assertSpeaksFor(principal: Principal, partner: Partner) {
  if (!principal.roles.includes(partnerRole[partner])) throw forbidden(`only the ${partnerRole[partner]} edits ${partner} agreements`);
}

export function agreementRoutes(deps: ReliefDeps) {
  const { agreements, meetings } = deps.models;
  const toView = (a: StoredAgreement, day: string) => ({
    agreementId: a._id, partner: a.partner, title: a.title, scope: a.scope, startsOn: a.startsOn, endsOn: a.endsOn, signedOn: a.signedOn, status: a.status,
    standing: standingOf(a, day), updatedAt: a.updatedAt,
  });
  const today = () => dayOf(deps.clock.now());

  return [
    defineRoute({
      method: 'get',
      path: '/agreements',
      summary: 'Partnership agreements with the Relief Committee and Basij Construction, with where each stands today',
      tags: ['partners'],
      roles: reliefReaders,
      response: z.array(agreementViewSchema),
      // A handful of agreements with two partners: read whole, bounded.
      handler: async () => (await readAll(agreements.find({}).sort({ startsOn: -1 }).lean(), caps.reference)).map((a) => toView(a, today())),
    }),
    defineRoute({
      method: 'post',
      path: '/agreements',
      summary: 'Record an agreement (each partner’s own officer)',
      tags: ['partners'],
      roles: ['relief-officer', 'basij-liaison'],
      body: agreementBodySchema,
      response: agreementViewSchema,
      status: 201,
      handler: async ({ body, principal }) => {
        assertSpeaksFor(principal, body.partner);
        attempt(() => checkAgreement(body));
        const agreement: StoredAgreement = { _id: randomUUID(), ...body, updatedAt: deps.clock.now(), updatedBy: principal.subject };
        await agreements.create(agreement);
        return toView(agreement, today());
      },
    }),
    defineRoute({
      method: 'put',
      path: '/agreements/:agreementId',
      summary: 'Edit an agreement (sign, extend, terminate); the partner cannot change',
      tags: ['partners'],
      roles: ['relief-officer', 'basij-liaison'],
      params: agreementParams,
      body: agreementBodySchema,
      response: agreementViewSchema,
      handler: async ({ params, body, principal }) => {
        const stored = await agreements.findById(params.agreementId).lean();
        if (!stored) throw notFound(`no agreement ${params.agreementId}`);
        assertSpeaksFor(principal, stored.partner);
        if (body.partner !== stored.partner) throw badRequest('an agreement’s partner cannot change');
        attempt(() => checkAgreement(body));
        const set = { ...body, updatedAt: deps.clock.now(), updatedBy: principal.subject };
        await agreements.updateOne({ _id: params.agreementId }, { $set: set });
        return toView({ ...stored, ...set }, today());
      },
    }),
    defineRoute({
      method: 'get',
      path: '/joint-meetings',
      summary: 'Joint meetings with the Relief Committee and Basij Construction, latest first; paged',
      tags: ['partners'],
      roles: reliefReaders,
      query: pageQuerySchema,
      response: z.array(meetingViewSchema),
      handler: async ({ query, req }, res) =>
        (await pageOf(meetings.find({}).lean(), { query, req }, res, { by: 'heldOn', order: -1 })).map((m) => ({ meetingId: m._id, heldOn: m.heldOn, title: m.title, attendees: m.attendees as (typeof meetingAttendees)[number][], decisions: m.decisions, recordedAt: m.recordedAt })),
    }),
    defineRoute({
      method: 'post',
      path: '/joint-meetings',
      summary: 'Record a held joint meeting: its day, the agencies present and what was decided',
      tags: ['partners'],
      roles: ['relief-officer', 'basij-liaison'],
      body: meetingBodySchema,
      response: meetingViewSchema,
      status: 201,
      handler: async ({ body, principal }) => {
        if (!body.attendees.includes('relief-committee') && !body.attendees.includes('basij-construction')) throw badRequest('a joint meeting has the Relief Committee or Basij Construction present');
        if (new Set(body.attendees).size !== body.attendees.length) throw badRequest('each agency is listed once');
        if (isFutureDay(body.heldOn, deps.clock.now())) throw badRequest('a meeting is recorded once held');
        const meeting = { _id: randomUUID(), ...body, recordedAt: deps.clock.now(), recordedBy: principal.subject };
        await meetings.create(meeting);
        return { meetingId: meeting._id, heldOn: body.heldOn, title: body.title, attendees: body.attendees, decisions: body.decisions, recordedAt: meeting.recordedAt };
      },
    }),
  ];
}
