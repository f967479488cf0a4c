import { Schema } from 'mongoose';

export const householdRelations = ['head', 'spouse', 'child', 'parent', 'other'] as const;
export type HouseholdRelation = (typeof householdRelations)[number];

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
  /** The keyed index of each word of the name (domain/name-tokens.ts): a name search without decrypting. */
  nameIndex?: string[];
  registeredBy: string;
  registeredAt: Date;
  updatedAt: Date;
  /** Set when staff archived a mistaken registration: hidden from lists, kept for the record (and restorable). */
  archivedAt?: Date | null;
  archivedBy?: string | null;
}

export const residentSchema = new Schema<StoredResident>(
  {
    _id: String,
    householdId: { type: String, required: true, index: true },
    clinicId: { type: String, required: true, index: true },
    neighbourhoodId: { type: String, required: true },
    relation: { type: String, enum: householdRelations, required: true },
    birthYear: { type: Number, default: null },
    pii: { type: String, required: true },
    nationalIdIndex: { type: String, required: true },
    nameIndex: { type: [String], default: [] },
    registeredBy: String,
    registeredAt: Date,
    updatedAt: Date,
    archivedAt: { type: Date, default: null },
    archivedBy: { type: String, default: null },
  },
  { versionKey: false },
);
// One person, one registration, programme-wide: two clinics registering the same id at once cannot both succeed.
residentSchema.index({ nationalIdIndex: 1 }, { unique: true });
// A name search within a clinic: the clinic, then one word's index.
residentSchema.index({ clinicId: 1, nameIndex: 1 });
