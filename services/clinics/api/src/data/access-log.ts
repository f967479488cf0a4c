import { Schema } from 'mongoose';

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

export const accessSchema = new Schema<StoredAccess>(
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
