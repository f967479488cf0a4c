import type { PartnerAgency } from '@hamgam/contracts';
import { dayOf, isPastDay } from '@hamgam/contracts/days';
import { BrokenRuleError } from '@hamgam/service-kit/errors';

/** Why a resident's data (as an opaque id) may travel to an agency. */
/** A consent ending within this many days (today included) is worth renewing before a referral needs it. */
export const CONSENT_WARNING_DAYS = 14;

export const consentPurposes = ['referral', 'eligibility-sharing', 'case-follow-up'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export interface Consent {
  purpose: ConsentPurpose;
  agency: PartnerAgency;
  grantedAt: Date;
  /** The last day it holds, inclusive: valid until the end of that day in Iran. */
  expiresOn: string;
  withdrawnAt?: Date | null;
}

export function isConsentActive(consent: Consent, at: Date): boolean {
  if (consent.grantedAt.getTime() > at.getTime()) return false;
  if (consent.withdrawnAt && consent.withdrawnAt.getTime() <= at.getTime()) return false;
  return !isPastDay(consent.expiresOn, dayOf(at));
}

/** Nothing is shared without a consent for exactly this purpose and this receiving agency, in force at that moment. */
export function consentCovers(
  consents: readonly Consent[],
  request: { purpose: ConsentPurpose; agency: PartnerAgency; at: Date },
): boolean {
  return consents.some((c) => c.purpose === request.purpose && c.agency === request.agency && isConsentActive(c, request.at));
}

/** A consent is recorded until a day still to come or today, never one that has passed. */
export function checkConsentExpiry(expiresOn: string, now: Date): void {
  if (isPastDay(expiresOn, dayOf(now)))
    throw new BrokenRuleError('consent-expiry-passed', 'the expiry day has passed already', 'expiresOn');
}

export type ConsentStatus = 'active' | 'expired' | 'withdrawn' | 'pending';

export function consentStatus(consent: Consent, at: Date): ConsentStatus {
  if (consent.withdrawnAt && consent.withdrawnAt.getTime() <= at.getTime()) return 'withdrawn';
  if (consent.grantedAt.getTime() > at.getTime()) return 'pending';
  return isConsentActive(consent, at) ? 'active' : 'expired';
}
