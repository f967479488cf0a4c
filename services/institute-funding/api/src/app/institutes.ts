import { isDuplicateKey } from '@hamgam/service-kit';
import { IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import type { StoredInstitute } from '../data/institutes.js';
import type { FundingDeps } from '../deps.js';

export type InstituteFields = Omit<StoredInstitute, '_id' | 'updatedAt' | 'updatedBy'>;

export async function registerInstitute(deps: FundingDeps, instituteId: string, fields: InstituteFields, by: string) {
  try {
    const created = await deps.models.institutes.create({ _id: instituteId, ...fields, updatedAt: deps.clock.now(), updatedBy: by });
    return created.toObject();
  } catch (error) {
    if (isDuplicateKey(error)) throw new IllegalStepError('institute-exists', `institute ${instituteId} is registered already`);
    throw error;
  }
}

/** A renewed licence, a move, new trades: the institute's record is replaced (applications keep what they asked). */
export async function updateInstitute(deps: FundingDeps, instituteId: string, fields: InstituteFields, by: string) {
  const updated = await deps.models.institutes
    .findOneAndUpdate(
      { _id: instituteId },
      { $set: { ...fields, updatedAt: deps.clock.now(), updatedBy: by } },
      { returnDocument: 'after' },
    )
    .lean();
  if (!updated) throw new NotFoundError('institute-not-found', `no institute ${instituteId}`);
  return updated;
}
