import type {
  BenefitGrantedV1,
  EligibilityFlaggedV1,
  EligibilityRevokedV1,
  EnrolmentCompletedV1,
  EnrolmentRecordedV1,
  LocalizedText,
  PartnerAgency,
  SupportDecidedV1,
  SupportDisbursedV1,
} from '@hamgam/contracts';
import { needCategoryLabels } from './categories.js';

/**
 * A resident's journey across the agencies, as the clinic hears it: each agency event that reports an
 * outcome about a resident (or their household) becomes one journey entry, keyed by the event's id.
 * The entry keeps only codes and opaque ids (never a reason welfare had, never the kind of a welfare
 * flag); names are resolved when the resident's own clinic reads the timeline.
 */

/** The agency events the clinic records in its residents' journeys. */
export const journeyEventTypes = [
  'vocational-training.enrolment.recorded',
  'vocational-training.enrolment.completed',
  'welfare.eligibility.flagged',
  'welfare.eligibility.revoked',
  'relief-partnerships.support.decided',
  'relief-partnerships.support.disbursed',
  'relief-partnerships.benefit.granted',
  'institute-funding.benefit.granted',
] as const;
export type JourneyEventType = (typeof journeyEventTypes)[number];

export const journeyKinds = [
  'enrolment.recorded',
  'enrolment.completed',
  'eligibility.flagged',
  'eligibility.revoked',
  'support.decided',
  'support.disbursed',
  'benefit.granted',
] as const;
export type JourneyKind = (typeof journeyKinds)[number];

export const journeySubjects = ['enrolment', 'eligibility', 'support-request', 'benefit'] as const;
export type JourneySubject = (typeof journeySubjects)[number];

/** What one agency event says about a resident or a household, in codes and opaque ids. */
export interface JourneyFacts {
  /** The event's id: a redelivery finds the entry already there. */
  eventId: string;
  agency: PartnerAgency;
  kind: JourneyKind;
  /** Null when the event is about the whole household (welfare's eligibility, a household benefit). */
  residentRef: string | null;
  householdRef: string | null;
  at: Date;
  subject: { type: JourneySubject; id: string };
  referralId: string | null;
  /** Codes only (course id, trade, venue, result, certificate, decision, amount, purpose, validity). */
  facts: Record<string, string>;
}

interface EventData {
  'vocational-training.enrolment.recorded': EnrolmentRecordedV1;
  'vocational-training.enrolment.completed': EnrolmentCompletedV1;
  'welfare.eligibility.flagged': EligibilityFlaggedV1;
  'welfare.eligibility.revoked': EligibilityRevokedV1;
  'relief-partnerships.support.decided': SupportDecidedV1;
  'relief-partnerships.support.disbursed': SupportDisbursedV1;
  'relief-partnerships.benefit.granted': BenefitGrantedV1;
  'institute-funding.benefit.granted': BenefitGrantedV1;
}

const enrolmentFacts = (data: EnrolmentRecordedV1 | EnrolmentCompletedV1) => ({
  courseId: data.courseId,
  trade: data.trade,
  venueKind: data.venue.kind,
  venueId: data.venue.id,
});

/** The journey entry an agency event makes (pure: the event's own fields, nothing looked up). */
export function journeyFactsOf<T extends JourneyEventType>(type: T, eventId: string, data: EventData[T]): JourneyFacts {
  const agency = type.split('.')[0] as PartnerAgency;
  const base = { eventId, agency };
  switch (type) {
    case 'vocational-training.enrolment.recorded': {
      const d = data as EnrolmentRecordedV1;
      return {
        ...base,
        kind: 'enrolment.recorded',
        residentRef: d.residentRef,
        householdRef: d.householdRef,
        at: new Date(d.enrolledAt),
        subject: { type: 'enrolment', id: d.enrolmentId },
        referralId: d.referralId,
        facts: enrolmentFacts(d),
      };
    }
    case 'vocational-training.enrolment.completed': {
      const d = data as EnrolmentCompletedV1;
      const facts: Record<string, string> = { ...enrolmentFacts(d), result: d.result };
      if (d.certificateNo) facts.certificateNo = d.certificateNo;
      return {
        ...base,
        kind: 'enrolment.completed',
        residentRef: d.residentRef,
        householdRef: d.householdRef,
        at: new Date(d.completedAt),
        subject: { type: 'enrolment', id: d.enrolmentId },
        referralId: d.referralId,
        facts,
      };
    }
    case 'welfare.eligibility.flagged': {
      // Only that an eligibility exists and until when: the flag's kind says too much about the household.
      const d = data as EligibilityFlaggedV1;
      return {
        ...base,
        kind: 'eligibility.flagged',
        residentRef: null,
        householdRef: d.householdRef,
        at: new Date(d.flaggedAt),
        subject: { type: 'eligibility', id: d.flagId },
        referralId: null,
        facts: { validUntil: d.validUntil },
      };
    }
    case 'welfare.eligibility.revoked': {
      const d = data as EligibilityRevokedV1;
      return {
        ...base,
        kind: 'eligibility.revoked',
        residentRef: null,
        householdRef: d.householdRef,
        at: new Date(d.revokedAt),
        subject: { type: 'eligibility', id: d.flagId },
        referralId: null,
        facts: {},
      };
    }
    case 'relief-partnerships.support.decided': {
      const d = data as SupportDecidedV1;
      return {
        ...base,
        kind: 'support.decided',
        residentRef: d.residentRef,
        householdRef: d.householdRef,
        at: new Date(d.decidedAt),
        subject: { type: 'support-request', id: d.requestId },
        referralId: d.referralId,
        facts: { supportKind: d.kind, decision: d.decision, amountRials: String(d.amountRials) },
      };
    }
    case 'relief-partnerships.support.disbursed': {
      const d = data as SupportDisbursedV1;
      return {
        ...base,
        kind: 'support.disbursed',
        residentRef: d.residentRef,
        householdRef: d.householdRef,
        at: new Date(d.disbursedAt),
        subject: { type: 'support-request', id: d.requestId },
        referralId: null,
        facts: { supportKind: d.kind, amountRials: String(d.amountRials) },
      };
    }
    case 'relief-partnerships.benefit.granted':
    case 'institute-funding.benefit.granted': {
      const d = data as BenefitGrantedV1;
      return {
        ...base,
        kind: 'benefit.granted',
        residentRef: d.residentRef,
        householdRef: d.householdRef,
        at: new Date(d.grantedAt),
        subject: { type: 'benefit', id: d.benefitId },
        referralId: null,
        facts: { purpose: d.purpose, amountRials: String(d.amountRials) },
      };
    }
    default:
      throw new Error(`not a journey event: ${String(type)}`);
  }
}

const supportTitles: Record<string, LocalizedText> = {
  'micro-loan': { fa: 'وام خرد کسب‌وکار خانگی', en: 'Home-business micro-loan' },
  grant: { fa: 'کمک بلاعوض کسب‌وکار خانگی', en: 'Home-business grant' },
  equipment: { fa: 'تجهیزات کسب‌وکار خانگی', en: 'Home-business equipment' },
};
const eligibilityTitle: LocalizedText = { fa: 'صلاحیت خانوار برای حمایت', en: 'The household’s eligibility for support' };

/** Names the clinic knows, looked up for one entry when its own staff read the timeline. */
export interface JourneyNames {
  /** The course as the clinic's catalogue has it (TVTO publishes each course as an offer with its id). */
  course?: { title: LocalizedText; place: LocalizedText } | null;
  /** The venue's name when it is a clinic the programme knows. */
  venueClinic?: LocalizedText | null;
}

/** A journey entry as the timeline shows it: a title and a place in both languages, details as codes. */
export interface JourneyView {
  title: LocalizedText;
  place: LocalizedText | null;
  detail: Record<string, string>;
}

const plain = (code: string): LocalizedText => ({ fa: code, en: code });

/** How a journey entry reads on the resident's timeline, given the names the clinic knows. */
export function journeyView(entry: Pick<JourneyFacts, 'kind' | 'facts'>, names: JourneyNames = {}): JourneyView {
  const { facts } = entry;
  const pick = (...keys: string[]) => Object.fromEntries(keys.filter((k) => facts[k] !== undefined).map((k) => [k, facts[k]!]));
  switch (entry.kind) {
    case 'enrolment.recorded':
    case 'enrolment.completed': {
      const title = names.course?.title ?? plain(facts.trade ?? facts.courseId ?? '');
      const place = names.venueClinic ?? names.course?.place ?? (facts.venueId ? plain(facts.venueId) : null);
      return { title, place, detail: pick('trade', 'result', 'certificateNo') };
    }
    case 'eligibility.flagged':
    case 'eligibility.revoked':
      return { title: eligibilityTitle, place: null, detail: pick('validUntil') };
    case 'support.decided':
    case 'support.disbursed':
      return {
        title: supportTitles[facts.supportKind ?? ''] ?? plain(facts.supportKind ?? ''),
        place: null,
        detail: pick('decision', 'amountRials'),
      };
    case 'benefit.granted': {
      const label = needCategoryLabels[facts.purpose as keyof typeof needCategoryLabels];
      return { title: label ?? plain(facts.purpose ?? ''), place: null, detail: pick('purpose', 'amountRials') };
    }
  }
}
