import { defineRoute, type RouteSpec } from '@hamgam/service-kit';
import { z } from 'zod';
import { logFlagAccess } from '../app/access.js';
import { duplicateFlagsView, reviewFlag } from '../app/duplicate-flags.js';
import { officers, readers, type FundingDeps } from '../deps.js';
import { flagParams, flagReviewView, flagView, noteBody } from './schemas.js';

/** The duplicate-benefit check with the Relief Committee: households funded twice for one purpose. */
export function duplicateFlagRoutes(deps: FundingDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/duplicate-flags',
      summary: 'Households funded twice for the same purpose across relief and institute funding (opaque ids)',
      tags: ['benefits'],
      roles: readers,
      response: z.array(flagView),
      handler: async ({ principal }) => {
        const flags = await duplicateFlagsView(deps);
        await logFlagAccess(deps, principal, 'list', flags);
        return flags;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/duplicate-flags/:flagId/review',
      summary: 'Record how an officer settled a duplicate-benefit flag',
      tags: ['benefits'],
      roles: officers,
      params: flagParams,
      body: noteBody,
      response: flagReviewView,
      handler: async ({ params, body, principal }) => {
        const reviewed = await reviewFlag(deps, params.flagId, body.note, principal.subject);
        await logFlagAccess(deps, principal, 'update', [reviewed.flag]);
        return reviewed.review;
      },
    }),
  ];
}
