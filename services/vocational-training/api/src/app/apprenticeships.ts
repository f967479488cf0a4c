import { dayOf } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import type { LocalizedText } from '@hamgam/contracts';
import { caps, isDuplicateKey, readAll, type EventCause } from '@hamgam/service-kit';
import { IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import type { mongo } from 'mongoose';
import type { StoredMaster } from '../data/masters.js';
import { tvtoCollections } from '../data/models.js';
import type { StoredPlacement } from '../data/placements.js';
import { addProgressCheck, endPlacement, holdsMasterSeat, placementOutcome } from '../domain/apprenticeships.js';
import type { VtDeps, VtModels } from '../deps.js';
import { closeReferral } from './courses.js';
import { acceptedReferral } from './referrals.js';
import { refsVerifiedOf } from './refs.js';

const mastersRaw = (models: VtModels) => models.masters.collection as unknown as mongo.Collection<StoredMaster>;

export interface NewMaster {
  /** Left out, one is made (`master-<trade>-<random>`): staff name a master by name, never by an id. */
  masterId?: string | undefined;
  name: string;
  guild: LocalizedText;
  trade: string;
  neighbourhoodId: string;
  capacity: number;
}

export async function addMaster(deps: VtDeps, input: NewMaster): Promise<StoredMaster> {
  const { masterId = `master-${input.trade}-${randomUUID().slice(0, 8)}`, ...fields } = input;
  const master: StoredMaster = { _id: masterId, ...fields, seatHolders: [], seats: 0, createdAt: deps.clock.now() };
  try {
    await deps.models.masters.create(master);
  } catch (error) {
    if (isDuplicateKey(error)) throw new IllegalStepError('master-exists', `a master ${masterId} exists already`);
    throw error;
  }
  return master;
}

const alreadyPlaced = () => new IllegalStepError('already-placed', 'this resident is placed with this master already');
const placementNotFound = (placementId: string) => new NotFoundError('placement-not-found', `no placement ${placementId}`);
const placementChanged = (placementId: string) =>
  new IllegalStepError('placement-changed-meanwhile', `placement ${placementId} changed meanwhile; reload it`);

export type PlacementRequest = { referralId: string } | { residentRef: string | null; neighbourhoodId: string | null };

/**
 * Places a resident with a master, from a referral the desk accepted for an apprenticeship offer or
 * directly; the master's capacity is enforced by a single conditional write on the master.
 */
export async function place(deps: VtDeps, masterId: string, request: PlacementRequest, cause: EventCause): Promise<StoredPlacement> {
  const { models } = deps;
  const master = await models.masters.findById(masterId).lean();
  if (!master) throw new NotFoundError('master-not-found', `no guild master ${masterId}`);
  let who: Pick<StoredPlacement, 'residentRef' | 'householdRef' | 'neighbourhoodId' | 'referralId' | 'refsVerified'>;
  if ('referralId' in request) {
    const referral = await acceptedReferral(deps, request.referralId, { kind: 'apprenticeship' });
    who = {
      residentRef: referral.residentRef,
      householdRef: referral.householdRef,
      neighbourhoodId: referral.neighbourhoodId,
      referralId: referral._id,
      refsVerified: true,
    };
  } else {
    // Kept even for a ref no clinic gave TVTO, marked unverified (refsVerified false) for staff to check.
    const refsVerified = await refsVerifiedOf(deps, request.residentRef);
    who = {
      residentRef: request.residentRef ?? randomUUID(),
      householdRef: null,
      neighbourhoodId: request.neighbourhoodId,
      referralId: null,
      refsVerified,
    };
  }
  const seatKey = `${masterId}:${who.residentRef}`;
  if (await models.placements.exists({ seatKey })) throw alreadyPlaced();
  const placementId = randomUUID();
  const placement: StoredPlacement = {
    _id: placementId,
    masterId,
    seatKey,
    trade: master.trade,
    ...who,
    state: 'active',
    startedOn: dayOf(deps.clock.now()),
    checks: [],
    endedAt: null,
    createdBy: cause.actor.subject,
  };
  // The seat (a conditional write) and the placement under one lease of the master: FerretDB does not
  // isolate concurrent updates of one document, so the lease is what keeps "seats < capacity" across
  // replicas, and another replica's start-up repair never sees a seat whose placement is being written.
  await deps.locks.run(tvtoCollections.masters, masterId, async () => {
    const seat = await mastersRaw(models).updateOne(
      { _id: masterId, seats: { $lt: master.capacity } },
      { $inc: { seats: 1 }, $push: { seatHolders: placementId } },
    );
    if (seat.matchedCount !== 1) throw new IllegalStepError('master-full', `master ${masterId} has no free place (${master.capacity})`);
    try {
      await models.placements.create(placement);
    } catch (error) {
      await releaseMasterSeatHeld(models, masterId, placementId);
      if (isDuplicateKey(error)) throw alreadyPlaced();
      throw error;
    }
  });
  return placement;
}

const releaseMasterSeatHeld = (models: VtModels, masterId: string, placementId: string) =>
  mastersRaw(models).updateOne(
    { _id: masterId, seatHolders: placementId },
    { $pullAll: { seatHolders: [placementId] }, $inc: { seats: -1 } },
  );

async function releaseMasterSeat({ models, locks }: Pick<VtDeps, 'models' | 'locks'>, masterId: string, placementId: string) {
  await locks.run(tvtoCollections.masters, masterId, () => releaseMasterSeatHeld(models, masterId, placementId));
}

export async function checkProgress(
  deps: VtDeps,
  placementId: string,
  input: { rating: number; note: string },
  by: string,
): Promise<StoredPlacement> {
  return deps.locks.run(tvtoCollections.placements, placementId, async () => {
    const stored = await deps.models.placements.findById(placementId).lean();
    if (!stored) throw placementNotFound(placementId);
    const check = addProgressCheck(stored, { ...input, by }, deps.clock.now());
    const checks = [...stored.checks, check];
    const result = await deps.models.placements.updateOne({ _id: placementId, state: 'active' }, { $set: { checks } });
    if (result.matchedCount !== 1) throw placementChanged(placementId);
    return { ...stored, checks };
  });
}

/** Completes or withdraws a placement, frees the master's place, and completes the referral it answered. */
export async function finishPlacement(
  deps: VtDeps,
  placementId: string,
  to: 'completed' | 'withdrawn',
  cause: EventCause,
): Promise<StoredPlacement> {
  const updated = await deps.locks.run(tvtoCollections.placements, placementId, async () => {
    const stored = await deps.models.placements.findById(placementId).lean();
    if (!stored) throw placementNotFound(placementId);
    const state = endPlacement(stored, to);
    const endedAt = deps.clock.now();
    const result = await deps.models.placements.updateOne({ _id: placementId, state: 'active' }, { $set: { state, endedAt } });
    if (result.matchedCount !== 1) throw placementChanged(placementId);
    return { ...stored, state, endedAt };
  });
  if (!holdsMasterSeat(updated.state)) await releaseMasterSeat(deps, updated.masterId, placementId);
  if (updated.referralId) await closeReferral(deps, updated.referralId, placementOutcome(to, updated.checks), cause);
  return updated;
}

/** Makes every master's places agree with the active placements (start-up repair under each master's lease, as place() holds it; idempotent). */
export async function reconcileMasterSeats(deps: Pick<VtDeps, 'models' | 'locks'>): Promise<number> {
  const { models } = deps;
  const [masters, placements] = await Promise.all([
    readAll(models.masters.find({}, { seatHolders: 1, seats: 1 }).lean(), caps.reference),
    readAll(models.placements.find({}, { masterId: 1, state: 1 }).lean(), caps.agencyCaseload),
  ]);
  const inSync = (master: { seats: number; seatHolders: string[] }, holders: string[]) =>
    master.seats === holders.length && [...master.seatHolders].sort().join() === holders.join();
  let repaired = 0;
  for (const seen of masters) {
    const holdersIn = (rows: { _id: string; masterId: string; state: StoredPlacement['state'] }[]) =>
      rows
        .filter((p) => p.masterId === seen._id && holdsMasterSeat(p.state))
        .map((p) => p._id)
        .sort();
    if (inSync(seen, holdersIn(placements))) continue;
    const changed = await deps.locks.run(tvtoCollections.masters, seen._id, async () => {
      const master = await models.masters.findById(seen._id, { seatHolders: 1, seats: 1 }).lean();
      if (!master) return false;
      const holders = holdersIn(
        await readAll(models.placements.find({ masterId: seen._id }, { masterId: 1, state: 1 }).lean(), caps.perNeighbourhood),
      );
      if (inSync(master, holders)) return false;
      await models.masters.updateOne({ _id: master._id }, { $set: { seatHolders: holders, seats: holders.length } });
      return true;
    });
    if (changed) repaired++;
  }
  return repaired;
}
