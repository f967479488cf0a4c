import { schemaFor } from '@hamgam/contracts';
import { describe, expect, it } from 'vitest';
import { journeyEventTypes, journeyFactsOf, journeyView } from './journey.js';

const resident = '7a0e8c52-2f0c-4a5e-9a43-6f1f3d1b2c01';
const household = '7a0e8c52-2f0c-4a5e-9a43-6f1f3d1b2c02';
const referral = '7a0e8c52-2f0c-4a5e-9a43-6f1f3d1b2c03';
const record = '7a0e8c52-2f0c-4a5e-9a43-6f1f3d1b2c04';
const eventId = '7a0e8c52-2f0c-4a5e-9a43-6f1f3d1b2c05';
const enrolment = {
  enrolmentId: record,
  courseId: 'tvto-home-tailoring-1405',
  trade: 'tailoring',
  venue: { kind: 'clinic' as const, id: 'clinic-sarasiab' },
  residentRef: resident,
  householdRef: household,
  neighbourhoodId: 'nbh-sarasiab',
  referralId: referral,
};

/** Each event as an agency publishes it; every one is parsed by its contract schema first. */
const samples = {
  'vocational-training.enrolment.recorded': { ...enrolment, enrolledAt: '2026-01-10T08:00:00.000Z' },
  'vocational-training.enrolment.completed': {
    ...enrolment,
    result: 'passed',
    certificateNo: 'TVTO-1405-0042',
    completedAt: '2026-03-01T08:00:00.000Z',
  },
  'welfare.eligibility.flagged': {
    flagId: record,
    householdRef: household,
    flag: 'female-headed-household',
    validUntil: '2027-01-01',
    flaggedAt: '2026-02-01T08:00:00.000Z',
  },
  'welfare.eligibility.revoked': {
    flagId: record,
    householdRef: household,
    flag: 'female-headed-household',
    revokedAt: '2026-05-01T08:00:00.000Z',
  },
  'relief-partnerships.support.decided': {
    requestId: record,
    residentRef: resident,
    householdRef: household,
    referralId: null,
    kind: 'micro-loan',
    decision: 'approved',
    amountRials: 50_000_000,
    decidedAt: '2026-03-10T08:00:00.000Z',
  },
  'relief-partnerships.support.disbursed': {
    requestId: record,
    residentRef: resident,
    householdRef: household,
    kind: 'micro-loan',
    amountRials: 50_000_000,
    disbursedAt: '2026-03-12T08:00:00.000Z',
  },
  'relief-partnerships.benefit.granted': {
    benefitId: record,
    householdRef: household,
    residentRef: resident,
    purpose: 'employment',
    amountRials: 50_000_000,
    grantedAt: '2026-03-12T08:00:00.000Z',
  },
  'institute-funding.benefit.granted': {
    benefitId: record,
    householdRef: household,
    residentRef: null,
    purpose: 'skills-training',
    amountRials: 12_000_000,
    grantedAt: '2026-03-15T08:00:00.000Z',
  },
} as const;

const factsOf = (type: (typeof journeyEventTypes)[number]) => {
  const data = schemaFor(type, 1)!.parse(samples[type]);
  return journeyFactsOf(type, eventId, data as never);
};

describe('journey entries from agency events', () => {
  it('covers every event type it declares, each a real v1 contract', () => {
    expect(Object.keys(samples).sort()).toEqual([...journeyEventTypes].sort());
  });

  it('records an enrolment for the resident with the course, trade, venue and the referral that led to it', () => {
    expect(factsOf('vocational-training.enrolment.recorded')).toEqual({
      eventId,
      agency: 'vocational-training',
      kind: 'enrolment.recorded',
      residentRef: resident,
      householdRef: household,
      at: new Date('2026-01-10T08:00:00.000Z'),
      subject: { type: 'enrolment', id: record },
      referralId: referral,
      facts: { courseId: 'tvto-home-tailoring-1405', trade: 'tailoring', venueKind: 'clinic', venueId: 'clinic-sarasiab' },
    });
  });

  it('records a completion with its result and certificate, and none when there is no certificate', () => {
    expect(factsOf('vocational-training.enrolment.completed').facts).toMatchObject({ result: 'passed', certificateNo: 'TVTO-1405-0042' });
    const failed = journeyFactsOf('vocational-training.enrolment.completed', eventId, {
      ...samples['vocational-training.enrolment.completed'],
      result: 'failed',
      certificateNo: null,
    });
    expect(failed.facts.result).toBe('failed');
    expect(failed.facts).not.toHaveProperty('certificateNo');
  });

  it('keeps welfare’s eligibility at household level and never the kind of flag', () => {
    for (const type of ['welfare.eligibility.flagged', 'welfare.eligibility.revoked'] as const) {
      const facts = factsOf(type);
      expect(facts).toMatchObject({
        agency: 'welfare',
        residentRef: null,
        householdRef: household,
        subject: { type: 'eligibility', id: record },
      });
      expect(JSON.stringify(facts)).not.toContain('female-headed');
    }
    expect(factsOf('welfare.eligibility.flagged').facts).toEqual({ validUntil: '2027-01-01' });
    expect(factsOf('welfare.eligibility.revoked').at).toEqual(new Date('2026-05-01T08:00:00.000Z'));
  });

  it('records the Relief Committee’s decision and payment with kind and amount in rials', () => {
    expect(factsOf('relief-partnerships.support.decided')).toMatchObject({
      kind: 'support.decided',
      residentRef: resident,
      subject: { type: 'support-request', id: record },
      facts: { supportKind: 'micro-loan', decision: 'approved', amountRials: '50000000' },
    });
    expect(factsOf('relief-partnerships.support.disbursed')).toMatchObject({
      kind: 'support.disbursed',
      at: new Date('2026-03-12T08:00:00.000Z'),
      facts: { amountRials: '50000000' },
    });
  });

  it('records benefits of both agencies; one without a resident belongs to the household', () => {
    expect(factsOf('relief-partnerships.benefit.granted')).toMatchObject({
      agency: 'relief-partnerships',
      kind: 'benefit.granted',
      residentRef: resident,
      facts: { purpose: 'employment' },
    });
    expect(factsOf('institute-funding.benefit.granted')).toMatchObject({
      agency: 'institute-funding',
      residentRef: null,
      householdRef: household,
      facts: { purpose: 'skills-training', amountRials: '12000000' },
    });
  });

  it('refuses an event type it does not know', () => {
    expect(() => journeyFactsOf('welfare.case.opened' as never, eventId, {} as never)).toThrow(/not a journey event/);
  });
});

describe('how a journey entry reads', () => {
  const course = { title: { fa: 'خیاطی خانگی', en: 'Home tailoring' }, place: { fa: 'مرکز فنی', en: 'TVTO centre' } };

  it('names the course from the catalogue and the venue clinic by its name', () => {
    const view = journeyView(factsOf('vocational-training.enrolment.completed'), {
      course,
      venueClinic: { fa: 'کلینیک سرآسیاب', en: 'Sar Asiab clinic' },
    });
    expect(view).toEqual({
      title: course.title,
      place: { fa: 'کلینیک سرآسیاب', en: 'Sar Asiab clinic' },
      detail: { trade: 'tailoring', result: 'passed', certificateNo: 'TVTO-1405-0042' },
    });
  });

  it('falls back to the offer’s place, then to the codes, when the clinic does not know the names', () => {
    expect(journeyView(factsOf('vocational-training.enrolment.recorded'), { course }).place).toEqual(course.place);
    const bare = journeyView(factsOf('vocational-training.enrolment.recorded'));
    expect(bare.title).toEqual({ fa: 'tailoring', en: 'tailoring' });
    expect(bare.place).toEqual({ fa: 'clinic-sarasiab', en: 'clinic-sarasiab' });
  });

  it('titles support by its kind and shows the decision and the amount', () => {
    expect(journeyView(factsOf('relief-partnerships.support.decided'))).toEqual({
      title: { fa: 'وام خرد کسب‌وکار خانگی', en: 'Home-business micro-loan' },
      place: null,
      detail: { decision: 'approved', amountRials: '50000000' },
    });
    expect(journeyView(factsOf('relief-partnerships.support.disbursed')).detail).toEqual({ amountRials: '50000000' });
  });

  it('titles a benefit by its purpose and an eligibility without saying why', () => {
    expect(journeyView(factsOf('institute-funding.benefit.granted')).title.en).toBe('Skills and home-based-job training');
    expect(journeyView(factsOf('welfare.eligibility.flagged'))).toEqual({
      title: { fa: 'صلاحیت خانوار برای حمایت', en: 'The household’s eligibility for support' },
      place: null,
      detail: { validUntil: '2027-01-01' },
    });
    expect(journeyView(factsOf('welfare.eligibility.revoked')).detail).toEqual({});
  });
});
