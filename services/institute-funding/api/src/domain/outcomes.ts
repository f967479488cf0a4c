import type { AwardStatus } from './awards.js';

/** What TVTO verified for an award: residents enrolled (and not dropped out) and passes. */
export interface Verified {
  enrolments: number;
  completions: number;
}

/** One resident's course at a funded institute, as TVTO's events told it. */
export interface Outcome {
  enrolled: boolean;
  result: 'passed' | 'failed' | 'dropped-out' | null;
}

/** Verified counts: enrolled residents still on the course or finished it; completions are passes. A drop-out counts for neither. */
export function verifiedCounts(outcomes: readonly Outcome[]): Verified {
  let enrolments = 0;
  let completions = 0;
  for (const o of outcomes) {
    if (o.result === 'dropped-out') continue;
    if (o.enrolled || o.result !== null) enrolments += 1;
    if (o.result === 'passed') completions += 1;
  }
  return { enrolments, completions };
}

export interface AwardForMatching {
  awardId: string;
  instituteId: string;
  trades: readonly string[];
  neighbourhoodIds: readonly string[];
  status: AwardStatus;
  awardedAt: Date;
}

export interface EnrolmentFacts {
  venue: { kind: 'clinic' | 'tvto-centre' | 'private-institute'; id: string };
  trade: string;
  neighbourhoodId: string | null;
}

/**
 * The award an enrolment counts for: a private institute's course under one of its active awards for the
 * trade, the resident living in a target neighbourhood of the award's call; the oldest such award first.
 */
export function awardFor(facts: EnrolmentFacts, awards: readonly AwardForMatching[]): AwardForMatching | undefined {
  if (facts.venue.kind !== 'private-institute' || facts.neighbourhoodId === null) return undefined;
  return awards
    .filter(
      (a) =>
        a.status === 'active' &&
        a.instituteId === facts.venue.id &&
        a.trades.includes(facts.trade) &&
        a.neighbourhoodIds.includes(facts.neighbourhoodId!),
    )
    .sort((a, b) => a.awardedAt.getTime() - b.awardedAt.getTime() || a.awardId.localeCompare(b.awardId))[0];
}

export interface Seat {
  enrolmentId: string;
  householdRef: string | null;
  residentRef: string;
}

/**
 * The households a release funds: each verified seat whose enrolment named a household, once per household
 * per award, up to the award's seats; those already granted are not granted again.
 */
export function householdsToGrant(seats: readonly Seat[], alreadyGranted: readonly { householdRef: string }[], awardSeats: number): Seat[] {
  const granted = new Set(alreadyGranted.map((b) => b.householdRef));
  const room = Math.max(0, awardSeats - granted.size);
  const chosen: Seat[] = [];
  for (const seat of [...seats].sort((a, b) => a.enrolmentId.localeCompare(b.enrolmentId))) {
    if (chosen.length >= room) break;
    if (seat.householdRef === null || granted.has(seat.householdRef)) continue;
    granted.add(seat.householdRef);
    chosen.push(seat);
  }
  return chosen;
}

/** Each funded seat's share of the award (whole rials). */
export const seatValue = (amountRials: number, seats: number) => Math.floor(amountRials / seats);
