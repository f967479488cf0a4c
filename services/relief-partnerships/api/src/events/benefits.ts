import type { BenefitGrantedV1, Envelope } from '@hamgam/contracts';
import { subscribe, type Subscription } from '@hamgam/service-kit';
import { insertOnce } from '../app/facts.js';
import type { ReliefDeps } from '../deps.js';

/** `institute-funding.benefit.granted`: kept for the duplicate-benefit check. */
async function receiveBenefit(deps: ReliefDeps, event: Envelope<BenefitGrantedV1>): Promise<void> {
  const { data } = event;
  await insertOnce(() =>
    deps.models.benefits.create({
      _id: data.benefitId,
      source: 'institute-funding',
      householdRef: data.householdRef,
      residentRef: data.residentRef,
      purpose: data.purpose,
      amountRials: data.amountRials,
      grantedAt: new Date(data.grantedAt),
      sourceEventId: event.id,
    }),
  );
}

/** Institute funding's benefits, for the duplicate-benefit check. */
export const benefitSubscriptions = (deps: ReliefDeps): Subscription[] => [
  subscribe('institute-funding.benefit.granted', 1, (event) => receiveBenefit(deps, event)),
];
