import type { LocalizedName } from '@hamgam/contracts';

export interface Neighbourhood {
  id: string;
  name: LocalizedName;
  countyId: string;
  county: LocalizedName;
  provinceId: string;
  province: LocalizedName;
}

export interface Clinic {
  id: string;
  name: LocalizedName;
  neighbourhoodId: string;
}

const kerman = { provinceId: 'kerman', province: { fa: 'کرمان', en: 'Kerman' } };
const kermanCounty = { countyId: 'kerman-county', county: { fa: 'شهرستان کرمان', en: 'Kerman County' } };

/**
 * The four target neighbourhoods where Welfare set up social-work clinics (BRIEF: "4 today").
 * Reference data, upserted at every start so a new deployment has them.
 */
export const referenceNeighbourhoods: Neighbourhood[] = [
  { id: 'nbh-sarasiab', name: { fa: 'سرآسیاب', en: 'Sar Asiab' }, ...kermanCounty, ...kerman },
  { id: 'nbh-motahari', name: { fa: 'مطهری', en: 'Motahari' }, ...kermanCounty, ...kerman },
  { id: 'nbh-amiralmomenin', name: { fa: 'امیرالمؤمنین', en: 'Amir al-Momenin' }, ...kermanCounty, ...kerman },
  { id: 'nbh-fajr', name: { fa: 'فجر', en: 'Fajr' }, ...kermanCounty, ...kerman },
];

export const referenceClinics: Clinic[] = referenceNeighbourhoods.map((n) => ({
  id: n.id.replace(/^nbh-/, 'clinic-'),
  name: { fa: `کلینیک مددکاری اجتماعی ${n.name.fa}`, en: `${n.name.en} social-work clinic` },
  neighbourhoodId: n.id,
}));
