import { randomUUID } from 'node:crypto';
import { dayOf } from '@hamgam/contracts/days';
import { workRoute } from '@hamgam/service-kit';
import { startTestService, walkPages, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskWork } from '../app/work.js';
import type { DeskModels } from '../data/models.js';
import { agencyDesk } from '../index.js';

// The home's "overdue" counts and the lists their links open (`?overdue=true`, `commitments?overdue=true`)
// are one rule: the same items, whole pages, by Iran's day.
const desk = agencyDesk({ agency: 'welfare', roles: ['welfare-officer'] });
const readers = ['welfare-officer', 'coordinator', 'auditor'] as const;
let service: TestService<DeskModels>;

beforeAll(async () => {
  service = await startTestService({
    name: 'welfare',
    roles: [...readers],
    models: desk.models,
    outboxSources: desk.outboxSources,
    routes: (deps) => [
      ...desk.routes(deps),
      // As every agency composes it: the desk's part of GET /work.
      workRoute({ roles: readers, clock: deps.clock, items: (work) => deskWork(deps.models, desk.options, work) }),
    ],
    subscriptions: desk.subscriptions,
  });
});
afterAll(() => service?.close());

// Made on 1 May; looked at 30 minutes after Tehran's midnight ending 10 May: still 10 May in UTC, 11 May in Iran.
const made = new Date('2026-05-01T08:00:00Z');
const looked = new Date('2026-05-10T21:00:00Z');

const api = () => service.api('welfare');
const ids = <T extends Record<string, unknown>>(rows: T[], key: keyof T) => rows.map((r) => r[key] as string).sort();
const counts = async () => {
  const res = await api().get('/work');
  expect(res.status).toBe(200);
  return Object.fromEntries((res.body as { kind: string; count: number }[]).map((i) => [i.kind, i.count]));
};
const walk = async (path: string, key: string) => {
  const pages = await walkPages<Record<string, unknown>>((p) => api().get(p), path, 1);
  return { ids: ids(pages.items, key), pageSizes: pages.pages.map((p) => p.count) };
};

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const code = () => {
  const whole = Array.from({ length: 8 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
  return `${whole.slice(0, 4)}-${whole.slice(4)}`;
};

async function referral(respondBy: string) {
  const referralId = randomUUID();
  await service.deliver('clinics.referral.made', {
    referralId,
    trackingCode: code(),
    agency: 'welfare',
    offerId: 'welfare-home-visit',
    clinicId: 'clinic-sarasiab',
    neighbourhoodId: 'nbh-sarasiab',
    residentRef: randomUUID(),
    householdRef: randomUUID(),
    needCategory: 'social-care',
    respondBy,
    madeAt: made.toISOString(),
  });
  return referralId;
}

async function actionItem(dueOn: string) {
  const actionItemId = randomUUID();
  await service.deliver('coordination.action-item.assigned', {
    actionItemId,
    meetingId: randomUUID(),
    resolutionId: randomUUID(),
    agency: 'welfare',
    neighbourhoodId: 'nbh-fajr',
    answers: 'social-care',
    title: `Home visits due ${dueOn}`,
    dueOn,
    assignedAt: made.toISOString(),
  });
  return actionItemId;
}

const progress = async (id: string, body: object) => expect((await api().post(`/desk/commitments/${id}/progress`, body)).status).toBe(200);

describe('overdue, on the home and in the lists it links to', () => {
  it('is the same referrals and commitments, by Iran’s day, in whole pages', async () => {
    service.clock.setTo(made);
    expect(dayOf(made)).toBe('2026-05-01');
    // Referrals: an answer late, a completion late, one late only by Tehran's day; one due today, one answered for good.
    const answerLate = await referral('2026-05-09');
    const completionLate = await referral('2026-05-20');
    expect((await api().post(`/desk/referrals/${completionLate}/accept`, { completeBy: '2026-05-05' })).status).toBe(200);
    const lateInTehran = await referral('2026-05-10');
    const dueToday = await referral('2026-05-11');
    const completed = await referral('2026-05-20');
    expect((await api().post(`/desk/referrals/${completed}/accept`, { completeBy: '2026-05-05' })).status).toBe(200);
    expect((await api().post(`/desk/referrals/${completed}/complete`, { outcome: 'achieved' })).status).toBe(200);
    const declined = await referral('2026-05-02');
    expect((await api().post(`/desk/referrals/${declined}/decline`, { reason: 'not-eligible' })).status).toBe(200);

    // Commitments: past due, late only by Tehran's day, slipped to a day now past (its first day still ahead);
    // due today, delivered after its day, slipped to a day still ahead (its first day past).
    const pastDue = await actionItem('2026-05-09');
    const dueInTehran = await actionItem('2026-05-10');
    await progress(dueInTehran, { status: 'in-progress' });
    const slippedLate = await actionItem('2026-06-30');
    await progress(slippedLate, { status: 'in-progress' });
    await progress(slippedLate, { status: 'slipped', revisedDueOn: '2026-05-06' });
    const commitmentToday = await actionItem('2026-05-11');
    const delivered = await actionItem('2026-05-03');
    await progress(delivered, { status: 'in-progress' });
    await progress(delivered, { status: 'delivered', evidence: 'visit log 4' });
    const slippedAhead = await actionItem('2026-05-03');
    await progress(slippedAhead, { status: 'in-progress' });
    await progress(slippedAhead, { status: 'slipped', revisedDueOn: '2026-05-25' });

    service.clock.setTo(looked);
    expect(dayOf(looked)).toBe('2026-05-11');

    const lateReferrals = await walk('/desk/referrals?overdue=true', 'referralId');
    expect(lateReferrals.ids).toEqual([answerLate, completionLate, lateInTehran].sort());
    expect(lateReferrals.pageSizes).toEqual([1, 1, 1]);
    const onTime = await walk('/desk/referrals?overdue=false', 'referralId');
    expect(onTime.ids).toEqual([dueToday, completed, declined].sort());
    expect(onTime.pageSizes).toEqual([1, 1, 1]);
    expect(ids((await api().get('/desk/referrals?overdue=true&state=accepted')).body, 'referralId')).toEqual([completionLate]);
    expect(ids((await api().get('/desk/referrals?state=received')).body, 'referralId')).toEqual(
      [answerLate, lateInTehran, dueToday].sort(),
    );

    const lateCommitments = await walk('/desk/commitments?overdue=true', 'commitmentId');
    expect(lateCommitments.ids).toEqual([pastDue, dueInTehran, slippedLate].sort());
    expect(lateCommitments.pageSizes).toEqual([1, 1, 1]);
    const withinDay = await walk('/desk/commitments?overdue=false', 'commitmentId');
    expect(withinDay.ids).toEqual([commitmentToday, delivered, slippedAhead].sort());
    expect(ids((await api().get('/desk/commitments?overdue=true&status=slipped')).body, 'commitmentId')).toEqual([slippedLate]);
    // Each row says it too.
    for (const row of (await api().get('/desk/commitments?limit=100')).body as { commitmentId: string; overdue: boolean }[])
      expect(row.overdue).toBe(lateCommitments.ids.includes(row.commitmentId));

    // The working group's action items still to do: every one but the delivered, late or not.
    const openItems = await walk('/desk/commitments?source=working-group&status=open', 'commitmentId');
    expect(openItems.ids).toEqual([pastDue, dueInTehran, slippedLate, commitmentToday, slippedAhead].sort());

    expect(await counts()).toMatchObject({
      'referrals-new': 3,
      'referrals-overdue': lateReferrals.ids.length,
      'action-items-open': openItems.ids.length,
      'commitments-overdue': lateCommitments.ids.length,
    });
    const paths = Object.fromEntries(((await api().get('/work')).body as { kind: string; path: string }[]).map((i) => [i.kind, i.path]));
    expect(paths['action-items-open']).toBe('commitments?source=working-group&status=open');
  });

  it('is asked only as true or false', async () => {
    for (const path of ['/desk/referrals?overdue=yes', '/desk/commitments?overdue=1']) {
      const res = await api().get(path);
      expect(res.status).toBe(400);
    }
  });
});
