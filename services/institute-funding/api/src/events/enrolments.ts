import { subscribe, type Subscription } from '@hamgam/service-kit';
import { receiveEnrolment } from '../app/outcomes.js';
import type { FundingDeps } from '../deps.js';

/** TVTO's enrolments at private institutes: the verified outcomes awards' tranches wait for. */
export function enrolmentSubscriptions(deps: FundingDeps): Subscription[] {
  return [
    subscribe('vocational-training.enrolment.recorded', 1, (event) => receiveEnrolment(deps, event, 'recorded')),
    subscribe('vocational-training.enrolment.completed', 1, (event) => receiveEnrolment(deps, event, 'completed')),
  ];
}
