import { caps, defineRoute, forbidden, pageOf, pageQuerySchema, readAll, type Principal } from '@hamgam/service-kit';
import { z } from 'zod';
import { editAgreement, recordAgreement, recordMeeting } from '../app/partners.js';
import type { StoredAgreement } from '../data/agreements.js';
import type { StoredMeeting } from '../data/meetings.js';
import { partnerRole, standingOf, type Partner } from '../domain/agreements.js';
import { dayOf } from '../domain/days.js';
import { partnerStaff, reliefReaders, type ReliefDeps } from '../deps.js';
import {
  agreementBodySchema,
  agreementParams,
  agreementViewSchema,
  meetingAttendees,
  meetingBodySchema,
  meetingViewSchema,
} from './schemas.js';

/** Each partner's own officer edits its agreements: the Relief Committee's officer, Basij's liaison (403 for the other). */
const speaksFor = (principal: Principal) => (partner: Partner) => {
  if (!principal.roles.includes(partnerRole[partner])) throw forbidden(`only the ${partnerRole[partner]} edits ${partner} agreements`);
};

const meetingView = (m: StoredMeeting) => ({
  meetingId: m._id,
  heldOn: m.heldOn,
  title: m.title,
  attendees: m.attendees as (typeof meetingAttendees)[number][],
  decisions: m.decisions,
  recordedAt: m.recordedAt,
});

export function agreementRoutes(deps: ReliefDeps) {
  const { agreements, meetings } = deps.models;
  const toView = (a: StoredAgreement, day: string) => ({
    agreementId: a._id,
    partner: a.partner,
    title: a.title,
    scope: a.scope,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    signedOn: a.signedOn,
    status: a.status,
    standing: standingOf(a, day),
    updatedAt: a.updatedAt,
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
      handler: async () =>
        (await readAll(agreements.find({}).sort({ startsOn: -1 }).lean(), caps.reference)).map((a) => toView(a, today())),
    }),
    defineRoute({
      method: 'post',
      path: '/agreements',
      summary: 'Record an agreement (each partner’s own officer); dates or a signature that do not agree are 422',
      tags: ['partners'],
      roles: partnerStaff,
      body: agreementBodySchema,
      response: agreementViewSchema,
      status: 201,
      handler: async ({ body, principal }) => {
        speaksFor(principal)(body.partner);
        return toView(await recordAgreement(deps, body, principal.subject), today());
      },
    }),
    defineRoute({
      method: 'put',
      path: '/agreements/:agreementId',
      summary: 'Edit an agreement (sign, extend, terminate); the partner cannot change (422 agreement-partner-fixed)',
      tags: ['partners'],
      roles: partnerStaff,
      params: agreementParams,
      body: agreementBodySchema,
      response: agreementViewSchema,
      handler: async ({ params, body, principal }) =>
        toView(await editAgreement(deps, params.agreementId, body, principal.subject, speaksFor(principal)), today()),
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
        (await pageOf(meetings.find({}).lean(), { query, req }, res, { by: 'heldOn', order: -1 })).map(meetingView),
    }),
    defineRoute({
      method: 'post',
      path: '/joint-meetings',
      summary:
        'Record a held joint meeting: its day (not ahead), the agencies present (a partner among them, each once) and what was decided',
      tags: ['partners'],
      roles: partnerStaff,
      body: meetingBodySchema,
      response: meetingViewSchema,
      status: 201,
      handler: async ({ body, principal }) => meetingView(await recordMeeting(deps, body, principal.subject)),
    }),
  ];
}
