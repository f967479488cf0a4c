import type { CommitmentProgressedV1 } from '@hamgam/contracts';
import { caps, isDuplicateKey, readAll, type DocumentLocks } from '@hamgam/service-kit';
import type { Logger } from 'pino';
import { fromStored, type CoordinationModels, type StoredCommitment } from '../data/models.js';
import { applyReport, type Commitment, type ReportOutcome, type StatusReport } from '../domain/commitments.js';

export interface CommitmentDeps {
  models: CoordinationModels;
  locks: DocumentLocks;
  logger: Logger;
}

const collection = 'commitments';
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
export function applyAgencyReport(deps: CommitmentDeps, eventId: string, data: CommitmentProgressedV1): Promise<ReportOutcome | 'pending' | 'not-owner'> {
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

/** A coordinator records a status the working group heard; an illegal move is refused. */
export function applyCoordinatorReport(deps: CommitmentDeps, commitmentId: string, report: StatusReport): Promise<ReportOutcome | 'missing'> {
  return deps.locks.run(collection, commitmentId, async () => {
    const stored = await deps.models.commitments.findById(commitmentId).lean();
    if (!stored) return 'missing';
    const outcome = applyReport(toCommitment(stored), report);
    if (outcome.applied) await save(deps.models, outcome.commitment);
    return outcome;
  });
}
