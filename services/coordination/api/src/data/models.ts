import { addOutbox, type OutboxEntry } from '@hamgam/service-kit';
import { Schema, type Connection } from 'mongoose';
import type { CommitmentProgressedV1 } from '@hamgam/contracts';
import type { Commitment } from '../domain/commitments.js';
import type { Meeting } from '../domain/meetings.js';
import type { NeighbourhoodPriorities } from '../domain/priorities.js';

const localized = { fa: String, en: String };

/** How a domain record with an `id` is stored: the id becomes the document's `_id`. */
export type Stored<T extends { id: string }> = Omit<T, 'id'> & { _id: string };

export type StoredMeeting = Stored<Meeting> & { outbox: OutboxEntry[] };
export type StoredCommitment = Stored<Commitment>;

/** A progress report for a commitment not known yet (its declaration is still on its way). */
export interface PendingReport {
  _id: string;
  commitmentId: string;
  data: CommitmentProgressedV1;
  receivedAt: Date;
}

export function coordinationModels(connection: Connection) {
  const neighbourhoodPriorities = connection.model<NeighbourhoodPriorities & { _id: string }>(
    'NeighbourhoodPriorities',
    new Schema(
      {
        _id: String,
        neighbourhoodId: String,
        neighbourhoodName: localized,
        countyId: String,
        clinicId: String,
        period: String,
        listVersion: Number,
        publishedAt: Date,
        receivedAt: Date,
        sourceEventId: String,
        priorities: [{ _id: false, rank: Number, category: String, score: Number, households: Number }],
      },
      { versionKey: false, collection: 'neighbourhood_priorities' },
    ),
  );

  const meetingSchema = addOutbox(
    new Schema(
      {
        _id: String,
        neighbourhoodId: { type: String, required: true, index: true },
        scheduledOn: { type: String, required: true },
        title: String,
        agencies: [String],
        representativeAttends: Boolean,
        agenda: [{ _id: false, id: String, text: String }],
        minutes: { type: String, default: '' },
        status: { type: String, enum: ['scheduled', 'held'], required: true },
        heldAt: { type: Date, default: null },
        overdueAtHeld: {
          type: [{ _id: false, commitmentId: String, agency: String, title: String, answers: String, dueOn: String, status: String }],
          default: null,
        },
        resolutions: [
          {
            _id: false,
            id: String,
            text: String,
            passedAt: Date,
            passedBy: String,
            actionItems: [{ _id: false, id: String, agency: String, title: String, dueOn: String, answers: String }],
          },
        ],
        createdBy: String,
        createdAt: Date,
      },
      { versionKey: false, collection: 'meetings', minimize: false },
    ),
  );
  const meetings = connection.model<StoredMeeting>('Meeting', meetingSchema);

  const commitments = connection.model<StoredCommitment>(
    'Commitment',
    new Schema(
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
        history: [{ _id: false, status: String, at: Date, reportedBy: String, evidence: String, revisedDueOn: String }],
      },
      { versionKey: false, collection: 'commitments', minimize: false },
    ),
  );

  const pendingReports = connection.model<PendingReport>(
    'PendingReport',
    new Schema(
      { _id: String, commitmentId: { type: String, required: true, index: true }, data: Schema.Types.Mixed, receivedAt: Date },
      { versionKey: false, collection: 'pending_commitment_reports' },
    ),
  );

  return { neighbourhoodPriorities, meetings, commitments, pendingReports };
}

export type CoordinationModels = ReturnType<typeof coordinationModels>;

export const fromStored = <T extends { _id: string }>({ _id, ...rest }: T) => ({ id: _id, ...rest });
