import { referenceClinics, type LocalizedText, type TrainingVenue } from '@hamgam/contracts';
import { caps, readAll } from '@hamgam/service-kit';
import { tvtoCentres } from '../domain/courses.js';
import type { VtDeps } from '../deps.js';

export interface Venue extends TrainingVenue {
  name: LocalizedText;
}

/**
 * Where a course can be held, by name, for the new-course form to pick from: the programme's clinics, TVTO's
 * centres, and the private institutes TVTO's courses were held at (the fund's institutes, by the id its
 * awards match enrolments on). Nobody types a venue's id.
 */
export async function courseVenues(deps: Pick<VtDeps, 'models'>): Promise<Venue[]> {
  // TVTO's courses (hundreds at most): read whole, bounded, for the institutes they name.
  const held = await readAll(
    deps.models.courses.find({ 'venue.kind': 'private-institute' }, { venue: 1, venueName: 1 }).sort({ _id: 1 }).lean(),
    caps.reference,
  );
  const institutes = new Map<string, LocalizedText>();
  for (const c of held) if (!institutes.has(c.venue.id)) institutes.set(c.venue.id, c.venueName);
  return [
    ...referenceClinics.map((c) => ({ kind: 'clinic' as const, id: c.id, name: c.name })),
    ...tvtoCentres.map((c) => ({ kind: 'tvto-centre' as const, ...c })),
    ...[...institutes].map(([id, name]) => ({ kind: 'private-institute' as const, id, name })),
  ];
}
