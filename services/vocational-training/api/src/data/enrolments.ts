import type { TrainingVenue } from '@hamgam/contracts';
import { addOutbox, type OutboxEntry } from '@hamgam/service-kit';
import { Schema } from 'mongoose';
import type { CompletionResult, EnrolmentState } from '../domain/enrolments.js';
import { plain, venue } from './schema-parts.js';

export const enrolmentsCollection = 'tvto_enrolments';

export interface StoredEnrolment {
  _id: string;
  courseId: string;
  /** `<courseId>:<residentRef>`, unique: a resident is enrolled on a course once. */
  seatKey: string;
  trade: string;
  venue: TrainingVenue;
  residentRef: string;
  householdRef: string | null;
  neighbourhoodId: string | null;
  referralId: string | null;
  source: 'referral' | 'direct';
  /**
   * Whether the resident is one the clinics told TVTO of: from a referral, a walk-in under the id TVTO made
   * (nothing to check), or a resident a clinic's referral to TVTO had named. False: a direct record for a ref
   * no clinic gave TVTO (mistyped or made up), kept but shown unverified until a referral names the resident.
   * Absent on records stored before the check: verified only if made from a referral.
   */
  refsVerified?: boolean;
  state: EnrolmentState;
  attended: number[];
  result: CompletionResult | null;
  certificateNo: string | null;
  enrolledAt: Date;
  enrolledBy: string;
  completedAt: Date | null;
  outbox: OutboxEntry[];
}

export const enrolmentSchema = addOutbox(
  new Schema<StoredEnrolment>(
    {
      _id: String,
      courseId: { type: String, index: true },
      seatKey: { type: String, unique: true },
      trade: String,
      venue,
      residentRef: String,
      householdRef: { type: String, default: null },
      neighbourhoodId: { type: String, default: null },
      referralId: { type: String, default: null },
      source: String,
      refsVerified: Boolean,
      state: String,
      attended: { type: [Number], default: [] },
      result: { type: String, default: null },
      certificateNo: { type: String, default: null },
      enrolledAt: Date,
      enrolledBy: String,
      completedAt: { type: Date, default: null },
    },
    { ...plain, collection: enrolmentsCollection },
  ),
);
