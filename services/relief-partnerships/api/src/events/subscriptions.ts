import { subscribe, type Subscription } from '@hamgam/service-kit';
import type { ReliefDeps } from '../deps.js';
import { receiveBenefit, receiveCompletion, receiveFlag, receivePermit, receiveRevocation } from '../app/facts.js';

/** The relief service's own events (beside the desk's); each routing key is bound to hamgam.relief-partnerships in definitions.json. */
export function reliefSubscriptions(deps: ReliefDeps): Subscription[] {
  return [
    subscribe('vocational-training.enrolment.completed', 1, (event) => receiveCompletion(deps, event)),
    subscribe('welfare.eligibility.flagged', 1, (event) => receiveFlag(deps, event)),
    subscribe('welfare.eligibility.revoked', 1, (event) => receiveRevocation(deps, event)),
    subscribe('institute-funding.benefit.granted', 1, (event) => receiveBenefit(deps, event)),
    subscribe('vocational-training.permit.issued', 1, (event) => receivePermit(deps, event)),
  ];
}
