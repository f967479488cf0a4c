import { isoDateSchema, localizedNameSchema, opaqueIdSchema, slugIdSchema } from '@hamgam/contracts';
import { pageQueryShape } from '@hamgam/service-kit';
import { z } from 'zod';
import { applicationStates } from '../domain/applications.js';

const rials = z.number().int().positive().max(1e15);
const trades = z.array(slugIdSchema).min(1).max(20);
const text = (max: number) => z.string().trim().min(1).max(max);

export const idParams = z.object({ id: opaqueIdSchema }).strict();
/** A reason given to the institute (a rejection, a cancellation). */
export const reasonBody = z.object({ reason: text(500) }).strict();

// Institutes ------------------------------------------------------------------------------------------

export const instituteFields = z
  .object({
    name: localizedNameSchema,
    licenceNo: z.string().regex(/^[A-Z0-9-]{4,32}$/, 'a licence number such as KRM-1402-118'),
    licenceValidUntil: isoDateSchema,
    neighbourhoodId: slugIdSchema,
    address: text(300),
    trades,
  })
  .strict();
// Left out (as the UI does), the API makes the id: nobody types a slug.
export const newInstituteBody = instituteFields.extend({ instituteId: slugIdSchema.optional() }).strict();
export const instituteQuery = z
  .object({
    ...pageQueryShape,
    /** Words of the institute's name, in either language. */
    q: z.string().trim().max(80).optional(),
    neighbourhoodId: slugIdSchema.optional(),
    trade: slugIdSchema.max(40).optional(),
    /** Licences ending soonest first (to renew), or latest first. */
    order: z.enum(['asc', 'desc']).default('asc'),
  })
  .strict();
export const instituteParams = z.object({ id: slugIdSchema }).strict();
export const instituteView = instituteFields.extend({ instituteId: slugIdSchema, licenceValid: z.boolean(), updatedAt: z.iso.datetime() });

// Calls -----------------------------------------------------------------------------------------------

export const callFields = z
  .object({
    title: localizedNameSchema,
    budgetRials: rials,
    neighbourhoodIds: z.array(slugIdSchema).min(1).max(20),
    trades,
    opensOn: isoDateSchema,
    closesOn: isoDateSchema,
  })
  .strict();
export const callView = callFields.extend({
  callId: opaqueIdSchema,
  status: z.enum(['upcoming', 'open', 'closed']),
  awardedRials: z.number().int(),
  availableRials: z.number().int(),
  createdAt: z.iso.datetime(),
});

// Applications ----------------------------------------------------------------------------------------

export const applicationQuery = z
  .object({ ...pageQueryShape, callId: opaqueIdSchema.optional(), state: z.enum(applicationStates).optional() })
  .strict();
export const newApplicationBody = z
  .object({
    callId: opaqueIdSchema,
    instituteId: slugIdSchema,
    trades,
    proposedSeats: z.number().int().positive().max(1000),
    amountRequestedRials: rials,
  })
  .strict();

const conditionSchema = z
  .object({ kind: z.enum(['enrolments', 'completions']), atLeast: z.number().int().positive().max(10_000) })
  .strict();
export const awardBody = z
  .object({
    amountRials: rials,
    seats: z.number().int().positive().max(1000),
    plan: z
      .array(z.object({ percent: z.number().int().min(1).max(100), condition: conditionSchema }).strict())
      .min(1)
      .max(6),
  })
  .strict();

const awardSummary = z.object({
  amountRials: z.number().int(),
  seats: z.number().int(),
  status: z.enum(['active', 'completed', 'cancelled']),
  awardedAt: z.iso.datetime(),
});
export const applicationView = z.object({
  applicationId: opaqueIdSchema,
  callId: opaqueIdSchema,
  instituteId: slugIdSchema,
  trades: z.array(z.string()),
  proposedSeats: z.number().int(),
  amountRequestedRials: z.number().int(),
  state: z.enum(applicationStates),
  submittedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  rejectionReason: z.string().nullable(),
  award: awardSummary.nullable(),
});

// Awards ----------------------------------------------------------------------------------------------

export const trancheParams = z.object({ id: opaqueIdSchema, no: z.coerce.number().int().min(1).max(6) }).strict();
export const paymentBody = z.object({ paymentRef: z.string().regex(/^[A-Za-z0-9-]{3,40}$/, 'a bank reference') }).strict();

const trancheView = z.object({
  trancheNo: z.number().int(),
  percent: z.number().int(),
  condition: conditionSchema,
  amountRials: z.number().int(),
  state: z.enum(['pending', 'released', 'paid', 'cancelled']),
  releasable: z.boolean(),
  releasedAt: z.iso.datetime().nullable(),
  verifiedEnrolments: z.number().int().nullable(),
  verifiedCompletions: z.number().int().nullable(),
  paidAt: z.iso.datetime().nullable(),
  paymentRef: z.string().nullable(),
});
export const awardView = z.object({
  awardId: opaqueIdSchema,
  callId: opaqueIdSchema,
  instituteId: slugIdSchema,
  trades: z.array(z.string()),
  amountRials: z.number().int(),
  seats: z.number().int(),
  neighbourhoodIds: z.array(z.string()),
  status: z.enum(['active', 'completed', 'cancelled']),
  awardedAt: z.iso.datetime(),
  cancelReason: z.string().nullable(),
  verified: z.object({ enrolments: z.number().int(), completions: z.number().int() }),
  releasedRials: z.number().int(),
  paidRials: z.number().int(),
  tranches: z.array(trancheView),
  benefits: z.array(
    z.object({
      benefitId: opaqueIdSchema,
      householdRef: opaqueIdSchema,
      amountRials: z.number().int(),
      trancheNo: z.number().int(),
      grantedAt: z.iso.datetime(),
    }),
  ),
});

// Ledger ----------------------------------------------------------------------------------------------

export const ledgerSchema = z.object({
  balanced: z.boolean(),
  trialBalance: z.number().int(),
  problems: z.array(z.string()),
  unposted: z.array(z.string()),
  accounts: z.array(z.object({ account: z.string(), balance: z.number().int() })),
  calls: z.array(
    z.object({
      callId: z.string(),
      title: localizedNameSchema,
      budget: z.number().int(),
      available: z.number().int(),
      committed: z.number().int(),
      payable: z.number().int(),
      paid: z.number().int(),
    }),
  ),
  postings: z.array(
    z.object({
      postingId: z.string(),
      kind: z.enum(['budget', 'award', 'release', 'payment', 'cancellation']),
      callId: z.string(),
      awardId: z.string().nullable(),
      trancheNo: z.number().int().nullable(),
      lines: z.array(z.object({ account: z.string(), debit: z.number().int(), credit: z.number().int() })),
      postedAt: z.iso.datetime(),
    }),
  ),
});

// Duplicate-benefit flags -----------------------------------------------------------------------------

export const flagParams = z.object({ flagId: z.string().regex(/^[0-9a-f]{24}$/) }).strict();
export const noteBody = z.object({ note: text(500) }).strict();
export const flagReviewView = z.object({ note: z.string(), reviewedAt: z.iso.datetime() });
export const flagView = z.object({
  flagId: z.string(),
  householdRef: opaqueIdSchema,
  /** How a screen names the household (HH-XXXX-XXXX from the ref): never the ref itself. */
  householdNumber: z.string(),
  purpose: z.string(),
  crossAgency: z.boolean(),
  totalRials: z.number().int(),
  benefits: z.array(
    z.object({
      benefitId: opaqueIdSchema,
      source: z.enum(['institute-funding', 'relief-partnerships']),
      amountRials: z.number().int(),
      grantedAt: z.iso.datetime(),
      purpose: z.string(),
      householdRef: z.string(),
    }),
  ),
  review: flagReviewView.nullable(),
});
