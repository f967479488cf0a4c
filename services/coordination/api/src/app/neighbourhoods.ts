import { referenceNeighbourhoods, type LocalizedName } from '@hamgam/contracts';
import { caps, readAll } from '@hamgam/service-kit';
import type { CoordinationModels } from '../deps.js';

/** What a published priority list says about its neighbourhood (null until the clinic publishes one). */
export interface PublishedList {
  period: string;
  version: number;
  publishedAt: Date;
}

/** A neighbourhood as the programme knows it: every one of the hierarchy, published or not. */
export interface KnownNeighbourhood {
  id: string;
  /** The reference name (or the one the clinic published); null only for an id outside the hierarchy with no list. */
  name: LocalizedName | null;
  county: LocalizedName | null;
  list: PublishedList | null;
}

/**
 * Every neighbourhood of the hierarchy (so one whose clinic has published nothing yet is still there,
 * "no published list yet"), then any other the clinics published a list for or the programme names
 * in a meeting or commitment (a deployment's own neighbourhoods, older data), each once.
 */
export async function knownNeighbourhoods(models: CoordinationModels): Promise<KnownNeighbourhood[]> {
  const [lists, meetings, commitments] = await Promise.all([
    readAll(
      models.neighbourhoodPriorities.find({}, { neighbourhoodName: 1, period: 1, listVersion: 1, publishedAt: 1 }).lean(),
      caps.reference,
    ),
    // One id per neighbourhood: distinct is as bounded as the reference set.
    models.meetings.distinct('neighbourhoodId'),
    models.commitments.distinct('neighbourhoodId'),
  ]);
  const published = new Map(lists.map((l) => [l._id, l]));
  const listOf = (id: string): PublishedList | null => {
    const l = published.get(id);
    return l ? { period: l.period, version: l.listVersion, publishedAt: l.publishedAt } : null;
  };
  const inHierarchy = referenceNeighbourhoods.map((n) => ({ id: n.id, name: n.name, county: n.county, list: listOf(n.id) }));
  const referenced = new Set(inHierarchy.map((n) => n.id));
  const others = [...new Set<string>([...published.keys(), ...meetings, ...commitments])]
    .filter((id) => !referenced.has(id))
    .sort()
    .map((id) => ({ id, name: published.get(id)?.neighbourhoodName ?? null, county: null, list: listOf(id) }));
  return [...inHierarchy, ...others];
}

/** Whether a neighbourhood id names one the programme may plan for: in the hierarchy, or with a published list. */
export async function isKnownNeighbourhood(models: CoordinationModels, id: string): Promise<boolean> {
  return referenceNeighbourhoods.some((n) => n.id === id) || (await models.neighbourhoodPriorities.exists({ _id: id })) !== null;
}

/** A neighbourhood's name in one language for exports: the reference or published name, the id only when none is known. */
export async function neighbourhoodNames(models: CoordinationModels) {
  const names = new Map((await knownNeighbourhoods(models)).map((n) => [n.id, n.name]));
  return (id: string, lang: 'fa' | 'en') => names.get(id)?.[lang] ?? id;
}

/** Whether a neighbourhood's name (fa or en) contains the searched text, ignoring case and Arabic/Persian letter variants. */
export function nameMatches(name: LocalizedName | null, q: string): boolean {
  if (!name) return false;
  const wanted = normalise(q);
  return normalise(name.fa).includes(wanted) || normalise(name.en).includes(wanted);
}

/** Folds the Arabic kaf/yeh and zero-width joiners people type either way into one form, lower-cased. */
const normalise = (text: string) =>
  text
    .replace(/ك/g, 'ک')
    .replace(/[يى]/g, 'ی')
    .replace(/\u200c/g, '')
    .toLowerCase()
    .trim();
