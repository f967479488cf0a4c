import { Schema } from 'mongoose';
import { plain } from './parts.js';

export const factsCollection = 'relief_facts';

/** A fact another agency published: a resident's certificate or a household's welfare flag (one document each). */
export interface StoredFact {
  /** `certificate:<enrolmentId>` or `flag:<flagId>`: a second copy of the event finds it there. */
  _id: string;
  kind: 'certificate' | 'flag';
  residentRef: string | null;
  householdRef: string | null;
  /** A certificate's neighbourhood, when TVTO knew it. */
  neighbourhoodId: string | null;
  trade: string | null;
  certificateNo: string | null;
  completedAt: Date | null;
  flagId: string | null;
  flag: string | null;
  validUntil: string | null;
  flaggedAt: Date | null;
  revokedAt: Date | null;
  receivedAt: Date;
  sourceEventId: string;
}

export const factSchema = new Schema<StoredFact>(
  {
    _id: String,
    kind: String,
    residentRef: { type: String, default: null },
    householdRef: { type: String, default: null },
    neighbourhoodId: { type: String, default: null },
    trade: { type: String, default: null },
    certificateNo: { type: String, default: null },
    completedAt: { type: Date, default: null },
    flagId: { type: String, default: null },
    flag: { type: String, default: null },
    validUntil: { type: String, default: null },
    flaggedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
    receivedAt: Date,
    sourceEventId: String,
  },
  { ...plain, collection: factsCollection },
);
// The request page reads a resident's certificates and a household's flags.
factSchema.index({ kind: 1, residentRef: 1 });
factSchema.index({ kind: 1, householdRef: 1 });
