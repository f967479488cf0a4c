import { type DocumentLocks, isDuplicateKey, subscribe } from '@hamgam/service-kit';
import type { Envelope, PriorityPublishedV1 } from '@hamgam/contracts';
import { prioritiesCollection } from '../data/priorities.js';
import type { CoordinationModels } from '../deps.js';
import { supersedes } from '../domain/priorities.js';

/** Keeps each neighbourhood's latest published priorities for the coordinators' home and board. */
export function onPriorityPublished(models: CoordinationModels, locks: DocumentLocks) {
  return subscribe('clinics.priority.published', 1, (event) => {
    const { data } = event;
    // One neighbourhood's lists are applied one at a time here: FerretDB's updates are not atomic.
    return locks.run(prioritiesCollection, data.neighbourhoodId, () => apply(models, event));
  });
}

async function apply(models: CoordinationModels, event: Envelope<PriorityPublishedV1>): Promise<void> {
  const { data } = event;
  const record = {
    _id: data.neighbourhoodId,
    ...data,
    publishedAt: new Date(data.publishedAt),
    receivedAt: new Date(),
    sourceEventId: event.id,
  };
  // Compare-and-set on the stored version, so an older list never overwrites a newer one even when
  // another replica applies one at the same moment (on MongoDB). Lost races are simply re-read.
  for (;;) {
    const stored = await models.neighbourhoodPriorities.findById(data.neighbourhoodId, { listVersion: 1 }).lean();
    if (!supersedes(data, stored)) return;
    if (!stored) {
      try {
        await models.neighbourhoodPriorities.create(record);
        return;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        continue;
      }
    }
    const result = await models.neighbourhoodPriorities.replaceOne({ _id: data.neighbourhoodId, listVersion: stored.listVersion }, record);
    if (result.matchedCount === 1) return;
  }
}
