import { defineRoute } from '@hamgam/service-kit';
import { z } from 'zod';
import { createOffer, listOffers, offerIdFor, updateOffer } from '../app/offers.js';
import type { StoredOffer } from '../data/models.js';
import type { StoredOfferState } from '../domain/offers.js';
import { readersOf, type DeskDeps, type DeskOptions } from '../options.js';
import { newOfferSchema, offerEditSchema, offerParams, offerQuerySchema, offerViewSchema } from './schemas.js';

const view = ({ seatHolders, ...offer }: StoredOfferState, updatedAt: Date) => ({ ...offer, seatsTaken: seatHolders.length, updatedAt });
const fromStored = ({ _id, updatedAt, updatedBy: _b, ...rest }: Omit<StoredOffer, 'outbox'>) => view({ ...rest, offerId: _id }, updatedAt);

export function offerRoutes(deps: DeskDeps, options: DeskOptions) {
  return [
    defineRoute({
      method: 'get',
      path: '/desk/offers',
      summary:
        'The agency’s service catalogue (what it offers the clinics’ residents), found by words of the title, filtered by kind and status; paged',
      tags: ['desk'],
      roles: readersOf(options),
      query: offerQuerySchema,
      response: z.array(offerViewSchema),
      handler: async ({ query, req }, res) => (await listOffers(deps.models, query, { query, req, res })).map(fromStored),
    }),
    defineRoute({
      method: 'post',
      path: '/desk/offers',
      summary: `Add an offer to the catalogue (publishes ${options.agency}.offer.published.v1); its id is made here unless one with the agency's prefix is given`,
      tags: ['desk'],
      roles: options.roles,
      body: newOfferSchema,
      response: offerViewSchema,
      status: 201,
      handler: async ({ body, cause }) => {
        const { offerId, ...fields } = body;
        const offer = await createOffer(deps, options, offerIdFor(options, offerId, fields), fields, cause);
        return view(offer, deps.clock.now());
      },
    }),
    defineRoute({
      method: 'put',
      path: '/desk/offers/:offerId',
      summary: `Change an offer: capacity, places left, dates, open or closed (republishes it, revision + 1); with basedOnRevision, a change made meanwhile is a 409`,
      tags: ['desk'],
      roles: options.roles,
      params: offerParams,
      body: offerEditSchema,
      response: offerViewSchema,
      handler: async ({ params, body, cause }) => {
        const { basedOnRevision, ...fields } = body;
        const offer = await updateOffer(deps, options, params.offerId, fields, cause, basedOnRevision);
        return view(offer, deps.clock.now());
      },
    }),
  ];
}
