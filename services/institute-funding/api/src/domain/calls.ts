import { BrokenRuleError } from '@hamgam/service-kit/errors';
import { releasedOf, type AwardStatus, type Tranche } from './awards.js';

/** A funding call: a budget for institutes of the target neighbourhoods teaching its trades, open between two days. */
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

/** A call opened now closes on or after the day it opens, and not before today. */
export function checkCallDays(call: Pick<FundingCall, 'opensOn' | 'closesOn'>, today: string): void {
  if (call.closesOn < call.opensOn) throw new BrokenRuleError('call-closes-before-opening', 'closesOn is before opensOn', 'closesOn');
  if (call.closesOn < today) throw new BrokenRuleError('call-closes-in-past', 'closesOn cannot be in the past', 'closesOn');
}

/** What a call's awards hold of its budget: a live award its amount, a cancelled one what it released. */
export function awardedFrom(
  awards: readonly { status: AwardStatus; amountRials: number; tranches: readonly Pick<Tranche, 'state' | 'amountRials'>[] }[],
): number {
  return awards.reduce((sum, a) => sum + (a.status === 'cancelled' ? releasedOf(a.tranches) : a.amountRials), 0);
}

/** The call's awards never exceed its budget. */
export function checkWithinBudget(call: Pick<FundingCall, 'budgetRials'>, alreadyAwarded: number, amountRials: number): void {
  if (alreadyAwarded + amountRials > call.budgetRials) {
    throw new BrokenRuleError(
      'call-budget-exceeded',
      `the call has ${call.budgetRials - alreadyAwarded} rials left; this award needs ${amountRials}`,
      'amountRials',
    );
  }
}
