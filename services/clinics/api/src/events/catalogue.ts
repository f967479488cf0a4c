import { partnerEventTypes } from '@hamgam/contracts';
import { subscribe, type ServiceDeps, type Subscription } from '@hamgam/service-kit';
import { applyOffer } from '../app/catalogue.js';
import type { ClinicsModels } from '../data/models.js';

/** Every partner agency's catalogue entries (`<agency>.offer.published.v1`), latest revision kept. */
export function catalogueSubscriptions({ models, locks, clock }: ServiceDeps<ClinicsModels>): Subscription[] {
  return partnerEventTypes('offer.published').map((type) =>
    subscribe(type, 1, async (event, { log }) => {
      // An agency speaks only for its own offers.
      if (!type.startsWith(`${event.data.agency}.`)) {
        log.warn({ type, agency: event.data.agency }, 'offer published under another agency’s name; ignored');
        return;
      }
      const result = await applyOffer(models, locks, event.data, clock.now());
      log.debug({ offerId: event.data.offerId, revision: event.data.revision, result }, 'catalogue offer');
    }),
  );
}
