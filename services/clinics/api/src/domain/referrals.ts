import { randomBytes } from 'node:crypto';
import type { LocalizedText, NeedCategory } from '@hamgam/contracts';
import { dayOf, isPastDay } from '@hamgam/contracts/days';
import { IllegalStepError } from '@hamgam/service-kit/errors';
import type { ReferralState } from './referral-state.js';

/** What a referral asks of the offer it is made to. */
export interface ReferableOffer {
  _id: string;
  status: 'open' | 'closed';
  available: number;
  neighbourhoodIds: readonly string[];
  answers: readonly NeedCategory[];
}

/**
 * A resident is referred to an open offer with a free seat that serves their neighbourhood (none named:
 * every one) and answers the need. Returns the need the referral is for (the offer's first by default).
 */
export function checkReferable(offer: ReferableOffer, neighbourhoodId: string, need?: NeedCategory): NeedCategory {
  if (offer.status !== 'open') throw new IllegalStepError('offer-closed', `offer ${offer._id} is closed`);
  if (offer.available <= 0) throw new IllegalStepError('offer-full', `offer ${offer._id} has no capacity left`);
  if (offer.neighbourhoodIds.length > 0 && !offer.neighbourhoodIds.includes(neighbourhoodId)) {
    throw new IllegalStepError('offer-not-for-neighbourhood', `offer ${offer._id} does not serve neighbourhood ${neighbourhoodId}`);
  }
  const needCategory = need ?? offer.answers[0]!;
  if (!offer.answers.includes(needCategory))
    throw new IllegalStepError('offer-not-for-need', `offer ${offer._id} does not answer the need "${needCategory}"`);
  return needCategory;
}

/** How long an agency has to accept or decline a referral. */
export const respondWithinDays = 7;

export interface DueDates {
  state: ReferralState;
  /** The agency answers by this day (YYYY-MM-DD). */
  respondBy: string;
  /** Set when accepted: the agency completes by this day. */
  completeBy?: string | null;
}

/** The day a referral is due in its current state, or null when nothing is awaited any more. */
export function dueDay(referral: DueDates): string | null {
  if (referral.state === 'sent') return referral.respondBy;
  if (referral.state === 'accepted') return referral.completeBy ?? null;
  return null;
}

/** Overdue: sent past its respond-by day, or accepted past its complete-by day (the due day itself is not late). */
export function isOverdue(referral: DueDates, now: Date): boolean {
  const due = dueDay(referral);
  return due !== null && isPastDay(due, dayOf(now));
}

/** Letters and digits residents cannot mistake for each other (no 0/O, no 1/I). */
export const trackingAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random tracking code, `XXXX-XXXX` from the look-alike-free alphabet (32 letters: no modulo bias). */
export function newTrackingCode(random: (size: number) => Uint8Array = randomBytes): string {
  const chars = [...random(8)].map((byte) => trackingAlphabet[byte % trackingAlphabet.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** Every code drawn was taken (vanishingly rare with 32⁸ codes): nothing was stored; trying again draws anew (409). */
export class TrackingCodesExhaustedError extends IllegalStepError {
  constructor(message: string) {
    super('tracking-codes-exhausted', message);
  }
}

const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

/**
 * Stores something under a fresh tracking code, drawing again when the code is already taken (the
 * store's unique index says so), a bounded number of times. With 32⁸ codes a second draw is rare.
 */
export async function withUniqueTrackingCode<T>(
  store: (code: string) => Promise<T>,
  { generate = () => newTrackingCode(), attempts = 5 }: { generate?: () => string; attempts?: number } = {},
): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await store(generate());
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new TrackingCodesExhaustedError(`no free tracking code after ${attempts} attempts`);
}

const faDate = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const enDate = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** A calendar day in words: Jalali with Persian digits, and in English. */
export function dayInWords(day: string): LocalizedText {
  const date = new Date(`${day}T00:00:00Z`);
  return { fa: faDate.format(date), en: enDate.format(date) };
}

export const statusLabels: Record<ReferralState, LocalizedText> = {
  sent: { fa: 'ارسال‌شده، در انتظار پاسخ', en: 'Sent, awaiting an answer' },
  accepted: { fa: 'پذیرفته‌شده', en: 'Accepted' },
  declined: { fa: 'پذیرفته نشد', en: 'Not accepted' },
  completed: { fa: 'انجام‌شده', en: 'Completed' },
  withdrawn: { fa: 'لغوشده', en: 'Withdrawn' },
};

export interface NextStepInput extends DueDates {
  agencyName: LocalizedText;
  place: LocalizedText;
  schedule: LocalizedText;
}

/** What the resident should do or expect next, in both languages (shown on the public tracking page). */
export function nextStep(referral: NextStepInput): LocalizedText {
  const { agencyName, place, schedule } = referral;
  switch (referral.state) {
    case 'sent': {
      const by = dayInWords(referral.respondBy);
      return {
        fa: `${agencyName.fa} تا ${by.fa} به ارجاع شما پاسخ می‌دهد.`,
        en: `${agencyName.en} answers your referral by ${by.en}.`,
      };
    }
    case 'accepted':
      return { fa: `به ${place.fa} مراجعه کنید؛ ${schedule.fa}.`, en: `Attend ${place.en}; ${schedule.en}.` };
    case 'declined':
      return {
        fa: 'برای یافتن خدمت دیگری به کلینیک مددکاری محله مراجعه کنید.',
        en: 'Visit your neighbourhood social-work clinic to find another service.',
      };
    case 'completed':
      return {
        fa: 'این خدمت به پایان رسیده است. برای گام بعدی با کلینیک محله در تماس باشید.',
        en: 'This service is finished. Contact your neighbourhood clinic for the next step.',
      };
    case 'withdrawn':
      return {
        fa: 'این ارجاع لغو شده است. برای پرسش به کلینیک محله مراجعه کنید.',
        en: 'This referral was withdrawn. Ask your neighbourhood clinic if you have questions.',
      };
  }
}
