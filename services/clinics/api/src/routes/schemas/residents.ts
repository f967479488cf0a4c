import { isoDateSchema, partnerAgencySchema, slugIdSchema } from '@hamgam/contracts';
import { pageQueryShape } from '@hamgam/service-kit';
import { z } from 'zod';
import { consentPurposes } from '../../domain/consent.js';
import { householdRelations } from '../../data/residents.js';
import { accessActions } from '../../data/access-log.js';

export const consentParams = z.object({ id: z.uuid(), consentId: z.uuid() }).strict();

/** A paper file number: letters, digits, -, / or _ (Persian digits read as Latin). Required by the rule, not here, so a blank one is a 422 naming the field. */
const fileNumberSchema = z
  .string()
  .trim()
  .max(40)
  .transform((v) =>
    v
      .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)),
  )
  .pipe(z.string().regex(/^[\w\-/]*$/, 'letters, digits, -, / or _'));

export const newHouseholdSchema = z.object({ clinicId: slugIdSchema, fileNumber: fileNumberSchema.default('') }).strict();
export const householdChangeSchema = z.object({ fileNumber: fileNumberSchema }).strict();

/** What a clinic's search box sends: a name, a national id, a file number or a tracking code (see app/clinic-search.ts). */
const searchText = z.string().trim().min(1).max(120).optional();
const archivedQuery = z.enum(['exclude', 'include', 'only']).default('exclude');
const newestOrOldest = z.enum(['newest', 'oldest']).default('newest');

export const householdQuerySchema = z
  .object({ ...pageQueryShape, q: searchText, sort: z.enum(['newest', 'oldest', 'file']).default('newest'), archived: archivedQuery })
  .strict();
export const residentQuerySchema = z
  .object({
    ...pageQueryShape,
    q: searchText,
    sort: newestOrOldest,
    archived: archivedQuery,
    relation: z.enum(householdRelations).optional(),
    /** `ending`: only residents with a consent in force ending within the next two weeks (the home's card). */
    consents: z.enum(['ending']).optional(),
  })
  .strict();
export const accessLogQuerySchema = z
  .object({ ...pageQueryShape, sort: newestOrOldest, action: z.enum(accessActions).optional() })
  .strict();

/** Typed by clinic staff: Persian, Arabic-Indic or Latin digits, spaces and dashes allowed (normalised later). */
const nationalIdInput = z.string().trim().min(8).max(20);

export const newResidentSchema = z
  .object({
    nationalId: nationalIdInput,
    fullName: z.string().trim().min(2).max(120),
    phone: z
      .string()
      .trim()
      .regex(/^[+\d\u06f0-\u06f9\u0660-\u0669\s-]{7,20}$/, 'a phone number'),
    relation: z.enum(householdRelations),
    birthYear: z.number().int().min(1300).max(1500).nullable().default(null),
  })
  .strict();

export const residentChangeSchema = z
  .object({
    fullName: z.string().trim().min(2).max(120).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[+\d\u06f0-\u06f9\u0660-\u0669\s-]{7,20}$/, 'a phone number')
      .optional(),
    relation: z.enum(householdRelations).optional(),
    birthYear: z.number().int().min(1300).max(1500).nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const duplicateCheckSchema = z.object({ clinicId: slugIdSchema, nationalId: nationalIdInput }).strict();
export const duplicateAnswerSchema = z.object({ exists: z.boolean(), sameClinic: z.boolean(), residentId: z.string().optional() });

const personalSchema = z.object({ nationalId: z.string(), fullName: z.string(), phone: z.string() });

/** A resident as the API shows them: `personal` is null for anyone but the staff of the resident's own clinic. */
export const residentViewSchema = z.object({
  id: z.string(),
  householdId: z.string(),
  clinicId: z.string(),
  neighbourhoodId: z.string(),
  relation: z.enum(householdRelations),
  birthYear: z.number().nullable(),
  registeredAt: z.date(),
  archivedAt: z.date().nullable(),
  personal: personalSchema.nullable(),
});

/** A row of a clinic's residents: the name for the clinic's own staff (null for anyone else) and the household's file number. */
export const residentListItemSchema = residentViewSchema.extend({ fullName: z.string().nullable(), fileNumber: z.string() });

export const householdViewSchema = z.object({
  id: z.string(),
  clinicId: z.string(),
  neighbourhoodId: z.string(),
  fileNumber: z.string(),
  registeredAt: z.date(),
  members: z.number(),
  assessedAt: z.date().nullable(),
  hasDraft: z.boolean(),
  archivedAt: z.date().nullable(),
  /** The head's name, for the clinic's own staff in its list (null elsewhere). */
  headName: z.string().nullable(),
});

export const householdDetailSchema = householdViewSchema.extend({ residents: z.array(residentViewSchema) });

export const newConsentSchema = z
  .object({ purpose: z.enum(consentPurposes), agency: partnerAgencySchema, expiresOn: isoDateSchema })
  .strict();

export const consentViewSchema = z.object({
  id: z.string(),
  residentId: z.string(),
  purpose: z.enum(consentPurposes),
  agency: partnerAgencySchema,
  grantedAt: z.date(),
  expiresOn: z.string(),
  withdrawnAt: z.date().nullable(),
  status: z.enum(['active', 'expired', 'withdrawn', 'pending']),
});

export const accessEntrySchema = z.object({
  id: z.string(),
  action: z.enum(accessActions),
  actor: z.string(),
  actorName: z.string(),
  at: z.date(),
  actorClinicId: z.string().nullable(),
  purpose: z.string().nullable(),
});
