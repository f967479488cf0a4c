import { BrokenRuleError, IllegalStepError } from '@hamgam/service-kit/errors';
import { callStatus, type FundingCall } from './calls.js';
import { licenceValid, type Institute } from './institutes.js';

/** What an institute asks a call for. */
export interface ApplicationRequest {
  trades: string[];
  proposedSeats: number;
  amountRequestedRials: number;
}

/** What an institute may apply for: an open call, a licence valid today, its own trades the call funds, in a target neighbourhood. */
export function checkApplication(call: FundingCall, institute: Institute, request: ApplicationRequest, today: string): void {
  const status = callStatus(call, today);
  if (status !== 'open')
    throw new BrokenRuleError(
      'call-not-open',
      `the call is ${status}: applications are taken from ${call.opensOn} to ${call.closesOn}`,
      'callId',
    );
  if (!licenceValid(institute, today))
    throw new BrokenRuleError(
      'licence-expired',
      `the licence ${institute.licenceNo} expired on ${institute.licenceValidUntil}`,
      'instituteId',
    );
  if (!call.neighbourhoodIds.includes(institute.neighbourhoodId)) {
    throw new BrokenRuleError(
      'institute-outside-target-neighbourhoods',
      `the institute is in ${institute.neighbourhoodId}, not a target neighbourhood of the call`,
      'instituteId',
    );
  }
  if (new Set(request.trades).size !== request.trades.length)
    throw new BrokenRuleError('trade-named-twice', 'a trade is named twice', 'trades');
  for (const trade of request.trades) {
    if (!call.trades.includes(trade)) throw new BrokenRuleError('trade-not-funded', `the call does not fund ${trade}`, 'trades');
    if (!institute.trades.includes(trade)) throw new BrokenRuleError('trade-not-taught', `the institute does not teach ${trade}`, 'trades');
  }
  if (request.amountRequestedRials > call.budgetRials) {
    throw new BrokenRuleError(
      'request-exceeds-call-budget',
      'the amount requested exceeds the call’s whole budget',
      'amountRequestedRials',
    );
  }
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

/** Why a step is refused: what the application must be for it. */
const refusals: Record<ApplicationStep, { code: string; done: string }> = {
  review: { code: 'application-not-submitted', done: 'put under review' },
  award: { code: 'application-not-under-review', done: 'awarded' },
  reject: { code: 'application-decided', done: 'rejected' },
};

export function stepApplication(state: ApplicationState, step: ApplicationStep): ApplicationState {
  const next = applicationSteps[state][step];
  if (!next) throw new IllegalStepError(refusals[step].code, `an application that is ${state} cannot be ${refusals[step].done}`);
  return next;
}
