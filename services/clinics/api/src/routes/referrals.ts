import { defineRoute } from '@hamgam/service-kit';
import { z } from 'zod';
import { referralCounts, referralsPage, referralView, withResidents } from '../app/referral-lists.js';
import { piiFromConfig } from '../config.js';
import { loadReferralInScope, makeReferral, withdrawReferral } from '../app/referrals.js';
import { clinicWorkers, registerReaders, type ClinicsDeps } from '../deps.js';
import { uuidParams } from './schemas/common.js';
import {
  newReferralSchema,
  referralCountsSchema,
  referralQuerySchema,
  referralSummaryQuerySchema,
  referralViewSchema,
  withdrawReferralSchema,
} from './schemas/referrals.js';

/** Referrals to the partner agencies: making, listing, counting and withdrawing them. */
export function referralRoutes(deps: ClinicsDeps) {
  const { models, clock, flushOutbox } = deps;
  const withPii = { ...deps, pii: piiFromConfig(deps.config) };
  return [
    defineRoute({
      method: 'post',
      path: '/referrals',
      summary: 'Refer a resident (with consent) to an open catalogue offer; emits clinics.referral.made.v1',
      roles: clinicWorkers,
      // Sends a resident's refs to another agency.
      sensitive: true,
      body: newReferralSchema,
      response: referralViewSchema,
      status: 201,
      handler: async ({ body, principal, cause }) => {
        const referral = await makeReferral(deps, principal, body, cause);
        flushOutbox([referral._id]);
        return referralView(referral, clock.now());
      },
    }),
    defineRoute({
      method: 'get',
      path: '/referrals',
      summary:
        'Referrals of the caller’s clinics (or one clinic), by state, agency, only the overdue ones, or one resident’s; `q`: a tracking code, a file number or (own clinic staff) a name or national id; sorted (newest, oldest, updated, respond-by); each names its resident (name for own staff, logged; file number); paged (with `overdue` a page may come short: follow X-Next-Cursor)',
      roles: registerReaders,
      query: referralQuerySchema,
      response: z.array(referralViewSchema),
      handler: ({ query, principal, req }, res) => referralsPage(withPii, principal, query, { query, req, res }),
    }),
    defineRoute({
      method: 'get',
      path: '/referrals/summary',
      summary: 'Per clinic in scope: open and overdue referrals (the clinic home’s counters)',
      roles: registerReaders,
      query: referralSummaryQuerySchema,
      response: z.array(referralCountsSchema),
      handler: ({ query, principal }) => referralCounts(deps, principal, query.clinicId),
    }),
    defineRoute({
      method: 'get',
      path: '/referrals/:id',
      summary: 'One referral and every step of it, naming its resident (the name for own clinic staff, logged; the file number)',
      roles: registerReaders,
      params: uuidParams,
      response: referralViewSchema,
      handler: async ({ params, principal }) =>
        (await withResidents(withPii, principal, [await loadReferralInScope(models, principal, params.id)], clock.now(), 'referral'))[0]!,
    }),
    defineRoute({
      method: 'post',
      path: '/referrals/:id/withdraw',
      summary:
        'Withdraw a sent or accepted referral (consent withdrawn, resident’s request, duplicate); emits clinics.referral.withdrawn.v1',
      roles: clinicWorkers,
      params: uuidParams,
      body: withdrawReferralSchema,
      response: referralViewSchema,
      handler: async ({ params, body, principal, cause }) => {
        const referral = await withdrawReferral(deps, principal, { referralId: params.id, reason: body.reason }, cause);
        flushOutbox([referral._id]);
        return referralView(referral, clock.now());
      },
    }),
  ];
}
