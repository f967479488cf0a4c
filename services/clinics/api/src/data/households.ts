import { Schema } from 'mongoose';

/** A household registered at a clinic; its id (a uuid) is the `householdRef` of its needs assessment. */
export interface StoredHousehold {
  _id: string;
  clinicId: string;
  neighbourhoodId: string;
  /** The clinic's paper file number, if it keeps one (not personal data). */
  fileNumber: string;
  registeredBy: string;
  registeredAt: Date;
  updatedAt?: Date;
  /** Set when staff archived a mistaken household: hidden from lists, kept for the record (and restorable). */
  archivedAt?: Date | null;
  archivedBy?: string | null;
}

export const householdSchema = new Schema<StoredHousehold>(
  {
    _id: String,
    clinicId: { type: String, required: true, index: true },
    neighbourhoodId: { type: String, required: true },
    fileNumber: { type: String, default: '' },
    registeredBy: String,
    registeredAt: Date,
    updatedAt: Date,
    archivedAt: { type: Date, default: null },
    archivedBy: { type: String, default: null },
  },
  { versionKey: false },
);
// A file number typed in the search box, within a clinic.
householdSchema.index({ clinicId: 1, fileNumber: 1 });
