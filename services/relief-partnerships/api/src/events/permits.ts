import type { Envelope, WorkshopPermitIssuedV1 } from '@hamgam/contracts';
import { subscribe, type Subscription } from '@hamgam/service-kit';
import { insertOnce } from '../app/facts.js';
import type { ReliefDeps } from '../deps.js';

/** `vocational-training.permit.issued`: a permitted workshop Basij may prepare. */
async function receivePermit(deps: ReliefDeps, event: Envelope<WorkshopPermitIssuedV1>): Promise<void> {
  const { data } = event;
  await insertOnce(() =>
    deps.models.permits.create({
      _id: data.permitId,
      permitNo: data.permitNo,
      trade: data.trade,
      neighbourhoodId: data.neighbourhoodId,
      validUntil: data.validUntil,
      issuedAt: new Date(data.issuedAt),
      sourceEventId: event.id,
    }),
  );
}

/** TVTO's workshop permits: workshops Basij may prepare. */
export const permitSubscriptions = (deps: ReliefDeps): Subscription[] => [
  subscribe('vocational-training.permit.issued', 1, (event) => receivePermit(deps, event)),
];
