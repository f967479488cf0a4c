import { dayOf, isPastDay } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import {
  assertClinicInScope,
  badRequest,
  caps,
  conflict,
  createRateLimiter,
  defineRoute,
  forbidden,
  isDuplicateKey,
  notFound,
  pageOf,
  pageQuerySchema,
  readAll,
  tooManyRequests,
  type Principal,
  type RateLimiter,
} from '@hamgam/service-kit';
import type { Response } from 'express';
import { z } from 'zod';
import { withdrawReferralsWithoutConsent } from '../app/referrals.js';
import { isOwnClinicStaff, loadHouseholdInScope, loadResidentInScope, logAccess, residentLockKey } from '../app/residents.js';
import { piiFromConfig } from '../config.js';
import { clinicWorkers, registerReaders, type ClinicsDeps } from '../deps.js';
import type { StoredConsent, StoredHousehold, StoredResident } from '../data/residents.js';
import { consentStatus } from '../domain/consent.js';
import { InvalidNationalIdError, parseNationalId, toLatinDigits } from '../domain/national-id.js';
import type { PiiProtector } from '../domain/pii.js';
import {
  accessEntrySchema,
  clinicIdParams,
  consentParams,
  consentViewSchema,
  duplicateAnswerSchema,
  duplicateCheckSchema,
  householdDetailSchema,
  householdViewSchema,
  newConsentSchema,
  newHouseholdSchema,
  newResidentSchema,
  residentChangeSchema,
  residentViewSchema,
  uuidParams,
} from './resident-schemas.js';


function nationalIdOrBadRequest(input: string): string {
  try {
    return parseNationalId(input);
  } catch (error) {
    if (error instanceof InvalidNationalIdError) throw badRequest(error.message, { errors: [{ path: 'nationalId', message: error.message }] });
    throw error;
  }
}

const normalisePhone = (phone: string) => toLatinDigits(phone).replace(/[\s-]/g, '');

const residentFields = (resident: Omit<StoredResident, 'pii' | 'nationalIdIndex'>) => ({
  id: resident._id,
  householdId: resident.householdId,
  clinicId: resident.clinicId,
  neighbourhoodId: resident.neighbourhoodId,
  relation: resident.relation,
  birthYear: resident.birthYear ?? null,
  registeredAt: resident.registeredAt,
});

/** Personal data is decrypted only for the staff of the resident's own clinic; everyone else gets `personal: null`. */
export function residentView(resident: StoredResident, principal: Principal, pii: PiiProtector) {
  return { ...residentFields(resident), personal: isOwnClinicStaff(principal, resident.clinicId) ? pii.decrypt(resident.pii) : null };
}

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

/** The staff of this clinic only (coordinators and auditors watch; they do not register or change residents). */
function assertOwnClinicStaff(principal: Principal, clinicId: string): void {
  assertClinicInScope(principal, clinicId);
  if (!isOwnClinicStaff(principal, clinicId)) throw forbidden(`only the staff of clinic ${clinicId} may do this`);
}

/**
 * Whether a national id is registered is answered for every clinic of the province, so asking it is an
 * oracle: each user's look-ups (duplicate checks and registrations) are counted in the store, across
 * replicas, on the service's clock. Registering a household of eight with a check each is 16.
 */
export const nationalIdLookupLimiter = ({ models, clock }: Pick<ClinicsDeps, 'models' | 'clock'>): RateLimiter =>
  createRateLimiter({ limit: 100, windowMs: 15 * 60_000, store: models.residents.db, name: 'national-id-lookups', now: () => clock.now().getTime() });

export function residentRoutes(deps: ClinicsDeps, lookups: RateLimiter = nationalIdLookupLimiter(deps)) {
  const { models, config, clock } = deps;
  const pii = piiFromConfig(config);

  async function countLookup(principal: Principal, res: Response): Promise<void> {
    const verdict = await lookups.hit(principal.subject);
    if (verdict.allowed) return;
    res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
    throw tooManyRequests(`at most ${lookups.limit} national-id look-ups per ${lookups.windowMs / 60_000} minutes per user; try again later`);
  }

  /** A look-up that found someone goes into their access log, whichever clinic asked. */
  const logLookup = (existing: { _id: string; clinicId: string }, principal: Principal, askingClinicId: string) =>
    logAccess(models, {
      residentIds: [existing._id], clinicId: existing.clinicId, action: 'duplicate-check', principal, at: clock.now(), actorClinicId: askingClinicId, purpose: 'registration',
    });

  /**
   * Members, assessment and draft of each household of a page. One equality lookup per household rather
   * than one `$in` over the page: FerretDB 1.24 pushes equality down to the store's index but evaluates
   * `$in` itself over every document of the clinic (bench:scale: 1.4 s a page at 10k households, past the
   * 5 s query limit at 100k).
   */
  async function householdSummaries(households: StoredHousehold[]) {
    return Promise.all(
      households.map(async (h) => {
        const [members, assessment, draft] = await Promise.all([
          models.residents.countDocuments({ householdId: h._id }),
          models.assessments.findOne({ neighbourhoodId: h.neighbourhoodId, householdRef: h._id }, { createdAt: 1 }).lean(),
          models.assessmentDrafts.exists({ _id: h._id }),
        ]);
        return {
          id: h._id,
          clinicId: h.clinicId,
          neighbourhoodId: h.neighbourhoodId,
          fileNumber: h.fileNumber ?? '',
          registeredAt: h.registeredAt,
          members,
          assessedAt: assessment?.createdAt ?? null,
          hasDraft: draft !== null,
        };
      }),
    );
  }

  /**
   * Finds who already holds this national id, by its blind index (nothing is decrypted). While the index
   * key is being rotated a record may still carry the previous key's index, so each index is looked up;
   * one equality lookup each, since FerretDB evaluates `$in` itself over the whole collection.
   */
  async function findByNationalId(nationalId: string) {
    for (const nationalIdIndex of pii.blindIndexes(nationalId)) {
      const holder = await models.residents.findOne({ nationalIdIndex }, { _id: 1, clinicId: 1 }).lean();
      if (holder) return holder;
    }
    return null;
  }

  const duplicateProblem = (existing: { _id: string; clinicId: string }, clinicId: string) =>
    existing.clinicId === clinicId
      ? conflict(`this national id is already registered at this clinic as resident ${existing._id}`)
      : conflict('this national id is already registered at another clinic');

  return [
    defineRoute({
      method: 'post',
      path: '/households',
      summary: 'Register a household at a clinic (its id becomes the householdRef of its needs assessment)',
      roles: clinicWorkers,
      body: newHouseholdSchema,
      response: householdViewSchema,
      status: 201,
      handler: async ({ body, principal }) => {
        assertOwnClinicStaff(principal, body.clinicId);
        const clinic = await models.clinics.findById(body.clinicId).lean();
        if (!clinic) throw notFound(`clinic ${body.clinicId} does not exist`);
        const household = await models.households.create({
          _id: randomUUID(), clinicId: clinic._id, neighbourhoodId: clinic.neighbourhoodId, fileNumber: body.fileNumber,
          registeredBy: principal.subject, registeredAt: clock.now(),
        });
        return (await householdSummaries([household.toObject()]))[0]!;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/clinics/:id/households',
      summary: 'The households registered at a clinic (no personal data), newest first; paged (limit, after; X-Next-Cursor)',
      roles: registerReaders,
      params: clinicIdParams,
      query: pageQuerySchema,
      response: z.array(householdViewSchema),
      handler: async ({ params, principal, query, req }, res) => {
        assertClinicInScope(principal, params.id);
        const households = await pageOf(models.households.find({ clinicId: params.id }).lean(), { query, req }, res, { by: 'registeredAt', order: -1 });
        return householdSummaries(households);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/households/:id',
      summary: 'A household and its members (names and phones for the staff of its own clinic only; every such read is logged)',
      roles: registerReaders,
      params: uuidParams,
      response: householdDetailSchema,
      handler: async ({ params, principal }) => {
        const household = await loadHouseholdInScope(models, principal, params.id);
        const residents = await readAll(models.residents.find({ householdId: household._id }).sort({ registeredAt: 1 }).lean(), caps.perPerson);
        const [summary] = await householdSummaries([household]);
        const views = residents.map((r) => residentView(r, principal, pii));
        if (isOwnClinicStaff(principal, household.clinicId)) {
          await logAccess(models, { residentIds: residents.map((r) => r._id), clinicId: household.clinicId, action: 'read', principal, at: clock.now() });
        }
        return { ...summary!, residents: views };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/residents/duplicate-check',
      summary: 'Is this national id registered already? Found by its keyed blind index, without decrypting; logged in the resident’s access log; limited per user (429)',
      roles: clinicWorkers,
      body: duplicateCheckSchema,
      response: duplicateAnswerSchema,
      handler: async ({ body, principal }, res) => {
        assertOwnClinicStaff(principal, body.clinicId);
        const nationalId = nationalIdOrBadRequest(body.nationalId);
        await countLookup(principal, res);
        const existing = await findByNationalId(nationalId);
        if (!existing) return { exists: false, sameClinic: false };
        await logLookup(existing, principal, body.clinicId);
        // Another clinic's worker learns only what stops a second registration — the person has a file
        // elsewhere, so ask them where (or arrange a transfer with that clinic) — never which clinic or
        // their id: that would locate the person, and some residents moved away from someone on purpose.
        if (existing.clinicId !== body.clinicId) return { exists: true, sameClinic: false };
        return { exists: true, sameClinic: true, residentId: existing._id };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/households/:id/residents',
      summary: 'Register a resident into a household (409 if the national id is registered already: the resident at this clinic, or only “another clinic”); limited per user like the duplicate check',
      roles: clinicWorkers,
      params: uuidParams,
      body: newResidentSchema,
      response: residentViewSchema,
      status: 201,
      handler: async ({ params, body, principal }, res) => {
        const household = await loadHouseholdInScope(models, principal, params.id);
        assertOwnClinicStaff(principal, household.clinicId);
        const nationalId = nationalIdOrBadRequest(body.nationalId);
        // The 409 answers the duplicate check's question: counted and logged the same way.
        await countLookup(principal, res);
        const existing = await findByNationalId(nationalId);
        if (existing) {
          await logLookup(existing, principal, household.clinicId);
          throw duplicateProblem(existing, household.clinicId);
        }
        const now = clock.now();
        const resident = {
          _id: randomUUID(),
          householdId: household._id,
          clinicId: household.clinicId,
          neighbourhoodId: household.neighbourhoodId,
          relation: body.relation,
          birthYear: body.birthYear,
          pii: pii.encrypt({ nationalId, fullName: body.fullName, phone: normalisePhone(body.phone) }),
          nationalIdIndex: pii.blindIndex(nationalId),
          registeredBy: principal.subject,
          registeredAt: now,
          updatedAt: now,
        };
        try {
          await models.residents.create(resident);
        } catch (error) {
          // Two registrations of one id at the same moment: the unique blind index lets only one through.
          if (isDuplicateKey(error)) {
            const winner = await findByNationalId(nationalId);
            if (winner) {
              await logLookup(winner, principal, household.clinicId);
              throw duplicateProblem(winner, household.clinicId);
            }
          }
          throw error;
        }
        await logAccess(models, { residentIds: [resident._id], clinicId: resident.clinicId, action: 'register', principal, at: now });
        return residentView(resident, principal, pii);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/clinics/:id/residents',
      summary: 'The residents registered at a clinic: ids, households and relations only (no personal data), newest first; paged',
      roles: registerReaders,
      params: clinicIdParams,
      query: pageQuerySchema,
      response: z.array(residentViewSchema),
      handler: async ({ params, principal, query, req }, res) => {
        assertClinicInScope(principal, params.id);
        const residents = await pageOf(models.residents.find({ clinicId: params.id }, { pii: 0, nationalIdIndex: 0 }).lean(), { query, req }, res, { by: 'registeredAt', order: -1 });
        return residents.map((r) => ({ ...residentFields(r), personal: null }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/residents/:id',
      summary: 'A resident (name, phone and national id for the staff of their own clinic only; the read is logged)',
      roles: registerReaders,
      params: uuidParams,
      response: residentViewSchema,
      handler: async ({ params, principal }) => {
        const resident = await loadResidentInScope(models, principal, params.id);
        const view = residentView(resident, principal, pii);
        if (view.personal) await logAccess(models, { residentIds: [resident._id], clinicId: resident.clinicId, action: 'read', principal, at: clock.now() });
        return view;
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/residents/:id',
      summary: 'Correct a resident’s name, phone, relation or birth year (own clinic staff; logged). A national id is never changed: register again.',
      roles: clinicWorkers,
      params: uuidParams,
      body: residentChangeSchema,
      response: residentViewSchema,
      handler: async ({ params, body, principal }) => {
        // Read, decrypt and write back under the resident's lease, as the re-seal job does: two writers of one
        // record at once would otherwise lose a change (FerretDB's updates are not atomic).
        const updated = await deps.locks.run(residentLockKey(models), params.id, async () => {
          const resident = await loadResidentInScope(models, principal, params.id);
          assertOwnClinicStaff(principal, resident.clinicId);
          const personal = pii.decrypt(resident.pii);
          const nextPersonal = {
            ...personal,
            ...(body.fullName !== undefined && { fullName: body.fullName }),
            ...(body.phone !== undefined && { phone: normalisePhone(body.phone) }),
          };
          const changes = {
            // A changed record is sealed and indexed under the current keys, whatever it was under before.
            pii: pii.encrypt(nextPersonal),
            nationalIdIndex: pii.blindIndex(personal.nationalId),
            updatedAt: clock.now(),
            ...(body.relation !== undefined && { relation: body.relation }),
            ...(body.birthYear !== undefined && { birthYear: body.birthYear }),
          };
          await models.residents.updateOne({ _id: resident._id }, { $set: changes });
          return { ...resident, ...changes };
        });
        await logAccess(models, { residentIds: [updated._id], clinicId: updated.clinicId, action: 'update', principal, at: updated.updatedAt });
        return residentView(updated, principal, pii);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/residents/:id/consents',
      summary: 'A resident’s consents, per purpose and receiving agency, with their status now',
      roles: registerReaders,
      params: uuidParams,
      response: z.array(consentViewSchema),
      handler: async ({ params, principal }) => {
        const resident = await loadResidentInScope(models, principal, params.id);
        const consents = await readAll(models.consents.find({ residentId: resident._id }).sort({ grantedAt: -1 }).lean(), caps.perPerson);
        const now = clock.now();
        return consents.map((c) => consentView(c, now));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/residents/:id/consents',
      summary: 'Record a resident’s consent for one purpose with one receiving agency, until an expiry day',
      roles: clinicWorkers,
      // Lets another agency receive the resident's data.
      sensitive: true,
      params: uuidParams,
      body: newConsentSchema,
      response: consentViewSchema,
      status: 201,
      handler: async ({ params, body, principal }) => {
        const resident = await loadResidentInScope(models, principal, params.id);
        assertOwnClinicStaff(principal, resident.clinicId);
        const now = clock.now();
        if (isPastDay(body.expiresOn, dayOf(now))) throw badRequest('the expiry day has passed already', { errors: [{ path: 'expiresOn', message: 'in the past' }] });
        const consent: StoredConsent = {
          _id: randomUUID(), residentId: resident._id, clinicId: resident.clinicId, purpose: body.purpose, agency: body.agency,
          grantedAt: now, expiresOn: body.expiresOn, grantedBy: principal.subject, withdrawnAt: null, withdrawnBy: null,
        };
        await models.consents.create(consent);
        return consentView(consent, now);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/residents/:id/consents/:consentId/withdraw',
      summary: 'Withdraw a consent from now on (nothing more is shared under it)',
      roles: clinicWorkers,
      params: consentParams,
      response: consentViewSchema,
      handler: async ({ params, principal, correlationId }) => {
        const resident = await loadResidentInScope(models, principal, params.id);
        assertOwnClinicStaff(principal, resident.clinicId);
        const now = clock.now();
        // Conditional on "not withdrawn yet": withdrawing twice (or at once from two screens) keeps the first moment.
        const result = await models.consents.updateOne(
          { _id: params.consentId, residentId: resident._id, withdrawnAt: null },
          { $set: { withdrawnAt: now, withdrawnBy: principal.subject } },
        );
        const consent = await models.consents.findOne({ _id: params.consentId, residentId: resident._id }).lean();
        if (!consent) throw notFound(`consent ${params.consentId} of resident ${resident._id} does not exist`);
        if (result.modifiedCount === 0) throw conflict('this consent was withdrawn already');
        if (consent.purpose === 'referral') {
          const withdrawn = await withdrawReferralsWithoutConsent(deps, principal, { residentId: resident._id, agency: consent.agency, correlationId });
          deps.flushOutbox(withdrawn);
        }
        return consentView(consent, now);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/residents/:id/access-log',
      summary: 'Who read or changed this resident’s personal data, and when, newest first (auditors; the staff of the resident’s own clinic); paged',
      roles: ['auditor', 'clinic-worker'],
      params: uuidParams,
      query: pageQuerySchema,
      response: z.array(accessEntrySchema),
      handler: async ({ params, principal, query, req }, res) => {
        const resident = await loadResidentInScope(models, principal, params.id);
        if (!principal.roles.includes('auditor') && !isOwnClinicStaff(principal, resident.clinicId)) {
          throw forbidden('only auditors and the staff of the resident’s clinic read the access log');
        }
        const entries = await pageOf(models.accessLog.find({ residentId: resident._id }).lean(), { query, req }, res, { by: 'at', order: -1 });
        return entries.map(({ _id, action, actor, actorName, at, actorClinicId, purpose }) => ({
          id: _id, action, actor, actorName, at, actorClinicId: actorClinicId ?? null, purpose: purpose ?? null,
        }));
      },
    }),
  ];
}
