import type { LocalizedName } from './shared.js';

/** A target neighbourhood and its place in the province's hierarchy. */
export interface ReferenceNeighbourhood {
  id: string;
  name: LocalizedName;
  countyId: string;
  county: LocalizedName;
  provinceId: string;
  province: LocalizedName;
}

/** A social-work clinic and the neighbourhood it serves. */
export interface ReferenceClinic {
  id: string;
  name: LocalizedName;
  neighbourhoodId: string;
}

const kerman = { provinceId: 'kerman', province: { fa: 'کرمان', en: 'Kerman' } };
const kermanCounty = { countyId: 'kerman-county', county: { fa: 'شهرستان کرمان', en: 'Kerman County' } };

/**
 * The four target neighbourhoods where Welfare set up social-work clinics (BRIEF: "4 today"). Reference
 * data every service may serve, so a screen labels a neighbourhood by its name (never its slug) and lists
 * all of them, even one whose clinic has published no priorities yet. The clinics upsert them at start.
 */
export const referenceNeighbourhoods: readonly ReferenceNeighbourhood[] = [
  { id: 'nbh-sarasiab', name: { fa: 'سرآسیاب', en: 'Sar Asiab' }, ...kermanCounty, ...kerman },
  { id: 'nbh-motahari', name: { fa: 'مطهری', en: 'Motahari' }, ...kermanCounty, ...kerman },
  { id: 'nbh-amiralmomenin', name: { fa: 'امیرالمؤمنین', en: 'Amir al-Momenin' }, ...kermanCounty, ...kerman },
  { id: 'nbh-fajr', name: { fa: 'فجر', en: 'Fajr' }, ...kermanCounty, ...kerman },
];

/** How a neighbourhood's social-work clinic is called. */
export const clinicNameFor = (neighbourhood: LocalizedName): LocalizedName => ({
  fa: `کلینیک مددکاری اجتماعی ${neighbourhood.fa}`,
  en: `${neighbourhood.en} social-work clinic`,
});

/** One clinic per target neighbourhood (`clinic-<name>` for `nbh-<name>`). */
export const referenceClinics: readonly ReferenceClinic[] = referenceNeighbourhoods.map((n) => ({
  id: n.id.replace(/^nbh-/, 'clinic-'),
  name: clinicNameFor(n.name),
  neighbourhoodId: n.id,
}));
