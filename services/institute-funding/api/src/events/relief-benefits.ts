import { subscribe, type Subscription } from '@hamgam/service-kit';
import { receiveReliefBenefit } from '../app/outcomes.js';
import type { FundingDeps } from '../deps.js';

/** The Relief Committee's benefits: the other side of the duplicate-benefit check. */
export const reliefBenefitSubscription = (deps: FundingDeps): Subscription =>
  subscribe('relief-partnerships.benefit.granted', 1, (event) => receiveReliefBenefit(deps, event));
