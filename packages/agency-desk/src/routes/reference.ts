import { referenceTrades } from '@hamgam/contracts';
import { defineRoute } from '@hamgam/service-kit';
import { z } from 'zod';
import { referralAccess } from '../app/access.js';
import { referredPeople } from '../app/people.js';
import { deskPlaces } from '../app/places.js';
import { readersOf, type DeskDeps, type DeskOptions } from '../options.js';
import { placesViewSchema, referredPeopleQuerySchema, referredPersonSchema, tradeQuerySchema, tradeViewSchema } from './schemas.js';

/** Lower-cased, with Arabic kaf/yeh as the Persian ones, so a name is found however it was typed. */
const folded = (text: string) =>
  text
    .toLocaleLowerCase('en')
    .replace(/ك/g, 'ک')
    .replace(/ي/g, 'ی')
    .replace(/\u200c/g, ' ');

/** The reference lists a desk's screens label and pick with: places and trades by name in both languages, people by tracking code. */
export function referenceRoutes(deps: DeskDeps, options: DeskOptions) {
  const logReferrals = referralAccess(options);
  return [
    defineRoute({
      method: 'get',
      path: '/desk/referred-people',
      summary:
        'The residents and households the clinics referred to this agency (one row a referral, newest first), to pick a person by tracking code (whole or begun) instead of typing an id; paged',
      tags: ['desk'],
      roles: options.roles,
      query: referredPeopleQuerySchema,
      response: z.array(referredPersonSchema),
      handler: async ({ query, principal, req }, res) => {
        const people = await referredPeople(deps, query.q, { query, req, res });
        await logReferrals(
          deps,
          principal,
          'list',
          people.map((p) => ({ _id: p.referralId, residentRef: p.residentRef, householdRef: p.householdRef })),
        );
        return people;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/desk/places',
      summary: 'The neighbourhoods and clinics of the programme by name (fa/en), to label and pick places with',
      tags: ['desk'],
      roles: readersOf(options),
      response: placesViewSchema,
      handler: () => deskPlaces(deps.models),
    }),
    defineRoute({
      method: 'get',
      path: '/desk/trades',
      summary:
        'The trades of the programme by name (fa/en), to label and pick trades with; `q` finds a name (or part of it) in either language',
      tags: ['desk'],
      roles: readersOf(options),
      query: tradeQuerySchema,
      response: z.array(tradeViewSchema),
      handler: ({ query }) => {
        const wanted = query.q ? folded(query.q) : '';
        // A fixed list of tens: filtered here.
        return referenceTrades
          .filter((t) => !wanted || folded(t.name.fa).includes(wanted) || folded(t.name.en).includes(wanted))
          .map((t) => ({ tradeId: t.id, name: t.name }));
      },
    }),
  ];
}
