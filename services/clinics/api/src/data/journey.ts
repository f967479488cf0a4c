import { partnerAgencies } from '@hamgam/contracts';
import { Schema } from 'mongoose';
import { journeyKinds, journeySubjects, type JourneyFacts } from '../domain/journey.js';

/** One agency event in a resident's (or household's) journey; `_id` is the event's id. */
export type StoredJourneyEntry = Omit<JourneyFacts, 'eventId'> & { _id: string; receivedAt: Date };

export const journeyEntrySchema = new Schema<StoredJourneyEntry>(
  {
    _id: String,
    agency: { type: String, enum: partnerAgencies, required: true },
    kind: { type: String, enum: journeyKinds, required: true },
    residentRef: { type: String, default: null, index: true },
    householdRef: { type: String, default: null, index: true },
    at: { type: Date, required: true },
    subject: { _id: false, type: { type: String, enum: journeySubjects, required: true }, id: { type: String, required: true } },
    referralId: { type: String, default: null },
    facts: { type: Map, of: String, default: {} },
    receivedAt: Date,
  },
  { versionKey: false },
);
