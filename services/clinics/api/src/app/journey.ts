import { isDuplicateKey } from '@hamgam/service-kit';
import type { ClinicsDeps } from '../deps.js';
import type { JourneyFacts } from '../domain/journey.js';

/**
 * Records one agency event in a resident's journey. Idempotent (the event id is the entry's id, a
 * redelivery changes nothing) and order-tolerant (each entry stands alone and carries its own time; the
 * timeline sorts them). An event about a resident or household the clinics do not know (yet) is kept all
 * the same — it holds only opaque ids and codes — and shown to no one: the timeline is read through a
 * registered resident, so it appears only if that resident is (or later becomes) known, e.g. when the
 * agencies' demo seeds publish before the clinics' own seed has registered the demo residents.
 */
export async function recordJourneyEntry(
  { models, clock }: Pick<ClinicsDeps, 'models' | 'clock'>,
  facts: JourneyFacts,
): Promise<'recorded' | 'duplicate'> {
  const { eventId, ...entry } = facts;
  try {
    await models.journey.create({ _id: eventId, ...entry, receivedAt: clock.now() });
    return 'recorded';
  } catch (error) {
    if (isDuplicateKey(error)) return 'duplicate';
    throw error;
  }
}
