import type { Envelope, ReferralMadeV1, ReferralWithdrawnV1 } from '@hamgam/contracts';
import {
  caps,
  isDuplicateKey,
  outboxEntries,
  pageOf,
  readAll,
  type EventCause,
  type EventDraft,
  type PageContext,
} from '@hamgam/service-kit';
import { dayOf } from '@hamgam/contracts/days';
import mongoose from 'mongoose';
import { IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import { deskCollections, type StoredReferral } from '../data/models.js';
import { codeSearch } from '../domain/code-search.js';
import { checkHasPlace } from '../domain/offers.js';
import {
  acceptReferral,
  completeReferral,
  declineReferral,
  holdsSeat,
  withdrawReferral,
  type DeclineReason,
  type ReferralChange,
  type ReferralOutcome,
} from '../domain/referrals.js';
import { causeOf, type DeskDeps, type DeskOptions } from '../options.js';
import { adjustSeat, type OfferDeps } from './offers.js';
import { notOverdueReferrals, overdueReferrals } from './overdue.js';

const unfilled = {
  trackingCode: null,
  offerId: null,
  clinicId: null,
  neighbourhoodId: null,
  residentRef: null,
  householdRef: null,
  needCategory: null,
  madeAt: null,
  respondBy: null,
};
const unanswered = {
  acceptedAt: null,
  completeBy: null,
  declinedAt: null,
  declineReason: null,
  completedAt: null,
  outcome: null,
  withdrawnAt: null,
  withdrawReason: null,
};

const madeFields = (data: ReferralMadeV1) => ({
  trackingCode: data.trackingCode,
  offerId: data.offerId,
  clinicId: data.clinicId,
  neighbourhoodId: data.neighbourhoodId,
  residentRef: data.residentRef,
  householdRef: data.householdRef,
  needCategory: data.needCategory,
  respondBy: data.respondBy,
  madeAt: new Date(data.madeAt),
});

/**
 * `clinics.referral.made`: keeps the referral if it is addressed to this agency. Idempotent and order-
 * tolerant: a second copy changes nothing, and a withdrawal that came first keeps the referral withdrawn.
 */
export async function receiveReferral(deps: DeskDeps, options: DeskOptions, event: Envelope<ReferralMadeV1>): Promise<void> {
  const { data } = event;
  if (data.agency !== options.agency) return;
  const { referrals } = deps.models;
  await deps.locks.run(deskCollections.referrals, data.referralId, async () => {
    const stored = await referrals.findById(data.referralId, { trackingCode: 1 }).lean();
    if (stored && stored.trackingCode !== null) return; // already received
    if (stored) {
      await referrals.updateOne({ _id: data.referralId, trackingCode: null }, { $set: madeFields(data) });
      return;
    }
    try {
      await referrals.create({
        _id: data.referralId,
        agency: options.agency,
        ...madeFields(data),
        ...unanswered,
        state: 'received',
        receivedAt: deps.clock.now(),
        sourceEventId: event.id,
        outbox: [],
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // another replica stored it first
    }
  });
}

/** `clinics.referral.withdrawn`: the clinic took it back; an accepted referral's seat is freed. */
export async function receiveWithdrawal(deps: DeskDeps, options: DeskOptions, event: Envelope<ReferralWithdrawnV1>): Promise<void> {
  const { data } = event;
  if (data.agency !== options.agency) return;
  const { referrals } = deps.models;
  const freed = await deps.locks.run(deskCollections.referrals, data.referralId, async () => {
    const at = new Date(data.withdrawnAt);
    const stored = await referrals.findById(data.referralId, { outbox: 0 }).lean();
    if (!stored) {
      // The withdrawal overtook the referral: remember it, so the referral arrives already withdrawn.
      try {
        await referrals.create({
          _id: data.referralId,
          agency: options.agency,
          ...unfilled,
          ...unanswered,
          state: 'withdrawn',
          withdrawnAt: at,
          withdrawReason: data.reason,
          receivedAt: deps.clock.now(),
          sourceEventId: event.id,
          outbox: [],
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      return null;
    }
    const change = withdrawReferral(stored, { at, reason: data.reason });
    if (!change) return null; // already declined, completed or withdrawn: a late or repeated withdrawal
    const result = await referrals.updateOne({ _id: data.referralId, state: stored.state }, { $set: change });
    if (result.matchedCount !== 1) throw new Error(`referral ${data.referralId} changed while being withdrawn; retrying`);
    return holdsSeat(stored.state) && stored.offerId ? stored.offerId : null;
  });
  if (freed)
    await adjustSeat(deps, options, freed, data.referralId, 'release', causeOf(options, 'agency-desk', event.correlationId, event.id));
}

export type ReferralAction =
  { kind: 'accept'; completeBy: string } | { kind: 'decline'; reason: DeclineReason } | { kind: 'complete'; outcome: ReferralOutcome };

function step(
  options: DeskOptions,
  referral: StoredReferral,
  action: ReferralAction,
  at: Date,
): { change: ReferralChange; event: EventDraft<unknown> } {
  const base = { referralId: referral._id, agency: options.agency };
  switch (action.kind) {
    case 'accept': {
      const change = acceptReferral(referral, { at, completeBy: action.completeBy });
      return {
        change,
        event: {
          type: `${options.agency}.referral.accepted`,
          version: 1,
          data: { ...base, acceptedAt: at.toISOString(), completeBy: action.completeBy },
        },
      };
    }
    case 'decline': {
      const change = declineReferral(referral, { at, reason: action.reason });
      return {
        change,
        event: {
          type: `${options.agency}.referral.declined`,
          version: 1,
          data: { ...base, reason: action.reason, declinedAt: at.toISOString() },
        },
      };
    }
    case 'complete': {
      const change = completeReferral(referral, { at, outcome: action.outcome });
      return {
        change,
        event: {
          type: `${options.agency}.referral.completed`,
          version: 1,
          data: { ...base, outcome: action.outcome, completedAt: at.toISOString() },
        },
      };
    }
  }
}

/**
 * A staff step on a received referral: the new state and its event are one write to the referral's
 * document (compare-and-set on the state it was read in). Accepting then takes a seat of the offer, a
 * second write that is idempotent on its own (see adjustSeat); if it fails, the referral stays accepted
 * and the seat is taken by the reconciliation at the next start (reconcileSeats).
 */
export async function actOnReferral(
  deps: DeskDeps,
  options: DeskOptions,
  referralId: string,
  action: ReferralAction,
  cause: EventCause,
): Promise<StoredReferral> {
  const { referrals, offers } = deps.models;
  const updated = await deps.locks.run(deskCollections.referrals, referralId, async () => {
    const stored = await referrals.findById(referralId, { outbox: 0 }).lean();
    if (!stored || stored.trackingCode === null) throw new NotFoundError('referral-not-found', `no referral ${referralId} at this agency`);
    const planned = step(options, stored, action, deps.clock.now());
    if (action.kind === 'accept' && stored.offerId) {
      const offer = await offers.findById(stored.offerId, { status: 1, available: 1 }).lean();
      if (offer) checkHasPlace(stored.offerId, offer);
    }
    const outbox = outboxEntries(options.agency, cause, [planned.event]);
    const result = await referrals.updateOne(
      { _id: referralId, state: stored.state },
      { $set: planned.change, $push: { outbox: { $each: outbox } } },
    );
    if (result.matchedCount !== 1)
      throw new IllegalStepError('referral-changed-meanwhile', `referral ${referralId} changed meanwhile; reload it`);
    return { ...stored, ...planned.change };
  });
  deps.flushOutbox([referralId]);
  if (action.kind === 'accept' && updated.offerId) {
    try {
      await adjustSeat(deps, options, updated.offerId, referralId, 'take', cause);
    } catch (error) {
      deps.logger.warn({ err: error, referralId, offerId: updated.offerId }, 'seat not taken yet; the next start reconciles it');
    }
  }
  return updated;
}

/**
 * Makes every offer's seats agree with its referrals: accepted or completed ones hold a seat, withdrawn
 * ones do not. Runs at start-up, before the service takes requests or events, and repairs an acceptance
 * whose second write (the seat) was interrupted. Idempotent: a consistent database is left untouched.
 */
export async function reconcileSeats(deps: OfferDeps, options: DeskOptions): Promise<number> {
  const { referrals, offers } = deps.models;
  const [holding, offerRows] = await Promise.all([
    // All of them (one agency's caseload), filtered here; bounded.
    readAll(referrals.find({}, { state: 1, offerId: 1 }).lean(), caps.agencyCaseload),
    readAll(offers.find({}, { seatHolders: 1 }).lean(), caps.reference),
  ]);
  const seats = new Map(offerRows.map((o) => [o._id, new Set(o.seatHolders)]));
  const cause = causeOf(options, 'agency-desk', `reconcile-${deps.clock.now().toISOString()}`);
  let repaired = 0;
  for (const referral of holding) {
    const held = referral.offerId ? seats.get(referral.offerId) : undefined;
    if (!held || !referral.offerId) continue;
    const should = holdsSeat(referral.state);
    if (should === held.has(referral._id)) continue;
    await adjustSeat(deps, options, referral.offerId, referral._id, should ? 'take' : 'release', cause);
    repaired++;
  }
  return repaired;
}

/** What the received referrals list may be narrowed and ordered by. */
export interface ReferralListQuery {
  state?: StoredReferral['state'] | undefined;
  /** A tracking code or its beginning, normalised (`K7QM3X`). */
  q?: string | undefined;
  neighbourhoodId?: string | undefined;
  clinicId?: string | undefined;
  offerId?: string | undefined;
  needCategory?: StoredReferral['needCategory'] | undefined;
  /** Past its day (see ./overdue.ts), or not. */
  overdue?: 'true' | 'false' | undefined;
  sort: 'madeAt' | 'respondBy';
  order: 'asc' | 'desc';
}

/** One page of the referrals the agency received (never a withdrawal still waiting for its referral). */
export function receivedReferrals(deps: DeskDeps, query: ReferralListQuery, page: PageContext) {
  const today = dayOf(deps.clock.now());
  const filter = {
    trackingCode: query.q ? codeSearch(query.q) : mongoose.trusted({ $ne: null }),
    ...(query.state ? { state: query.state } : {}),
    ...(query.neighbourhoodId ? { neighbourhoodId: query.neighbourhoodId } : {}),
    ...(query.clinicId ? { clinicId: query.clinicId } : {}),
    ...(query.offerId ? { offerId: query.offerId } : {}),
    ...(query.needCategory ? { needCategory: query.needCategory } : {}),
    ...(query.overdue ? { $and: [query.overdue === 'true' ? overdueReferrals(today) : notOverdueReferrals(today)] } : {}),
  };
  return pageOf(deps.models.referrals.find(filter, { outbox: 0 }).lean(), page, page.res, {
    by: query.sort,
    order: query.order === 'asc' ? 1 : -1,
  });
}
