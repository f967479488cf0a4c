import { Schema } from 'mongoose';
import type { PlacementState, ProgressCheck } from '../domain/apprenticeships.js';
import { plain } from './schema-parts.js';

export const placementsCollection = 'tvto_placements';

/** A resident placed with a guild master, and the master's monthly word on them. */
export interface StoredPlacement {
  _id: string;
  masterId: string;
  /** `<masterId>:<residentRef>`, unique. */
  seatKey: string;
  trade: string;
  residentRef: string;
  householdRef: string | null;
  neighbourhoodId: string | null;
  referralId: string | null;
  /**
   * Whether the resident is one the clinics told TVTO of: from a referral, a walk-in under the id TVTO made
   * (nothing to check), or a resident a clinic's referral to TVTO had named. False: a direct record for a ref
   * no clinic gave TVTO (mistyped or made up), kept but shown unverified until a referral names the resident.
   * Absent on records stored before the check: verified only if made from a referral.
   */
  refsVerified?: boolean;
  state: PlacementState;
  startedOn: string;
  checks: ProgressCheck[];
  endedAt: Date | null;
  createdBy: string;
}

export const placementSchema = new Schema<StoredPlacement>(
  {
    _id: String,
    masterId: { type: String, index: true },
    seatKey: { type: String, unique: true },
    trade: String,
    residentRef: String,
    householdRef: { type: String, default: null },
    neighbourhoodId: { type: String, default: null },
    referralId: { type: String, default: null },
    refsVerified: Boolean,
    state: String,
    startedOn: String,
    checks: { type: [{ _id: false, month: String, rating: Number, note: String, at: Date, by: String }], default: [] },
    endedAt: { type: Date, default: null },
    createdBy: String,
  },
  { ...plain, collection: placementsCollection },
);
