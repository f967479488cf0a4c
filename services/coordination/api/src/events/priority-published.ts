import { subscribe } from '@hamgam/service-kit';
import type { CoordinationModels } from '../data/models.js';
import { supersedes } from '../domain/priorities.js';

/** Keeps each neighbourhood's latest published priorities for the coordinators' home and board. */
export function onPriorityPublished(models: CoordinationModels) {
  return subscribe('clinics.priority.published', 1, async (event) => {
    const { data } = event;
    const stored = await models.neighbourhoodPriorities.findById(data.neighbourhoodId, { listVersion: 1 }).lean();
    if (!supersedes(data, stored)) return;
    const record = { ...data, publishedAt: new Date(data.publishedAt), receivedAt: new Date(), sourceEventId: event.id };
    // Guarded on the version read above, so a concurrent newer list is never overwritten.
    await models.neighbourhoodPriorities.replaceOne(
      stored ? { _id: data.neighbourhoodId, listVersion: stored.listVersion } : { _id: data.neighbourhoodId },
      { _id: data.neighbourhoodId, ...record },
      { upsert: !stored },
    );
  });
}
