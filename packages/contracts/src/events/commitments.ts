import { z } from 'zod';
import { isoDateSchema, needCategorySchema, opaqueIdSchema, partnerAgencySchema, slugIdSchema } from '../shared.js';

/**
 * The working group assigned an action to an agency in a resolution. The coordination service holds it
 * as a commitment with the same id; the agency reports on it with `<agency>.commitment.progressed`.
 */
export const actionItemAssignedV1 = z
  .object({
    actionItemId: opaqueIdSchema,
    meetingId: opaqueIdSchema,
    resolutionId: opaqueIdSchema,
    agency: partnerAgencySchema,
    neighbourhoodId: slugIdSchema,
    /** The neighbourhood priority it answers; null when it answers none (the board shows it as unlinked). */
    answers: needCategorySchema.nullable(),
    title: z.string().min(3).max(200),
    dueOn: isoDateSchema,
    assignedAt: z.iso.datetime(),
  })
  .strict();
export type ActionItemAssignedV1 = z.infer<typeof actionItemAssignedV1>;

/** An agency planned an action of its own against a neighbourhood priority. */
export const commitmentDeclaredV1 = z
  .object({
    commitmentId: opaqueIdSchema,
    agency: partnerAgencySchema,
    neighbourhoodId: slugIdSchema,
    answers: needCategorySchema.nullable(),
    title: z.string().min(3).max(200),
    dueOn: isoDateSchema,
    declaredAt: z.iso.datetime(),
  })
  .strict();
export type CommitmentDeclaredV1 = z.infer<typeof commitmentDeclaredV1>;

export const commitmentStatuses = ['planned', 'in-progress', 'delivered', 'slipped'] as const;
export const commitmentStatusSchema = z.enum(commitmentStatuses);
export type CommitmentStatus = z.infer<typeof commitmentStatusSchema>;

/** A report on a commitment's progress: the same fields whoever makes it (the agency, or the coordination HQ). */
const commitmentReportShape = {
  commitmentId: opaqueIdSchema,
  /** The owner agency. */
  agency: partnerAgencySchema,
  status: z.enum(['in-progress', 'delivered', 'slipped']),
  /** What shows delivery (a list of certificates, a photo reference, a report number); no personal data. */
  evidence: z.string().min(1).max(500).nullable(),
  /** A slipped commitment's new due day, if one is given. */
  revisedDueOn: isoDateSchema.nullable(),
  at: z.iso.datetime(),
};

/** An agency reports on one of its commitments (its own, or an action item assigned to it). */
export const commitmentProgressedV1 = z.object(commitmentReportShape).strict();
export type CommitmentProgressedV1 = z.infer<typeof commitmentProgressedV1>;

/**
 * The coordination HQ recorded a status of an agency's commitment as the working group heard it (not the
 * agency's own report). The owner agency's desk applies it, so the desk and the programme board read the
 * same truth; the agency does not report it back.
 */
export const commitmentStatusRecordedV1 = z.object(commitmentReportShape).strict();
export type CommitmentStatusRecordedV1 = z.infer<typeof commitmentStatusRecordedV1>;
