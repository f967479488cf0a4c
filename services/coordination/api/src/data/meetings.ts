import { addOutbox, type OutboxEntry } from '@hamgam/service-kit';
import { Schema } from 'mongoose';
import type { ActionItem, AgendaItem, Meeting, OverdueAgendaItem, Resolution } from '../domain/meetings.js';
import type { Stored } from './stored.js';

/** A working-group meeting: its resolutions and the events announcing their action items are one document. */
export type StoredMeeting = Stored<Meeting> & { outbox: OutboxEntry[] };

/** The collection's name: the key of the meeting leases too. */
export const meetingsCollection = 'meetings';

const agendaItem = new Schema<AgendaItem>({ id: String, text: String }, { _id: false });
const overdueItem = new Schema<OverdueAgendaItem>(
  { commitmentId: String, agency: String, title: String, answers: String, dueOn: String, status: String },
  { _id: false },
);
const actionItem = new Schema<ActionItem>({ id: String, agency: String, title: String, dueOn: String, answers: String }, { _id: false });
const resolution = new Schema<Resolution>(
  { id: String, text: String, passedAt: Date, passedBy: String, actionItems: [actionItem] },
  { _id: false },
);

export const meetingSchema = addOutbox(
  new Schema<StoredMeeting>(
    {
      _id: String,
      neighbourhoodId: { type: String, required: true, index: true },
      scheduledOn: { type: String, required: true },
      title: String,
      agencies: [String],
      representativeAttends: Boolean,
      agenda: [agendaItem],
      minutes: { type: String, default: '' },
      status: { type: String, enum: ['scheduled', 'held'], required: true },
      heldAt: { type: Date, default: null },
      overdueAtHeld: { type: [overdueItem], default: null },
      resolutions: [resolution],
      createdBy: String,
      createdAt: Date,
    },
    { versionKey: false, collection: meetingsCollection, minimize: false },
  ),
);
// The work counts (routes/work.ts): scheduled meetings by day.
meetingSchema.index({ status: 1, scheduledOn: 1 });
// The list's keyset order (the day, then _id), whole programme and per neighbourhood.
meetingSchema.index({ scheduledOn: 1, _id: 1 });
meetingSchema.index({ neighbourhoodId: 1, scheduledOn: 1, _id: 1 });
