import type { Envelope, PriorityPublishedV1 } from '@hamgam/contracts';
import { isDuplicateKey, subscribe, type Subscription } from '@hamgam/service-kit';
import { receiveActionItem, receiveStatusRecorded } from '../app/commitments.js';
import { receiveReferral, receiveWithdrawal } from '../app/referrals.js';
import { deskCollections } from '../data/models.js';
import { type DeskDeps, type DeskOptions } from '../options.js';

/** The events the desk consumes; their routing keys must be bound to the service's queue (definitions.json). */
export function deskSubscriptions(deps: DeskDeps, options: DeskOptions): Subscription[] {
  return [
    subscribe('clinics.referral.made', 1, (event) => receiveReferral(deps, options, event)),
    subscribe('clinics.referral.withdrawn', 1, (event) => receiveWithdrawal(deps, options, event)),
    subscribe('coordination.action-item.assigned', 1, (event) => receiveActionItem(deps, options, event)),
    subscribe('coordination.commitment.status-recorded', 1, (event) => receiveStatusRecorded(deps, options, event)),
    subscribe('clinics.priority.published', 1, (event) =>
      deps.locks.run(deskCollections.priorities, event.data.neighbourhoodId, () => keepLatestPriorities(deps, event)),
    ),
  ];
}

/** The desk's routing keys, for the queue bindings. */
export const deskBindingKeys = [
  'clinics.referral.made.v1',
  'clinics.referral.withdrawn.v1',
  'coordination.action-item.assigned.v1',
  'coordination.commitment.status-recorded.v1',
  'clinics.priority.published.v1',
] as const;

/** Each neighbourhood's newest list only (compare-and-set on the version: an older list never wins). */
async function keepLatestPriorities(deps: DeskDeps, event: Envelope<PriorityPublishedV1>): Promise<void> {
  const { data } = event;
  const { priorities } = deps.models;
  const record = {
    _id: data.neighbourhoodId,
    neighbourhoodName: data.neighbourhoodName,
    clinicId: data.clinicId,
    period: data.period,
    listVersion: data.listVersion,
    publishedAt: new Date(data.publishedAt),
    priorities: data.priorities,
    sourceEventId: event.id,
  };
  for (;;) {
    const stored = await priorities.findById(data.neighbourhoodId, { listVersion: 1 }).lean();
    if (stored && stored.listVersion >= data.listVersion) return;
    if (!stored) {
      try {
        await priorities.create(record);
        return;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        continue;
      }
    }
    const result = await priorities.replaceOne({ _id: data.neighbourhoodId, listVersion: stored.listVersion }, record);
    if (result.matchedCount === 1) return;
  }
}
