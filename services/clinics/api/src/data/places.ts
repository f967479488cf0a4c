import { Schema } from 'mongoose';
import type { Clinic, Neighbourhood } from '../domain/places.js';

/** How a domain record with an `id` is stored: the id becomes the document's `_id`. */
export type Stored<T extends { id: string }> = Omit<T, 'id'> & { _id: string };

const localized = { fa: { type: String, required: true }, en: { type: String, required: true } };

/** The target neighbourhoods (reference data, upserted at every start). */
export const neighbourhoodSchema = new Schema<Stored<Neighbourhood>>(
  { _id: String, name: localized, countyId: String, county: localized, provinceId: String, province: localized },
  { versionKey: false },
);

/** Their clinics. */
export const clinicSchema = new Schema<Stored<Clinic>>(
  { _id: String, name: localized, neighbourhoodId: { type: String, index: true } },
  { versionKey: false },
);
