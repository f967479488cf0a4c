import { Schema } from 'mongoose';
import { plain } from './parts.js';

export const meetingsCollection = 'relief_meetings';

/** A joint meeting held with the partners: who was there and what was decided. */
export interface StoredMeeting {
  _id: string;
  heldOn: string;
  title: string;
  attendees: string[];
  decisions: string;
  recordedAt: Date;
  recordedBy: string;
}

export const meetingSchema = new Schema<StoredMeeting>(
  { _id: String, heldOn: String, title: String, attendees: [String], decisions: String, recordedAt: Date, recordedBy: String },
  { ...plain, collection: meetingsCollection },
);
