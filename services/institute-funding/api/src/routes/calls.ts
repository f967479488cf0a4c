import { defineRoute, type RouteSpec } from '@hamgam/service-kit';
import { z } from 'zod';
import { callsView, openCall } from '../app/calls.js';
import { officers, readers, type FundingDeps } from '../deps.js';
import { callFields, callView } from './schemas.js';

const toCall = (c: Awaited<ReturnType<typeof callsView>>[number]) => ({ ...c, createdAt: c.createdAt.toISOString() });

/** Funding calls: a budget for the target neighbourhoods' institutes, open between two days. */
export function callRoutes(deps: FundingDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/calls',
      summary: 'Funding calls with their budget, what is awarded and what is left',
      tags: ['calls'],
      roles: readers,
      response: z.array(callView),
      handler: async () => (await callsView(deps)).map(toCall),
    }),
    defineRoute({
      method: 'post',
      path: '/calls',
      summary: 'Open a funding call (its budget is posted to the ledger)',
      tags: ['calls'],
      roles: officers,
      body: callFields,
      response: callView,
      status: 201,
      handler: async ({ body, principal }) => {
        const call = await openCall(deps, body, principal.subject);
        return toCall((await callsView(deps)).find((c) => c.callId === call._id)!);
      },
    }),
  ];
}
