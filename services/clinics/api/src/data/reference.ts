import { referenceClinics, referenceNeighbourhoods } from '../domain/places.js';
import type { ClinicsModels } from '../deps.js';

/** Upserts the target neighbourhoods and their clinics. */
export async function upsertReferencePlaces(models: ClinicsModels): Promise<void> {
  await models.neighbourhoods.bulkWrite(
    referenceNeighbourhoods.map(({ id, ...rest }) => ({
      replaceOne: { filter: { _id: id }, replacement: { _id: id, ...rest }, upsert: true },
    })),
  );
  await models.clinics.bulkWrite(
    referenceClinics.map(({ id, ...rest }) => ({ replaceOne: { filter: { _id: id }, replacement: { _id: id, ...rest }, upsert: true } })),
  );
}
