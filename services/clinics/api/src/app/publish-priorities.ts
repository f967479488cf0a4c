import { caps, conflict, isDuplicateKey, notFound, outboxEntries, readAll, type EventCause } from '@hamgam/service-kit';
import type { ClinicsModels } from '../deps.js';
import { NothingToPublishError, preparePublication, type PriorityList } from '../domain/publication.js';

export const latestPriorityList = (models: ClinicsModels, neighbourhoodId: string) =>
  models.priorityLists.findOne({ neighbourhoodId }, { outbox: 0 }).sort({ version: -1 }).lean();

/** The order the meeting or the representative last agreed for the neighbourhood (it applies until replaced). */
export const latestAgreedOrder = (models: ClinicsModels, neighbourhoodId: string) =>
  models.agreedOrders.findOne({ neighbourhoodId }).sort({ agreedAt: -1 }).lean();

/** Ranks the neighbourhood's assessments and stores the list with its event in one document. */
export async function publishPriorities(
  models: ClinicsModels,
  request: { neighbourhoodId: string; period: string; cause: EventCause; now?: Date },
): Promise<{ list: PriorityList; documentId: string }> {
  const { neighbourhoodId, cause } = request;
  const [neighbourhood, clinic, assessments, latest, agreed] = await Promise.all([
    models.neighbourhoods.findById(neighbourhoodId).lean(),
    models.clinics.findOne({ neighbourhoodId }).lean(),
    readAll(models.assessments.find({ neighbourhoodId }, { needs: 1 }).lean(), caps.perNeighbourhood),
    latestPriorityList(models, neighbourhoodId),
    latestAgreedOrder(models, neighbourhoodId),
  ]);
  if (!neighbourhood || !clinic) throw notFound(`neighbourhood ${neighbourhoodId} has no clinic`);
  let prepared;
  try {
    prepared = preparePublication({
      neighbourhood: { ...neighbourhood, id: neighbourhood._id },
      clinic: { ...clinic, id: clinic._id },
      period: request.period,
      latestVersion: latest?.version ?? 0,
      assessments,
      publishedBy: cause.actor.subject,
      agreed: agreed ?? null,
      now: request.now ?? new Date(),
    });
  } catch (error) {
    if (error instanceof NothingToPublishError) throw conflict(error.message);
    throw error;
  }
  const { list, event } = prepared;
  const documentId = `${list.neighbourhoodId}:v${list.version}`;
  const outbox = outboxEntries('clinics', cause, [{ type: 'clinics.priority.published', version: 1, data: event }]);
  try {
    // The list and its event are one document: one write, so neither exists without the other.
    await models.priorityLists.create({ _id: documentId, ...list, outbox });
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict('another version was published at the same moment; reload and try again');
    throw error;
  }
  return { list, documentId };
}
