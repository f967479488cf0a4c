import { Schema } from 'mongoose';
import type { AgreementStatus, Partner } from '../domain/agreements.js';
import { plain } from './parts.js';

export const agreementsCollection = 'relief_agreements';

/** A partnership agreement with the Relief Committee or Basij Construction. */
export interface StoredAgreement {
  _id: string;
  partner: Partner;
  title: string;
  scope: string;
  startsOn: string;
  endsOn: string;
  signedOn: string | null;
  status: AgreementStatus;
  updatedAt: Date;
  updatedBy: string;
}

export const agreementSchema = new Schema<StoredAgreement>(
  {
    _id: String,
    partner: String,
    title: String,
    scope: String,
    startsOn: String,
    endsOn: String,
    signedOn: { type: String, default: null },
    status: String,
    updatedAt: Date,
    updatedBy: String,
  },
  { ...plain, collection: agreementsCollection },
);
