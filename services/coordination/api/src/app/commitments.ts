import type { CommitmentProgressedV1 } from '@hamgam/contracts';
import { dayOf } from '@hamgam/contracts/days';
import { caps, isDuplicateKey, readAll } from '@hamgam/service-kit';
import { NotFoundError } from '@hamgam/service-kit/errors';
import { commitmentsCollection as collection, type StoredCommitment } from '../data/commitments.js';
import { fromStored } from '../data/stored.js';
import {
  applyReport,
  checkCoordinatorReport,
  coordinatorReport,
  type Commitment,
  type ReportOutcome,
  type StatusReport,
} from '../domain/commitments.js';
import type { CoordinationDeps, CoordinationModels } from '../deps.js';

/** What recording commitments needs (the events that bring them, and the working group's resolutions). */
export type CommitmentDeps = Pick<CoordinationDeps, 'models' | 'locks'>;

export const toCommitment = (stored: StoredCommitment): Commitment => fromStored(stored) as Commitment;

const toStored = ({ id, ...rest }: Commitment): StoredCommitment => ({ _id: id, ...rest });

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

/** A coordinator records a status the working group heard; one that changes nothing is refused. */
export function applyCoordinatorReport(deps: CommitmentDeps, commitmentId: string, report: StatusReport): Promise<Commitment> {
  checkCoordinatorReport(report, dayOf(report.at));
  return deps.locks.run(collection, commitmentId, async () => {
    const stored = await deps.models.commitments.findById(commitmentId).lean();
    if (!stored) throw new NotFoundError('commitment-not-found', `commitment ${commitmentId} does not exist`);
    const commitment = coordinatorReport(toCommitment(stored), report);
    await save(deps.models, commitment);
    return commitment;
  });
}
