import { partnerAgencies, type PartnerAgency } from '@hamgam/contracts';
import { Schema, type Connection } from 'mongoose';
import { consentPurposes, type ConsentPurpose } from '../domain/consent.js';
import { draftModels } from './drafts.js';

export const householdRelations = ['head', 'spouse', 'child', 'parent', 'other'] as const;
export type HouseholdRelation = (typeof householdRelations)[number];

/** A household registered at a clinic; its id (a uuid) is the `householdRef` of its needs assessment. */
export interface StoredHousehold {
  _id: string;
  clinicId: string;
  neighbourhoodId: string;
  /** The clinic's paper file number, if it keeps one (not personal data). */
  fileNumber: string;
  registeredBy: string;
  registeredAt: Date;
}

/**
 * A resident: the id (a uuid) is the opaque `residentRef` other agencies see. Name, phone and national
 * id are one AES-256-GCM sealed record (`pii`); `nationalIdIndex` is the keyed blind index that finds a
 * duplicate registration without decrypting anything.
 */
export interface StoredResident {
  _id: string;
  householdId: string;
  clinicId: string;
  neighbourhoodId: string;
  relation: HouseholdRelation;
  birthYear: number | null;
  pii: string;
  nationalIdIndex: string;
  registeredBy: string;
  registeredAt: Date;
  updatedAt: Date;
}

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

export const accessActions = ['register', 'read', 'update', 'duplicate-check'] as const;
export type AccessAction = (typeof accessActions)[number];

/** Who read or changed a resident's personal data, and when (the auditor reads it). */
export interface StoredAccess {
  _id: string;
  residentId: string;
  clinicId: string;
  action: AccessAction;
  actor: string;
  actorName: string;
  at: Date;
  /** The clinic the actor acted for, when it may differ from the resident's (a duplicate check from another clinic). */
  actorClinicId?: string | null;
  /** Why, when the route knows it (`registration`: a national id checked before registering someone). */
  purpose?: string | null;
}

export function residentModels(connection: Connection) {
  const households = connection.model<StoredHousehold>(
    'Household',
    new Schema(
      {
        _id: String,
        clinicId: { type: String, required: true, index: true },
        neighbourhoodId: { type: String, required: true },
        fileNumber: { type: String, default: '' },
        registeredBy: String,
        registeredAt: Date,
      },
      { versionKey: false },
    ),
  );
  const residentSchema = new Schema(
    {
      _id: String,
      householdId: { type: String, required: true, index: true },
      clinicId: { type: String, required: true, index: true },
      neighbourhoodId: { type: String, required: true },
      relation: { type: String, enum: householdRelations, required: true },
      birthYear: { type: Number, default: null },
      pii: { type: String, required: true },
      nationalIdIndex: { type: String, required: true },
      registeredBy: String,
      registeredAt: Date,
      updatedAt: Date,
    },
    { versionKey: false },
  );
  // One person, one registration, programme-wide: two clinics registering the same id at once cannot both succeed.
  residentSchema.index({ nationalIdIndex: 1 }, { unique: true });
  const residents = connection.model<StoredResident>('Resident', residentSchema);
  const consents = connection.model<StoredConsent>(
    'Consent',
    new Schema(
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
    ),
  );
  const accessSchema = new Schema(
    {
      _id: String,
      residentId: { type: String, required: true, index: true },
      clinicId: String,
      action: { type: String, enum: accessActions },
      actor: String,
      actorName: String,
      at: Date,
      actorClinicId: { type: String, default: null },
      purpose: { type: String, default: null },
    },
    { versionKey: false },
  );
  // The auditor's programme-wide filters (GET /access-log): by user, or by days alone, newest first.
  accessSchema.index({ actorName: 1, at: -1 });
  accessSchema.index({ at: -1, _id: -1 });
  const accessLog = connection.model<StoredAccess>('ResidentAccess', accessSchema);
  return { households, residents, consents, accessLog, ...draftModels(connection) };
}
