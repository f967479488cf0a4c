import { addDays } from '@hamgam/contracts/days';
import type { EligibilityFlag } from '@hamgam/contracts';
import { demoClinics, demoHouseholdRef, demoResidentIndex, demoResidentRef, demoUuid } from '@hamgam/demo-data';
import { eventCause, type Principal } from '@hamgam/service-kit';
import { addGoal, addTask, assess, confirmFlag, markGoal, markTask, recordVisit, revokeFlag, type CaseRecord } from '../app/cases.js';
import { close, reopen } from '../app/closing.js';
import { openCase } from '../app/opening.js';
import { agency, type WelfareDeps } from '../deps.js';
import type { AssessmentAnswers } from '../domain/assessment.js';
import type { ClosureReason } from '../domain/cases.js';

/** Answers of the demo assessments (levels in comments, by the scale in domain/assessment.ts). */
const answers = {
  /** 3+2+0+3 = 8, high; low-income, female-headed, long-term-unemployed. */
  femaleHeadedNoIncome: {
    income: { level: 'no-income', mainEarnerMonthsUnemployed: 14 },
    housing: { condition: 'overcrowded' },
    health: { disability: 'none', chronicIllness: false },
    household: { members: 4, dependants: 3, earners: 0, femaleHeaded: true },
  },
  /** 2+1+3+0 = 6, medium; low-income, disability-in-household. */
  disability: {
    income: { level: 'below-poverty-line', mainEarnerMonthsUnemployed: 0 },
    housing: { condition: 'insecure-tenure' },
    health: { disability: 'severe', chronicIllness: false },
    household: { members: 5, dependants: 2, earners: 1, femaleHeaded: false },
  },
  /** 1+0+0+0 = 1, low; long-term-unemployed. */
  longUnemployed: {
    income: { level: 'irregular', mainEarnerMonthsUnemployed: 18 },
    housing: { condition: 'adequate' },
    health: { disability: 'none', chronicIllness: false },
    household: { members: 3, dependants: 1, earners: 1, femaleHeaded: false },
  },
  /** 2+2+1+1 = 6, medium; low-income. */
  lowIncome: {
    income: { level: 'below-poverty-line', mainEarnerMonthsUnemployed: 6 },
    housing: { condition: 'overcrowded' },
    health: { disability: 'none', chronicIllness: true },
    household: { members: 6, dependants: 3, earners: 1, femaleHeaded: false },
  },
} satisfies Record<string, AssessmentAnswers>;

/** One step of a demo case's history, `daysAgo` before the seed runs. Due days are relative to the seed's day. */
type Step =
  | { daysAgo: number; do: 'assess'; answers: AssessmentAnswers }
  | { daysAgo: number; do: 'goal'; text: string; tasks: { text: string; dueInDays: number; done?: boolean }[]; met?: boolean }
  | { daysAgo: number; do: 'visit'; notes: string; nextInDays: number | null }
  | { daysAgo: number; do: 'flag'; flag: EligibilityFlag; validForDays: number }
  | { daysAgo: number; do: 'revoke'; flag: EligibilityFlag }
  | { daysAgo: number; do: 'close'; reason: ClosureReason }
  | { daysAgo: number; do: 'reopen'; reason: string };

interface DemoCase {
  clinicIndex: number;
  /** The clinic's demo household number (its head is the demo resident of the same number). */
  n: number;
  worker: 'welfare.officer' | 'welfare.officer2';
  openedDaysAgo: number;
  steps: Step[];
}

const goalIncome = (doneTask: boolean, dueInDays: number): Step & { do: 'goal' } => ({
  daysAgo: 0,
  do: 'goal',
  text: 'درآمد پایدار برای خانوار (Stable household income)',
  tasks: [
    { text: 'معرفی به دوره مهارتی فنی و حرفه‌ای (Refer to a TVTO skills course)', dueInDays: -20, done: doneTask },
    { text: 'تکمیل پرونده وام خرد کمیته امداد (Complete the Relief Committee micro-loan file)', dueInDays },
  ],
});
const goalSchool: Step & { do: 'goal' } = {
  daysAgo: 0,
  do: 'goal',
  text: 'ادامه تحصیل فرزندان (Children stay in school)',
  tasks: [{ text: 'ثبت‌نام فرزندان و تأمین لوازم‌التحریر (Enrol the children, school supplies)', dueInDays: 10 }],
};
const at = <S extends Step>(daysAgo: number, step: S): S => ({ ...step, daysAgo });

/**
 * Twelve cases, three per clinic: the households of the relief referrals (numbers 3 and 7 of each clinic's
 * demo referrals, see @hamgam/demo-data) carry flags, so the Relief Committee's eligibility check finds
 * them; the others show every stage, overdue work, a revoked flag, closure and a reopened case.
 */
export const demoCases: readonly DemoCase[] = [
  ...demoClinics.map((_, k): DemoCase => ({
    clinicIndex: k,
    n: 3,
    worker: 'welfare.officer',
    openedDaysAgo: 70,
    steps: [
      { daysAgo: 68, do: 'assess', answers: answers.femaleHeadedNoIncome },
      { daysAgo: 67, do: 'flag', flag: 'low-income', validForDays: 200 },
      ...(k % 2 === 0 ? [{ daysAgo: 67, do: 'flag', flag: 'female-headed-household', validForDays: 200 } as const] : []),
      at(66, goalIncome(true, k === 2 ? -3 : 25)),
      at(66, goalSchool),
      {
        daysAgo: 60,
        do: 'visit',
        notes: 'بازدید منزل؛ مادر خانوار برای دوره خیاطی خانگی ثبت‌نام کرد. (Home visit; enrolled for home tailoring.)',
        nextInDays: -30,
      },
      {
        daysAgo: 30,
        do: 'visit',
        notes: 'دوره در جریان است؛ پیگیری پرونده وام. (Course under way; loan file followed up.)',
        nextInDays: k === 1 ? -4 : 20,
      },
    ],
  })),
  {
    clinicIndex: 0,
    n: 0,
    worker: 'welfare.officer',
    openedDaysAgo: 3,
    steps: [],
  },
  {
    clinicIndex: 1,
    n: 1,
    worker: 'welfare.officer',
    openedDaysAgo: 12,
    steps: [
      { daysAgo: 8, do: 'assess', answers: answers.disability },
      { daysAgo: 8, do: 'flag', flag: 'disability-in-household', validForDays: 300 },
    ],
  },
  {
    clinicIndex: 2,
    n: 2,
    worker: 'welfare.officer',
    openedDaysAgo: 25,
    steps: [
      { daysAgo: 22, do: 'assess', answers: answers.lowIncome },
      at(20, {
        ...goalSchool,
        tasks: [{ text: 'ثبت‌نام فرزندان و تأمین لوازم‌التحریر (Enrol the children, school supplies)', dueInDays: -2 }],
      }),
    ],
  },
  {
    clinicIndex: 3,
    n: 5,
    worker: 'welfare.officer',
    openedDaysAgo: 150,
    steps: [
      { daysAgo: 148, do: 'assess', answers: answers.longUnemployed },
      { daysAgo: 147, do: 'flag', flag: 'long-term-unemployed', validForDays: 100 },
      at(146, { ...goalIncome(true, -60), met: true }),
      {
        daysAgo: 120,
        do: 'visit',
        notes: 'سرپرست خانوار در کارگاه نجاری مشغول به کار شد. (The head of household started work at a carpentry workshop.)',
        nextInDays: -90,
      },
      { daysAgo: 90, do: 'revoke', flag: 'long-term-unemployed' },
      { daysAgo: 89, do: 'close', reason: 'goals-met' },
    ],
  },
  {
    clinicIndex: 0,
    n: 7,
    worker: 'welfare.officer2',
    openedDaysAgo: 40,
    steps: [
      { daysAgo: 38, do: 'assess', answers: answers.femaleHeadedNoIncome },
      { daysAgo: 37, do: 'flag', flag: 'low-income', validForDays: 150 },
      { daysAgo: 37, do: 'flag', flag: 'long-term-unemployed', validForDays: 150 },
      at(36, goalIncome(false, 14)),
      { daysAgo: 20, do: 'visit', notes: 'پیگیری تلفنی و بازدید؛ نیاز به فضای کارگاه. (Follow-up; needs workshop space.)', nextInDays: 10 },
    ],
  },
  {
    clinicIndex: 1,
    n: 7,
    worker: 'welfare.officer2',
    openedDaysAgo: 30,
    steps: [
      { daysAgo: 28, do: 'assess', answers: answers.lowIncome },
      { daysAgo: 28, do: 'flag', flag: 'low-income', validForDays: 180 },
      at(27, goalIncome(false, 30)),
    ],
  },
  {
    clinicIndex: 2,
    n: 7,
    worker: 'welfare.officer',
    openedDaysAgo: 90,
    steps: [
      { daysAgo: 88, do: 'assess', answers: answers.lowIncome },
      { daysAgo: 87, do: 'close', reason: 'declined' },
      { daysAgo: 15, do: 'reopen', reason: 'خانوار دوباره درخواست حمایت کرد. (The household asked for support again.)' },
      { daysAgo: 14, do: 'flag', flag: 'low-income', validForDays: 120 },
    ],
  },
  {
    clinicIndex: 3,
    n: 7,
    worker: 'welfare.officer',
    openedDaysAgo: 45,
    steps: [
      { daysAgo: 44, do: 'assess', answers: answers.disability },
      { daysAgo: 40, do: 'close', reason: 'moved' },
    ],
  },
];

/** The demo case's id: stable, so a second seed run finds it. */
export const demoCaseId = (i: number) => demoUuid('welfare-case', i);

/**
 * Stores the demo cases through the same use cases the API runs, each step at its own moment in the
 * past (a clock moved back), so flags are published as events like any other. Idempotent per case.
 */
export async function seedWelfare(deps: WelfareDeps): Promise<void> {
  const today = deps.clock.now();
  for (const [i, demo] of demoCases.entries()) {
    const caseId = demoCaseId(i);
    if (await deps.models.cases.exists({ _id: caseId })) continue;
    const index = demoResidentIndex(demo.clinicIndex, demo.n);
    const clinic = demoClinics[demo.clinicIndex]!;
    const principal: Principal = {
      subject: `seed-${demo.worker}`,
      username: demo.worker,
      roles: ['welfare-officer'],
      clinicIds: [],
      neighbourhoodIds: [],
    };
    const cause = eventCause(agency, principal, `seed-welfare-${i}`);
    const back = (daysAgo: number): WelfareDeps => ({ ...deps, clock: { now: () => new Date(today.getTime() - daysAgo * 86_400_000) } });
    const due = (days: number) => addDays(today, days);
    await openCase(
      back(demo.openedDaysAgo),
      principal,
      {
        householdRef: demoHouseholdRef(index),
        residentRef: demoResidentRef(index),
        neighbourhoodId: clinic.neighbourhoodId,
        clinicId: clinic.clinicId,
        referralId: null,
      },
      caseId,
    );
    let current: CaseRecord | undefined;
    for (const step of demo.steps) {
      const d = back(step.daysAgo);
      switch (step.do) {
        case 'assess':
          current = await assess(d, caseId, principal, cause, step.answers);
          break;
        case 'goal': {
          current = await addGoal(d, caseId, principal, cause, step.text);
          const goalId = current.goals.at(-1)!.goalId;
          for (const task of step.tasks) {
            current = await addTask(d, caseId, principal, cause, goalId, { text: task.text, dueOn: due(task.dueInDays) });
            if (task.done) current = await markTask(d, caseId, principal, cause, current.goals.at(-1)!.tasks.at(-1)!.taskId, true);
          }
          if (step.met) current = await markGoal(d, caseId, principal, cause, goalId, true);
          break;
        }
        case 'visit':
          current = await recordVisit(d, caseId, principal, cause, {
            visitedOn: addDays(today, -step.daysAgo),
            notes: step.notes,
            nextVisitOn: step.nextInDays === null ? null : due(step.nextInDays),
          });
          break;
        case 'flag':
          current = await confirmFlag(d, caseId, principal, cause, step.flag, due(step.validForDays - step.daysAgo));
          break;
        case 'revoke': {
          const flag = current?.flags.find((f) => f.flag === step.flag && f.revokedAt === null);
          if (flag) current = await revokeFlag(d, caseId, principal, cause, flag.flagId);
          break;
        }
        case 'close':
          current = await close(d, caseId, principal, cause, step.reason);
          break;
        case 'reopen':
          current = await reopen(d, caseId, principal, cause, step.reason);
          break;
      }
    }
  }
}
