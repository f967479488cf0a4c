/**
 * Funding calls, the institutes' applications and the awards that answer them (pure rules). An award
 * is paid in tranches, each released only when the outcomes TVTO verified meet its condition.
 */

export class IllegalStepError extends Error {
  override name = 'IllegalStepError';
}
/** Input that contradicts the call, the institute or the award (a 400 to the caller). */
export class FundingRuleError extends Error {
  override name = 'FundingRuleError';
}

export interface Institute {
  instituteId: string;
  neighbourhoodId: string;
  trades: string[];
  licenceNo: string;
  licenceValidUntil: string;
}

export interface FundingCall {
  callId: string;
  budgetRials: number;
  neighbourhoodIds: string[];
  trades: string[];
  opensOn: string;
  closesOn: string;
}

export type CallStatus = 'upcoming' | 'open' | 'closed';
export const callStatus = (call: Pick<FundingCall, 'opensOn' | 'closesOn'>, today: string): CallStatus =>
  today < call.opensOn ? 'upcoming' : today > call.closesOn ? 'closed' : 'open';

export interface ApplicationRequest {
  trades: string[];
  proposedSeats: number;
  amountRequestedRials: number;
}

/** What an institute may apply for: an open call, a licence valid today, its own trades the call funds, in a target neighbourhood. */
export function checkApplication(call: FundingCall, institute: Institute, request: ApplicationRequest, today: string): void {
  const status = callStatus(call, today);
  if (status !== 'open') throw new FundingRuleError(`the call is ${status}: applications are taken from ${call.opensOn} to ${call.closesOn}`);
  if (institute.licenceValidUntil < today) throw new FundingRuleError(`the licence ${institute.licenceNo} expired on ${institute.licenceValidUntil}`);
  if (!call.neighbourhoodIds.includes(institute.neighbourhoodId)) throw new FundingRuleError(`the institute is in ${institute.neighbourhoodId}, not a target neighbourhood of the call`);
  if (new Set(request.trades).size !== request.trades.length) throw new FundingRuleError('a trade is named twice');
  for (const trade of request.trades) {
    if (!call.trades.includes(trade)) throw new FundingRuleError(`the call does not fund ${trade}`);
    if (!institute.trades.includes(trade)) throw new FundingRuleError(`the institute does not teach ${trade}`);
  }
  if (request.amountRequestedRials > call.budgetRials) throw new FundingRuleError('the amount requested exceeds the call’s whole budget');
}

// Applications: submitted → under-review → awarded | rejected; submitted → rejected.
export const applicationStates = ['submitted', 'under-review', 'awarded', 'rejected'] as const;
export type ApplicationState = (typeof applicationStates)[number];
export type ApplicationStep = 'review' | 'award' | 'reject';

const applicationSteps: Record<ApplicationState, Partial<Record<ApplicationStep, ApplicationState>>> = {
  submitted: { review: 'under-review', reject: 'rejected' },
  'under-review': { award: 'awarded', reject: 'rejected' },
  awarded: {},
  rejected: {},
};

export function stepApplication(state: ApplicationState, step: ApplicationStep): ApplicationState {
  const next = applicationSteps[state][step];
  if (!next) throw new IllegalStepError(`an application that is ${state} cannot be ${step === 'award' ? 'awarded' : step === 'reject' ? 'rejected' : 'put under review'}`);
  return next;
}

export type ConditionKind = 'enrolments' | 'completions';

export interface TranchePlanItem {
  /** Share of the award, whole per cent. */
  percent: number;
  condition: { kind: ConditionKind; atLeast: number };
}

export type TrancheState = 'pending' | 'released' | 'paid' | 'cancelled';

export interface Tranche extends TranchePlanItem {
  trancheNo: number;
  amountRials: number;
  state: TrancheState;
  releasedAt: Date | null;
  /** The verified counts the release relied on. */
  verifiedEnrolments: number | null;
  verifiedCompletions: number | null;
  paidAt: Date | null;
  paymentRef: string | null;
}

export interface AwardTerms {
  amountRials: number;
  seats: number;
  plan: TranchePlanItem[];
}

/**
 * The tranches of an award: the shares add up to 100 %, thresholds fit in the seats and do not fall,
 * and the amounts (rounded down, the last takes the remainder) add up to the award exactly.
 */
export function planTranches(terms: AwardTerms, request: Pick<ApplicationRequest, 'proposedSeats' | 'amountRequestedRials'>): Tranche[] {
  const { amountRials, seats, plan } = terms;
  if (!Number.isSafeInteger(amountRials) || amountRials <= 0) throw new FundingRuleError('the award is a positive whole number of rials');
  if (amountRials > request.amountRequestedRials) throw new FundingRuleError('the award exceeds the amount requested');
  if (!Number.isInteger(seats) || seats < 1 || seats > request.proposedSeats) throw new FundingRuleError(`seats must be between 1 and the ${request.proposedSeats} proposed`);
  if (plan.length < 1 || plan.length > 6) throw new FundingRuleError('an award has one to six tranches');
  if (plan.reduce((s, t) => s + t.percent, 0) !== 100) throw new FundingRuleError('the tranches’ shares must add up to 100 %');
  let previous: Record<ConditionKind, number> = { enrolments: 0, completions: 0 };
  for (const [i, t] of plan.entries()) {
    if (!Number.isInteger(t.percent) || t.percent < 1) throw new FundingRuleError(`tranche ${i + 1}: a share is a whole per cent, at least 1`);
    if (!Number.isInteger(t.condition.atLeast) || t.condition.atLeast < 1 || t.condition.atLeast > seats) throw new FundingRuleError(`tranche ${i + 1}: its threshold must be between 1 and the ${seats} seats`);
    if (t.condition.atLeast < previous[t.condition.kind]) throw new FundingRuleError(`tranche ${i + 1}: its threshold is lower than an earlier tranche’s`);
    previous = { ...previous, [t.condition.kind]: t.condition.atLeast };
  }
  let allotted = 0;
  return plan.map((t, i) => {
    const amount = i === plan.length - 1 ? amountRials - allotted : Math.floor((amountRials * t.percent) / 100);
    // A tranche of nothing could never be released (nor paid): the award is too small for its plan.
    if (amount < 1) throw new FundingRuleError(`tranche ${i + 1} would be 0 rials: the award is too small for its plan`);
    allotted += amount;
    return {
      trancheNo: i + 1, percent: t.percent, condition: { ...t.condition }, amountRials: amount, state: 'pending',
      releasedAt: null, verifiedEnrolments: null, verifiedCompletions: null, paidAt: null, paymentRef: null,
    };
  });
}

/** What a call can still award: its budget minus what its live awards hold (a cancelled one holds what it released). */
export function awardedFrom(awards: readonly { status: AwardStatus; amountRials: number; tranches: readonly Pick<Tranche, 'state' | 'amountRials'>[] }[]): number {
  return awards.reduce((sum, a) => sum + (a.status === 'cancelled' ? releasedOf(a.tranches) : a.amountRials), 0);
}

export function checkWithinBudget(call: Pick<FundingCall, 'budgetRials'>, alreadyAwarded: number, amountRials: number): void {
  if (alreadyAwarded + amountRials > call.budgetRials) {
    throw new FundingRuleError(`the call has ${call.budgetRials - alreadyAwarded} rials left; this award needs ${amountRials}`);
  }
}

export const releasedOf = (tranches: readonly Pick<Tranche, 'state' | 'amountRials'>[]) =>
  tranches.filter((t) => t.state === 'released' || t.state === 'paid').reduce((s, t) => s + t.amountRials, 0);

export type AwardStatus = 'active' | 'completed' | 'cancelled';

export interface Verified {
  enrolments: number;
  completions: number;
}

/** A pending tranche is releasable when every earlier one was released and its condition holds. */
export function isReleasable(tranches: readonly Tranche[], trancheNo: number, verified: Verified): boolean {
  const tranche = tranches.find((t) => t.trancheNo === trancheNo);
  if (!tranche || tranche.state !== 'pending') return false;
  if (tranches.some((t) => t.trancheNo < trancheNo && t.state !== 'released' && t.state !== 'paid')) return false;
  return verified[tranche.condition.kind] >= tranche.condition.atLeast;
}

export function releaseTranche(status: AwardStatus, tranches: readonly Tranche[], trancheNo: number, verified: Verified, at: Date): Tranche[] {
  if (status !== 'active') throw new IllegalStepError(`the award is ${status}: no tranche can be released`);
  const tranche = tranches.find((t) => t.trancheNo === trancheNo);
  if (!tranche) throw new FundingRuleError(`the award has no tranche ${trancheNo}`);
  if (tranche.state !== 'pending') throw new IllegalStepError(`tranche ${trancheNo} is ${tranche.state}`);
  if (!isReleasable(tranches, trancheNo, verified)) {
    const earlier = tranches.find((t) => t.trancheNo < trancheNo && t.state === 'pending');
    throw new IllegalStepError(
      earlier
        ? `tranche ${earlier.trancheNo} must be released first`
        : `tranche ${trancheNo} needs ${tranche.condition.atLeast} verified ${tranche.condition.kind}; ${verified[tranche.condition.kind]} so far`,
    );
  }
  return tranches.map((t) =>
    t.trancheNo === trancheNo ? { ...t, state: 'released', releasedAt: at, verifiedEnrolments: verified.enrolments, verifiedCompletions: verified.completions } : t,
  );
}

export function payTranche(status: AwardStatus, tranches: readonly Tranche[], trancheNo: number, paymentRef: string, at: Date): Tranche[] {
  if (status === 'cancelled') throw new IllegalStepError('the award is cancelled');
  const tranche = tranches.find((t) => t.trancheNo === trancheNo);
  if (!tranche) throw new FundingRuleError(`the award has no tranche ${trancheNo}`);
  if (tranche.state !== 'released') throw new IllegalStepError(`tranche ${trancheNo} is ${tranche.state}; only a released tranche is paid`);
  return tranches.map((t) => (t.trancheNo === trancheNo ? { ...t, state: 'paid', paidAt: at, paymentRef } : t));
}

/** An award is completed once every tranche is paid. */
export const awardStatusAfter = (tranches: readonly Tranche[]): AwardStatus => (tranches.every((t) => t.state === 'paid') ? 'completed' : 'active');

/** Cancelling an active award: its pending tranches lapse; what was released stays owed or paid. */
export function cancelAward(status: AwardStatus, tranches: readonly Tranche[]): { tranches: Tranche[]; unreleased: number } {
  if (status !== 'active') throw new IllegalStepError(`an award that is ${status} cannot be cancelled`);
  const unreleased = tranches.filter((t) => t.state === 'pending').reduce((s, t) => s + t.amountRials, 0);
  return { tranches: tranches.map((t) => (t.state === 'pending' ? { ...t, state: 'cancelled' } : t)), unreleased };
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
    .filter((a) => a.status === 'active' && a.instituteId === facts.venue.id && a.trades.includes(facts.trade) && a.neighbourhoodIds.includes(facts.neighbourhoodId!))
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
