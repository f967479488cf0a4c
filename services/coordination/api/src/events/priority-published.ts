import { subscribe } from '@hamgam/service-kit';
import type { CoordinationModels } from '../data/models.js';
import { supersedes } from '../domain/priorities.js';

const duplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

/** Keeps each neighbourhood's latest published priorities for the coordinators' home and board. */
export function onPriorityPublished(models: CoordinationModels) {
  return subscribe('clinics.priority.published', 1, async (event) => {
    const { data } = event;
    const record = { _id: data.neighbourhoodId, ...data, publishedAt: new Date(data.publishedAt), receivedAt: new Date(), sourceEventId: event.id };
    // Compare-and-set on the stored version: lists of one neighbourhood may be handled concurrently,
    // and an older one must never overwrite a newer one. Lost races are simply re-read.
    for (;;) {
      const stored = await models.neighbourhoodPriorities.findById(data.neighbourhoodId, { listVersion: 1 }).lean();
      if (!supersedes(data, stored)) return;
      if (!stored) {
        try {
          await models.neighbourhoodPriorities.create(record);
          return;
        } catch (error) {
          if (!duplicateKey(error)) throw error;
          continue;
        }
      }
      const result = await models.neighbourhoodPriorities.replaceOne({ _id: data.neighbourhoodId, listVersion: stored.listVersion }, record);
      if (result.matchedCount === 1) return;
    }
  });
}
