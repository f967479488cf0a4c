import { demoClinics, demoHouseholdRef, demoReferrals, demoResidentIndex, demoResidentRef, demoUuid } from '@hamgam/demo-data';
import type { Model } from 'mongoose';
import { eventCause, inList, outboxEntries, readAll } from '@hamgam/service-kit';
import { agency, type ReliefDeps } from '../deps.js';
import { addDays, dayOf } from '../domain/days.js';
import { assessEligibility, type EligibilityFacts, type MeansTest } from '../domain/eligibility.js';
import { repaymentSchedule, type LoanTerms } from '../domain/schedule.js';
import type { SupportKind, SupportState } from '../domain/support.js';
import type { StoredFact } from './facts.js';
import type { StoredProject } from './projects.js';
import type { StoredSupportRequest } from './support-requests.js';

const dayMs = 86_400_000;
const seedBy = 'demo-seed';

/** Inserts the demo documents not stored yet (by id): staff may have changed some, which then stay as they are. */
async function insertMissing<T extends { _id: string }>(model: Model<any>, docs: readonly T[]): Promise<void> {
  const ids = docs.map((d) => d._id);
  const stored = new Set(
    (await readAll(model.find({ _id: inList(ids) }, { _id: 1 }).lean<{ _id: string }[]>(), ids.length)).map((d) => d._id),
  );
  const missing = docs.filter((d) => !stored.has(d._id));
  if (missing.length > 0) await model.insertMany(missing);
}

interface Story {
  key: number;
  residentRef: string;
  householdRef: string;
  neighbourhoodId: string;
  referralId: string | null;
  kind: SupportKind;
  purpose: string;
  requestedRials: number;
  plan: string;
  meansTest: MeansTest;
  certified: boolean;
  flag: { flag: string; validForDays: number } | null;
  submittedDaysAgo: number;
  rejected?: string;
  approved?: { amountRials: number; terms: Omit<LoanTerms, 'amountRials'> | null; daysAgo: number };
  disbursedDaysAgo?: number;
  /** How many of the instalments due so far were paid (all when undefined). */
  paidInstalments?: number;
  followUp?: { daysAgo: number; operating: boolean; note: string };
}

const loanTerms = (months: number, graceMonths: number, feePercent: number) => ({ months, graceMonths, feePercent });

/** Nine requests in every state: the four demo referrals for the home-business loan, and five direct ones. */
function stories(): Story[] {
  const referred = demoReferrals.filter((r) => r.agency === 'relief-partnerships' && r.offerId === 'relief-home-business-loan');
  const direct = (clinic: number, n: number) => ({
    residentRef: demoResidentRef(demoResidentIndex(clinic, n)),
    householdRef: demoHouseholdRef(demoResidentIndex(clinic, n)),
    neighbourhoodId: demoClinics[clinic]!.neighbourhoodId,
    referralId: null,
  });
  const fromReferral = (i: number) => ({
    residentRef: referred[i]!.residentRef,
    householdRef: referred[i]!.householdRef,
    neighbourhoodId: referred[i]!.neighbourhoodId,
    referralId: referred[i]!.referralId,
  });
  return [
    {
      key: 0,
      ...fromReferral(0),
      kind: 'micro-loan',
      purpose: 'income-support',
      requestedRials: 300_000_000,
      plan: 'خیاطی خانگی: خرید چرخ صنعتی و پارچه برای دوخت لباس مدرسه',
      meansTest: 'not-done',
      certified: true,
      flag: { flag: 'low-income', validForDays: 200 },
      submittedDaysAgo: 20,
    },
    {
      key: 1,
      ...fromReferral(1),
      kind: 'micro-loan',
      purpose: 'income-support',
      requestedRials: 250_000_000,
      plan: 'شیرینی‌پزی خانگی با فروش به مغازه‌های محله',
      meansTest: 'not-done',
      certified: true,
      flag: { flag: 'female-headed-household', validForDays: 300 },
      submittedDaysAgo: 25,
      approved: { amountRials: 250_000_000, terms: loanTerms(36, 3, 4), daysAgo: 6 },
    },
    {
      key: 2,
      ...fromReferral(2),
      kind: 'micro-loan',
      purpose: 'income-support',
      requestedRials: 200_000_000,
      plan: 'تعمیر موبایل در خانه',
      meansTest: 'not-done',
      certified: true,
      flag: { flag: 'low-income', validForDays: -10 },
      submittedDaysAgo: 18,
    },
    {
      key: 3,
      ...fromReferral(3),
      kind: 'micro-loan',
      purpose: 'employment',
      requestedRials: 300_000_000,
      plan: 'کارگاه کوچک قالی‌بافی با دو دار',
      meansTest: 'passed',
      certified: true,
      flag: null,
      submittedDaysAgo: 15,
    },
    {
      key: 4,
      ...direct(0, 10),
      kind: 'micro-loan',
      purpose: 'income-support',
      requestedRials: 300_000_000,
      plan: 'آشپزی خانگی و غذای نذری سفارشی',
      meansTest: 'not-done',
      certified: true,
      flag: { flag: 'low-income', validForDays: 150 },
      submittedDaysAgo: 170,
      approved: { amountRials: 300_000_000, terms: loanTerms(24, 2, 2), daysAgo: 155 },
      disbursedDaysAgo: 150,
      followUp: { daysAgo: 30, operating: true, note: 'کسب‌وکار فعال است؛ سه سفارش ثابت در هفته' },
    },
    {
      key: 5,
      ...direct(1, 11),
      kind: 'micro-loan',
      purpose: 'employment',
      requestedRials: 150_000_000,
      plan: 'تولید عروسک دست‌دوز',
      meansTest: 'passed',
      certified: true,
      flag: null,
      submittedDaysAgo: 230,
      approved: { amountRials: 120_000_000, terms: loanTerms(12, 1, 4), daysAgo: 210 },
      disbursedDaysAgo: 200,
      paidInstalments: 2,
      followUp: { daysAgo: 20, operating: false, note: 'کار به دلیل بیماری متوقف شده؛ ارجاع به مددکار پیشنهاد شد' },
    },
    {
      key: 6,
      ...direct(2, 12),
      kind: 'grant',
      purpose: 'income-support',
      requestedRials: 100_000_000,
      plan: 'بسته‌بندی سبزی خشک برای فروشگاه‌ها',
      meansTest: 'not-done',
      certified: true,
      flag: { flag: 'disability-in-household', validForDays: 365 },
      submittedDaysAgo: 60,
      approved: { amountRials: 100_000_000, terms: null, daysAgo: 45 },
      disbursedDaysAgo: 40,
      followUp: { daysAgo: 7, operating: true, note: 'دستگاه بسته‌بندی نصب شده و کار می‌کند' },
    },
    {
      key: 7,
      ...direct(3, 13),
      kind: 'equipment',
      purpose: 'employment',
      requestedRials: 150_000_000,
      plan: 'خرید دستگاه گلدوزی',
      meansTest: 'failed',
      certified: false,
      flag: null,
      submittedDaysAgo: 35,
      rejected: 'گواهی مهارت ندارد؛ پس از دوره گلدوزی فنی و حرفه‌ای دوباره درخواست دهد',
    },
    {
      key: 8,
      ...direct(0, 14),
      kind: 'micro-loan',
      purpose: 'income-support',
      requestedRials: 60_000_000,
      plan: 'فروش محصولات لبنی محلی',
      meansTest: 'not-done',
      certified: true,
      flag: { flag: 'long-term-unemployed', validForDays: 60 },
      submittedDaysAgo: 330,
      approved: { amountRials: 60_000_000, terms: loanTerms(6, 0, 0), daysAgo: 310 },
      disbursedDaysAgo: 300,
    },
  ];
}

const trades = [
  'tailoring',
  'pastry',
  'mobile-repair',
  'carpet-weaving',
  'cooking',
  'doll-making',
  'food-packaging',
  'embroidery',
  'dairy',
];

/**
 * The relief demo: the facts other agencies published about the demo residents (TVTO certificates,
 * welfare flags, an institute benefit that duplicates one of relief's), nine support requests in
 * every state with their history, workshop permits, three Basij projects, two agreements and two joint
 * meetings. Stored as history (no events: the other services' seeds tell their own side). Idempotent by id.
 */
export async function seedRelief(deps: ReliefDeps): Promise<void> {
  const { models } = deps;
  const now = deps.clock.now();
  const ago = (days: number) => new Date(now.getTime() - days * dayMs);
  const today = dayOf(now);
  const all = stories();

  const facts: StoredFact[] = [];
  const blank = {
    neighbourhoodId: null,
    residentRef: null,
    householdRef: null,
    trade: null,
    certificateNo: null,
    completedAt: null,
    flagId: null,
    flag: null,
    validUntil: null,
    flaggedAt: null,
    revokedAt: null,
  };
  for (const s of all) {
    if (s.certified) {
      facts.push({
        ...blank,
        _id: `certificate:${demoUuid('relief-demo-enrolment', s.key)}`,
        kind: 'certificate',
        residentRef: s.residentRef,
        householdRef: s.householdRef,
        neighbourhoodId: s.neighbourhoodId,
        trade: trades[s.key]!,
        certificateNo: `TVTO-1405-${String(100 + s.key)}`,
        completedAt: ago(s.submittedDaysAgo + 10),
        receivedAt: ago(s.submittedDaysAgo + 10),
        sourceEventId: 'seed',
      });
    }
    if (s.flag) {
      const flagId = demoUuid('relief-demo-flag', s.key);
      facts.push({
        ...blank,
        _id: `flag:${flagId}`,
        kind: 'flag',
        householdRef: s.householdRef,
        flagId,
        flag: s.flag.flag,
        validUntil: addDays(today, s.flag.validForDays),
        flaggedAt: ago(s.submittedDaysAgo + 30),
        receivedAt: ago(s.submittedDaysAgo + 30),
        sourceEventId: 'seed',
      });
    }
  }
  await insertMissing(models.facts, facts);

  const factsOf = (s: Story): EligibilityFacts => ({
    certificates: facts
      .filter((f) => f.kind === 'certificate' && f.residentRef === s.residentRef)
      .map((f) => ({ enrolmentId: f._id, trade: f.trade!, certificateNo: f.certificateNo, completedAt: f.completedAt! })),
    flags: facts
      .filter((f) => f.kind === 'flag' && f.householdRef === s.householdRef)
      .map((f) => ({ flagId: f.flagId!, flag: f.flag, validUntil: f.validUntil, revokedAt: f.revokedAt })),
  });

  const requests: Omit<StoredSupportRequest, 'outbox'>[] = all.map((s) => {
    // Decided requests were last assessed when decided; undecided ones are as the facts stand today.
    const assessedAt = s.approved ? ago(s.approved.daysAgo) : s.rejected ? ago(s.submittedDaysAgo - 5) : now;
    const assessment = { ...assessEligibility(s, factsOf(s), dayOf(assessedAt)), at: assessedAt };
    let state: SupportState = assessment.eligible ? 'eligible' : 'ineligible';
    let decision: StoredSupportRequest['decision'] = null;
    let disbursement: StoredSupportRequest['disbursement'] = null;
    let schedule: StoredSupportRequest['schedule'] = null;
    let repayments: StoredSupportRequest['repayments'] = [];
    if (s.rejected) {
      state = 'rejected';
      decision = {
        decision: 'rejected',
        amountRials: 0,
        reason: s.rejected,
        terms: null,
        decidedAt: ago(s.submittedDaysAgo - 5),
        decidedBy: seedBy,
      };
    }
    if (s.approved) {
      state = 'approved';
      decision = {
        decision: 'approved',
        amountRials: s.approved.amountRials,
        reason: null,
        terms: s.approved.terms,
        decidedAt: ago(s.approved.daysAgo),
        decidedBy: seedBy,
      };
    }
    if (s.approved && s.disbursedDaysAgo !== undefined) {
      state = 'disbursed';
      const disbursedOn = dayOf(ago(s.disbursedDaysAgo));
      disbursement = {
        amountRials: s.approved.amountRials,
        disbursedAt: ago(s.disbursedDaysAgo),
        disbursedOn,
        benefitId: demoUuid('relief-demo-benefit', s.key),
        disbursedBy: seedBy,
      };
      if (s.approved.terms) {
        schedule = repaymentSchedule({ amountRials: s.approved.amountRials, ...s.approved.terms }, disbursedOn);
        const due = schedule.instalments.filter((i) => i.dueOn <= today);
        repayments = due.slice(0, s.paidInstalments ?? due.length).map((i) => ({
          repaymentId: demoUuid(`relief-demo-repayment-${s.key}`, i.no),
          amountRials: i.amountRials,
          paidOn: i.dueOn,
          recordedAt: new Date(`${i.dueOn}T08:00:00Z`),
          recordedBy: seedBy,
        }));
        const paid = repayments.reduce((sum, r) => sum + r.amountRials, 0);
        if (repayments.length > 0) state = paid >= schedule.totalRials ? 'repaid' : 'repaying';
      }
    }
    const followUps =
      s.followUp && disbursement
        ? [
            {
              followUpId: demoUuid('relief-demo-follow-up', s.key),
              visitedOn: dayOf(ago(s.followUp.daysAgo)),
              operating: s.followUp.operating,
              note: s.followUp.note,
              recordedAt: ago(s.followUp.daysAgo),
              recordedBy: seedBy,
            },
          ]
        : [];
    return {
      _id: demoUuid('relief-demo-request', s.key),
      referralId: s.referralId,
      residentRef: s.residentRef,
      householdRef: s.householdRef,
      neighbourhoodId: s.neighbourhoodId,
      kind: s.kind,
      purpose: s.purpose,
      requestedRials: s.requestedRials,
      businessPlan: s.plan,
      meansTest: s.meansTest,
      state,
      assessment,
      decision,
      disbursement,
      schedule,
      repayments,
      followUps,
      submittedAt: ago(s.submittedDaysAgo),
      submittedBy: seedBy,
    };
  });
  // The disbursed ones' benefits are announced (benefit.granted), so institute funding's duplicate-benefit
  // check knows them too; the rest of their history stays here (the other services seed their own side).
  const cause = eventCause(agency, seedBy, `seed-${now.toISOString()}`);
  const benefitOf = (r: (typeof requests)[number]) =>
    r.disbursement
      ? outboxEntries(agency, cause, [
          {
            type: `${agency}.benefit.granted`,
            version: 1,
            data: {
              benefitId: r.disbursement.benefitId,
              householdRef: r.householdRef,
              residentRef: r.residentRef,
              purpose: r.purpose,
              amountRials: r.disbursement.amountRials,
              grantedAt: r.disbursement.disbursedAt.toISOString(),
            },
          },
        ])
      : [];
  await insertMissing(
    models.supportRequests,
    requests.map((r) => ({ ...r, outbox: benefitOf(r) })),
  );
  deps.flushOutbox(requests.filter((r) => r.disbursement).map((r) => r._id));

  // Institute funding already paid two of these households for the same purpose: the duplicate-benefit check shows it.
  const duplicated = [all[0]!, all[4]!];
  await insertMissing(
    models.benefits,
    duplicated.map((s, i) => ({
      _id: demoUuid('relief-demo-institute-benefit', i),
      source: 'institute-funding' as const,
      householdRef: s.householdRef,
      residentRef: s.residentRef,
      purpose: s.purpose,
      amountRials: 80_000_000,
      grantedAt: ago(90 - i * 30),
      sourceEventId: 'seed',
    })),
  );

  const permits = [
    {
      _id: demoUuid('relief-demo-permit', 0),
      permitNo: 'WP-1405-0031',
      trade: 'tailoring',
      neighbourhoodId: 'nbh-fajr',
      validUntil: addDays(today, 330),
      issuedAt: ago(35),
      sourceEventId: 'seed',
    },
    {
      _id: demoUuid('relief-demo-permit', 1),
      permitNo: 'WP-1405-0044',
      trade: 'carpentry',
      neighbourhoodId: 'nbh-sarasiab',
      validUntil: addDays(today, 350),
      issuedAt: ago(15),
      sourceEventId: 'seed',
    },
  ];
  await insertMissing(models.permits, permits);

  const milestone = (project: number, i: number, title: string, dueInDays: number, doneDaysAgo: number | null) => ({
    milestoneId: demoUuid(`relief-demo-milestone-${project}`, i),
    title,
    dueOn: addDays(today, dueInDays),
    doneOn: doneDaysAgo === null ? null : addDays(today, -doneDaysAgo),
  });
  const project = (
    i: number,
    fields: Omit<StoredProject, '_id' | 'createdAt' | 'createdBy' | 'updatedAt'>,
    createdDaysAgo: number,
  ): StoredProject => ({
    _id: demoUuid('relief-demo-project', i),
    ...fields,
    createdAt: ago(createdDaysAgo),
    createdBy: seedBy,
    updatedAt: ago(Math.max(0, createdDaysAgo - 10)),
  });
  await insertMissing(models.projects, [
    project(
      0,
      {
        title: 'آماده‌سازی کارگاه خیاطی دارای مجوز در فجر',
        scope: 'تعمیر سقف، سیم‌کشی برق سه‌فاز و کف‌سازی ۴۰ متر فضای کارگاه',
        neighbourhoodId: 'nbh-fajr',
        permitId: permits[0]!._id,
        volunteers: { count: 12, skills: ['برق‌کاری', 'بنایی', 'گچ‌کاری'] },
        milestones: [
          milestone(0, 0, 'برآورد و خرید مصالح', -20, 22),
          milestone(0, 1, 'سیم‌کشی برق', -5, null),
          milestone(0, 2, 'کف‌سازی و تحویل', 15, null),
        ],
        status: 'in-progress',
        evidence: null,
        completedOn: null,
      },
      30,
    ),
    project(
      1,
      {
        title: 'بازسازی فضای کارگاه نجاری سرآسیاب',
        scope: 'آماده‌سازی انبار بلااستفاده برای کارگاه نجاری محله با اردوی جهادی',
        neighbourhoodId: 'nbh-sarasiab',
        permitId: null,
        volunteers: { count: 20, skills: ['نجاری', 'جوشکاری'] },
        milestones: [milestone(1, 0, 'پاک‌سازی و تخریب', 10, null), milestone(1, 1, 'اسکلت و سقف', 40, null)],
        status: 'planned',
        evidence: null,
        completedOn: null,
      },
      5,
    ),
    project(
      2,
      {
        title: 'تجهیز کارگاه شیرینی‌پزی کلینیک مطهری',
        scope: 'کاشی‌کاری، لوله‌کشی گاز و نصب هود',
        neighbourhoodId: 'nbh-motahari',
        permitId: null,
        volunteers: { count: 8, skills: ['لوله‌کشی', 'کاشی‌کاری'] },
        milestones: [milestone(2, 0, 'لوله‌کشی گاز', -60, 62), milestone(2, 1, 'کاشی‌کاری و هود', -40, 41)],
        status: 'completed',
        evidence: 'صورت‌جلسه تحویل شماره ۱۴۰۵/ب/۱۲ و تأییدیه گاز',
        completedOn: addDays(today, -38),
      },
      90,
    ),
  ]);

  await insertMissing(models.agreements, [
    {
      _id: demoUuid('relief-demo-agreement', 0),
      partner: 'relief-committee',
      title: 'تفاهم‌نامه حمایت از کسب‌وکارهای خانگی ساکنان محلات هدف',
      scope: 'وام قرض‌الحسنه و کمک بلاعوض برای دارندگان گواهی مهارت فنی و حرفه‌ای معرفی‌شده از کلینیک‌ها',
      startsOn: addDays(today, -120),
      endsOn: addDays(today, 245),
      signedOn: addDays(today, -125),
      status: 'signed',
      updatedAt: ago(125),
      updatedBy: seedBy,
    },
    {
      _id: demoUuid('relief-demo-agreement', 1),
      partner: 'basij-construction',
      title: 'تفاهم‌نامه اردوهای جهادی آماده‌سازی کارگاه‌های محله',
      scope: 'نیروی داوطلب برای آماده‌سازی فضای کارگاه‌های دارای مجوز در چهار محله هدف',
      startsOn: addDays(today, -90),
      endsOn: addDays(today, 275),
      signedOn: addDays(today, -95),
      status: 'signed',
      updatedAt: ago(95),
      updatedBy: seedBy,
    },
    {
      _id: demoUuid('relief-demo-agreement', 2),
      partner: 'relief-committee',
      title: 'الحاقیه تأمین تجهیزات کار خانگی',
      scope: 'تأمین چرخ خیاطی و فر برای ۲۰ خانوار',
      startsOn: addDays(today, 20),
      endsOn: addDays(today, 385),
      signedOn: null,
      status: 'draft',
      updatedAt: ago(3),
      updatedBy: seedBy,
    },
  ]);

  await insertMissing(models.meetings, [
    {
      _id: demoUuid('relief-demo-meeting', 0),
      heldOn: addDays(today, -130),
      title: 'نشست مشترک ستاد، کمیته امداد و بسیج سازندگی',
      attendees: ['coordination', 'relief-committee', 'basij-construction', 'clinics', 'vocational-training'],
      decisions:
        'کمیته امداد برای دارندگان گواهی فنی و حرفه‌ای معرفی‌شده از کلینیک‌ها وام خرد پرداخت کند؛ بسیج سازندگی فضای کارگاه‌های دارای مجوز را با اردوی جهادی آماده کند.',
      recordedAt: ago(129),
      recordedBy: seedBy,
    },
    {
      _id: demoUuid('relief-demo-meeting', 1),
      heldOn: addDays(today, -20),
      title: 'پیگیری وام‌های خرد و کارگاه فجر',
      attendees: ['relief-committee', 'basij-construction', 'welfare', 'clinics'],
      decisions: 'بهزیستی پرچم‌های استحقاق را پیش از تصمیم کمیته به‌روز کند؛ برق‌کشی کارگاه فجر تا پایان ماه تمام شود.',
      recordedAt: ago(19),
      recordedBy: seedBy,
    },
  ]);
}
