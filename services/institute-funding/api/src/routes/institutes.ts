import { dayOf } from '@hamgam/contracts/days';
import { caps, defineRoute, readAll, type RouteSpec } from '@hamgam/service-kit';
import { z } from 'zod';
import { registerInstitute, updateInstitute } from '../app/institutes.js';
import type { StoredInstitute } from '../data/institutes.js';
import { licenceValid } from '../domain/institutes.js';
import { officers, readers, type FundingDeps } from '../deps.js';
import { instituteFields, instituteParams, instituteView, newInstituteBody } from './schemas.js';

const toInstitute = (i: StoredInstitute, today: string) => {
  const { _id, updatedBy: _b, updatedAt, ...rest } = i;
  return { instituteId: _id, ...rest, licenceValid: licenceValid(i, today), updatedAt: updatedAt.toISOString() };
};

/** The private institutes the office funds: TVTO names them as course venues. */
export function instituteRoutes(deps: FundingDeps): RouteSpec[] {
  const today = () => dayOf(deps.clock.now());
  return [
    defineRoute({
      method: 'get',
      path: '/institutes',
      summary: 'Private training institutes: licence, neighbourhood, trades',
      tags: ['institutes'],
      roles: readers,
      response: z.array(instituteView),
      // The province's private institutes (tens, at most hundreds): read whole, bounded.
      handler: async () =>
        (await readAll(deps.models.institutes.find().sort({ _id: 1 }).lean(), caps.reference)).map((i) => toInstitute(i, today())),
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
