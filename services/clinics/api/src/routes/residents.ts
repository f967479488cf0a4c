import { createRateLimiter, defineRoute, tooManyRequests, type Principal, type RateLimiter } from '@hamgam/service-kit';
import type { Response } from 'express';
import { z } from 'zod';
import { recordConsent, residentConsents, withdrawConsent } from '../app/consents.js';
import { archiveHousehold, archiveResident, restoreHousehold, restoreResident } from '../app/archive.js';
import { clinicHouseholds, correctHousehold, householdDetail, registerHousehold } from '../app/households.js';
import { checkDuplicate, correctResident, registerResident, type CountLookup } from '../app/registration.js';
import { clinicResidents, readResident, residentAccessLog, type ResidentDeps } from '../app/residents.js';
import { piiFromConfig } from '../config.js';
import { clinicWorkers, registerReaders, type ClinicsDeps } from '../deps.js';
import { clinicIdParams, uuidParams } from './schemas/common.js';
import {
  accessEntrySchema,
  accessLogQuerySchema,
  householdChangeSchema,
  householdQuerySchema,
  residentListItemSchema,
  residentQuerySchema,
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
} from './schemas/residents.js';

/**
 * Whether a national id is registered is answered for every clinic of the province, so asking it is an
 * oracle: each user's look-ups (duplicate checks and registrations) are counted in the store, across
 * replicas, on the service's clock. Registering a household of eight with a check each is 16.
 */
export const nationalIdLookupLimiter = ({ models, clock }: Pick<ClinicsDeps, 'models' | 'clock'>): RateLimiter =>
  createRateLimiter({
    limit: 100,
    windowMs: 15 * 60_000,
    store: models.residents.db,
    name: 'national-id-lookups',
    now: () => clock.now().getTime(),
  });

/** Households, residents (their personal data sealed), consents and who read them: the handlers ask app/, which holds the rules. */
export function residentRoutes(deps: ClinicsDeps, lookups: RateLimiter = nationalIdLookupLimiter(deps)) {
  const residents: ResidentDeps = { ...deps, pii: piiFromConfig(deps.config) };
  const { models } = deps;

  /** The caller's next national-id look-up, or 429 (with Retry-After) past their limit: an HTTP-level limit, not a rule. */
  const countLookup =
    (principal: Principal, res: Response): CountLookup =>
    async () => {
      const verdict = await lookups.hit(principal.subject);
      if (verdict.allowed) return;
      res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
      throw tooManyRequests(
        `at most ${lookups.limit} national-id look-ups per ${lookups.windowMs / 60_000} minutes per user; try again later`,
      );
    };

  return [
    defineRoute({
      method: 'post',
      path: '/households',
      summary: 'Register a household at a clinic (its id becomes the householdRef of its needs assessment)',
      roles: clinicWorkers,
      body: newHouseholdSchema,
      response: householdViewSchema,
      status: 201,
      handler: ({ body, principal }) => registerHousehold(deps, principal, body),
    }),
    defineRoute({
      method: 'patch',
      path: '/households/:id',
      summary: 'Correct a household’s file number (own clinic staff; 409 when another household of the clinic has it)',
      roles: clinicWorkers,
      params: uuidParams,
      body: householdChangeSchema,
      response: householdDetailSchema,
      handler: ({ params, body, principal }) => correctHousehold(residents, principal, params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/households/:id/archive',
      summary: 'Archive a household registered by mistake (no member left on the register): hidden from lists, kept, restorable',
      roles: clinicWorkers,
      params: uuidParams,
      response: householdDetailSchema,
      handler: async ({ params, principal }) => {
        await archiveHousehold(residents, principal, params.id);
        return householdDetail(residents, principal, params.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/households/:id/restore',
      summary: 'Bring an archived household back onto the clinic’s lists',
      roles: clinicWorkers,
      params: uuidParams,
      response: householdDetailSchema,
      handler: async ({ params, principal }) => {
        await restoreHousehold(residents, principal, params.id);
        return householdDetail(residents, principal, params.id);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/clinics/:id/households',
      summary:
        'The households registered at a clinic (the head’s name for its own staff, logged), sorted (newest, oldest, file), archived hidden unless asked; `q`: file number, tracking code, or (own staff) a name or national id; paged (limit, after; X-Next-Cursor)',
      roles: registerReaders,
      params: clinicIdParams,
      query: householdQuerySchema,
      response: z.array(householdViewSchema),
      handler: ({ params, principal, query, req }, res) => clinicHouseholds(residents, principal, params.id, query, { query, req, res }),
    }),
    defineRoute({
      method: 'get',
      path: '/households/:id',
      summary: 'A household and its members (names and phones for the staff of its own clinic only; every such read is logged)',
      roles: registerReaders,
      params: uuidParams,
      response: householdDetailSchema,
      handler: ({ params, principal }) => householdDetail(residents, principal, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/residents/duplicate-check',
      summary:
        'Is this national id registered already? Found by its keyed blind index, without decrypting; logged in the resident’s access log; limited per user (429)',
      roles: clinicWorkers,
      body: duplicateCheckSchema,
      response: duplicateAnswerSchema,
      handler: ({ body, principal }, res) => checkDuplicate(residents, principal, body, countLookup(principal, res)),
    }),
    defineRoute({
      method: 'post',
      path: '/households/:id/residents',
      summary:
        'Register a resident into a household (409 if the national id is registered already: the resident at this clinic, or only “another clinic”); limited per user like the duplicate check',
      roles: clinicWorkers,
      params: uuidParams,
      body: newResidentSchema,
      response: residentViewSchema,
      status: 201,
      handler: ({ params, body, principal }, res) => registerResident(residents, principal, params.id, body, countLookup(principal, res)),
    }),
    defineRoute({
      method: 'get',
      path: '/clinics/:id/residents',
      summary:
        'The residents registered at a clinic with their household’s file number and, for its own staff, their name (each read logged; no phone or national id); sorted, filtered by relation, archived hidden unless asked; `q` as for households; paged',
      roles: registerReaders,
      params: clinicIdParams,
      query: residentQuerySchema,
      response: z.array(residentListItemSchema),
      handler: ({ params, principal, query, req }, res) => clinicResidents(residents, principal, params.id, query, { query, req, res }),
    }),
    defineRoute({
      method: 'get',
      path: '/residents/:id',
      summary: 'A resident (name, phone and national id for the staff of their own clinic only; the read is logged)',
      roles: registerReaders,
      params: uuidParams,
      response: residentViewSchema,
      handler: ({ params, principal }) => readResident(residents, principal, params.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/residents/:id',
      summary:
        'Correct a resident’s name, phone, relation or birth year (own clinic staff; logged). A national id is never changed: register again.',
      roles: clinicWorkers,
      params: uuidParams,
      body: residentChangeSchema,
      response: residentViewSchema,
      handler: ({ params, body, principal }) => correctResident(residents, principal, params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/residents/:id/archive',
      summary:
        'Archive a resident registered by mistake (409 while a referral of theirs is open): hidden from lists, kept, restorable; logged',
      roles: clinicWorkers,
      params: uuidParams,
      response: residentViewSchema,
      handler: async ({ params, principal }) => {
        await archiveResident(residents, principal, params.id);
        return readResident(residents, principal, params.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/residents/:id/restore',
      summary: 'Bring an archived resident back onto the clinic’s lists (409 while their household is archived); logged',
      roles: clinicWorkers,
      params: uuidParams,
      response: residentViewSchema,
      handler: async ({ params, principal }) => {
        await restoreResident(residents, principal, params.id);
        return readResident(residents, principal, params.id);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/residents/:id/consents',
      summary: 'A resident’s consents, per purpose and receiving agency, with their status now',
      roles: registerReaders,
      params: uuidParams,
      response: z.array(consentViewSchema),
      handler: ({ params, principal }) => residentConsents(deps, principal, params.id),
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
      handler: ({ params, body, principal }) => recordConsent(deps, principal, params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/residents/:id/consents/:consentId/withdraw',
      summary: 'Withdraw a consent from now on (nothing more is shared under it)',
      roles: clinicWorkers,
      params: consentParams,
      response: consentViewSchema,
      handler: ({ params, principal, cause }) =>
        withdrawConsent(deps, principal, { residentId: params.id, consentId: params.consentId }, cause),
    }),
    defineRoute({
      method: 'get',
      path: '/residents/:id/access-log',
      summary:
        'Who read or changed this resident’s personal data, and when, newest (or oldest) first, of one kind if asked (auditors; the staff of the resident’s own clinic); paged',
      roles: ['auditor', 'clinic-worker'],
      params: uuidParams,
      query: accessLogQuerySchema,
      response: z.array(accessEntrySchema),
      handler: ({ params, principal, query, req }, res) => residentAccessLog(models, principal, params.id, query, { query, req, res }),
    }),
  ];
}
