import type { OfferPublishedV1, PartnerAgency } from '@hamgam/contracts';
import { BrokenRuleError, IllegalStepError } from '@hamgam/service-kit/errors';

/** What staff write about an offer; the agency, revision and time are added here. */
export type OfferFields = Omit<OfferPublishedV1, 'offerId' | 'agency' | 'revision' | 'publishedAt'>;

export interface StoredOfferState extends OfferFields {
  offerId: string;
  revision: number;
  /** The referrals that hold a seat (accepted, not withdrawn): makes taking or releasing one idempotent. */
  seatHolders: string[];
}

/**
 * Each agency's offer ids start with one of its prefixes (the first is used for new ids), so two
 * agencies' ids never collide: the clinics keep the first agency that publishes an id as its owner, and
 * refuse the other's. Relief's desk also keeps the Basij camps' entries (its demo catalogue's `basij-…`).
 */
export const offerIdPrefixes: Record<PartnerAgency, readonly [string, ...string[]]> = {
  'vocational-training': ['tvto'],
  welfare: ['welfare'],
  'relief-partnerships': ['relief', 'basij'],
  'institute-funding': ['fund'],
};

export const ownsOfferId = (agency: PartnerAgency, offerId: string): boolean =>
  offerIdPrefixes[agency].some((prefix) => offerId.startsWith(`${prefix}-`));

/** An id asked for (an integration that keeps its own ids) must carry the agency's prefix, or another agency's entry could be hit by accident. */
export function checkOwnOfferId(agency: PartnerAgency, offerId: string): void {
  if (ownsOfferId(agency, offerId)) return;
  const prefixes = offerIdPrefixes[agency].map((p) => `${p}-`).join(' or ');
  throw new BrokenRuleError(
    'offer-id-not-own',
    `${agency}’s offer ids start with ${prefixes}; leave offerId out to have one made`,
    'offerId',
  );
}

/**
 * A new offer's id, made by the desk (staff never type one): the agency's prefix, the English title as
 * a slug (readable where an id shows, e.g. in logs), and a random part that keeps ids unique.
 */
export function newOfferId(agency: PartnerAgency, title: { en: string }, random: string): string {
  const words = title.en
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  return [offerIdPrefixes[agency][0], words, random].filter(Boolean).join('-');
}

/** A rule every version of an offer keeps was broken (422). */
export class OfferRuleError extends BrokenRuleError {}

/** Rules every version of an offer keeps, whoever changed it. */
export function checkOffer(fields: Pick<OfferFields, 'capacity' | 'available' | 'startsOn' | 'endsOn'>): void {
  if (fields.available > fields.capacity)
    throw new OfferRuleError('available-exceeds-capacity', 'available cannot exceed capacity', 'available');
  if (fields.startsOn && fields.endsOn && fields.endsOn < fields.startsOn)
    throw new OfferRuleError('offer-ends-before-start', 'endsOn cannot be before startsOn', 'endsOn');
}

/** Accepting a referral takes a place of its offer: a closed or full offer has none (decline with no-capacity instead). */
export function checkHasPlace(offerId: string, offer: Pick<OfferFields, 'status' | 'available'>): void {
  if (offer.status === 'closed')
    throw new IllegalStepError('offer-closed', `offer ${offerId} is closed; decline the referral with the reason no-capacity`);
  if (offer.available === 0)
    throw new IllegalStepError('offer-full', `offer ${offerId} has no free place; decline the referral with the reason no-capacity`);
}

/** The event that publishes an offer's current state (the whole offer: the clinics keep the newest revision). */
export function offerEvent(agency: OfferPublishedV1['agency'], offer: StoredOfferState, publishedAt: Date): OfferPublishedV1 {
  const { seatHolders: _seats, ...rest } = offer;
  return { ...rest, agency, publishedAt: publishedAt.toISOString() };
}

/** A staff edit: the new fields, the next revision. */
export function editOffer(current: StoredOfferState, fields: OfferFields): StoredOfferState {
  checkOffer(fields);
  return { ...current, ...fields, revision: current.revision + 1 };
}

/**
 * A referral takes a seat when the agency accepts it. Idempotent: a referral already holding one takes
 * none (`null`: nothing to write). A full offer still records the holder, with nothing left to take.
 */
export function takeSeat(current: StoredOfferState, referralId: string): StoredOfferState | null {
  if (current.seatHolders.includes(referralId)) return null;
  return {
    ...current,
    available: Math.max(0, current.available - 1),
    seatHolders: [...current.seatHolders, referralId],
    revision: current.revision + 1,
  };
}

/** The clinic withdrew an accepted referral: its seat is free again. Idempotent like takeSeat. */
export function releaseSeat(current: StoredOfferState, referralId: string): StoredOfferState | null {
  if (!current.seatHolders.includes(referralId)) return null;
  return {
    ...current,
    available: Math.min(current.capacity, current.available + 1),
    seatHolders: current.seatHolders.filter((id) => id !== referralId),
    revision: current.revision + 1,
  };
}
