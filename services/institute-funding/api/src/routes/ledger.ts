import { defineRoute, type RouteSpec } from '@hamgam/service-kit';
import { ledgerView } from '../app/ledger.js';
import { readers, type FundingDeps } from '../deps.js';
import { ledgerSchema } from './schemas.js';

/** The disbursement ledger, whole: postings, balances, each call's position, and whether it balances. */
export function ledgerRoutes(deps: FundingDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/ledger',
      summary: 'The disbursement ledger: postings, balances, each call’s position, and whether it balances',
      tags: ['ledger'],
      roles: readers,
      response: ledgerSchema,
      handler: () => ledgerView(deps),
    }),
  ];
}
