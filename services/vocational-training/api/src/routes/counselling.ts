import { caps, defineRoute, pageOf, readAll } from '@hamgam/service-kit';
import { z } from 'zod';
import { book, recordSession, setDemand } from '../app/counselling.js';
import { marksOf, residentMarks, type ResidentMarks } from '../app/refs.js';
import type { StoredDemand } from '../data/demand.js';
import type { StoredSession } from '../data/sessions.js';
import { byDemand } from '../domain/counselling.js';
import { readers, staff, type VtDeps } from '../deps.js';
import {
  bookingBodySchema,
  demandBodySchema,
  demandViewSchema,
  recordBodySchema,
  sessionParams,
  sessionQuerySchema,
  sessionViewSchema,
  tradeParams,
} from './schemas.js';

const demandView = ({ _id, updatedBy: _b, ...row }: StoredDemand) => ({ ...row, trade: _id });
/** A session as staff see it; `unverified` and `referralCode` from residentMarks (its resident no clinic referred to TVTO; the referral's code that names them). */
const sessionView = ({ _id, counsellor: _c, ...row }: StoredSession, marks: ResidentMarks) => ({
  ...row,
  sessionId: _id,
  ...marksOf(marks, _id),
});

export function counsellingRoutes(deps: VtDeps) {
  const { demand, sessions } = deps.models;
  const viewed = async (session: StoredSession) => sessionView(session, await residentMarks(deps, [session]));
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
      summary:
        'The counsellor’s sessions at the clinics (bookings and notes), latest day first (or earliest); filter by clinic and state; paged',
      tags: ['counselling'],
      roles: readers,
      query: sessionQuerySchema,
      response: z.array(sessionViewSchema),
      handler: async ({ query, req }, res) => {
        const filter = { ...(query.clinicId ? { clinicId: query.clinicId } : {}), ...(query.state ? { state: query.state } : {}) };
        const order = query.order === 'asc' ? 1 : -1;
        const rows = await pageOf(sessions.find(filter).lean(), { query, req }, res, { by: 'day', order });
        const marks = await residentMarks(deps, rows);
        return rows.sort((a, b) => order * (a.day.localeCompare(b.day) || a.time.localeCompare(b.time))).map((s) => sessionView(s, marks));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/counselling/sessions',
      summary:
        'Book a session on the counsellor’s day at a clinic, for an accepted counselling referral or a resident met there (a resident ref no clinic referral named is kept, marked unverified)',
      tags: ['counselling'],
      roles: staff,
      body: bookingBodySchema,
      response: sessionViewSchema,
      status: 201,
      handler: async ({ body, principal }) => viewed(await book(deps, body, principal.subject)),
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
      handler: async ({ params, body, cause }) => viewed(await recordSession(deps, params.sessionId, body, cause)),
    }),
  ];
}
