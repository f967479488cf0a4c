import { subscribe, type Subscription } from '@hamgam/service-kit';
import { recordJourneyEntry } from '../app/journey.js';
import type { ClinicsDeps } from '../deps.js';
import { journeyEventTypes, journeyFactsOf } from '../domain/journey.js';

/**
 * The agencies' outcomes for residents (enrolments and completions at TVTO, welfare's eligibility of
 * the household, the Relief Committee's support, benefits of relief and institute funding), kept as
 * journey entries for the resident's timeline at their own clinic.
 */
export function journeySubscriptions(deps: Pick<ClinicsDeps, 'models' | 'clock'>): Subscription[] {
  return journeyEventTypes.map((type) =>
    subscribe(type, 1, async ({ id, data }, { log }) => {
      const result = await recordJourneyEntry(deps, journeyFactsOf(type, id, data as never));
      log.debug({ type, eventId: id, result }, 'journey entry');
    }),
  );
}
