import { demoClinics } from './referrals.js';

/** Households per neighbourhood in the scale benchmark: a neighbourhood's clinic serves a few thousand. */
export const scaleHouseholdsPerNeighbourhood = 2_500;

/**
 * The clinics and neighbourhoods of a province of `households` households (bench:scale): a province grows
 * by more neighbourhoods, not by ever larger ones, so the four demo clinics come first and more are added
 * at the same density. Both the clinics' and coordination's scale seeders place their records on them.
 */
export function scalePlaces(households: number): { clinicId: string; neighbourhoodId: string }[] {
  const count = Math.max(demoClinics.length, Math.ceil(households / scaleHouseholdsPerNeighbourhood));
  return Array.from({ length: count }, (_, i) => demoClinics[i] ?? { clinicId: `clinic-scale-${i}`, neighbourhoodId: `nbh-scale-${i}` });
}
