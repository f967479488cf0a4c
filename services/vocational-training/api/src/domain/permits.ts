import { addDays, dayOf, jalaliYearOf } from '@hamgam/contracts/days';
import type { LocalizedText } from '@hamgam/contracts';
import { BrokenRuleError, IllegalStepError } from '@hamgam/service-kit/errors';
import { guardStep } from './transitions.js';

/**
 * A workshop permit application: submitted → documents-complete (every checklist item received) →
 * inspected → approved | rejected; an approved permit expires when its validity ends and is renewed
 * (renewed → expired → renewed …). Expiry is a fact of the calendar: `effectiveStatus` derives it.
 */
export const permitStatuses = ['submitted', 'documents-complete', 'inspected', 'approved', 'rejected', 'expired', 'renewed'] as const;
export type PermitStatus = (typeof permitStatuses)[number];
/** What is stored: expiry is never stored, it is read from the calendar. */
export type StoredPermitStatus = Exclude<PermitStatus, 'expired'>;

export const checklistItems = ['id-copy', 'skill-certificate', 'lease-or-ownership', 'safety'] as const;
export type ChecklistItem = (typeof checklistItems)[number];

/** A permit is valid for a year from its decision or renewal. */
export const validityDays = 365;
/** Renewal opens this many days before the permit ends. */
export const renewalWindowDays = 30;

const allowed: Record<PermitStatus, readonly PermitStatus[]> = {
  submitted: ['documents-complete', 'rejected'],
  'documents-complete': ['submitted', 'inspected', 'rejected'],
  inspected: ['approved', 'rejected'],
  approved: ['expired', 'renewed'],
  rejected: [],
  expired: ['renewed'],
  renewed: ['expired', 'renewed'],
};

/** The code of every step an application's status does not allow (409). */
const outOfOrderCode = 'permit-step-out-of-order';

export const canMovePermit = (from: PermitStatus, to: PermitStatus) => allowed[from].includes(to);

export interface PermitFacts {
  status: StoredPermitStatus;
  checklist: ChecklistItem[];
  inspection: { passed: boolean } | null;
  validUntil: string | null;
}

/** The status as of `now`: an approved or renewed permit past its last valid day is expired. */
export function effectiveStatus(permit: Pick<PermitFacts, 'status' | 'validUntil'>, now: Date): PermitStatus {
  if ((permit.status === 'approved' || permit.status === 'renewed') && permit.validUntil && dayOf(now) > permit.validUntil)
    return 'expired';
  return permit.status;
}

/** Ticks or unticks a document; the application is documents-complete exactly when all are in. */
export function updateChecklist(
  permit: PermitFacts,
  item: ChecklistItem,
  received: boolean,
  now: Date,
): { checklist: ChecklistItem[]; status: StoredPermitStatus } {
  const status = effectiveStatus(permit, now);
  // Documents are checked before the inspection: an application past it is in no state for it (409).
  if (status !== 'submitted' && status !== 'documents-complete')
    throw new IllegalStepError(outOfOrderCode, `documents are checked before the inspection; this application is ${status}`);
  const checklist = received ? [...new Set([...permit.checklist, item])] : permit.checklist.filter((i) => i !== item);
  const ordered = checklistItems.filter((i) => checklist.includes(i));
  const next: StoredPermitStatus = ordered.length === checklistItems.length ? 'documents-complete' : 'submitted';
  if (next !== status) guardStep(outOfOrderCode, 'permit application', allowed, status, next);
  return { checklist: ordered, status: next };
}

/** Records the inspection of a documents-complete application. */
export function inspect(permit: PermitFacts, now: Date): StoredPermitStatus {
  guardStep(outOfOrderCode, 'permit application', allowed, effectiveStatus(permit, now), 'inspected');
  return 'inspected';
}

/** Approves (needs a passed inspection) or rejects (at any point before a decision, with a reason). */
export function decide(
  permit: PermitFacts,
  decision: 'approved' | 'rejected',
  now: Date,
): { status: StoredPermitStatus; validUntil: string | null } {
  guardStep(outOfOrderCode, 'permit application', allowed, effectiveStatus(permit, now), decision);
  if (decision === 'approved') {
    if (!permit.inspection?.passed)
      throw new BrokenRuleError('inspection-not-passed', 'a permit is approved only after an inspection that passed', 'decision');
    return { status: 'approved', validUntil: addDays(now, validityDays) };
  }
  return { status: 'rejected', validUntil: null };
}

/** Whether a permit may be renewed now: expired, or approved/renewed and within its renewal window. */
export function canRenew(permit: PermitFacts, now: Date): boolean {
  const status = effectiveStatus(permit, now);
  if (status === 'expired') return true;
  return (status === 'approved' || status === 'renewed') && addDays(dayOf(now), renewalWindowDays) >= permit.validUntil!;
}

/** Renews an expired permit, or one within its renewal window, for another year from the later of today and its end. */
export function renew(permit: PermitFacts, now: Date): { status: 'renewed'; validUntil: string } {
  const status = effectiveStatus(permit, now);
  guardStep(outOfOrderCode, 'permit', allowed, status, 'renewed');
  const today = dayOf(now);
  const end = permit.validUntil!;
  if (!canRenew(permit, now))
    throw new BrokenRuleError('renewal-not-open', `renewal opens ${renewalWindowDays} days before the permit ends (${end})`);
  const from = end >= today ? end : today;
  return { status: 'renewed', validUntil: addDays(from, validityDays) };
}

/** A permit number from the Jalali year it was issued and the permit's opaque id, unique and in the contract's pattern. */
export const permitNumberOf = (permitId: string, now: Date) =>
  `WP-${jalaliYearOf(now)}-${permitId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;

/** What the public tracking page says about each status, in both languages. */
export const permitStatusLabels: Record<PermitStatus, LocalizedText> = {
  submitted: { fa: 'ثبت‌شده، در انتظار مدارک', en: 'Submitted, waiting for documents' },
  'documents-complete': { fa: 'مدارک کامل', en: 'Documents complete' },
  inspected: { fa: 'بازدید انجام شد', en: 'Inspected' },
  approved: { fa: 'مجوز صادر شد', en: 'Permit issued' },
  rejected: { fa: 'رد شد', en: 'Rejected' },
  expired: { fa: 'مجوز منقضی شده', en: 'Permit expired' },
  renewed: { fa: 'مجوز تمدید شد', en: 'Permit renewed' },
};

/** The next step for the applicant, as the public tracking page shows it. */
export function permitNextStep(permit: Pick<PermitFacts, 'status' | 'checklist' | 'validUntil'>, now: Date): LocalizedText {
  switch (effectiveStatus(permit, now)) {
    case 'submitted': {
      const missing = checklistItems.length - permit.checklist.length;
      return {
        fa: `${missing.toLocaleString('fa-IR')} مدرک باقی مانده است؛ مدارک را به اداره فنی و حرفه‌ای یا کلینیک محله بیاورید.`,
        en: `${missing} document(s) still missing; bring them to the TVTO office or your neighbourhood clinic.`,
      };
    }
    case 'documents-complete':
      return { fa: 'بازرس برای بازدید از کارگاه با شما تماس می‌گیرد.', en: 'An inspector will contact you to visit the workshop.' };
    case 'inspected':
      return { fa: 'نتیجه بررسی به‌زودی اعلام می‌شود.', en: 'The decision will be announced soon.' };
    case 'approved':
    case 'renewed':
      return {
        fa: `مجوز تا ${permit.validUntil} معتبر است؛ پیش از پایان آن برای تمدید مراجعه کنید.`,
        en: `The permit is valid until ${permit.validUntil}; come to renew it before it ends.`,
      };
    case 'expired':
      return { fa: 'برای تمدید مجوز به اداره فنی و حرفه‌ای مراجعه کنید.', en: 'Visit the TVTO office to renew the permit.' };
    case 'rejected':
      return {
        fa: 'برای دانستن دلیل و درخواست دوباره به اداره فنی و حرفه‌ای مراجعه کنید.',
        en: 'Visit the TVTO office to learn the reason and apply again.',
      };
  }
}
