import { dayOf } from '@hamgam/contracts/days';
import { BrokenRuleError, IllegalStepError } from '@hamgam/service-kit/errors';
import { guardStep } from './transitions.js';

/** A placement with a guild master: active → completed | withdrawn; progress is checked monthly while active. */
export const placementStates = ['active', 'completed', 'withdrawn'] as const;
export type PlacementState = (typeof placementStates)[number];

const allowed: Record<PlacementState, readonly PlacementState[]> = { active: ['completed', 'withdrawn'], completed: [], withdrawn: [] };

export interface ProgressCheck {
  month: string;
  rating: number;
  note: string;
  at: Date;
  by: string;
}

export interface PlacementFacts {
  state: PlacementState;
  checks: ProgressCheck[];
}

/** Only active placements fill a master's workshop (an ended one frees the place). */
export const holdsMasterSeat = (state: PlacementState) => state === 'active';

/** One progress check per calendar month (Kerman's), rated 1–5, while the placement is active. */
export function addProgressCheck(placement: PlacementFacts, check: { rating: number; note: string; by: string }, now: Date): ProgressCheck {
  // Progress is checked while a placement is active: an ended one is in no state for it (409).
  if (placement.state !== 'active')
    throw new IllegalStepError('placement-ended', `progress is checked while a placement is active; this one is ${placement.state}`);
  if (!Number.isInteger(check.rating) || check.rating < 1 || check.rating > 5)
    throw new BrokenRuleError('rating-out-of-range', 'a rating is 1 to 5', 'rating');
  const month = dayOf(now).slice(0, 7);
  if (placement.checks.some((c) => c.month === month))
    throw new BrokenRuleError('progress-already-recorded', `progress for ${month} is already recorded`);
  return { month, rating: check.rating, note: check.note, at: now, by: check.by };
}

/** Ends a placement: completed needs at least one progress check (the master's word on the apprentice). */
export function endPlacement(placement: PlacementFacts, to: Exclude<PlacementState, 'active'>): Exclude<PlacementState, 'active'> {
  guardStep('placement-ended', 'placement', allowed, placement.state, to);
  if (to === 'completed' && placement.checks.length === 0)
    throw new BrokenRuleError('progress-not-checked', 'a placement is completed after at least one progress check');
  return to;
}

/** The referral's outcome when a placement that answered one ends. */
export const placementOutcome = (state: Exclude<PlacementState, 'active'>, checks: ProgressCheck[]) => {
  if (state === 'withdrawn') return 'not-achieved' as const;
  const last = checks[checks.length - 1];
  return last && last.rating >= 3 ? ('achieved' as const) : ('partly-achieved' as const);
};
