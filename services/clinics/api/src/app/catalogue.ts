import type { OfferPublishedV1 } from '@hamgam/contracts';
import { isDuplicateKey, type DocumentLocks } from '@hamgam/service-kit';
import type { ClinicsModels } from '../data/models.js';

/**
 * Keeps the latest revision of an agency's offer. An older or equal revision (late, redelivered)
 * changes nothing; the update is a compare-and-set on the stored revision, so it holds on MongoDB
 * replicas too, and offers are applied one at a time per id here (FerretDB updates are not atomic).
 */
export function applyOffer(
  models: Pick<ClinicsModels, 'offers'>,
  locks: DocumentLocks,
  offer: OfferPublishedV1,
  receivedAt: Date,
): Promise<'created' | 'updated' | 'stale'> {
  const { offerId, ...rest } = offer;
  const record = { ...rest, publishedAt: new Date(offer.publishedAt), receivedAt };
  return locks.run(models.offers.collection.collectionName, offerId, async () => {
    for (;;) {
      const updated = await models.offers.collection.updateOne({ _id: offerId as never, revision: { $lt: offer.revision } }, { $set: record });
      if (updated.matchedCount === 1) return 'updated';
      try {
        await models.offers.create({ _id: offerId, ...record });
        return 'created';
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // It exists: either with this revision or a newer one (stale), or it was created meanwhile (retry).
        const stored = await models.offers.findById(offerId, { revision: 1 }).lean();
        if (stored && stored.revision >= offer.revision) return 'stale';
      }
    }
  });
}
