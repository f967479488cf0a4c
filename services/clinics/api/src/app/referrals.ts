import { randomUUID } from 'node:crypto';
import { agencyNames, type NeedCategory, type PartnerAgency, type ReferralMadeV1, type ReferralWithdrawnV1 } from '@hamgam/contracts';
import { addDays } from '@hamgam/contracts/days';
import { canSeeClinic, caps, forbidden, outboxEntries, readAll, type EventCause, type Principal } from '@hamgam/service-kit';
import { IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import { agency, type ClinicsDeps, type ClinicsModels } from '../deps.js';
import type { ReferralStep, StoredReferral } from '../data/referrals.js';
import { nextReferralState, type ReferralTransition } from '../domain/referral-state.js';
import { consentCovers } from '../domain/consent.js';
import { checkReferable, respondWithinDays, withUniqueTrackingCode } from '../domain/referrals.js';
import { loadResidentInScope, requireConsent } from './residents.js';

type Deps = Pick<ClinicsDeps, 'models' | 'clock' | 'locks'>;

export type ReferralView = Omit<StoredReferral, 'outbox'>;

const referralLockKey = (models: ClinicsModels) => models.referrals.collection.collectionName;

/**
 * Refers a resident to an agency's open offer: checks scope, the offer (open, has capacity, serves the
 * resident's neighbourhood, meets the need), consent for that agency, and that the resident is not
 * already waiting on the same offer; then stores the referral and its `clinics.referral.made.v1` in
 * one write.
 */
export async function makeReferral(
  { models, clock, locks }: Deps,
  principal: Principal,
  request: { residentId: string; offerId: string; needCategory?: NeedCategory },
  cause: EventCause,
): Promise<ReferralView> {
  const resident = await loadResidentInScope(models, principal, request.residentId);
  if (resident.archivedAt) throw new IllegalStepError('resident-archived', 'the resident is archived; restore them first');
  const offer = await models.offers.findById(request.offerId).lean();
  if (!offer) throw new NotFoundError('offer-not-found', `offer ${request.offerId} is not in the catalogue`);
  const needCategory = checkReferable(offer, resident.neighbourhoodId, request.needCategory);
  const now = clock.now();
  await requireConsent(models, { residentId: resident._id, agency: offer.agency, purpose: 'referral', at: now });
  // One resident's referrals to one offer are made one at a time here, so a double click cannot send two.
  const created = await locks.run('referral-requests', `${resident._id}:${offer._id}`, async () => {
    const open = await readAll(
      models.referrals.find({ residentId: resident._id, offerId: offer._id }, { state: 1 }).lean(),
      caps.perPerson,
    );
    if (open.some((r) => r.state === 'sent' || r.state === 'accepted')) {
      throw new IllegalStepError('referral-already-open', `resident ${resident._id} already has an open referral to offer ${offer._id}`);
    }

    const referralId = randomUUID();
    const respondBy = addDays(now, respondWithinDays);
    return withUniqueTrackingCode(async (trackingCode) => {
      const data: ReferralMadeV1 = {
        referralId,
        trackingCode,
        agency: offer.agency,
        offerId: offer._id,
        clinicId: resident.clinicId,
        neighbourhoodId: resident.neighbourhoodId,
        residentRef: resident._id,
        householdRef: resident.householdId,
        needCategory,
        respondBy,
        madeAt: now.toISOString(),
      };
      const record = {
        _id: referralId,
        trackingCode,
        agency: offer.agency,
        offerId: offer._id,
        offer: { title: offer.title, place: offer.place, schedule: offer.schedule },
        clinicId: resident.clinicId,
        neighbourhoodId: resident.neighbourhoodId,
        residentId: resident._id,
        needCategory,
        state: 'sent' as const,
        respondBy,
        completeBy: null,
        steps: [{ kind: 'made' as const, at: now }],
        madeBy: principal.subject,
        madeAt: now,
        updatedAt: now,
        outbox: outboxEntries(agency, cause, [{ type: 'clinics.referral.made', version: 1, data }]),
      };
      await models.referrals.create(record);
      return record;
    });
  });
  const { outbox: _outbox, ...view } = created;
  return view as ReferralView;
}

/** Loads a referral the caller may see (their clinic's, or any for the programme-wide roles). */
export async function loadReferralInScope(models: ClinicsModels, principal: Principal, referralId: string): Promise<ReferralView> {
  const referral = await models.referrals.findById(referralId, { outbox: 0 }).lean();
  if (!referral) throw new NotFoundError('referral-not-found', `referral ${referralId} does not exist`);
  if (!canSeeClinic(principal, referral.clinicId)) throw forbidden(`referral ${referralId} belongs to a clinic outside your scope`);
  return referral as ReferralView;
}

/** The clinic takes a referral back; the agency hears it through `clinics.referral.withdrawn.v1`. */
export function withdrawReferral(
  { models, clock, locks }: Deps,
  principal: Principal,
  request: { referralId: string; reason: ReferralWithdrawnV1['reason'] },
  cause: EventCause,
): Promise<ReferralView> {
  return locks.run(referralLockKey(models), request.referralId, async () => {
    const referral = await loadReferralInScope(models, principal, request.referralId);
    const next = nextReferralState(referral.state, 'withdrawn');
    if (!next) throw new IllegalStepError('referral-not-withdrawable', `a ${referral.state} referral cannot be withdrawn`);
    const now = clock.now();
    const data: ReferralWithdrawnV1 = {
      referralId: referral._id,
      agency: referral.agency,
      reason: request.reason,
      withdrawnAt: now.toISOString(),
    };
    const entries = outboxEntries(agency, cause, [{ type: 'clinics.referral.withdrawn', version: 1, data }]);
    const step: ReferralStep = { kind: 'withdrawn', at: now, reason: request.reason, outcome: null, completeBy: null, eventId: null };
    // Compare-and-set on the state read above, and the event in the same single-document write.
    const result = await models.referrals.collection.updateOne(
      { _id: referral._id as never, state: referral.state },
      { $set: { state: next, updatedAt: now }, $push: { steps: step, outbox: { $each: entries } } as never },
    );
    if (result.matchedCount !== 1)
      throw new IllegalStepError('referral-changed-meanwhile', 'the referral changed meanwhile; reload and try again');
    return { ...referral, state: next, updatedAt: now, steps: [...referral.steps, step] };
  });
}

/**
 * A withdrawn consent ends what was shared under it: the resident's open referrals to that agency are taken
 * back (reason consent-withdrawn), unless another consent still covers referring them there.
 */
export async function withdrawReferralsWithoutConsent(
  deps: Deps,
  principal: Principal,
  request: { residentId: string; agency: PartnerAgency },
  cause: EventCause,
): Promise<string[]> {
  const { models, clock } = deps;
  const consents = await readAll(models.consents.find({ residentId: request.residentId }).lean(), caps.perPerson);
  if (consentCovers(consents, { purpose: 'referral', agency: request.agency, at: clock.now() })) return [];
  const referrals = await readAll(
    models.referrals.find({ residentId: request.residentId, agency: request.agency }, { state: 1 }).lean(),
    caps.perPerson,
  );
  const open = referrals.filter((r) => nextReferralState(r.state, 'withdrawn') !== null);
  for (const referral of open) {
    await withdrawReferral(deps, principal, { referralId: referral._id, reason: 'consent-withdrawn' }, cause);
  }
  return open.map((r) => r._id);
}

export interface AgencyStep {
  referralId: string;
  agency: string;
  step: ReferralTransition;
  at: Date;
  eventId: string;
  reason?: string;
  outcome?: string;
  completeBy?: string;
}

/**
 * Moves a referral with the agency's answer. Unknown referrals, another agency's answers, repeated,
 * stale or illegal steps (a late "accepted" after "completed") change nothing: events may arrive
 * twice or out of order.
 */
export function applyAgencyStep({ models, locks }: Pick<Deps, 'models' | 'locks'>, input: AgencyStep): Promise<'applied' | 'ignored'> {
  return locks.run(referralLockKey(models), input.referralId, async () => {
    for (;;) {
      const referral = await models.referrals.findById(input.referralId, { outbox: 0 }).lean();
      if (!referral || referral.agency !== input.agency) return 'ignored';
      if (referral.steps.some((s) => s.eventId === input.eventId)) return 'ignored';
      const next = nextReferralState(referral.state, input.step);
      if (!next) return 'ignored';
      const step: ReferralStep = {
        kind: input.step,
        at: input.at,
        reason: input.reason ?? null,
        outcome: input.outcome ?? null,
        completeBy: input.completeBy ?? null,
        eventId: input.eventId,
      };
      const set: Record<string, unknown> = { state: next, updatedAt: input.at };
      if (input.completeBy) set.completeBy = input.completeBy;
      const result = await models.referrals.collection.updateOne(
        { _id: referral._id as never, state: referral.state },
        { $set: set, $push: { steps: step } as never },
      );
      if (result.matchedCount === 1) return 'applied';
    }
  });
}

export const agencyNameOf = (agency: string) => agencyNames[agency as keyof typeof agencyNames] ?? { fa: agency, en: agency };
