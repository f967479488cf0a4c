import { isDuplicateKey } from '@hamgam/service-kit';
import { addDays, dayOf } from '@hamgam/contracts/days';
import { demoHouseholdRef, demoResidentIndex, demoResidentRef, demoUuid } from '@hamgam/demo-data';
import { postCall } from '../app/ledger.js';
import { payTranche, planTranches, releaseTranche, type TranchePlanItem } from '../domain/awards.js';
import { seatValue, verifiedCounts } from '../domain/outcomes.js';
import type { FundingDeps } from '../deps.js';
import type { StoredApplication } from './applications.js';
import type { StoredCall } from './calls.js';
import type { StoredInstitute } from './institutes.js';
import type { StoredOutcome } from './outcomes.js';

const seedActor = 'seed';
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** The demo's institutes: TVTO's seed names them as course venues `{ kind: 'private-institute', id }`. */
export const demoInstitutes = [
  {
    id: 'inst-negin',
    name: { fa: 'آموزشگاه آزاد نگین', en: 'Negin private institute' },
    licenceNo: 'KRM-1398-0412',
    neighbourhoodId: 'nbh-sarasiab',
    address: 'سرآسیاب، خیابان شهید باهنر، کوچه ۱۲',
    trades: ['tailoring', 'handicrafts'],
    validForDays: 540,
  },
  {
    id: 'inst-farda',
    name: { fa: 'آموزشگاه آزاد فردا', en: 'Farda private institute' },
    licenceNo: 'KRM-1400-0907',
    neighbourhoodId: 'nbh-motahari',
    address: 'مطهری، بلوار جمهوری، نبش کوچه ۸',
    trades: ['pastry', 'tailoring'],
    validForDays: 400,
  },
  {
    id: 'inst-omid',
    name: { fa: 'آموزشگاه آزاد امید', en: 'Omid private institute' },
    licenceNo: 'KRM-1401-1133',
    neighbourhoodId: 'nbh-fajr',
    address: 'فجر، خیابان امام، کوچه ۳',
    trades: ['carpentry', 'handicrafts'],
    validForDays: 300,
  },
] as const;

export const demoCallId = demoUuid('if-call', 1);
const applicationId = (n: number) => demoUuid('if-application', n);

const negin: TranchePlanItem[] = [
  { percent: 30, condition: { kind: 'enrolments', atLeast: 8 } },
  { percent: 40, condition: { kind: 'completions', atLeast: 6 } },
  { percent: 30, condition: { kind: 'completions', atLeast: 10 } },
];
const farda: TranchePlanItem[] = [
  { percent: 30, condition: { kind: 'enrolments', atLeast: 6 } },
  { percent: 40, condition: { kind: 'completions', atLeast: 5 } },
  { percent: 30, condition: { kind: 'completions', atLeast: 8 } },
];

/** Enrolments TVTO verified for an award: demo residents of the clinic of the institute's neighbourhood. */
function seedOutcomes(
  awardId: string,
  instituteId: string,
  trade: string,
  clinicIndex: number,
  neighbourhoodId: string,
  count: number,
  enrolledAt: Date,
  now: Date,
): StoredOutcome[] {
  return Array.from({ length: count }, (_, n) => {
    const resident = demoResidentIndex(clinicIndex, 20 + n);
    return {
      _id: demoUuid(`if-enrolment-${instituteId}`, n),
      awardId,
      instituteId,
      courseId: `tvto-${instituteId}-${trade}-1405`,
      trade,
      residentRef: demoResidentRef(resident),
      householdRef: demoHouseholdRef(resident),
      neighbourhoodId,
      enrolled: true,
      enrolledAt,
      result: null,
      completedAt: null,
      updatedAt: now,
    };
  });
}

/**
 * Three institutes in target neighbourhoods, one open call, three applications — Negin's awarded with its
 * first tranche released on nine verified enrolments and paid, Farda's awarded with every tranche pending
 * (three enrolments so far), Omid's rejected — and the ledger those steps imply. Idempotent: skipped when
 * the demo call is there; the ledger part catches up on its own.
 */
export async function seedFunding(deps: FundingDeps): Promise<void> {
  const { models } = deps;
  const now = deps.clock.now();
  for (const i of demoInstitutes) {
    const institute: StoredInstitute = {
      _id: i.id,
      name: i.name,
      licenceNo: i.licenceNo,
      licenceValidUntil: addDays(now, i.validForDays),
      neighbourhoodId: i.neighbourhoodId,
      address: i.address,
      trades: [...i.trades],
      updatedAt: now,
      updatedBy: seedActor,
    };
    await models.institutes.updateOne({ _id: i.id }, { $setOnInsert: institute }, { upsert: true });
  }
  if (!(await models.calls.exists({ _id: demoCallId }))) {
    const call: StoredCall = {
      _id: demoCallId,
      title: {
        fa: 'فراخوان حمایت از آموزش مشاغل خانگی در محله‌های هدف ۱۴۰۵',
        en: 'Home-based job training in the target neighbourhoods, 1405',
      },
      budgetRials: 12_000_000_000,
      neighbourhoodIds: ['nbh-sarasiab', 'nbh-motahari', 'nbh-fajr'],
      trades: ['tailoring', 'pastry', 'handicrafts', 'carpentry'],
      opensOn: dayOf(daysAgo(now, 60)),
      closesOn: addDays(now, 20),
      createdAt: daysAgo(now, 62),
      createdBy: seedActor,
    };
    const base = { callId: demoCallId, recordedBy: seedActor, benefits: [], revision: 3, outbox: [] };

    // Negin: 12 seats of tailoring in Sar Asiab, first tranche released on 9 verified enrolments and paid.
    const neginId = applicationId(1);
    const neginAwardedAt = daysAgo(now, 40);
    const neginOutcomes = seedOutcomes(neginId, 'inst-negin', 'tailoring', 0, 'nbh-sarasiab', 9, daysAgo(now, 30), now);
    const neginAmount = 4_000_000_000;
    let neginTranches = planTranches(
      { amountRials: neginAmount, seats: 12, plan: negin },
      { proposedSeats: 14, amountRequestedRials: 4_500_000_000 },
    );
    neginTranches = releaseTranche('active', neginTranches, 1, verifiedCounts(neginOutcomes), daysAgo(now, 25));
    neginTranches = payTranche('active', neginTranches, 1, 'SATNA-1405-2231', daysAgo(now, 21));
    const neginApplication: StoredApplication = {
      ...base,
      _id: neginId,
      instituteId: 'inst-negin',
      trades: ['tailoring'],
      proposedSeats: 14,
      amountRequestedRials: 4_500_000_000,
      state: 'awarded',
      submittedAt: daysAgo(now, 55),
      reviewStartedAt: daysAgo(now, 50),
      decidedAt: neginAwardedAt,
      decidedBy: seedActor,
      rejectionReason: null,
      award: {
        amountRials: neginAmount,
        seats: 12,
        neighbourhoodIds: call.neighbourhoodIds,
        status: 'active',
        tranches: neginTranches,
        awardedAt: neginAwardedAt,
        awardedBy: seedActor,
        cancelledAt: null,
        cancelReason: null,
      },
      benefits: neginOutcomes.map((o, n) => ({
        benefitId: demoUuid('if-benefit-negin', n),
        enrolmentId: o._id,
        householdRef: o.householdRef!,
        residentRef: o.residentRef,
        amountRials: seatValue(neginAmount, 12),
        trancheNo: 1,
        grantedAt: daysAgo(now, 25),
      })),
    };

    // Farda: 10 seats of pastry in Motahari, 3 enrolments verified so far, every tranche pending.
    const fardaId = applicationId(2);
    const fardaAwardedAt = daysAgo(now, 20);
    const fardaOutcomes = seedOutcomes(fardaId, 'inst-farda', 'pastry', 1, 'nbh-motahari', 3, daysAgo(now, 6), now);
    const fardaApplication: StoredApplication = {
      ...base,
      _id: fardaId,
      instituteId: 'inst-farda',
      trades: ['pastry'],
      proposedSeats: 10,
      amountRequestedRials: 3_200_000_000,
      state: 'awarded',
      submittedAt: daysAgo(now, 45),
      reviewStartedAt: daysAgo(now, 35),
      decidedAt: fardaAwardedAt,
      decidedBy: seedActor,
      rejectionReason: null,
      award: {
        amountRials: 3_000_000_000,
        seats: 10,
        neighbourhoodIds: call.neighbourhoodIds,
        status: 'active',
        awardedAt: fardaAwardedAt,
        awardedBy: seedActor,
        cancelledAt: null,
        cancelReason: null,
        tranches: planTranches(
          { amountRials: 3_000_000_000, seats: 10, plan: farda },
          { proposedSeats: 10, amountRequestedRials: 3_200_000_000 },
        ),
      },
    };

    // Omid: rejected (its carpentry workshop lacked the safety equipment the call requires).
    const omidApplication: StoredApplication = {
      ...base,
      _id: applicationId(3),
      instituteId: 'inst-omid',
      trades: ['carpentry'],
      proposedSeats: 8,
      amountRequestedRials: 2_800_000_000,
      state: 'rejected',
      submittedAt: daysAgo(now, 42),
      reviewStartedAt: daysAgo(now, 33),
      decidedAt: daysAgo(now, 28),
      decidedBy: seedActor,
      rejectionReason:
        'کارگاه نجاری تجهیزات ایمنی لازم فراخوان را ندارد / the carpentry workshop lacks the safety equipment the call requires',
      award: null,
    };

    const insertOnce = async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // an earlier, interrupted seed stored it
      }
    };
    for (const outcome of [...neginOutcomes, ...fardaOutcomes]) await insertOnce(() => models.outcomes.create(outcome));
    for (const application of [neginApplication, fardaApplication, omidApplication])
      await insertOnce(() => models.applications.create(application));
    await models.calls.create(call); // last: its presence says the rest is there
  }
  await postCall(deps, demoCallId);
}
