import { isDuplicateKey } from '@hamgam/service-kit';
import { IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import type { StoredInstitute } from '../data/institutes.js';
import { randomUUID } from 'node:crypto';
import { checkKnownReferences } from '../domain/references.js';
import type { FundingDeps } from '../deps.js';
import { knownReferences } from './references.js';

const checkReferences = async (deps: FundingDeps, fields: InstituteFields) =>
  checkKnownReferences(
    { neighbourhoodIds: [fields.neighbourhoodId], trades: fields.trades },
    await knownReferences(deps),
    'neighbourhoodId',
  );

export type InstituteFields = Omit<StoredInstitute, '_id' | 'updatedAt' | 'updatedBy'>;

/** Registers an institute; without an id one is made (`inst-<random>`): officers name it, they never type a slug. */
export async function registerInstitute(
  deps: FundingDeps,
  instituteId: string = `inst-${randomUUID().slice(0, 8)}`,
  fields: InstituteFields,
  by: string,
) {
  await checkReferences(deps, fields);
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
  await checkReferences(deps, fields);
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
