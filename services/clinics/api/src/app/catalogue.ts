import type { NeedCategory, OfferPublishedV1, PartnerAgency } from '@hamgam/contracts';
import {
  assertNeighbourhoodInScope,
  isDuplicateKey,
  pageOf,
  type DocumentLocks,
  type PageContext,
  type Principal,
} from '@hamgam/service-kit';
import type { ClinicsModels } from '../deps.js';
import { agencyNameOf } from './referrals.js';

/** What publishing an offer did to the catalogue; `foreign` names the agency that owns the id. */
export type OfferOutcome = 'created' | 'updated' | 'stale' | { foreign: string };

/**
 * Keeps the latest revision of an agency's offer. An older or equal revision (late, redelivered)
 * changes nothing; the update is a compare-and-set on the stored revision, so it holds on MongoDB
 * replicas too, and offers are applied one at a time per id here (FerretDB updates are not atomic).
 *
 * An offer id belongs to the agency that published it first: another agency publishing the same id
 * (by accident or to take the entry, and with it the clinics' referrals to it) changes nothing. The
 * owner is part of the compare-and-set and is read under the same lease, so it holds across replicas.
 */
export function applyOffer(
  models: Pick<ClinicsModels, 'offers'>,
  locks: DocumentLocks,
  offer: OfferPublishedV1,
  receivedAt: Date,
): Promise<OfferOutcome> {
  const { offerId, ...rest } = offer;
  const record = { ...rest, publishedAt: new Date(offer.publishedAt), receivedAt };
  return locks.run(models.offers.collection.collectionName, offerId, async () => {
    for (;;) {
      const updated = await models.offers.collection.updateOne(
        { _id: offerId as never, agency: offer.agency, revision: { $lt: offer.revision } },
        { $set: record },
      );
      if (updated.matchedCount === 1) return 'updated';
      try {
        await models.offers.create({ _id: offerId, ...record });
        return 'created';
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // It exists: another agency's, or with this revision or a newer one (stale), or it was created meanwhile (retry).
        const stored = await models.offers.findById(offerId, { agency: 1, revision: 1 }).lean();
        if (stored && stored.agency !== offer.agency) return { foreign: stored.agency };
        if (stored && stored.revision >= offer.revision) return 'stale';
      }
    }
  });
}

/** One page of the partner agencies' offers as last published, by neighbourhood served, need answered, agency and openness. */
export async function catalogueOf(
  models: ClinicsModels,
  principal: Principal,
  filterBy: { neighbourhoodId?: string; category?: NeedCategory; agency?: PartnerAgency; openOnly?: 'true' | 'false' },
  page: PageContext,
) {
  if (filterBy.neighbourhoodId) assertNeighbourhoodInScope(principal, filterBy.neighbourhoodId);
  const filter: Record<string, string> = {};
  if (filterBy.agency) filter.agency = filterBy.agency;
  if (filterBy.category) filter.answers = filterBy.category;
  if (filterBy.openOnly === 'true') filter.status = 'open';
  const offers = await pageOf(models.offers.find(filter).lean(), page, page.res, { by: 'agency', order: 1 });
  return offers
    .filter((o) => !filterBy.neighbourhoodId || o.neighbourhoodIds.length === 0 || o.neighbourhoodIds.includes(filterBy.neighbourhoodId))
    .map(({ _id, receivedAt: _r, ...offer }) => ({ id: _id, agencyName: agencyNameOf(offer.agency), ...offer }));
}
