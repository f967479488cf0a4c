import { Schema } from 'mongoose';

/** A private training institute, by the slug id TVTO names as a course venue (`inst-negin`). */
export interface StoredInstitute {
  _id: string;
  name: { fa: string; en: string };
  licenceNo: string;
  licenceValidUntil: string;
  neighbourhoodId: string;
  address: string;
  trades: string[];
  updatedAt: Date;
  updatedBy: string;
}

export const institutesCollection = 'if_institutes';

const name = new Schema<StoredInstitute['name']>(
  { fa: { type: String, required: true }, en: { type: String, required: true } },
  { _id: false },
);

export const instituteSchema = new Schema<StoredInstitute>(
  {
    _id: String,
    name,
    licenceNo: String,
    licenceValidUntil: String,
    neighbourhoodId: String,
    address: String,
    trades: [String],
    updatedAt: Date,
    updatedBy: String,
  },
  { versionKey: false, minimize: false, collection: institutesCollection },
);
