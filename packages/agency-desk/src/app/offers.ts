import { randomBytes } from 'node:crypto';
import type { OfferPublishedV1 } from '@hamgam/contracts';
import { isDuplicateKey, outboxEntries, pageOf, type EventCause, type PageContext } from '@hamgam/service-kit';
import { IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import { deskCollections, type DeskModels, type StoredOffer } from '../data/models.js';
import {
  checkOffer,
  checkOwnOfferId,
  editOffer,
  newOfferId,
  offerEvent,
  releaseSeat,
  takeSeat,
  type OfferFields,
  type StoredOfferState,
} from '../domain/offers.js';
import { type DeskDeps, type DeskOptions } from '../options.js';

/** What changing an offer needs (the start-up reconciliation runs with no more than this). */
export type OfferDeps = Pick<DeskDeps, 'models' | 'locks' | 'flushOutbox' | 'clock'>;

const toState = ({ _id, updatedAt: _u, updatedBy: _b, outbox: _o, ...rest }: StoredOffer): StoredOfferState => ({ ...rest, offerId: _id });

function published(options: DeskOptions, offer: StoredOfferState, at: Date, cause: EventCause) {
  const data: OfferPublishedV1 = offerEvent(options.agency, offer, at);
  return outboxEntries(options.agency, cause, [{ type: `${options.agency}.offer.published`, version: 1, data }]);
}

/** One page of the agency's offers, by id. */
export interface OfferFilter {
  /** Words of the title, in either language. */
  q?: string | undefined;
  kind?: StoredOffer['kind'] | undefined;
  status?: 'open' | 'closed' | undefined;
}

/** A typed text as a literal inside a regular expression. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One page of the catalogue, narrowed by kind, status and words of the title (fa or en). */
export const listOffers = (models: DeskModels, filter: OfferFilter, page: PageContext) => {
  const words = filter.q ? new RegExp(literal(filter.q), 'i') : null;
  return pageOf(
    models.offers
      .find(
        {
          ...(filter.kind ? { kind: filter.kind } : {}),
          ...(filter.status ? { status: filter.status } : {}),
          ...(words ? { $or: [{ 'title.fa': words }, { 'title.en': words }] } : {}),
        },
        { outbox: 0 },
      )
      .lean(),
    page,
    page.res,
    { by: '_id', order: 1 },
  );
};

/** The id of an offer staff add: made here when none is asked for; one asked for must be the agency's own. */
export function offerIdFor(options: DeskOptions, requested: string | undefined, fields: OfferFields): string {
  if (requested === undefined) return newOfferId(options.agency, fields.title, randomBytes(4).toString('hex'));
  checkOwnOfferId(options.agency, requested);
  return requested;
}

/** A new catalogue entry, stored with its first `offer.published` event in one write. */
export async function createOffer(deps: DeskDeps, options: DeskOptions, offerId: string, fields: OfferFields, cause: EventCause) {
  checkOffer(fields);
  const now = deps.clock.now();
  const offer: StoredOfferState = { ...fields, offerId, revision: 1, seatHolders: [] };
  try {
    await deps.models.offers.create({
      _id: offerId,
      ...fields,
      revision: 1,
      seatHolders: [],
      updatedAt: now,
      updatedBy: cause.actor.subject,
      outbox: published(options, offer, now, cause),
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new IllegalStepError('offer-exists', `an offer ${offerId} exists already; edit it instead`);
    throw error;
  }
  deps.flushOutbox([offerId]);
  return offer;
}

/**
 * Applies a change to an offer and republishes it, as one write that only lands on the revision it was
 * computed from (compare-and-set), under the document lock the outbox relay also takes.
 */
async function changeOffer(
  deps: OfferDeps,
  options: DeskOptions,
  offerId: string,
  change: (current: StoredOfferState) => StoredOfferState | null,
  cause: EventCause,
): Promise<StoredOfferState | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const outcome = await deps.locks.run(deskCollections.offers, offerId, async () => {
      const stored = await deps.models.offers.findById(offerId, { outbox: 0 }).lean();
      if (!stored) return { missing: true as const };
      const current = toState(stored);
      const next = change(current);
      if (!next) return { offer: current, written: false };
      const now = deps.clock.now();
      const { offerId: _id, ...fields } = next;
      const result = await deps.models.offers.updateOne(
        { _id: offerId, revision: current.revision },
        {
          $set: { ...fields, updatedAt: now, updatedBy: cause.actor.subject },
          $push: { outbox: { $each: published(options, next, now, cause) } },
        },
      );
      return result.matchedCount === 1 ? { offer: next, written: true } : undefined;
    });
    if (outcome === undefined) continue; // another replica changed it meanwhile: recompute from its revision
    if ('missing' in outcome) return null;
    if (outcome.written) deps.flushOutbox([offerId]);
    return outcome.offer;
  }
  throw new IllegalStepError('offer-changed-meanwhile', `offer ${offerId} kept changing; try again`);
}

/** A staff edit; with `basedOn` (the revision the editor saw), a change made meanwhile (an acceptance took a place) is a 409, not overwritten. */
export async function updateOffer(
  deps: DeskDeps,
  options: DeskOptions,
  offerId: string,
  fields: OfferFields,
  cause: EventCause,
  basedOn?: number,
) {
  const offer = await changeOffer(
    deps,
    options,
    offerId,
    (current) => {
      if (basedOn !== undefined && basedOn !== current.revision) {
        throw new IllegalStepError(
          'offer-changed-meanwhile',
          `offer ${offerId} changed since revision ${basedOn} (now ${current.revision}); reload it`,
        );
      }
      return editOffer(current, fields);
    },
    cause,
  );
  if (!offer) throw new NotFoundError('offer-not-found', `no offer ${offerId}`);
  return offer;
}

/**
 * The second write of an acceptance (or of a withdrawal after one): the offer's seat count, republished.
 * It is separately idempotent — the offer records which referrals hold its seats, so running it again
 * (a retry, the reconciliation at start-up) changes nothing. A missing offer is left alone.
 */
export function adjustSeat(
  deps: OfferDeps,
  options: DeskOptions,
  offerId: string,
  referralId: string,
  direction: 'take' | 'release',
  cause: EventCause,
) {
  return changeOffer(
    deps,
    options,
    offerId,
    (current) => (direction === 'take' ? takeSeat(current, referralId) : releaseSeat(current, referralId)),
    cause,
  );
}
