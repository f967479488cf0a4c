import { defineRoute, pageQuerySchema, type AccessLogAction, type Principal, type RouteSpec } from '@hamgam/service-kit';
import { NotFoundError } from '@hamgam/service-kit/errors';
import { z } from 'zod';
import { logAwardAccess } from '../app/access.js';
import { awardsView, cancelAwardOf, payAwardTranche, releaseAwardTranche } from '../app/awards.js';
import { releasedOf } from '../domain/awards.js';
import { officers, readers, type FundingDeps } from '../deps.js';
import { awardView, idParams, paymentBody, reasonBody, trancheParams } from './schemas.js';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

type AwardRow = Awaited<ReturnType<typeof awardsView>>[number];
const toAward = ({ a, award, verified, tranches }: AwardRow) => ({
  awardId: a._id,
  callId: a.callId,
  instituteId: a.instituteId,
  trades: a.trades,
  amountRials: award.amountRials,
  seats: award.seats,
  neighbourhoodIds: award.neighbourhoodIds,
  status: award.status,
  awardedAt: award.awardedAt.toISOString(),
  cancelReason: award.cancelReason ?? null,
  verified,
  releasedRials: releasedOf(tranches),
  paidRials: tranches.filter((t) => t.state === 'paid').reduce((s, t) => s + t.amountRials, 0),
  tranches: tranches.map((t) => ({
    trancheNo: t.trancheNo,
    percent: t.percent,
    condition: { kind: t.condition.kind, atLeast: t.condition.atLeast },
    amountRials: t.amountRials,
    state: t.state,
    releasable: t.releasable,
    releasedAt: iso(t.releasedAt),
    verifiedEnrolments: t.verifiedEnrolments ?? null,
    verifiedCompletions: t.verifiedCompletions ?? null,
    paidAt: iso(t.paidAt),
    paymentRef: t.paymentRef ?? null,
  })),
  benefits: a.benefits.map((b) => ({
    benefitId: b.benefitId,
    householdRef: b.householdRef,
    amountRials: b.amountRials,
    trancheNo: b.trancheNo,
    grantedAt: b.grantedAt.toISOString(),
  })),
});

/** One award as the caller sees it, logged for the households it funded under what the caller did. */
export async function oneAward(deps: FundingDeps, awardId: string, principal: Principal, action: AccessLogAction) {
  const [row] = await awardsView(deps, { awardId });
  if (!row) throw new NotFoundError('award-not-found', `no award ${awardId}`);
  await logAwardAccess(deps, principal, action, [row.a]);
  return toAward(row);
}

/** Awards: what TVTO verified, each tranche's state, and the money steps on them. */
export function awardRoutes(deps: FundingDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/awards',
      summary: 'Awards with the outcomes TVTO verified, each tranche’s state and whether it may be released',
      tags: ['awards'],
      roles: readers,
      query: pageQuerySchema,
      response: z.array(awardView),
      handler: async ({ query, principal, req }, res) => {
        const rows = await awardsView(deps, { query, req, res });
        await logAwardAccess(
          deps,
          principal,
          'list',
          rows.map((r) => r.a),
        );
        return rows.map(toAward);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/awards/:id',
      summary: 'One award',
      tags: ['awards'],
      roles: readers,
      params: idParams,
      response: awardView,
      handler: async ({ params, principal }) => oneAward(deps, params.id, principal, 'read'),
    }),
    defineRoute({
      method: 'post',
      path: '/awards/:id/tranches/:no/release',
      summary:
        'Release a tranche whose verified condition holds (publishes institute-funding.tranche.released.v1 and a benefit.granted.v1 per newly funded household)',
      tags: ['awards'],
      roles: officers,
      sensitive: true,
      params: trancheParams,
      response: awardView,
      handler: async ({ params, principal, cause }) => {
        await releaseAwardTranche(deps, params.id, params.no, cause);
        return oneAward(deps, params.id, principal, 'decide');
      },
    }),
    defineRoute({
      method: 'post',
      path: '/awards/:id/tranches/:no/pay',
      summary: 'Record the payment of a released tranche to the institute',
      tags: ['awards'],
      roles: officers,
      sensitive: true,
      params: trancheParams,
      body: paymentBody,
      response: awardView,
      handler: async ({ params, body, principal }) => {
        await payAwardTranche(deps, params.id, params.no, body.paymentRef);
        return oneAward(deps, params.id, principal, 'disburse');
      },
    }),
    defineRoute({
      method: 'post',
      path: '/awards/:id/cancel',
      summary: 'Cancel an active award: unreleased tranches lapse and return to the call’s budget',
      tags: ['awards'],
      roles: officers,
      params: idParams,
      body: reasonBody,
      response: awardView,
      handler: async ({ params, body, principal }) => {
        await cancelAwardOf(deps, params.id, body.reason);
        return oneAward(deps, params.id, principal, 'update');
      },
    }),
  ];
}
