import { createRateLimiter, defineRoute, pageQuerySchema, tooManyRequests, type Principal, type RateLimiter } from '@hamgam/service-kit';
import type { Response } from 'express';
import { z } from 'zod';
import { recordConsent, residentConsents, withdrawConsent } from '../app/consents.js';
import { clinicHouseholds, householdDetail, registerHousehold } from '../app/households.js';
import { checkDuplicate, correctResident, registerResident, type CountLookup } from '../app/registration.js';
import { clinicResidents, readResident, residentAccessLog, type ResidentDeps } from '../app/residents.js';
import { piiFromConfig } from '../config.js';
import { clinicWorkers, registerReaders, type ClinicsDeps } from '../deps.js';
import { clinicIdParams, uuidParams } from './schemas/common.js';
import {
  accessEntrySchema,
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
      method: 'get',
      path: '/clinics/:id/households',
      summary: 'The households registered at a clinic (no personal data), newest first; paged (limit, after; X-Next-Cursor)',
      roles: registerReaders,
      params: clinicIdParams,
      query: pageQuerySchema,
      response: z.array(householdViewSchema),
      handler: ({ params, principal, query, req }, res) => clinicHouseholds(models, principal, params.id, { query, req, res }),
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
      summary: 'The residents registered at a clinic: ids, households and relations only (no personal data), newest first; paged',
      roles: registerReaders,
      params: clinicIdParams,
      query: pageQuerySchema,
      response: z.array(residentViewSchema),
      handler: ({ params, principal, query, req }, res) => clinicResidents(models, principal, params.id, { query, req, res }),
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
        'Who read or changed this resident’s personal data, and when, newest first (auditors; the staff of the resident’s own clinic); paged',
      roles: ['auditor', 'clinic-worker'],
      params: uuidParams,
      query: pageQuerySchema,
      response: z.array(accessEntrySchema),
      handler: ({ params, principal, query, req }, res) => residentAccessLog(models, principal, params.id, { query, req, res }),
    }),
  ];
}
