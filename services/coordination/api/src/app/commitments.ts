import type { CommitmentProgressedV1, CommitmentStatusRecordedV1 } from '@hamgam/contracts';
import { dayOf } from '@hamgam/contracts/days';
import { caps, isDuplicateKey, outboxEntries, readAll, type EventCause, type EventDraft } from '@hamgam/service-kit';
import { NotFoundError } from '@hamgam/service-kit/errors';
import { commitmentsCollection as collection, type StoredCommitment } from '../data/commitments.js';
import { fromStored, type Stored } from '../data/stored.js';
import {
  applyReport,
  checkCoordinatorReport,
  coordinatorReport,
  type Commitment,
  type ReportOutcome,
  type StatusReport,
} from '../domain/commitments.js';
import { agency, type CoordinationDeps, type CoordinationModels } from '../deps.js';

/** What recording commitments needs (the events that bring them, and the working group's resolutions). */
export type CommitmentDeps = Pick<CoordinationDeps, 'models' | 'locks'>;

export const toCommitment = (stored: StoredCommitment): Commitment => {
  const { outbox: _outbox, ...commitment } = fromStored(stored);
  return commitment as Commitment;
};

const toStored = ({ id, ...rest }: Commitment): Stored<Commitment> => ({ _id: id, ...rest });

async function save(models: CoordinationModels, commitment: Commitment): Promise<void> {
  const { _id, ...fields } = toStored(commitment);
  await models.commitments.updateOne({ _id }, { $set: fields });
}

const reportFrom = (data: CommitmentProgressedV1): StatusReport => ({
  status: data.status,
  at: new Date(data.at),
  evidence: data.evidence,
  revisedDueOn: data.revisedDueOn,
  reportedBy: 'agency',
});

/**
 * Stores a new commitment (from an action item or an agency's declaration) unless it is already there
 * (a redelivery, or the working group's own write), then applies any progress reports that arrived
 * before it, oldest first.
 */
export function recordCommitment(deps: CommitmentDeps, commitment: Commitment): Promise<boolean> {
  return deps.locks.run(collection, commitment.id, async () => {
    let created = true;
    try {
      await deps.models.commitments.create(toStored(commitment));
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      created = false;
    }
    const pending = await readAll(deps.models.pendingReports.find({ commitmentId: commitment.id }).lean(), caps.perPerson);
    if (pending.length === 0) return created;
    const stored = await deps.models.commitments.findById(commitment.id).lean();
    let current = toCommitment(stored!);
    for (const report of pending.sort((a, b) => a.data.at.localeCompare(b.data.at))) {
      const outcome = current.agency === report.data.agency ? applyReport(current, reportFrom(report.data)) : undefined;
      if (outcome?.applied) current = outcome.commitment;
    }
    await save(deps.models, current);
    // A raw operator query built here (sanitizeFilter would neutralise $in through the model).
    await deps.models.pendingReports.collection.deleteMany({ _id: { $in: pending.map((p) => p._id) } } as never);
    return created;
  });
}

/**
 * Applies an agency's progress report. A report for a commitment not known yet is kept and applied
 * when the commitment arrives (events from two publishers can overtake each other); a report from
 * another agency than the owner, a stale or an illegal one changes nothing.
 */
export function applyAgencyReport(
  deps: CommitmentDeps,
  eventId: string,
  data: CommitmentProgressedV1,
): Promise<ReportOutcome | 'pending' | 'not-owner'> {
  return deps.locks.run(collection, data.commitmentId, async () => {
    const stored = await deps.models.commitments.findById(data.commitmentId).lean();
    if (!stored) {
      await deps.models.pendingReports.updateOne(
        { _id: eventId },
        { $setOnInsert: { commitmentId: data.commitmentId, data, receivedAt: new Date() } },
        { upsert: true },
      );
      return 'pending';
    }
    if (stored.agency !== data.agency) return 'not-owner';
    const outcome = applyReport(toCommitment(stored), reportFrom(data));
    if (outcome.applied) await save(deps.models, outcome.commitment);
    return outcome;
  });
}

/** The event telling the owner agency's desk what a coordinator recorded, so the desk and the board read the same status. */
export function statusRecordedEvent(
  commitment: Pick<Commitment, 'id' | 'agency'>,
  report: StatusReport,
): EventDraft<CommitmentStatusRecordedV1> {
  return {
    type: 'coordination.commitment.status-recorded',
    version: 1,
    data: {
      commitmentId: commitment.id,
      agency: commitment.agency,
      status: report.status,
      evidence: report.evidence,
      revisedDueOn: report.revisedDueOn,
      at: report.at.toISOString(),
    },
  };
}

/**
 * A coordinator records a status the working group heard; one that changes nothing is refused. The change
 * and `coordination.commitment.status-recorded.v1` for the owner agency are one write to the commitment.
 */
export async function applyCoordinatorReport(
  deps: CommitmentDeps & { flushOutbox: (ids: readonly string[]) => void },
  commitmentId: string,
  report: StatusReport,
  cause: EventCause,
): Promise<Commitment> {
  checkCoordinatorReport(report, dayOf(report.at));
  const commitment = await deps.locks.run(collection, commitmentId, async () => {
    const stored = await deps.models.commitments.findById(commitmentId, { outbox: 0 }).lean();
    if (!stored) throw new NotFoundError('commitment-not-found', `commitment ${commitmentId} does not exist`);
    const commitment = coordinatorReport(toCommitment(stored), report);
    const { _id, ...fields } = toStored(commitment);
    const outbox = outboxEntries(agency, cause, [statusRecordedEvent(commitment, report)]);
    await deps.models.commitments.updateOne({ _id }, { $set: fields, $push: { outbox: { $each: outbox } } });
    return commitment;
  });
  deps.flushOutbox([commitmentId]);
  return commitment;
}
