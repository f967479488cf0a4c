import { randomUUID } from 'node:crypto';
import { indexMissingNames } from '../app/pii-reseal.js';
import { piiFromConfig } from '../config.js';
import { eventCause } from '@hamgam/service-kit';
import { latestPriorityList, publishPriorities } from '../app/priorities.js';
import { referenceClinics } from '../domain/places.js';
import { seedDemoResidents } from './demo-residents.js';
import { agency, type ClinicsDeps } from '../deps.js';

/** Neighbourhoods left for the demo user (clinic.worker) to assess and publish by hand. */
const leftForTheDemoStory = new Set(['nbh-sarasiab']);

export async function seedClinicsDemo(deps: ClinicsDeps): Promise<void> {
  const { models, flushOutbox, clock } = deps;
  // Households, residents (sealed personal data), consents and one assessment per household, in all four clinics.
  await seedDemoResidents(deps);
  // A register seeded before names were indexed becomes findable by name (nothing to do once it is).
  await indexMissingNames({ models, pii: piiFromConfig(deps.config) });
  const cause = eventCause(agency, 'demo-seed', `seed-${randomUUID()}`);
  const written: string[] = [];
  for (const clinic of referenceClinics) {
    if (leftForTheDemoStory.has(clinic.neighbourhoodId)) continue;
    if (await latestPriorityList(models, clinic.neighbourhoodId)) continue;
    const { documentId } = await publishPriorities(models, {
      neighbourhoodId: clinic.neighbourhoodId,
      period: '1405',
      cause,
      now: clock.now(),
    });
    written.push(documentId);
  }
  flushOutbox(written);
}
