import { addOutbox, type OutboxEntry } from '@hamgam/service-kit';
import { Schema } from 'mongoose';
import type { ChecklistItem, StoredPermitStatus } from '../domain/permits.js';
import { plain } from './schema-parts.js';

export const permitsCollection = 'tvto_permits';

export interface PermitInspection {
  date: string;
  inspector: string;
  findings: string;
  passed: boolean;
}

export interface PermitDecision {
  decision: 'approved' | 'rejected';
  reason: string;
  at: Date;
  by: string;
}

export interface StoredPermit {
  _id: string;
  trackingCode: string;
  /** The clinic referral the application answers (closed when the application is decided), if any. */
  referralId: string | null;
  /** The applicant as the clinic knows them (opaque), or null for a walk-in. */
  residentRef: string | null;
  /**
   * Whether the resident is one the clinics told TVTO of: from a referral, a walk-in (no ref:
   * nothing to check), or a resident a clinic's referral to TVTO had named. False: a direct record for a ref
   * no clinic gave TVTO (mistyped or made up), kept but shown unverified until a referral names the resident.
   * Absent on records stored before the check: verified only if made from a referral.
   */
  refsVerified?: boolean;
  /**
   * The applicant's personal data — a walk-in's name and the workshop's address (ApplicantData) — sealed
   * (`v2.<keyId>.…`, PERMITS_PII_ENCRYPTION_KEY): opened only for TVTO's staff, never in an event.
   */
  applicant: string;
  trade: string;
  neighbourhoodId: string;
  status: StoredPermitStatus;
  checklist: ChecklistItem[];
  inspection: PermitInspection | null;
  decision: PermitDecision | null;
  permitNo: string | null;
  validUntil: string | null;
  renewals: { at: Date; validUntil: string; by: string }[];
  /** Each status reached; `note` says why when it needs saying (an unverified applicant). */
  history: { status: string; at: Date; by: string; note?: string }[];
  submittedAt: Date;
  updatedAt: Date;
  outbox: OutboxEntry[];
}

export const permitSchema = addOutbox(
  new Schema<StoredPermit>(
    {
      _id: String,
      trackingCode: { type: String, unique: true },
      referralId: { type: String, default: null },
      residentRef: { type: String, default: null },
      refsVerified: Boolean,
      applicant: { type: String, required: true },
      trade: String,
      neighbourhoodId: String,
      status: String,
      checklist: { type: [String], default: [] },
      inspection: {
        type: new Schema<PermitInspection>({ date: String, inspector: String, findings: String, passed: Boolean }, { _id: false }),
        default: null,
      },
      decision: {
        type: new Schema<PermitDecision>({ decision: String, reason: String, at: Date, by: String }, { _id: false }),
        default: null,
      },
      permitNo: { type: String, default: null },
      validUntil: { type: String, default: null },
      renewals: { type: [{ _id: false, at: Date, validUntil: String, by: String }], default: [] },
      history: { type: [{ _id: false, status: String, at: Date, by: String, note: String }], default: [] },
      submittedAt: Date,
      updatedAt: Date,
    },
    { ...plain, collection: permitsCollection },
  ),
);
// The staff's work counts (routes/work.ts): applications by step.
permitSchema.index({ status: 1 });
