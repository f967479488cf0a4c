import type { CommitmentProgressedV1 } from '@hamgam/contracts';
import { addOutbox, type OutboxEntry } from '@hamgam/service-kit';
import { Schema } from 'mongoose';
import type { Commitment, CommitmentChange } from '../domain/commitments.js';
import type { Stored } from './stored.js';

/**
 * An agency's commitment to a neighbourhood, as coordination tracks it (the action item's or declaration's id),
 * with its outbox: a status a coordinator records is announced to the owner agency in the same write.
 */
export type StoredCommitment = Stored<Commitment> & { outbox?: OutboxEntry[] };

/** A progress report for a commitment not known yet (its declaration is still on its way). */
export interface PendingReport {
  _id: string;
  commitmentId: string;
  data: CommitmentProgressedV1;
  receivedAt: Date;
}

/** The collection's name: the key of the commitment leases too. */
export const commitmentsCollection = 'commitments';

const change = new Schema<CommitmentChange>(
  { status: String, at: Date, reportedBy: String, evidence: String, revisedDueOn: String },
  { _id: false },
);

export const commitmentSchema = addOutbox(
  new Schema<StoredCommitment>(
    {
      _id: String,
      source: { type: String, enum: ['working-group', 'agency'], required: true },
      agency: { type: String, required: true },
      neighbourhoodId: { type: String, required: true, index: true },
      answers: { type: String, default: null },
      title: String,
      dueOn: String,
      revisedDueOn: { type: String, default: null },
      status: { type: String, enum: ['planned', 'in-progress', 'delivered', 'slipped'], required: true },
      evidence: { type: String, default: null },
      plannedAt: Date,
      deliveredOn: { type: String, default: null },
      lastReportAt: { type: Date, default: null },
      meetingId: { type: String, default: null },
      resolutionId: { type: String, default: null },
      history: [change],
    },
    { versionKey: false, collection: commitmentsCollection, minimize: false },
  ),
);

export const pendingReportSchema = new Schema<PendingReport>(
  { _id: String, commitmentId: { type: String, required: true, index: true }, data: Schema.Types.Mixed, receivedAt: Date },
  { versionKey: false, collection: 'pending_commitment_reports' },
);
// The coordinators' work counts (routes/work.ts): open commitments by due day.
commitmentSchema.index({ status: 1, dueOn: 1 });
// The list's keyset orders (the sort field, then _id), whole programme and per neighbourhood.
commitmentSchema.index({ dueOn: 1, _id: 1 });
commitmentSchema.index({ plannedAt: 1, _id: 1 });
commitmentSchema.index({ neighbourhoodId: 1, dueOn: 1, _id: 1 });
