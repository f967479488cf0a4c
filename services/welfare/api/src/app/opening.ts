import { randomUUID } from 'node:crypto';
import { deskPlaces, referredPeople } from '@hamgam/agency-desk';
import { caps, inList, isDuplicateKey, pageOf, readAll, type PageContext, type Principal } from '@hamgam/service-kit';
import { BrokenRuleError, IllegalStepError, NotFoundError } from '@hamgam/service-kit/errors';
import type { WelfareDeps } from '../deps.js';
import { fileNumberOf } from '../domain/file-number.js';
import type { CaseRecord } from './cases.js';

export interface OpenCaseInput {
  householdRef: string;
  residentRef: string | null;
  neighbourhoodId: string;
  clinicId: string | null;
  referralId: string | null;
}

/**
 * Whether the clinics told welfare of this household (and resident): a clinic's referral to welfare named
 * them. Refs are opaque ids only the clinics issue; one no referral named may be mistyped or made up.
 */
const heardOfFromClinics = async (deps: WelfareDeps, { householdRef, residentRef }: Pick<OpenCaseInput, 'householdRef' | 'residentRef'>) =>
  (await deps.models.referrals.exists({ householdRef, ...(residentRef ? { residentRef } : {}) })) !== null;

/**
 * Opens a case in the caller's caseload; a household has at most one open case at a time. A case opened
 * directly for a household no clinic referred to welfare is kept, marked unverified (refsVerified false).
 */
export async function openCase(
  deps: WelfareDeps,
  principal: Principal,
  input: OpenCaseInput,
  caseId: string = randomUUID(),
): Promise<CaseRecord> {
  const { cases } = deps.models;
  // Opened directly, the neighbourhood was picked from the places the desk serves; a referral's is the clinic's own.
  if (input.referralId === null) {
    const { neighbourhoods } = await deskPlaces(deps.models);
    if (!neighbourhoods.some((n) => n.neighbourhoodId === input.neighbourhoodId))
      throw new BrokenRuleError('neighbourhood-unknown', `no neighbourhood ${input.neighbourhoodId} in the programme`, 'neighbourhoodId');
  }
  return deps.locks.run('welfare_households', input.householdRef, async () => {
    // A household has few cases; filtered here (operators in filters are sanitised away).
    const open = (
      await readAll(cases.find({ householdRef: input.householdRef }, { _id: 1, fileNumber: 1, worker: 1, state: 1 }).lean(), caps.perPerson)
    ).find((c) => c.state !== 'closed');
    if (open?.worker === principal.username) {
      throw new IllegalStepError(
        'household-case-open-in-your-caseload',
        `this household already has an open case in your caseload (${open.fileNumber ?? fileNumberOf(open._id)}); continue that case`,
      );
    }
    if (open) {
      // Which case worker holds it, and the case itself, are theirs: the officer needs only to know where to turn.
      throw new IllegalStepError(
        'household-case-open-elsewhere',
        'this household already has an open welfare case (a household has one at a time); ask your supervisor if you should take it over',
      );
    }
    const now = deps.clock.now();
    const refsVerified = input.referralId !== null || (await heardOfFromClinics(deps, input));
    const record: CaseRecord = {
      _id: caseId,
      fileNumber: fileNumberOf(caseId),
      ...input,
      refsVerified,
      worker: principal.username,
      state: 'opened',
      closedFrom: null,
      closure: null,
      reopenReason: null,
      assessment: null,
      goals: [],
      visits: [],
      flags: [],
      openedAt: now,
      openedBy: principal.username,
      revision: 1,
      history: [
        {
          at: now,
          by: principal.username,
          action: 'opened',
          detail: input.referralId
            ? `referral ${input.referralId}`
            : refsVerified
              ? null
              : 'household not referred by a clinic (unverified)',
        },
      ],
    };
    try {
      await cases.create({ ...record, outbox: [] });
    } catch (error) {
      if (isDuplicateKey(error))
        throw new IllegalStepError('referral-case-exists', `a case for referral ${input.referralId ?? caseId} exists already`);
      throw error;
    }
    return record;
  });
}

/** Accepted desk referrals for social care that no case was opened for yet: one page of accepted referrals, newest first. */
export async function openableReferrals(deps: WelfareDeps, page: PageContext) {
  const { referrals, offers, cases } = deps.models;
  const accepted = await pageOf(referrals.find({ state: 'accepted' }, { outbox: 0 }).lean(), page, page.res, {
    by: 'acceptedAt',
    order: -1,
  });
  const [socialCare, opened] = await Promise.all([
    readAll(offers.find({ kind: 'social-care' }, { title: 1 }).lean(), caps.reference),
    readAll(cases.find({ referralId: inList(accepted.map((r) => r._id)) }, { referralId: 1 }).lean(), caps.pageOfHouseholds),
  ]);
  const titles = new Map(socialCare.map((o) => [o._id, o.title]));
  const taken = new Set(opened.map((c) => c.referralId).filter((r): r is string => r !== null));
  return accepted
    .filter((r) => r.offerId !== null && titles.has(r.offerId) && !taken.has(r._id))
    .map((r) => ({ referral: r, offerTitle: titles.get(r.offerId!)! }));
}

/** Opens a case for an accepted social-care referral of the desk; the case keeps its id (one case per referral). */
export async function openCaseFromReferral(deps: WelfareDeps, principal: Principal, referralId: string): Promise<CaseRecord> {
  const { referrals, offers } = deps.models;
  const referral = await referrals.findById(referralId, { outbox: 0 }).lean();
  if (!referral || referral.trackingCode === null) throw new NotFoundError('referral-not-found', `no referral ${referralId} at welfare`);
  if (referral.state !== 'accepted')
    throw new IllegalStepError(
      'referral-not-accepted',
      `referral ${referralId} is ${referral.state}; a case is opened for an accepted referral`,
    );
  const offer = referral.offerId ? await offers.findById(referral.offerId, { kind: 1 }).lean() : null;
  if (!offer || offer.kind !== 'social-care')
    throw new IllegalStepError('referral-not-social-care', `referral ${referralId} is not for a social-care offer`);
  if (!referral.householdRef || !referral.neighbourhoodId)
    throw new IllegalStepError('referral-names-no-household', `referral ${referralId} names no household`);
  return openCase(
    deps,
    principal,
    {
      householdRef: referral.householdRef,
      residentRef: referral.residentRef,
      neighbourhoodId: referral.neighbourhoodId,
      clinicId: referral.clinicId,
      referralId,
    },
    referralId,
  );
}

/**
 * The households welfare may open a case for: those the clinics named in their referrals to welfare (the
 * desk's referred people, found by tracking code), each saying whether the household has an open case already.
 */
export async function knownHouseholds(deps: WelfareDeps, q: string | undefined, page: PageContext) {
  const people = await referredPeople(deps, q, page);
  const households = [...new Set(people.map((p) => p.householdRef))];
  const withCases = await readAll(
    deps.models.cases.find({ householdRef: inList(households) }, { householdRef: 1, state: 1 }).lean(),
    caps.pageOfHouseholds,
  );
  const open = new Set(withCases.filter((c) => c.state !== 'closed').map((c) => c.householdRef));
  return people.map((p) => ({ ...p, openCase: open.has(p.householdRef) }));
}
