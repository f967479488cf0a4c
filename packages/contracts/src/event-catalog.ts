import type { z } from 'zod';
import { partnerAgencies, type PartnerAgency } from './shared.js';
import { offerPublishedV1 } from './events/offers.js';
import { priorityPublishedV1 } from './events/clinics.js';
import { actionItemAssignedV1, commitmentDeclaredV1, commitmentProgressedV1, commitmentStatusRecordedV1 } from './events/commitments.js';
import {
  benefitGrantedV1,
  eligibilityFlaggedV1,
  eligibilityRevokedV1,
  enrolmentCompletedV1,
  enrolmentRecordedV1,
  supportDecidedV1,
  supportDisbursedV1,
  trancheReleasedV1,
  workshopPermitIssuedV1,
} from './events/livelihood.js';
import { referralAcceptedV1, referralCompletedV1, referralDeclinedV1, referralMadeV1, referralWithdrawnV1 } from './events/referrals.js';

/** The same event, published by each partner agency under its own name (`<agency>.<aggregate>.<event>`). */
function fromEveryPartner<E extends string, S extends z.ZodType>(event: E, schema: S) {
  return Object.fromEntries(partnerAgencies.map((agency) => [`${agency}.${event}`, { 1: schema }])) as {
    [A in PartnerAgency as `${A}.${E}`]: { 1: S };
  };
}

/**
 * Every integration event the platform knows, by type and version. A consumer looks its message up
 * here: an unknown type or version, or data that does not parse, is a poison message.
 */
export const eventCatalog = {
  'clinics.priority.published': { 1: priorityPublishedV1 },
  'clinics.referral.made': { 1: referralMadeV1 },
  'clinics.referral.withdrawn': { 1: referralWithdrawnV1 },
  'coordination.action-item.assigned': { 1: actionItemAssignedV1 },
  'coordination.commitment.status-recorded': { 1: commitmentStatusRecordedV1 },
  ...fromEveryPartner('offer.published', offerPublishedV1),
  ...fromEveryPartner('referral.accepted', referralAcceptedV1),
  ...fromEveryPartner('referral.declined', referralDeclinedV1),
  ...fromEveryPartner('referral.completed', referralCompletedV1),
  ...fromEveryPartner('commitment.declared', commitmentDeclaredV1),
  ...fromEveryPartner('commitment.progressed', commitmentProgressedV1),
  'vocational-training.enrolment.recorded': { 1: enrolmentRecordedV1 },
  'vocational-training.enrolment.completed': { 1: enrolmentCompletedV1 },
  'vocational-training.permit.issued': { 1: workshopPermitIssuedV1 },
  'welfare.eligibility.flagged': { 1: eligibilityFlaggedV1 },
  'welfare.eligibility.revoked': { 1: eligibilityRevokedV1 },
  'relief-partnerships.support.decided': { 1: supportDecidedV1 },
  'relief-partnerships.support.disbursed': { 1: supportDisbursedV1 },
  'relief-partnerships.benefit.granted': { 1: benefitGrantedV1 },
  'institute-funding.benefit.granted': { 1: benefitGrantedV1 },
  'institute-funding.tranche.released': { 1: trancheReleasedV1 },
} as const satisfies Record<string, Record<number, z.ZodType>>;

export type EventType = keyof typeof eventCatalog;

/** The data type of one event version, e.g. `EventData<'clinics.priority.published', 1>`. */
export type EventData<T extends EventType, V extends keyof (typeof eventCatalog)[T]> =
  (typeof eventCatalog)[T][V] extends z.ZodType<infer D> ? D : never;

/** The partner-published event types of one kind, one per agency (for subscribing to all of them). */
export const partnerEventTypes = <E extends string>(event: E) =>
  partnerAgencies.map((agency) => `${agency}.${event}` as `${PartnerAgency}.${E}`);

export function schemaFor(type: string, version: number): z.ZodType | undefined {
  const versions = (eventCatalog as Record<string, Record<number, z.ZodType>>)[type];
  return versions?.[version];
}
