import { randomUUID } from 'node:crypto';
import type { LocalizedText } from '@hamgam/contracts';
import { caps, readAll, type EventCause } from '@hamgam/service-kit';
import { BrokenRuleError, IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import type { StoredDemand } from '../data/demand.js';
import type { StoredSession } from '../data/sessions.js';
import { checkGuidance, type DemandLevel } from '../domain/counselling.js';
import type { VtDeps } from '../deps.js';
import { closeReferral } from './courses.js';
import { acceptedReferral } from './referrals.js';
import { refsVerifiedOf } from './refs.js';

/** Adds or updates one trade of the office's labour-market demand list. */
export async function setDemand(
  deps: VtDeps,
  trade: string,
  input: { label: LocalizedText; level: DemandLevel; note: LocalizedText },
  by: string,
): Promise<StoredDemand> {
  const row: StoredDemand = { _id: trade, ...input, updatedAt: deps.clock.now(), updatedBy: by };
  await deps.models.demand.replaceOne({ _id: trade }, row, { upsert: true });
  return row;
}

export interface Booking {
  clinicId: string;
  residentRef: string | null;
  referralId: string | null;
  day: string;
  time: string;
}

/**
 * Books a session on the counsellor's day at a clinic; from a counselling referral the desk accepted
 * (its resident and clinic), or for a resident the counsellor met at the clinic (a ref no clinic's referral
 * named is kept, marked unverified).
 */
export async function book(deps: VtDeps, booking: Booking, by: string): Promise<StoredSession> {
  let { residentRef, clinicId } = booking;
  if (booking.referralId) {
    const referral = await acceptedReferral(deps, booking.referralId);
    if (residentRef && residentRef !== referral.residentRef)
      throw new BrokenRuleError('referral-for-another-resident', 'the referral is for another resident', 'residentRef');
    residentRef = referral.residentRef;
    clinicId = referral.clinicId ?? clinicId;
  }
  if (!residentRef)
    throw new BrokenRuleError('session-without-resident', 'a session is for a resident: give residentRef or referralId', 'residentRef');
  // Kept even for a ref no clinic gave TVTO, marked unverified (refsVerified false) for staff to check.
  const refsVerified = booking.referralId !== null || (await refsVerifiedOf(deps, residentRef));
  const clash = await deps.models.sessions.exists({ clinicId, day: booking.day, time: booking.time, state: 'booked' });
  if (clash) throw new IllegalStepError('counsellor-booked', `the counsellor is booked at ${clinicId} on ${booking.day} ${booking.time}`);
  const session: StoredSession = {
    _id: randomUUID(),
    clinicId,
    residentRef,
    referralId: booking.referralId,
    refsVerified,
    day: booking.day,
    time: booking.time,
    state: 'booked',
    notes: null,
    guidance: [],
    counsellor: by,
    bookedAt: deps.clock.now(),
    recordedAt: null,
  };
  await deps.models.sessions.create(session);
  return session;
}

/** Records a booked session as held (notes + guidance from the demand list) or as a no-show. */
export async function recordSession(
  deps: VtDeps,
  sessionId: string,
  outcome: { state: 'held'; notes: string; guidance: string[] } | { state: 'no-show' },
  cause: EventCause,
): Promise<StoredSession> {
  const stored = await deps.models.sessions.findById(sessionId).lean();
  if (!stored) throw new NotFoundError('session-not-found', `no counselling session ${sessionId}`);
  if (stored.state !== 'booked')
    throw new IllegalStepError('session-recorded', `a counselling session that is ${stored.state} cannot be recorded again`);
  let change: Partial<StoredSession> = { state: outcome.state, recordedAt: deps.clock.now() };
  if (outcome.state === 'held') {
    const list = new Set((await readAll(deps.models.demand.find({}, { _id: 1 }).lean(), caps.reference)).map((d) => d._id));
    change = { ...change, notes: outcome.notes, guidance: checkGuidance(outcome.guidance, list) };
  }
  const result = await deps.models.sessions.updateOne({ _id: sessionId, state: 'booked' }, { $set: change });
  if (result.matchedCount !== 1)
    throw new IllegalStepError('session-changed-meanwhile', `counselling session ${sessionId} changed meanwhile; reload it`);
  if (outcome.state === 'held' && stored.referralId) await closeReferral(deps, stored.referralId, 'achieved', cause);
  return { ...stored, ...change };
}
