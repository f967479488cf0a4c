import type { ServiceDeps } from '@hamgam/service-kit';
import type { ClinicsModels } from '../data/models.js';
import type { JourneyFacts } from '../domain/journey.js';

/**
 * Records one agency event in a resident's journey. Idempotent (the event id is the entry's id, a
 * redelivery changes nothing) and order-tolerant (each entry stands alone and carries its own time;
 * the timeline sorts them). An event about a resident or household the clinics do not know is dropped:
 * residents are registered at a clinic before any agency hears of them, so such an event (a direct
 * enrolment at TVTO, say) concerns someone outside the clinics' care, and keeping it would be shown to no one.
 */
export async function recordJourneyEntry(
  { models, clock }: Pick<ServiceDeps<ClinicsModels>, 'models' | 'clock'>,
  facts: JourneyFacts,
): Promise<'recorded' | 'duplicate' | 'unknown-resident'> {
  const known = facts.residentRef
    ? await models.residents.exists({ _id: facts.residentRef })
    : facts.householdRef
      ? await models.residents.exists({ householdId: facts.householdRef })
      : null;
  if (!known) return 'unknown-resident';
  const { eventId, ...entry } = facts;
  try {
    await models.journey.create({ _id: eventId, ...entry, receivedAt: clock.now() });
    return 'recorded';
  } catch (error) {
    if ((error as { code?: number }).code === 11000) return 'duplicate';
    throw error;
  }
}
