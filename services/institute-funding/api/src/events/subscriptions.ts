import { subscribe, type Subscription } from '@hamgam/service-kit';
import { receiveEnrolment, receiveReliefBenefit } from '../app/outcomes.js';
import type { FundingDeps } from '../deps.js';

/** The office's own events: TVTO's enrolments verify awards' outcomes; relief's benefits feed the duplicate check. */
export function fundingSubscriptions(deps: FundingDeps): Subscription[] {
  return [
    subscribe('vocational-training.enrolment.recorded', 1, (event) => receiveEnrolment(deps, event, 'recorded')),
    subscribe('vocational-training.enrolment.completed', 1, (event) => receiveEnrolment(deps, event, 'completed')),
    subscribe('relief-partnerships.benefit.granted', 1, (event) => receiveReliefBenefit(deps, event)),
  ];
}
