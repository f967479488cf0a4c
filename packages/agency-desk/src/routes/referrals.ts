import { caps, defineRoute, readAll } from '@hamgam/service-kit';
import { z } from 'zod';
import { referralAccess } from '../app/access.js';
import { deskPlaces, placeNames } from '../app/places.js';
import { actOnReferral, receivedReferrals, type ReferralAction } from '../app/referrals.js';
import type { StoredReferral } from '../data/models.js';
import { isReferralOverdue } from '../domain/referrals.js';
import { readersOf, type DeskDeps, type DeskOptions } from '../options.js';
import {
  acceptBodySchema,
  completeBodySchema,
  declineBodySchema,
  referralParams,
  referralQuerySchema,
  referralViewSchema,
} from './schemas.js';

type Titles = Map<string, { fa: string; en: string }>;
type Names = ReturnType<typeof placeNames>;

type ReferralView = z.input<typeof referralViewSchema>;

/** Only for referrals that arrived (a withdrawal waiting for its referral has no details); the response schema checks it. */
function toView(referral: Omit<StoredReferral, 'outbox'>, titles: Titles, names: Names, now: Date): ReferralView {
  const { _id, agency: _a, receivedAt: _r, sourceEventId: _s, ...rest } = referral;
  const offerTitle = (referral.offerId && titles.get(referral.offerId)) || null;
  return {
    ...rest,
    referralId: _id,
    householdRef: referral.householdRef ?? null,
    offerTitle,
    clinicName: names.clinic(referral.clinicId),
    neighbourhoodName: names.neighbourhood(referral.neighbourhoodId),
    overdue: isReferralOverdue(referral, now),
  } as ReferralView;
}

export function referralRoutes(deps: DeskDeps, options: DeskOptions) {
  const { offers } = deps.models;
  // The agency's own offers (tens, at most hundreds): read whole, bounded.
  const titles = async (): Promise<Titles> =>
    new Map((await readAll(offers.find({}, { title: 1 }).lean(), caps.reference)).map((o) => [o._id, o.title]));
  const names = async () => placeNames(await deskPlaces(deps.models));

  const logReferrals = referralAccess(options);
  // Accepting and declining decide on the resident's referral; completing records its outcome.
  const logged = { accept: 'decide', decline: 'decide', complete: 'update' } as const;

  const action = <S extends z.ZodObject>(
    verb: 'accept' | 'decline' | 'complete',
    body: S,
    toAction: (body: z.infer<S>) => ReferralAction,
    summary: string,
  ) =>
    defineRoute({
      method: 'post',
      path: `/desk/referrals/:referralId/${verb}`,
      summary,
      tags: ['desk'],
      roles: options.roles,
      params: referralParams,
      body,
      response: referralViewSchema,
      handler: async ({ params, body: given, principal, cause }) => {
        const updated = await actOnReferral(deps, options, params.referralId, toAction(given as z.infer<S>), cause);
        await logReferrals(deps, principal, logged[verb], [updated]);
        return toView(updated, await titles(), await names(), deps.clock.now());
      },
    });

  return [
    defineRoute({
      method: 'get',
      path: '/desk/referrals',
      summary:
        'Referrals the clinics made to this agency, newest first unless sorted by the day to respond by; found by tracking code (or its beginning), filtered by state, neighbourhood, clinic, offer, need and overdue (past the day to respond by or to complete by, in Iran; the rule GET /work counts by); paged',
      tags: ['desk'],
      roles: readersOf(options),
      query: referralQuerySchema,
      response: z.array(referralViewSchema),
      handler: async ({ query, principal, req }, res) => {
        const now = deps.clock.now();
        const [rows, offerTitles, placeNamesOf] = await Promise.all([
          receivedReferrals(deps, query, { query, req, res }),
          titles(),
          names(),
        ]);
        // Whoever reads the list (staff, coordinator, auditor) sees each resident and household it names.
        await logReferrals(deps, principal, 'list', rows);
        return rows.map((r) => toView(r, offerTitles, placeNamesOf, now));
      },
    }),
    action(
      'accept',
      acceptBodySchema,
      (b) => ({ kind: 'accept', completeBy: b.completeBy }),
      `Accept a received referral with the day it will be completed by (publishes ${options.agency}.referral.accepted.v1; takes a place of the offer)`,
    ),
    action(
      'decline',
      declineBodySchema,
      (b) => ({ kind: 'decline', reason: b.reason }),
      `Decline a received referral with a reason (publishes ${options.agency}.referral.declined.v1)`,
    ),
    action(
      'complete',
      completeBodySchema,
      (b) => ({ kind: 'complete', outcome: b.outcome }),
      `Complete an accepted referral with its outcome (publishes ${options.agency}.referral.completed.v1)`,
    ),
  ];
}
