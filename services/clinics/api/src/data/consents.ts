import { partnerAgencies, type PartnerAgency } from '@hamgam/contracts';
import { Schema } from 'mongoose';
import { consentPurposes, type ConsentPurpose } from '../domain/consent.js';

/** A resident's consent for one purpose with one receiving agency, until its last day. */
export interface StoredConsent {
  _id: string;
  residentId: string;
  clinicId: string;
  purpose: ConsentPurpose;
  agency: PartnerAgency;
  grantedAt: Date;
  /** Last day it holds (YYYY-MM-DD, inclusive). */
  expiresOn: string;
  grantedBy: string;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
}

export const consentSchema = new Schema<StoredConsent>(
  {
    _id: String,
    residentId: { type: String, required: true, index: true },
    clinicId: { type: String, required: true },
    purpose: { type: String, enum: consentPurposes, required: true },
    agency: { type: String, enum: partnerAgencies, required: true },
    grantedAt: { type: Date, required: true },
    expiresOn: { type: String, required: true },
    grantedBy: String,
    withdrawnAt: { type: Date, default: null },
    withdrawnBy: { type: String, default: null },
  },
  { versionKey: false },
);
// The clinic's work counts (routes/work.ts): consents ending soon.
consentSchema.index({ clinicId: 1, expiresOn: 1 });
