import { dayOf } from '@hamgam/contracts/days';
import { defineRoute, pageOf, type RouteSpec } from '@hamgam/service-kit';
import { z } from 'zod';
import { registerInstitute, updateInstitute } from '../app/institutes.js';
import type { StoredInstitute } from '../data/institutes.js';
import { licenceValid } from '../domain/institutes.js';
import { officers, readers, type FundingDeps } from '../deps.js';
import { instituteFields, instituteParams, instituteQuery, instituteView, newInstituteBody } from './schemas.js';

const toInstitute = (i: StoredInstitute, today: string) => {
  const { _id, updatedBy: _b, updatedAt, ...rest } = i;
  return { instituteId: _id, ...rest, licenceValid: licenceValid(i, today), updatedAt: updatedAt.toISOString() };
};

/** Text as typed, matched anywhere, case-insensitively (its special characters escaped: a name, not a pattern). */
const containing = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');

/** The private institutes the office funds: TVTO names them as course venues. */
export function instituteRoutes(deps: FundingDeps): RouteSpec[] {
  const today = () => dayOf(deps.clock.now());
  return [
    defineRoute({
      method: 'get',
      path: '/institutes',
      summary:
        'Private training institutes: licence, neighbourhood, trades; found by words of the name (fa or en), filtered by neighbourhood and trade, licence ending soonest (or latest) first; paged',
      tags: ['institutes'],
      roles: readers,
      query: instituteQuery,
      response: z.array(instituteView),
      handler: async ({ query, req }, res) => {
        const find = deps.models.institutes.find({
          ...(query.neighbourhoodId ? { neighbourhoodId: query.neighbourhoodId } : {}),
          ...(query.trade ? { trades: query.trade } : {}),
        });
        if (query.q) find.or([{ 'name.fa': containing(query.q) }, { 'name.en': containing(query.q) }]);
        const rows = await pageOf(find.lean(), { query, req }, res, { by: 'licenceValidUntil', order: query.order === 'asc' ? 1 : -1 });
        return rows.map((i) => toInstitute(i, today()));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/institutes',
      summary:
        'Register an institute (its id, made when left out, is what TVTO names as a course venue); its neighbourhood and trades must be the programme’s (422 neighbourhood-unknown, trade-unknown)',
      tags: ['institutes'],
      roles: officers,
      body: newInstituteBody,
      response: instituteView,
      status: 201,
      handler: async ({ body, principal }) => {
        const { instituteId, ...fields } = body;
        return toInstitute(await registerInstitute(deps, instituteId, fields, principal.subject), today());
      },
    }),
    defineRoute({
      method: 'put',
      path: '/institutes/:id',
      summary: 'Update an institute: a renewed licence, its address or trades',
      tags: ['institutes'],
      roles: officers,
      params: instituteParams,
      body: instituteFields,
      response: instituteView,
      handler: async ({ params, body, principal }) => toInstitute(await updateInstitute(deps, params.id, body, principal.subject), today()),
    }),
  ];
}
