import { BrokenRuleError } from '@hamgam/service-kit/errors';

/** Partnership agreements with the Relief Committee and Basij Construction, and who may edit which. Pure. */
export const partners = ['relief-committee', 'basij-construction'] as const;
export type Partner = (typeof partners)[number];

/** The role that speaks for each partner: each edits only its own agreements. */
export const partnerRole = { 'relief-committee': 'relief-officer', 'basij-construction': 'basij-liaison' } as const satisfies Record<
  Partner,
  string
>;

export const agreementStatuses = ['draft', 'signed', 'terminated'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];
export type AgreementStanding = 'draft' | 'upcoming' | 'active' | 'expired' | 'terminated';

export interface AgreementDates {
  status: AgreementStatus;
  startsOn: string;
  endsOn: string;
  signedOn: string | null;
}

/** Checks an agreement's dates and signature: a broken rule (422) names the field at fault. */
export function checkAgreement(a: AgreementDates): void {
  if (a.endsOn < a.startsOn)
    throw new BrokenRuleError('agreement-ends-before-start', 'an agreement ends on or after the day it starts', 'endsOn');
  if (a.status === 'draft' && a.signedOn !== null) throw new BrokenRuleError('draft-signed', 'a draft is not signed yet', 'signedOn');
  if (a.status !== 'draft' && a.signedOn === null)
    throw new BrokenRuleError('signed-without-day', 'a signed agreement has its signing day', 'signedOn');
}

/** An agreement stays with the partner it was made with. */
export function checkSamePartner(stored: Partner, given: Partner): void {
  if (given !== stored) throw new BrokenRuleError('agreement-partner-fixed', 'an agreement’s partner cannot change', 'partner');
}

/** Where an agreement stands today. */
export function standingOf(a: AgreementDates, today: string): AgreementStanding {
  if (a.status === 'draft' || a.status === 'terminated') return a.status;
  if (today < a.startsOn) return 'upcoming';
  return today > a.endsOn ? 'expired' : 'active';
}
