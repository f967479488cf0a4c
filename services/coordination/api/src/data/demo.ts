import { randomUUID } from 'node:crypto';
import { demoUuid } from '@hamgam/demo-data';
import { eventCause, outboxEntries, type EventDraft } from '@hamgam/service-kit';
import { actionItemEvents } from '../app/meetings.js';
import { recordCommitment, statusRecordedEvent } from '../app/commitments.js';
import { dayOf } from '@hamgam/contracts/days';
import { applyReport, type Commitment, type StatusReport } from '../domain/commitments.js';
import { commitmentFromActionItem, overdueSection, type ActionItem, type Meeting, type Resolution } from '../domain/meetings.js';
import { agency, type CoordinationDeps } from '../deps.js';

const neighbourhoodId = 'nbh-motahari';

/** What happened to each demo action item, in days from the moment the seed runs. */
interface DemoAction extends Omit<ActionItem, 'dueOn' | 'id'> {
  index: number;
  dueInDays: number;
  reports: { status: StatusReport['status']; inDays: number; evidence: string | null }[];
}

const firstResolution: DemoAction[] = [
  {
    index: 1,
    agency: 'vocational-training',
    answers: 'skills-training',
    title: 'دوره خیاطی خانگی برای ۲۰ نفر از ساکنان در کلینیک',
    dueInDays: -14,
    reports: [
      { status: 'in-progress', inDays: -35, evidence: null },
      { status: 'delivered', inDays: -16, evidence: 'فهرست ۱۸ گواهی‌نامه، شماره ۱۴۰۵/۲۳۱' },
    ],
  },
  {
    index: 2,
    agency: 'welfare',
    answers: 'social-care',
    title: 'تشکیل پرونده مددکاری برای ۱۵ خانوار آسیب‌پذیر',
    dueInDays: -21,
    reports: [
      { status: 'in-progress', inDays: -30, evidence: null },
      { status: 'delivered', inDays: -10, evidence: 'گزارش مددکاری شماره ۷۷۴' },
    ],
  },
  {
    index: 3,
    agency: 'relief-partnerships',
    answers: 'housing-repair',
    title: 'بهسازی سقف ۸ خانه با بسیج سازندگی',
    dueInDays: -7,
    reports: [],
  },
];

const secondResolution: DemoAction[] = [
  {
    index: 4,
    agency: 'institute-funding',
    answers: 'skills-training',
    title: 'خرید ظرفیت آموزشگاه آزاد برای ۱۰ نفر',
    dueInDays: 20,
    reports: [{ status: 'in-progress', inDays: -5, evidence: null }],
  },
  {
    index: 5,
    agency: 'vocational-training',
    answers: null,
    title: 'معرفی ظرفیت‌های فنی و حرفه‌ای به کلینیک‌ها',
    dueInDays: 10,
    reports: [],
  },
];

/**
 * Two working-group meetings of Motahari: one held six weeks ago with two resolutions (delivered on
 * time, delivered late, overdue, in progress, and one that answers no priority), and one next week
 * whose agenda opens with the overdue item. The action items' events go to the agencies' desks.
 */
export async function seedCoordinationDemo(deps: CoordinationDeps): Promise<void> {
  const { models, clock, flushOutbox } = deps;
  const heldId = demoUuid('meeting', 1);
  const nextId = demoUuid('meeting', 2);
  // Seeded already, whatever else the database holds (meetings recorded by tests or coordinators).
  if (await models.meetings.exists({ _id: heldId })) return;
  const now = clock.now();
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
  const day = (days: number) => dayOf(at(days));
  const heldOn = -42;

  const resolution = (n: number, text: string, actions: DemoAction[]): Resolution => ({
    id: demoUuid('resolution', n),
    text,
    passedAt: at(heldOn),
    passedBy: 'demo-seed',
    actionItems: actions.map((a) => ({
      id: demoUuid('action-item', a.index),
      agency: a.agency,
      title: a.title,
      answers: a.answers,
      dueOn: day(a.dueInDays),
    })),
  });
  const resolutions = [
    resolution(1, 'دستگاه‌ها برای سه اولویت نخست محله اقدام مشخص با موعد تعیین کنند.', firstResolution),
    resolution(2, 'ظرفیت آموزشی محله با مشارکت آموزشگاه‌های آزاد افزایش یابد.', secondResolution),
  ];

  const commitments: Commitment[] = [];
  // What the working group heard of each item, for the owner agency's desk (so desk and board agree).
  const heard: EventDraft<unknown>[] = [];
  for (const [r, actions] of [
    [resolutions[0]!, firstResolution],
    [resolutions[1]!, secondResolution],
  ] as const) {
    for (const action of actions) {
      const item = r.actionItems.find((i) => i.id === demoUuid('action-item', action.index))!;
      let commitment = commitmentFromActionItem(item, { neighbourhoodId, meetingId: heldId, resolutionId: r.id, assignedAt: r.passedAt });
      for (const report of action.reports) {
        const statusReport: StatusReport = {
          status: report.status,
          at: at(report.inDays),
          evidence: report.evidence,
          revisedDueOn: null,
          reportedBy: 'coordinator',
        };
        const outcome = applyReport(commitment, statusReport);
        if (!outcome.applied) continue;
        commitment = outcome.commitment;
        heard.push(statusRecordedEvent(commitment, statusReport));
      }
      commitments.push(commitment);
    }
  }

  const cause = eventCause(agency, 'demo-seed', `seed-${randomUUID()}`);
  const held: Meeting = {
    id: heldId,
    neighbourhoodId,
    scheduledOn: day(heldOn),
    title: 'کارگروه بازآفرینی محله مطهری — جلسه دوم',
    agencies: ['clinics', 'vocational-training', 'welfare', 'relief-partnerships', 'institute-funding', 'coordination'],
    representativeAttends: true,
    agenda: [
      { id: demoUuid('agenda', 1), text: 'گزارش کلینیک از اولویت‌های منتشرشده محله' },
      { id: demoUuid('agenda', 2), text: 'تعیین اقدام هر دستگاه برای اولویت‌ها' },
    ],
    minutes:
      'نماینده مردمی محله اولویت‌ها را تأیید کرد. فنی و حرفه‌ای، بهزیستی و کمیته امداد برای سه اولویت نخست اقدام پذیرفتند؛ حمایت از آموزشگاه‌ها ظرفیت تکمیلی خرید.',
    status: 'held',
    heldAt: at(heldOn),
    overdueAtHeld: [],
    resolutions,
    createdBy: 'demo-seed',
    createdAt: at(heldOn - 7),
  };
  const next: Meeting = {
    id: nextId,
    neighbourhoodId,
    scheduledOn: day(7),
    title: 'کارگروه بازآفرینی محله مطهری — جلسه سوم',
    agencies: held.agencies,
    representativeAttends: true,
    agenda: [
      { id: demoUuid('agenda', 3), text: 'گزارش پیشرفت تعهدات جلسه قبل' },
      { id: demoUuid('agenda', 4), text: 'فضای کارگاهی برای مشاغل خانگی' },
    ],
    minutes: '',
    status: 'scheduled',
    heldAt: null,
    overdueAtHeld: null,
    resolutions: [],
    createdBy: 'demo-seed',
    createdAt: at(heldOn),
  };
  // The overdue section of the next meeting is computed when read; a sanity check keeps the demo honest.
  if (overdueSection(commitments, neighbourhoodId, now).length === 0) throw new Error('demo: expected an overdue commitment');

  // One outbox, in order: each agency's desk hears the action item before what was heard of it.
  const outbox = outboxEntries(agency, cause, [...resolutions.flatMap((r) => actionItemEvents(held, r)), ...heard]);
  const { id: _h, ...heldFields } = held;
  const { id: _n, ...nextFields } = next;
  await models.meetings.create({ _id: heldId, ...heldFields, outbox });
  await models.meetings.create({ _id: nextId, ...nextFields, outbox: [] });
  for (const commitment of commitments) await recordCommitment(deps, commitment);
  flushOutbox([heldId]);
}
