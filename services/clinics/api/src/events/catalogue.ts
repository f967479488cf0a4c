import { partnerEventTypes } from '@hamgam/contracts';
import { PoisonMessageError, subscribe, type Subscription } from '@hamgam/service-kit';
import { applyOffer } from '../app/catalogue.js';
import type { ClinicsDeps } from '../deps.js';

/**
 * Every partner agency's catalogue entries (`<agency>.offer.published.v1`), latest revision kept. An
 * event an agency may not send — about another agency's offer — is refused as poison: the consumer
 * dead-letters it at once with the reason, for an operator to see (retrying cannot make it right).
 */
export function catalogueSubscriptions({ models, locks, clock }: ClinicsDeps): Subscription[] {
  return partnerEventTypes('offer.published').map((type) =>
    subscribe(type, 1, async (event, { log }) => {
      const { offerId, agency, revision } = event.data;
      // An agency speaks only for its own offers.
      if (!type.startsWith(`${agency}.`))
        throw new PoisonMessageError(`offer ${offerId} published as ${type} under another agency’s name (${agency}); refused`);
      const result = await applyOffer(models, locks, event.data, clock.now());
      if (typeof result === 'object')
        throw new PoisonMessageError(`offer ${offerId} belongs to ${result.foreign}; ${agency} may not publish it; refused`);
      log.debug({ offerId, revision, result }, 'catalogue offer');
    }),
  );
}
