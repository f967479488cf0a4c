import type { LocalizedText } from '@hamgam/contracts';
import { Schema } from 'mongoose';
import { slotKinds, type SlotKind } from '../domain/calendar.js';
import { localizedText } from './offers.js';

export interface SlotBooking {
  residentId: string;
  bookedAt: Date;
  bookedBy: string;
}

/** One dated slot of a clinic's calendar; residents are booked into it up to its capacity. */
export interface StoredSlot {
  _id: string;
  clinicId: string;
  neighbourhoodId: string;
  kind: SlotKind;
  title: LocalizedText;
  place: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  bookedCount: number;
  bookings: SlotBooking[];
  /** The weekly rule that generated it, if any (so re-generating never duplicates a slot). */
  ruleId: string | null;
  createdBy: string;
  createdAt: Date;
}

export const slotSchema = new Schema<StoredSlot>(
  {
    _id: String,
    clinicId: { type: String, required: true, index: true },
    neighbourhoodId: { type: String, required: true },
    kind: { type: String, enum: slotKinds, required: true },
    title: localizedText,
    place: localizedText,
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    capacity: { type: Number, required: true },
    bookedCount: { type: Number, default: 0 },
    bookings: [{ _id: false, residentId: String, bookedAt: Date, bookedBy: String }],
    ruleId: { type: String, default: null },
    createdBy: String,
    createdAt: Date,
  },
  { versionKey: false },
);
// The clinic's work counts (routes/work.ts): today's slots.
slotSchema.index({ clinicId: 1, startsAt: 1 });
