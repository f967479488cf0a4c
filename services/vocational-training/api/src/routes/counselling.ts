import { causeOf } from '@hamgam/agency-desk';
import { caps, defineRoute, pageOf, readAll } from '@hamgam/service-kit';
import { z } from 'zod';
import { book, recordSession, setDemand } from '../app/counselling.js';
import type { StoredDemand, StoredSession } from '../data/models.js';
import { byDemand } from '../domain/counselling.js';
import { desk, readers, staff, type VtDeps } from '../desk.js';
import { bookingBodySchema, demandBodySchema, demandViewSchema, recordBodySchema, sessionParams, sessionQuerySchema, sessionViewSchema, tradeParams } from './schemas.js';

const demandView = ({ _id, updatedBy: _b, ...row }: StoredDemand) => ({ ...row, trade: _id });
const sessionView = ({ _id, counsellor: _c, ...row }: StoredSession) => ({ ...row, sessionId: _id });

export function counsellingRoutes(deps: VtDeps) {
  const { demand, sessions } = deps.models;
  return [
    defineRoute({
      method: 'get',
      path: '/counselling/demand',
      summary: 'The trade demand list the office keeps from the labour market: high demand first',
      tags: ['counselling'],
      roles: readers,
      response: z.array(demandViewSchema),
      // The office's list of trades (tens): read whole, bounded.
      handler: async () => byDemand((await readAll(demand.find().lean(), caps.reference)).map(demandView)),
    }),
    defineRoute({
      method: 'put',
      path: '/counselling/demand/:trade',
      summary: 'Add or update one trade of the demand list',
      tags: ['counselling'],
      roles: staff,
      params: tradeParams,
      body: demandBodySchema,
      response: demandViewSchema,
      handler: async ({ params, body, principal }) => demandView(await setDemand(deps, params.trade, body, principal.subject)),
    }),
    defineRoute({
      method: 'get',
      path: '/counselling/sessions',
      summary: 'The counsellor’s sessions at the clinics (bookings and notes), latest day first; filter by clinic; paged',
      tags: ['counselling'],
      roles: readers,
      query: sessionQuerySchema,
      response: z.array(sessionViewSchema),
      handler: async ({ query, req }, res) =>
        (await pageOf(sessions.find(query.clinicId ? { clinicId: query.clinicId } : {}).lean(), { query, req }, res, { by: 'day', order: -1 }))
          .sort((a, b) => b.day.localeCompare(a.day) || a.time.localeCompare(b.time))
          .map(sessionView),
    }),
    defineRoute({
      method: 'post',
      path: '/counselling/sessions',
      summary: 'Book a session on the counsellor’s day at a clinic, for an accepted counselling referral or a resident met there',
      tags: ['counselling'],
      roles: staff,
      body: bookingBodySchema,
      response: sessionViewSchema,
      status: 201,
      handler: async ({ body, principal }) => sessionView(await book(deps, body, principal.subject)),
    }),
    defineRoute({
      method: 'post',
      path: '/counselling/sessions/:sessionId/record',
      summary: 'Record a booked session: held (notes, guidance naming trades of the demand list; completes its referral) or no-show',
      tags: ['counselling'],
      roles: staff,
      params: sessionParams,
      body: recordBodySchema,
      response: sessionViewSchema,
      handler: async ({ params, body, principal, correlationId }) => sessionView(await recordSession(deps, params.sessionId, body, causeOf(desk.options, principal, correlationId))),
    }),
  ];
}
