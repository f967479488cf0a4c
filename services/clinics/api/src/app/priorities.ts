import { randomUUID } from 'node:crypto';
import type { NeedCategory } from '@hamgam/contracts';
import { caps, isDuplicateKey, outboxEntries, readAll, type EventCause, type Principal } from '@hamgam/service-kit';
import { IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import type { StoredAgreedOrder } from '../data/agreed-orders.js';
import { agency, type ClinicsModels } from '../deps.js';
import { preparePublication, type PriorityList } from '../domain/publication.js';
import { rankPriorities } from '../domain/ranking.js';
import { applyAgreedOrder, checkAgreedOrder, checkMeetingDate, toRankedPriority, type AgreedOrder } from '../domain/reranking.js';

export const latestPriorityList = (models: ClinicsModels, neighbourhoodId: string) =>
  models.priorityLists.findOne({ neighbourhoodId }, { outbox: 0 }).sort({ version: -1 }).lean();

/** The order the residents' meeting last agreed for the neighbourhood (it applies until replaced). */
export const latestAgreedOrder = (models: ClinicsModels, neighbourhoodId: string) =>
  models.agreedOrders.findOne({ neighbourhoodId }).sort({ agreedAt: -1 }).lean();

/**
 * Records, through the clinic worker, the order the residents' meeting (with the people's representative)
 * agreed for the neighbourhood's draft priorities; it applies until the next one.
 */
export async function recordAgreedOrder(
  models: ClinicsModels,
  principal: Principal,
  neighbourhoodId: string,
  agreed: AgreedOrder & { order: NeedCategory[] },
  now: Date,
) {
  checkMeetingDate(agreed.meetingDate, now);
  const assessments = await readAll(models.assessments.find({ neighbourhoodId }, { needs: 1 }).lean(), caps.perNeighbourhood);
  checkAgreedOrder(rankPriorities(assessments), agreed.order);
  await models.agreedOrders.create({
    _id: randomUUID(),
    neighbourhoodId,
    order: agreed.order,
    reason: agreed.reason,
    meetingDate: agreed.meetingDate,
    agreedBy: principal.subject,
    agreedByName: principal.username,
    // Only the clinic worker records an agreed order now; older records may still say 'representative'.
    agreedByRole: 'clinic-worker',
    agreedAt: now,
  });
}

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
  if (!neighbourhood || !clinic) throw new NotFoundError('neighbourhood-not-found', `neighbourhood ${neighbourhoodId} has no clinic`);
  const { list, event } = preparePublication({
    neighbourhood: { ...neighbourhood, id: neighbourhood._id },
    clinic: { ...clinic, id: clinic._id },
    period: request.period,
    latestVersion: latest?.version ?? 0,
    assessments,
    publishedBy: cause.actor.subject,
    agreed: agreed ?? null,
    now: request.now ?? new Date(),
  });
  const documentId = `${list.neighbourhoodId}:v${list.version}`;
  const outbox = outboxEntries(agency, cause, [{ type: 'clinics.priority.published', version: 1, data: event }]);
  try {
    // The list and its event are one document: one write, so neither exists without the other.
    await models.priorityLists.create({ _id: documentId, ...list, outbox });
  } catch (error) {
    if (isDuplicateKey(error))
      throw new IllegalStepError('list-published-meanwhile', 'another version was published at the same moment; reload and try again');
    throw error;
  }
  return { list, documentId };
}

/** A published list as readers see it: the agreed ranks, and how the meeting re-ranked the computed ones. */
export const publishedView = ({ version, period, publishedAt, priorities, reranking }: PriorityList) => ({
  version,
  period,
  publishedAt,
  priorities: priorities.map(toRankedPriority),
  reranking: reranking
    ? {
        reason: reranking.reason,
        meetingDate: reranking.meetingDate,
        agreedByRole: reranking.agreedByRole,
        computedRanks: priorities.map((p) => ({ category: p.category, computedRank: p.computedRank ?? p.rank })),
      }
    : null,
});

/** The agreed order in force, and who agreed it. */
const agreedView = (a: StoredAgreedOrder | null) =>
  a
    ? {
        order: a.order,
        reason: a.reason,
        meetingDate: a.meetingDate,
        agreedByName: a.agreedByName,
        agreedByRole: a.agreedByRole,
        agreedAt: a.agreedAt,
      }
    : null;

/** What the neighbourhood's priorities are now: the draft in the agreed order, the computed ranking, the agreement, the latest published list. */
export async function prioritiesOf(models: ClinicsModels, neighbourhoodId: string) {
  const [assessments, published, agreed] = await Promise.all([
    readAll(models.assessments.find({ neighbourhoodId }, { needs: 1 }).lean(), caps.perNeighbourhood),
    latestPriorityList(models, neighbourhoodId),
    latestAgreedOrder(models, neighbourhoodId),
  ]);
  const computed = rankPriorities(assessments);
  return {
    draft: applyAgreedOrder(computed, agreed).map(toRankedPriority),
    computed,
    agreed: agreedView(agreed),
    published: published ? publishedView(published) : null,
  };
}
