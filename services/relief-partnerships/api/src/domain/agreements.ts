/** Partnership agreements with the Relief Committee and Basij Construction, and who may edit which. Pure. */
export const partners = ['relief-committee', 'basij-construction'] as const;
export type Partner = (typeof partners)[number];

/** The role that speaks for each partner: each edits only its own agreements. */
export const partnerRole = { 'relief-committee': 'relief-officer', 'basij-construction': 'basij-liaison' } as const satisfies Record<Partner, string>;

export const agreementStatuses = ['draft', 'signed', 'terminated'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];
export type AgreementStanding = 'draft' | 'upcoming' | 'active' | 'expired' | 'terminated';

export interface AgreementDates {
  status: AgreementStatus;
  startsOn: string;
  endsOn: string;
  signedOn: string | null;
}

/** Checks an agreement's dates; a RangeError says what is wrong. */
export function checkAgreement(a: AgreementDates): void {
  if (a.endsOn < a.startsOn) throw new RangeError('an agreement ends on or after the day it starts');
  if (a.status === 'draft' && a.signedOn !== null) throw new RangeError('a draft is not signed yet');
  if (a.status !== 'draft' && a.signedOn === null) throw new RangeError('a signed agreement has its signing day');
}

/** Where an agreement stands today. */
export function standingOf(a: AgreementDates, today: string): AgreementStanding {
  if (a.status === 'draft' || a.status === 'terminated') return a.status;
  if (today < a.startsOn) return 'upcoming';
  return today > a.endsOn ? 'expired' : 'active';
}
