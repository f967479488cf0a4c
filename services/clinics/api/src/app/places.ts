import { assertNeighbourhoodInScope, canSeeClinic, canSeeNeighbourhood, caps, readAll, type Principal } from '@hamgam/service-kit';
import { NotFoundError } from '@hamgam/service-kit/errors';
import type { ClinicsModels } from '../deps.js';
import { clinicStaff, neighbourhoodRepresentatives } from '../domain/people.js';

const withId = <T extends { _id: string }>({ _id, ...rest }: T) => ({ id: _id, ...rest });

/** The target neighbourhoods in the caller's scope. */
export async function neighbourhoodsOf(models: ClinicsModels, principal: Principal) {
  const all = await readAll(models.neighbourhoods.find().sort({ _id: 1 }).lean(), caps.reference);
  return all.filter((n) => canSeeNeighbourhood(principal, n._id)).map(withId);
}

/** The clinics in the caller's scope (their own, or those of the neighbourhoods they follow). */
export async function clinicsOf(models: ClinicsModels, principal: Principal) {
  const all = await readAll(models.clinics.find().sort({ _id: 1 }).lean(), caps.reference);
  return all.filter((c) => canSeeClinic(principal, c._id) || canSeeNeighbourhood(principal, c.neighbourhoodId)).map(withId);
}

/** A neighbourhood with its place in the hierarchy, its clinics and their staff, and its people's representative. */
export async function neighbourhoodDetail(models: ClinicsModels, principal: Principal, neighbourhoodId: string) {
  assertNeighbourhoodInScope(principal, neighbourhoodId);
  const [neighbourhood, clinics] = await Promise.all([
    models.neighbourhoods.findById(neighbourhoodId).lean(),
    readAll(models.clinics.find({ neighbourhoodId: neighbourhoodId }).sort({ _id: 1 }).lean(), caps.reference),
  ]);
  if (!neighbourhood) throw new NotFoundError('neighbourhood-not-found', `neighbourhood ${neighbourhoodId} does not exist`);
  const { _id, ...rest } = neighbourhood;
  return {
    id: _id,
    ...rest,
    clinics: clinics.map((c) => ({ id: c._id, name: c.name, neighbourhoodId: c.neighbourhoodId, staff: clinicStaff[c._id] ?? [] })),
    representative: neighbourhoodRepresentatives[_id] ?? null,
  };
}
