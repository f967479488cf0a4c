import { clinicNameFor, referenceClinics, referenceNeighbourhoods, type LocalizedName } from '@hamgam/contracts';
import { caps, readAll } from '@hamgam/service-kit';
import type { DeskModels } from '../data/models.js';

export interface Places {
  neighbourhoods: { neighbourhoodId: string; name: LocalizedName }[];
  clinics: { clinicId: string; name: LocalizedName; neighbourhoodId: string }[];
}

/**
 * The neighbourhoods and clinics the desk can name: the programme's reference hierarchy, and any other
 * neighbourhood whose clinic published priorities (their event carries its name). A screen labels places
 * with these names and picks from them; a slug never reaches it.
 */
export async function deskPlaces(models: Pick<DeskModels, 'priorities'>): Promise<Places> {
  const published = await readAll(
    models.priorities.find({}, { neighbourhoodName: 1, clinicId: 1 }).sort({ _id: 1 }).lean(),
    caps.reference,
  );
  const neighbourhoods = new Map(referenceNeighbourhoods.map((n) => [n.id, n.name]));
  const clinics = new Map(referenceClinics.map((c) => [c.id, { name: c.name, neighbourhoodId: c.neighbourhoodId }]));
  for (const p of published) {
    if (!neighbourhoods.has(p._id)) neighbourhoods.set(p._id, p.neighbourhoodName);
    if (!clinics.has(p.clinicId)) clinics.set(p.clinicId, { name: clinicNameFor(p.neighbourhoodName), neighbourhoodId: p._id });
  }
  return {
    neighbourhoods: [...neighbourhoods].map(([neighbourhoodId, name]) => ({ neighbourhoodId, name })),
    clinics: [...clinics].map(([clinicId, c]) => ({ clinicId, ...c })),
  };
}

/** Names by id, for views that label a record's places. */
export function placeNames(places: Places) {
  const neighbourhoods = new Map(places.neighbourhoods.map((n) => [n.neighbourhoodId, n.name]));
  const clinics = new Map(places.clinics.map((c) => [c.clinicId, c.name]));
  return {
    neighbourhood: (id: string | null) => (id && neighbourhoods.get(id)) || null,
    clinic: (id: string | null) => (id && clinics.get(id)) || null,
  };
}
