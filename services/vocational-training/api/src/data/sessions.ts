import { Schema } from 'mongoose';
import type { SessionState } from '../domain/counselling.js';
import { plain } from './schema-parts.js';

export const sessionsCollection = 'tvto_counselling_sessions';

/** A career-counselling session on the counsellor's day at a clinic. */
export interface StoredSession {
  _id: string;
  clinicId: string;
  residentRef: string;
  referralId: string | null;
  /**
   * Whether the resident is one the clinics told TVTO of: booked from a referral, or a resident a clinic's
   * referral to TVTO had named. False: a direct booking for a ref no clinic gave TVTO (mistyped or made up),
   * kept but shown unverified until a referral names the resident. Absent on sessions stored before the check:
   * verified only if booked from a referral.
   */
  refsVerified?: boolean;
  day: string;
  time: string;
  state: SessionState;
  notes: string | null;
  guidance: string[];
  counsellor: string;
  bookedAt: Date;
  recordedAt: Date | null;
}

export const sessionSchema = new Schema<StoredSession>(
  {
    _id: String,
    clinicId: { type: String, index: true },
    residentRef: String,
    referralId: { type: String, default: null },
    refsVerified: Boolean,
    day: String,
    time: String,
    state: String,
    notes: { type: String, default: null },
    guidance: { type: [String], default: [] },
    counsellor: String,
    bookedAt: Date,
    recordedAt: { type: Date, default: null },
  },
  { ...plain, collection: sessionsCollection },
);
// The staff's work counts (routes/work.ts): today's booked sessions.
sessionSchema.index({ day: 1, state: 1 });
