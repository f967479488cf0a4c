import { randomUUID } from 'node:crypto';
import type { PartnerAgency } from '@hamgam/contracts';
import { caps, readAll, type EventCause, type Principal } from '@hamgam/service-kit';
import { IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import type { StoredConsent } from '../data/consents.js';
import type { ClinicsDeps } from '../deps.js';
import { checkConsentExpiry, consentStatus, type ConsentPurpose } from '../domain/consent.js';
import { withdrawReferralsWithoutConsent } from './referrals.js';
import { assertOwnClinicStaff, loadResidentInScope } from './residents.js';

type Deps = Pick<ClinicsDeps, 'models' | 'clock' | 'locks' | 'flushOutbox'>;

export function consentView(consent: StoredConsent, at: Date) {
  return {
    id: consent._id,
    residentId: consent.residentId,
    purpose: consent.purpose,
    agency: consent.agency,
    grantedAt: consent.grantedAt,
    expiresOn: consent.expiresOn,
    withdrawnAt: consent.withdrawnAt ?? null,
    status: consentStatus(consent, at),
  };
}

/** A resident's consents, newest first, with their status now. */
export async function residentConsents({ models, clock }: Pick<Deps, 'models' | 'clock'>, principal: Principal, residentId: string) {
  const resident = await loadResidentInScope(models, principal, residentId);
  const consents = await readAll(models.consents.find({ residentId: resident._id }).sort({ grantedAt: -1 }).lean(), caps.perPerson);
  const now = clock.now();
  return consents.map((c) => consentView(c, now));
}

/** Records a resident's consent for one purpose with one receiving agency, until an expiry day not yet passed. */
export async function recordConsent(
  { models, clock }: Pick<Deps, 'models' | 'clock'>,
  principal: Principal,
  residentId: string,
  request: { purpose: ConsentPurpose; agency: PartnerAgency; expiresOn: string },
) {
  const resident = await loadResidentInScope(models, principal, residentId);
  assertOwnClinicStaff(principal, resident.clinicId);
  const now = clock.now();
  checkConsentExpiry(request.expiresOn, now);
  const consent: StoredConsent = {
    _id: randomUUID(),
    residentId: resident._id,
    clinicId: resident.clinicId,
    purpose: request.purpose,
    agency: request.agency,
    grantedAt: now,
    expiresOn: request.expiresOn,
    grantedBy: principal.subject,
    withdrawnAt: null,
    withdrawnBy: null,
  };
  await models.consents.create(consent);
  return consentView(consent, now);
}

/** Withdraws a consent from now on; a referral consent takes back the open referrals it no longer covers. */
export async function withdrawConsent(
  deps: Deps,
  principal: Principal,
  request: { residentId: string; consentId: string },
  cause: EventCause,
) {
  const { models, clock } = deps;
  const resident = await loadResidentInScope(models, principal, request.residentId);
  assertOwnClinicStaff(principal, resident.clinicId);
  const now = clock.now();
  // Conditional on "not withdrawn yet": withdrawing twice (or at once from two screens) keeps the first moment.
  const result = await models.consents.updateOne(
    { _id: request.consentId, residentId: resident._id, withdrawnAt: null },
    { $set: { withdrawnAt: now, withdrawnBy: principal.subject } },
  );
  const consent = await models.consents.findOne({ _id: request.consentId, residentId: resident._id }).lean();
  if (!consent) throw new NotFoundError('consent-not-found', `consent ${request.consentId} of resident ${resident._id} does not exist`);
  if (result.modifiedCount === 0) throw new IllegalStepError('consent-withdrawn-already', 'this consent was withdrawn already');
  if (consent.purpose === 'referral') {
    deps.flushOutbox(await withdrawReferralsWithoutConsent(deps, principal, { residentId: resident._id, agency: consent.agency }, cause));
  }
  return consentView(consent, now);
}
