import { addDays, dayOf, jalaliYearOf } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { causeOf, offerEvent, type StoredOfferState } from '@hamgam/agency-desk';
import type { EnrolmentCompletedV1, EnrolmentRecordedV1, LocalizedText, NeedCategory, WorkshopPermitIssuedV1 } from '@hamgam/contracts';
import {
  demoClinics,
  demoHouseholdRef,
  demoOffers,
  demoReferrals,
  demoResidentIndex,
  demoResidentRef,
  demoTrackingCode,
  demoUuid,
} from '@hamgam/demo-data';
import { outboxEntries, type EventCause, type EventDraft } from '@hamgam/service-kit';
import { applicantSealer } from '../config.js';
import type { StoredCourse } from './courses.js';
import type { StoredEnrolment } from './enrolments.js';
import type { StoredMaster } from './masters.js';
import type { StoredPermit } from './permits.js';
import type { StoredPlacement } from './placements.js';
import type { StoredSession } from './sessions.js';
import type { ChecklistItem, StoredPermitStatus } from '../domain/permits.js';
import { checklistItems, permitNumberOf, validityDays } from '../domain/permits.js';
import { certificateNumberOf, type CompletionResult } from '../domain/enrolments.js';
import type { DemandLevel } from '../domain/counselling.js';
import type { CourseFacts } from '../domain/courses.js';
import { agency, desk, type VtDeps } from '../deps.js';

const seedActor = 'demo-seed';
const ago = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** A demo course: its facts with its days counted from the seed's now (negative: in the past) instead of dates. */
interface DemoCourse extends Omit<CourseFacts, 'startsOn' | 'endsOn'> {
  courseId: string;
  starts: number;
  ends: number;
  neighbourhoodIds: string[];
}

interface DemoEnrolment {
  enrolmentId: string;
  residentRef: string;
  householdRef: string | null;
  neighbourhoodId: string | null;
  referralId: string | null;
  enrolledDaysAgo: number;
  attended: number[];
  result?: CompletionResult;
  completedDaysAgo?: number;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const tvtoOffer = (id: string) => demoOffers.find((o) => o.offerId === id)!;
const fromOffer = (id: string) => {
  const o = tvtoOffer(id);
  return { title: o.title, venueName: o.place, schedule: o.schedule, capacity: o.capacity, neighbourhoodIds: [...o.neighbourhoodIds] };
};

/**
 * Six courses across every kind of venue. The first two are the desk's demo offers (the demo referrals
 * point at them); the two at private institutes are the ones the institute-funding seed funds (same
 * enrolment ids, so its verified outcomes are these enrolments). Every id carries TVTO's offer prefix.
 */
const courses: DemoCourse[] = [
  {
    courseId: 'tvto-home-tailoring-1405',
    ...fromOffer('tvto-home-tailoring-1405'),
    trade: 'tailoring',
    level: 'beginner',
    hours: 120,
    sessions: 40,
    venue: { kind: 'clinic', id: 'clinic-sarasiab' },
    starts: 14,
    ends: 104,
  },
  {
    courseId: 'tvto-pastry-home-1405',
    ...fromOffer('tvto-pastry-home-1405'),
    trade: 'pastry',
    level: 'beginner',
    hours: 80,
    sessions: 26,
    venue: { kind: 'tvto-centre', id: 'tvto-kerman-2' },
    starts: 21,
    ends: 81,
  },
  {
    courseId: 'tvto-inst-negin-tailoring-1405',
    title: { fa: 'خیاطی و دوخت لباس — آموزشگاه نگین', en: 'Tailoring and garment sewing — Negin institute' },
    trade: 'tailoring',
    level: 'beginner',
    hours: 90,
    sessions: 30,
    venue: { kind: 'private-institute', id: 'inst-negin' },
    venueName: { fa: 'آموزشگاه آزاد نگین، سرآسیاب', en: 'Negin private institute, Sar Asiab' },
    schedule: { fa: 'شنبه تا دوشنبه ۱۶ تا ۱۹', en: 'Sat–Mon 16–19' },
    starts: -28,
    ends: 42,
    capacity: 14,
    neighbourhoodIds: ['nbh-sarasiab'],
  },
  {
    courseId: 'tvto-inst-farda-pastry-1405',
    title: { fa: 'شیرینی‌پزی — آموزشگاه فردا', en: 'Pastry-making — Farda institute' },
    trade: 'pastry',
    level: 'beginner',
    hours: 60,
    sessions: 20,
    venue: { kind: 'private-institute', id: 'inst-farda' },
    venueName: { fa: 'آموزشگاه آزاد فردا، مطهری', en: 'Farda private institute, Motahari' },
    schedule: { fa: 'یکشنبه و سه‌شنبه ۹ تا ۱۲', en: 'Sun & Tue 9–12' },
    starts: -5,
    ends: 65,
    capacity: 10,
    neighbourhoodIds: ['nbh-motahari'],
  },
  {
    courseId: 'tvto-computer-skills-1405',
    title: { fa: 'مهارت‌های رایانه و فروش اینترنتی', en: 'Computer skills and online selling' },
    trade: 'computer-skills',
    level: 'beginner',
    hours: 48,
    sessions: 16,
    venue: { kind: 'tvto-centre', id: 'tvto-kerman-1' },
    venueName: { fa: 'مرکز فنی و حرفه‌ای شماره ۱ کرمان', en: 'Kerman TVTO centre no. 1' },
    schedule: { fa: 'دوشنبه و چهارشنبه ۱۰ تا ۱۳', en: 'Mon & Wed 10–13' },
    starts: -100,
    ends: -30,
    capacity: 12,
    neighbourhoodIds: [],
  },
  {
    courseId: 'tvto-hairdressing-1405',
    title: { fa: 'آرایشگری زنانه (مقدماتی)', en: 'Women’s hairdressing (basic)' },
    trade: 'hairdressing',
    level: 'beginner',
    hours: 150,
    sessions: 50,
    venue: { kind: 'clinic', id: 'clinic-motahari' },
    venueName: { fa: 'کلینیک مددکاری مطهری', en: 'Motahari social-work clinic' },
    schedule: { fa: 'سه‌شنبه و پنجشنبه ۹ تا ۱۲', en: 'Tue & Thu 9–12' },
    starts: 30,
    ends: 150,
    capacity: 15,
    neighbourhoodIds: ['nbh-motahari'],
  },
];

function demoEnrolments(): Record<string, DemoEnrolment[]> {
  const tailoringReferrals = demoReferrals.filter(
    (r) => r.agency === 'vocational-training' && r.offerId === 'tvto-home-tailoring-1405' && r.accepted && !r.completed && !r.withdrawn,
  );
  const resident = (clinic: number, n: number) => ({
    residentRef: demoResidentRef(demoResidentIndex(clinic, n)),
    householdRef: demoHouseholdRef(demoResidentIndex(clinic, n)),
  });
  return {
    'tvto-home-tailoring-1405': tailoringReferrals.map((r, i) => ({
      enrolmentId: demoUuid('tvto-enrolment-tailoring', i),
      residentRef: r.residentRef,
      householdRef: r.householdRef,
      neighbourhoodId: r.neighbourhoodId,
      referralId: r.referralId,
      enrolledDaysAgo: r.madeDaysAgo - (r.accepted!.afterDays + 1),
      attended: [],
    })),
    // The residents and enrolment ids the institute-funding seed counts as verified.
    'tvto-inst-negin-tailoring-1405': range(0, 8).map((n) => ({
      enrolmentId: demoUuid('if-enrolment-inst-negin', n),
      ...resident(0, 20 + n),
      neighbourhoodId: 'nbh-sarasiab',
      referralId: null,
      enrolledDaysAgo: 30,
      attended: range(1, 12).filter((s) => (s + n) % 7 !== 0),
    })),
    'tvto-inst-farda-pastry-1405': range(0, 2).map((n) => ({
      enrolmentId: demoUuid('if-enrolment-inst-farda', n),
      ...resident(1, 20 + n),
      neighbourhoodId: 'nbh-motahari',
      referralId: null,
      enrolledDaysAgo: 6,
      attended: [1, 2],
    })),
    // A finished course: residents of Amir-al-Momenin and Fajr, four passed with certificates.
    'tvto-computer-skills-1405': (['passed', 'passed', 'passed', 'passed', 'failed', 'dropped-out'] as const).map((result, n) => ({
      enrolmentId: demoUuid('tvto-enrolment-computer', n),
      ...resident(2 + (n % 2), 30 + n),
      neighbourhoodId: demoClinics[2 + (n % 2)]!.neighbourhoodId,
      referralId: null,
      enrolledDaysAgo: 104,
      result,
      completedDaysAgo: 28,
      attended: result === 'passed' ? range(1, 16).filter((s) => s % 8 !== n) : result === 'failed' ? range(1, 9) : range(1, 3),
    })),
  };
}

async function seedCourses(deps: VtDeps, now: Date, cause: EventCause, written: string[]) {
  const { models } = deps;
  const enrolments = demoEnrolments();
  for (const c of courses) {
    if (await models.courses.exists({ _id: c.courseId })) continue;
    const list = enrolments[c.courseId] ?? [];
    const holding = list.filter((e) => e.result !== 'dropped-out');
    const direct = holding.filter((e) => e.referralId === null).map((e) => e.enrolmentId);
    const startsOn = addDays(now, c.starts);
    const endsOn = addDays(now, c.ends);
    const sessionsHeld = c.starts >= 0 ? 0 : Math.min(c.sessions, Math.max(0, ...list.flatMap((e) => e.attended)));
    const { courseId: _id, starts: _s, ends: _e, neighbourhoodIds: _n, ...facts } = c;
    const course: StoredCourse = {
      _id,
      ...facts,
      startsOn,
      endsOn,
      sessionsHeld: c.ends < 0 ? c.sessions : sessionsHeld,
      seatHolders: holding.map((e) => e.enrolmentId),
      seats: holding.length,
      createdAt: ago(now, Math.max(10, -c.starts + 15)),
      createdBy: seedActor,
    };
    await models.courses.create(course);
    // The catalogue entry: the desk's seed already published the demo offers; the others are published here.
    const offer = await models.offers.findById(c.courseId, { outbox: 0 }).lean();
    if (!offer) {
      const state: StoredOfferState = {
        offerId: c.courseId,
        kind: 'course',
        title: c.title,
        eligibility: { fa: 'ساکنان محله‌های هدف، ۱۸ سال به بالا', en: 'Residents of the target neighbourhoods aged 18+' },
        answers: ['skills-training', 'employment'] as NeedCategory[],
        neighbourhoodIds: c.neighbourhoodIds,
        place: c.venueName,
        schedule: c.schedule,
        startsOn,
        endsOn,
        capacity: c.capacity,
        available: Math.max(0, c.capacity - direct.length),
        status: c.ends < 0 ? 'closed' : 'open',
        revision: 1,
        seatHolders: direct,
      };
      const { offerId, ...fields } = state;
      const events = [{ type: `${agency}.offer.published`, version: 1, data: offerEvent(agency, state, now) }];
      await models.offers.create({
        _id: offerId,
        ...fields,
        updatedAt: now,
        updatedBy: seedActor,
        outbox: outboxEntries(agency, cause, events),
      });
      written.push(offerId);
    }
    for (const e of list) {
      const enrolledAt = ago(now, e.enrolledDaysAgo);
      const facts = {
        enrolmentId: e.enrolmentId,
        courseId: c.courseId,
        trade: c.trade,
        venue: c.venue,
        residentRef: e.residentRef,
        householdRef: e.householdRef,
        neighbourhoodId: e.neighbourhoodId,
        referralId: e.referralId,
      };
      const recorded: EnrolmentRecordedV1 = { ...facts, enrolledAt: enrolledAt.toISOString() };
      const events: EventDraft<unknown>[] = [{ type: `${agency}.enrolment.recorded`, version: 1, data: recorded }];
      const completedAt = e.result ? ago(now, e.completedDaysAgo!) : null;
      const certificateNo = e.result === 'passed' ? certificateNumberOf(jalaliYearOf(completedAt!), e.enrolmentId) : null;
      if (e.result) {
        const completed: EnrolmentCompletedV1 = { ...facts, result: e.result, certificateNo, completedAt: completedAt!.toISOString() };
        events.push({ type: `${agency}.enrolment.completed`, version: 1, data: completed });
      }
      const enrolment: StoredEnrolment = {
        _id: e.enrolmentId,
        courseId: c.courseId,
        seatKey: `${c.courseId}:${e.residentRef}`,
        trade: c.trade,
        venue: c.venue,
        residentRef: e.residentRef,
        householdRef: e.householdRef,
        neighbourhoodId: e.neighbourhoodId,
        referralId: e.referralId,
        source: e.referralId ? 'referral' : 'direct',
        state: !e.result ? 'enrolled' : e.result === 'dropped-out' ? 'dropped-out' : 'completed',
        attended: e.attended,
        result: e.result ?? null,
        certificateNo,
        enrolledAt,
        enrolledBy: seedActor,
        completedAt,
        outbox: outboxEntries(agency, cause, events),
      };
      if (await models.enrolments.exists({ _id: e.enrolmentId })) continue;
      await models.enrolments.create(enrolment);
      written.push(e.enrolmentId);
    }
  }
}

interface DemoPermit {
  status: StoredPermitStatus;
  resident: number | null;
  applicantName: string | null;
  trade: string;
  neighbourhoodId: string;
  address: string;
  submittedDaysAgo: number;
  checklist: readonly ChecklistItem[];
  inspection?: { daysAgo: number; inspector: string; findings: string; passed: boolean };
  decision?: { daysAgo: number; reason: string };
}

/** Applications in every state of the permit's life, one of them approved a year and more ago (expired by now). */
const permits: DemoPermit[] = [
  {
    status: 'submitted',
    resident: null,
    applicantName: 'محمد رضایی',
    trade: 'welding',
    neighbourhoodId: 'nbh-fajr',
    address: 'فجر، کوچه ۷، پلاک ۲۱',
    submittedDaysAgo: 3,
    checklist: ['id-copy'],
  },
  {
    status: 'documents-complete',
    resident: demoResidentIndex(0, 40),
    applicantName: null,
    trade: 'tailoring',
    neighbourhoodId: 'nbh-sarasiab',
    address: 'سرآسیاب، خیابان باهنر، کوچه ۴',
    submittedDaysAgo: 12,
    checklist: checklistItems,
  },
  {
    status: 'inspected',
    resident: demoResidentIndex(1, 41),
    applicantName: null,
    trade: 'pastry',
    neighbourhoodId: 'nbh-motahari',
    address: 'مطهری، کوچه ۱۸، پلاک ۳',
    submittedDaysAgo: 25,
    checklist: checklistItems,
    inspection: { daysAgo: 4, inspector: 'مهندس احمدی', findings: 'تهویه و کپسول آتش‌نشانی موجود است؛ سیم‌کشی سالم.', passed: true },
  },
  {
    status: 'approved',
    resident: demoResidentIndex(3, 42),
    applicantName: null,
    trade: 'carpentry',
    neighbourhoodId: 'nbh-fajr',
    address: 'فجر، بلوار امام، کوچه ۲۳',
    submittedDaysAgo: 60,
    checklist: checklistItems,
    inspection: { daysAgo: 45, inspector: 'مهندس احمدی', findings: 'فضای کارگاه کافی، ایمنی دستگاه‌ها تأیید شد.', passed: true },
    decision: { daysAgo: 40, reason: 'همه شرایط فراهم است' },
  },
  {
    status: 'rejected',
    resident: null,
    applicantName: 'علی کاظمی',
    trade: 'auto-repair',
    neighbourhoodId: 'nbh-amiralmomenin',
    address: 'امیرالمؤمنین، خیابان اصلی، پلاک ۹۰',
    submittedDaysAgo: 50,
    checklist: checklistItems,
    inspection: { daysAgo: 35, inspector: 'مهندس کرمانی', findings: 'کارگاه در معبر عمومی است و ایمنی ندارد.', passed: false },
    decision: { daysAgo: 33, reason: 'بازدید ایمنی رد شد؛ فضای کارگاه در معبر عمومی است' },
  },
  {
    status: 'approved',
    resident: demoResidentIndex(2, 43),
    applicantName: null,
    trade: 'tailoring',
    neighbourhoodId: 'nbh-amiralmomenin',
    address: 'امیرالمؤمنین، کوچه ۵، پلاک ۱۲',
    submittedDaysAgo: 420,
    checklist: checklistItems,
    inspection: { daysAgo: 400, inspector: 'مهندس کرمانی', findings: 'مناسب', passed: true },
    decision: { daysAgo: 395, reason: 'همه شرایط فراهم است' },
  },
];

async function seedPermits(deps: VtDeps, now: Date, cause: EventCause, written: string[]) {
  for (const [i, p] of permits.entries()) {
    const id = demoUuid('tvto-permit', i);
    if (await deps.models.permits.exists({ _id: id })) continue;
    const submittedAt = ago(now, p.submittedDaysAgo);
    const history = [{ status: 'submitted', at: submittedAt, by: seedActor }];
    if (p.checklist.length === checklistItems.length)
      history.push({ status: 'documents-complete', at: ago(now, p.submittedDaysAgo - 2), by: seedActor });
    if (p.inspection) history.push({ status: 'inspected', at: ago(now, p.inspection.daysAgo), by: seedActor });
    const decidedAt = p.decision ? ago(now, p.decision.daysAgo) : null;
    if (decidedAt) history.push({ status: p.status, at: decidedAt, by: seedActor });
    const approved = p.status === 'approved' && decidedAt;
    const permitNo = approved ? permitNumberOf(id, decidedAt) : null;
    const validUntil = approved ? addDays(decidedAt, validityDays) : null;
    const residentRef = p.resident === null ? null : demoResidentRef(p.resident);
    const events: EventDraft<WorkshopPermitIssuedV1>[] = approved
      ? [
          {
            type: `${agency}.permit.issued`,
            version: 1,
            data: {
              permitId: id,
              permitNo: permitNo!,
              trade: p.trade,
              neighbourhoodId: p.neighbourhoodId,
              residentRef,
              validUntil: validUntil!,
              issuedAt: decidedAt.toISOString(),
            },
          },
        ]
      : [];
    const permit: StoredPermit = {
      _id: id,
      trackingCode: demoTrackingCode(500 + i),
      referralId: null,
      residentRef,
      trade: p.trade,
      neighbourhoodId: p.neighbourhoodId,
      applicant: applicantSealer(deps.config).seal({ name: p.applicantName, address: p.address }),
      status: p.status,
      checklist: [...p.checklist],
      inspection: p.inspection
        ? {
            date: dayOf(ago(now, p.inspection.daysAgo)),
            inspector: p.inspection.inspector,
            findings: p.inspection.findings,
            passed: p.inspection.passed,
          }
        : null,
      decision:
        p.decision && decidedAt
          ? { decision: p.status === 'rejected' ? 'rejected' : 'approved', reason: p.decision.reason, at: decidedAt, by: seedActor }
          : null,
      permitNo,
      validUntil,
      renewals: [],
      history,
      submittedAt,
      updatedAt: history[history.length - 1]!.at,
      outbox: outboxEntries(agency, cause, events),
    };
    await deps.models.permits.create(permit);
    written.push(id);
  }
}

const demand: { trade: string; label: LocalizedText; level: DemandLevel; note: LocalizedText }[] = [
  {
    trade: 'tailoring',
    label: { fa: 'خیاطی', en: 'Tailoring' },
    level: 'high',
    note: { fa: 'سفارش تولیدی‌های پوشاک کرمان برای دوخت خانگی', en: 'Kerman garment workshops outsource home sewing' },
  },
  {
    trade: 'pastry',
    label: { fa: 'شیرینی‌پزی', en: 'Pastry-making' },
    level: 'high',
    note: { fa: 'تقاضای فصلی بالا در نوروز و ماه رمضان', en: 'Strong seasonal demand at Nowruz and Ramadan' },
  },
  {
    trade: 'computer-skills',
    label: { fa: 'رایانه و فروش اینترنتی', en: 'Computer skills and online selling' },
    level: 'medium',
    note: { fa: 'برای فروش محصولات خانگی در فضای مجازی', en: 'To sell home products online' },
  },
  {
    trade: 'carpentry',
    label: { fa: 'نجاری', en: 'Carpentry' },
    level: 'medium',
    note: { fa: 'استادکاران صنف شاگرد می‌پذیرند', en: 'Guild masters take apprentices' },
  },
  {
    trade: 'hairdressing',
    label: { fa: 'آرایشگری', en: 'Hairdressing' },
    level: 'medium',
    note: { fa: 'نیازمند مجوز کارگاه خانگی', en: 'Needs a home workshop permit' },
  },
  {
    trade: 'welding',
    label: { fa: 'جوشکاری', en: 'Welding' },
    level: 'low',
    note: { fa: 'بازار اشباع؛ فقط با مجوز کارگاه', en: 'Saturated market; only with a workshop permit' },
  },
];

async function seedCounselling(deps: VtDeps, now: Date) {
  const { models } = deps;
  for (const d of demand) {
    await models.demand.updateOne(
      { _id: d.trade },
      { $setOnInsert: { _id: d.trade, label: d.label, level: d.level, note: d.note, updatedAt: ago(now, 20), updatedBy: seedActor } },
      { upsert: true },
    );
  }
  if (await models.sessions.exists({ counsellor: seedActor })) return;
  // The counsellor's weekly day at each clinic: last week's sessions held, next week's booked.
  const sessions: StoredSession[] = demoClinics.flatMap(({ clinicId }, k) => [
    {
      _id: demoUuid('tvto-session-held', k),
      clinicId,
      residentRef: demoResidentRef(demoResidentIndex(k, 50)),
      referralId: null,
      day: addDays(now, -7 + k),
      time: '10:00',
      state: 'held' as const,
      notes: 'تجربه دوخت دارد و چرخ خیاطی در خانه؛ علاقه‌مند به کار در منزل.',
      guidance: k % 2 === 0 ? ['tailoring', 'computer-skills'] : ['pastry'],
      counsellor: seedActor,
      bookedAt: ago(now, 14),
      recordedAt: ago(now, 7 - k),
    },
    {
      _id: demoUuid('tvto-session-booked', k),
      clinicId,
      residentRef: demoResidentRef(demoResidentIndex(k, 51)),
      referralId: null,
      day: addDays(now, 7 + k),
      time: '11:00',
      state: 'booked' as const,
      notes: null,
      guidance: [],
      counsellor: seedActor,
      bookedAt: ago(now, 1),
      recordedAt: null,
    },
  ]);
  await models.sessions.insertMany(sessions);
}

const masters: Omit<StoredMaster, 'seatHolders' | 'seats' | 'createdAt'>[] = [
  {
    _id: 'master-karimi-carpentry',
    name: 'استاد حسین کریمی',
    guild: { fa: 'اتحادیه درودگران کرمان', en: 'Kerman carpenters’ union' },
    trade: 'carpentry',
    neighbourhoodId: 'nbh-fajr',
    capacity: 3,
  },
  {
    _id: 'master-bahrami-carpentry',
    name: 'استاد رضا بهرامی',
    guild: { fa: 'اتحادیه درودگران کرمان', en: 'Kerman carpenters’ union' },
    trade: 'carpentry',
    neighbourhoodId: 'nbh-motahari',
    capacity: 2,
  },
  {
    _id: 'master-sadeghi-tailoring',
    name: 'استاد مریم صادقی',
    guild: { fa: 'اتحادیه خیاطان زنانه', en: 'Women’s tailors’ union' },
    trade: 'tailoring',
    neighbourhoodId: 'nbh-sarasiab',
    capacity: 4,
  },
];

async function seedApprenticeships(deps: VtDeps, now: Date) {
  const { models } = deps;
  if (await models.masters.exists({ _id: masters[0]!._id })) return;
  const completedReferrals = demoReferrals.filter(
    (r) => r.agency === 'vocational-training' && r.offerId === 'tvto-apprentice-carpentry' && r.completed,
  );
  const placements: StoredPlacement[] = completedReferrals.map((r, i) => {
    const masterId = masters[i % 2]!._id;
    const startedDaysAgo = r.madeDaysAgo - r.accepted!.afterDays - 2;
    const checks = range(1, 3).map((m) => ({
      month: dayOf(ago(now, startedDaysAgo - m * 30)).slice(0, 7),
      rating: 3 + ((i + m) % 3),
      note: 'پیشرفت خوب در برش و اتصال',
      at: ago(now, startedDaysAgo - m * 30),
      by: seedActor,
    }));
    return {
      _id: demoUuid('tvto-placement', i),
      masterId,
      seatKey: `${masterId}:${r.residentRef}`,
      trade: 'carpentry',
      residentRef: r.residentRef,
      householdRef: r.householdRef,
      neighbourhoodId: r.neighbourhoodId,
      referralId: r.referralId,
      state: 'completed',
      startedOn: dayOf(ago(now, startedDaysAgo)),
      checks,
      endedAt: ago(now, r.madeDaysAgo - r.completed!.afterDays),
      createdBy: seedActor,
    };
  });
  // Two apprentices at work now, placed directly by the clinic's guild meeting.
  for (const n of [0, 1]) {
    const masterId = n === 0 ? masters[2]!._id : masters[0]!._id;
    const residentRef = demoResidentRef(demoResidentIndex(n, 60));
    placements.push({
      _id: demoUuid('tvto-placement-active', n),
      masterId,
      seatKey: `${masterId}:${residentRef}`,
      trade: n === 0 ? 'tailoring' : 'carpentry',
      residentRef,
      householdRef: demoHouseholdRef(demoResidentIndex(n, 60)),
      neighbourhoodId: demoClinics[n]!.neighbourhoodId,
      referralId: null,
      state: 'active',
      startedOn: dayOf(ago(now, 45)),
      checks: [{ month: dayOf(ago(now, 15)).slice(0, 7), rating: 4, note: 'منظم و علاقه‌مند', at: ago(now, 15), by: seedActor }],
      endedAt: null,
      createdBy: seedActor,
    });
  }
  for (const m of masters) {
    const holders = placements.filter((p) => p.masterId === m._id && p.state === 'active').map((p) => p._id);
    await models.masters.create({ ...m, seatHolders: holders, seats: holders.length, createdAt: ago(now, 150) });
  }
  await models.placements.insertMany(placements);
}

/**
 * TVTO's demo beside the desk's: courses at clinics, TVTO centres and private institutes with their
 * enrolments (the accepted demo referrals to the tailoring course, the institutes' funded residents, a
 * finished course with certificates) published through the outbox; permit applications in every state
 * (the approved one published); the demand list and the counsellor's sessions; guild masters and their
 * apprentices (the demo carpentry referrals). Each part idempotent, every date relative to the clock.
 */
export async function seedTvto(deps: VtDeps): Promise<void> {
  const now = deps.clock.now();
  const cause = causeOf(desk.options, seedActor, `seed-${randomUUID()}`);
  const written: string[] = [];
  await seedCourses(deps, now, cause, written);
  await seedPermits(deps, now, cause, written);
  await seedCounselling(deps, now);
  await seedApprenticeships(deps, now);
  deps.flushOutbox(written);
  deps.logger.info({ documents: written.length, day: dayOf(now) }, 'vocational-training demo data seeded');
}
