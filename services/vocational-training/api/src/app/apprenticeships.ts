import { dayOf } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import type { LocalizedText } from '@hamgam/contracts';
import { badRequest, caps, conflict, isDuplicateKey, notFound, readAll, type EventCause } from '@hamgam/service-kit';
import type { mongo } from 'mongoose';
import { tvtoCollections, type StoredMaster, type StoredPlacement } from '../data/models.js';
import { addProgressCheck, endPlacement, holdsMasterSeat, placementOutcome } from '../domain/apprenticeships.js';
import { rules, type VtDeps, type VtModels } from '../desk.js';
import { closeReferral } from './courses.js';

const mastersRaw = (models: VtModels) => models.masters.collection as unknown as mongo.Collection<StoredMaster>;

export interface NewMaster {
  masterId: string;
  name: string;
  guild: LocalizedText;
  trade: string;
  neighbourhoodId: string;
  capacity: number;
}

export async function addMaster(deps: VtDeps, input: NewMaster): Promise<StoredMaster> {
  const { masterId, ...fields } = input;
  const master: StoredMaster = { _id: masterId, ...fields, seatHolders: [], seats: 0, createdAt: deps.clock.now() };
  try {
    await deps.models.masters.create(master);
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict(`a master ${masterId} exists already`);
    throw error;
  }
  return master;
}

export type PlacementRequest = { referralId: string } | { residentRef: string | null; neighbourhoodId: string | null };

/**
 * Places a resident with a master, from a referral the desk accepted for an apprenticeship offer or
 * directly; the master's capacity is enforced by a single conditional write on the master.
 */
export async function place(deps: VtDeps, masterId: string, request: PlacementRequest, cause: EventCause): Promise<StoredPlacement> {
  const { models } = deps;
  const master = await models.masters.findById(masterId).lean();
  if (!master) throw notFound(`no guild master ${masterId}`);
  let who: Pick<StoredPlacement, 'residentRef' | 'householdRef' | 'neighbourhoodId' | 'referralId'>;
  if ('referralId' in request) {
    const referral = await models.referrals.findById(request.referralId, { outbox: 0 }).lean();
    if (!referral || referral.trackingCode === null || !referral.residentRef) throw notFound(`no referral ${request.referralId} at this agency`);
    const offer = referral.offerId ? await models.offers.findById(referral.offerId, { kind: 1 }).lean() : null;
    if (offer?.kind !== 'apprenticeship') throw badRequest(`referral ${request.referralId} is not for an apprenticeship`);
    if (referral.state !== 'accepted') throw conflict(`referral ${request.referralId} is ${referral.state}; only an accepted referral is placed`);
    who = { residentRef: referral.residentRef, householdRef: referral.householdRef, neighbourhoodId: referral.neighbourhoodId, referralId: referral._id };
  } else {
    who = { residentRef: request.residentRef ?? randomUUID(), householdRef: null, neighbourhoodId: request.neighbourhoodId, referralId: null };
  }
  const seatKey = `${masterId}:${who.residentRef}`;
  if (await models.placements.exists({ seatKey })) throw conflict('this resident is placed with this master already');
  const placementId = randomUUID();
  // A conditional write (the guard between replicas), under the lock (FerretDB does not isolate concurrent updates of one document).
  const seat = await deps.locks.run(tvtoCollections.masters, masterId, () =>
    mastersRaw(models).updateOne({ _id: masterId, seats: { $lt: master.capacity } }, { $inc: { seats: 1 }, $push: { seatHolders: placementId } }),
  );
  if (seat.matchedCount !== 1) throw conflict(`master ${masterId} has no free place (${master.capacity})`);
  const placement: StoredPlacement = {
    _id: placementId, masterId, seatKey, trade: master.trade, ...who, state: 'active', startedOn: dayOf(deps.clock.now()), checks: [], endedAt: null, createdBy: cause.actor.subject,
  };
  try {
    await models.placements.create(placement);
  } catch (error) {
    await releaseMasterSeat(deps, masterId, placementId);
    if (isDuplicateKey(error)) throw conflict('this resident is placed with this master already');
    throw error;
  }
  return placement;
}

async function releaseMasterSeat({ models, locks }: Pick<VtDeps, 'models' | 'locks'>, masterId: string, placementId: string) {
  await locks.run(tvtoCollections.masters, masterId, () =>
    mastersRaw(models).updateOne({ _id: masterId, seatHolders: placementId }, { $pullAll: { seatHolders: [placementId] }, $inc: { seats: -1 } }),
  );
}

export async function checkProgress(deps: VtDeps, placementId: string, input: { rating: number; note: string }, by: string): Promise<StoredPlacement> {
  return deps.locks.run(tvtoCollections.placements, placementId, async () => {
    const stored = await deps.models.placements.findById(placementId).lean();
    if (!stored) throw notFound(`no placement ${placementId}`);
    const check = rules(() => addProgressCheck(stored, { ...input, by }, deps.clock.now()));
    const checks = [...stored.checks, check];
    const result = await deps.models.placements.updateOne({ _id: placementId, state: 'active' }, { $set: { checks } });
    if (result.matchedCount !== 1) throw conflict(`placement ${placementId} changed meanwhile; reload it`);
    return { ...stored, checks };
  });
}

/** Completes or withdraws a placement, frees the master's place, and completes the referral it answered. */
export async function finishPlacement(deps: VtDeps, placementId: string, to: 'completed' | 'withdrawn', cause: EventCause): Promise<StoredPlacement> {
  const updated = await deps.locks.run(tvtoCollections.placements, placementId, async () => {
    const stored = await deps.models.placements.findById(placementId).lean();
    if (!stored) throw notFound(`no placement ${placementId}`);
    const state = rules(() => endPlacement(stored, to));
    const endedAt = deps.clock.now();
    const result = await deps.models.placements.updateOne({ _id: placementId, state: 'active' }, { $set: { state, endedAt } });
    if (result.matchedCount !== 1) throw conflict(`placement ${placementId} changed meanwhile; reload it`);
    return { ...stored, state, endedAt };
  });
  if (!holdsMasterSeat(updated.state)) await releaseMasterSeat(deps, updated.masterId, placementId);
  if (updated.referralId) await closeReferral(deps, updated.referralId, placementOutcome(to, updated.checks), cause);
  return updated;
}

/** Makes every master's places agree with the active placements (start-up repair, idempotent). */
export async function reconcileMasterSeats(models: VtModels): Promise<number> {
  const [masters, placements] = await Promise.all([readAll(models.masters.find({}, { seatHolders: 1, seats: 1 }).lean(), caps.reference), readAll(models.placements.find({}, { masterId: 1, state: 1 }).lean(), caps.agencyCaseload)]);
  let repaired = 0;
  for (const master of masters) {
    const holders = placements.filter((p) => p.masterId === master._id && holdsMasterSeat(p.state)).map((p) => p._id).sort();
    if (master.seats === holders.length && [...master.seatHolders].sort().join() === holders.join()) continue;
    await models.masters.updateOne({ _id: master._id }, { $set: { seatHolders: holders, seats: holders.length } });
    repaired++;
  }
  return repaired;
}
