import { defineRoute, type RouteSpec } from '@hamgam/service-kit';
import { z } from 'zod';
import { applicationsView, awardApplication, rejectApplication, startReview, submitApplication } from '../app/applications.js';
import type { StoredApplication } from '../data/applications.js';
import { officers, readers, type FundingDeps } from '../deps.js';
import { oneAward } from './awards.js';
import { applicationQuery, applicationView, awardBody, awardView, idParams, newApplicationBody, reasonBody } from './schemas.js';

const toApplication = (a: Omit<StoredApplication, 'outbox'>) => ({
  applicationId: a._id,
  callId: a.callId,
  instituteId: a.instituteId,
  trades: a.trades,
  proposedSeats: a.proposedSeats,
  amountRequestedRials: a.amountRequestedRials,
  state: a.state,
  submittedAt: a.submittedAt.toISOString(),
  decidedAt: a.decidedAt ? a.decidedAt.toISOString() : null,
  rejectionReason: a.rejectionReason ?? null,
  award: a.award
    ? { amountRials: a.award.amountRials, seats: a.award.seats, status: a.award.status, awardedAt: a.award.awardedAt.toISOString() }
    : null,
});

/** Institutes' applications to the calls: recorded, reviewed, rejected or awarded. */
export function applicationRoutes(deps: FundingDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/applications',
      summary: 'Applications to the calls, optionally of one call or in one state',
      tags: ['applications'],
      roles: readers,
      query: applicationQuery,
      response: z.array(applicationView),
      handler: async ({ query, req }, res) => (await applicationsView(deps, query, { query, req, res })).map(toApplication),
    }),
    defineRoute({
      method: 'post',
      path: '/applications',
      summary: 'Record an institute’s application to an open call',
      tags: ['applications'],
      roles: officers,
      body: newApplicationBody,
      response: applicationView,
      status: 201,
      handler: async ({ body, principal }) => {
        const { callId, instituteId, ...request } = body;
        return toApplication(await submitApplication(deps, callId, instituteId, request, principal.subject));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/applications/:id/review',
      summary: 'Start reviewing a submitted application',
      tags: ['applications'],
      roles: officers,
      params: idParams,
      response: applicationView,
      handler: async ({ params }) => toApplication(await startReview(deps, params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/applications/:id/reject',
      summary: 'Reject an application, with the reason given to the institute',
      tags: ['applications'],
      roles: officers,
      params: idParams,
      body: reasonBody,
      response: applicationView,
      handler: async ({ params, body, principal }) =>
        toApplication(await rejectApplication(deps, params.id, body.reason, principal.subject)),
    }),
    defineRoute({
      method: 'post',
      path: '/applications/:id/award',
      summary: 'Award an application under review: amount, seats and the tranche plan (within the call’s budget)',
      tags: ['applications'],
      roles: officers,
      sensitive: true,
      params: idParams,
      body: awardBody,
      response: awardView,
      status: 201,
      handler: async ({ params, body, principal }) => {
        await awardApplication(deps, params.id, body, principal.subject);
        return oneAward(deps, params.id, principal, 'create');
      },
    }),
  ];
}
