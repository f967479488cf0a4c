import { today as day } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, catalogueEntry, eventually, findInPages } from '../support/stack.js';
import { tag } from '../support/people.js';

// The partner agencies' desk (packages/agency-desk) in the vocational-training service, against the
// running stack: its events reach the clinics' catalogue and the coordination programme through the broker.

const offer = (offerId: string) => ({
  offerId,
  kind: 'course',
  title: { fa: 'دوره تعمیر لوازم خانگی', en: 'Home appliance repair course' },
  eligibility: { fa: 'ساکنان ۱۸ سال به بالا', en: 'Residents aged 18+' },
  answers: ['skills-training', 'employment'],
  neighbourhoodIds: ['nbh-sarasiab'],
  place: { fa: 'کلینیک سرآسیاب', en: 'Sar Asiab clinic' },
  schedule: { fa: 'یکشنبه‌ها ۹ تا ۱۲', en: 'Sundays 9–12' },
  startsOn: day(20),
  endsOn: day(80),
  capacity: 12,
  available: 12,
  status: 'open',
});

describe('the service catalogue reaches the clinics', () => {
  it('shows an offer TVTO staff create, then its new revision when they change it', async () => {
    const offerId = `tvto-appliance-repair-${tag()}`;
    const created = await call('vocational-training', '/api/v1/desk/offers', { as: 'tvto.staff', body: offer(offerId) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ offerId, revision: 1, available: 12 });

    const inCatalogue = (revision: number) =>
      eventually(
        async () => {
          const entry = await catalogueEntry(offerId, 'vocational-training');
          return entry?.revision === revision ? entry : undefined;
        },
        20_000,
        `offer ${offerId} revision ${revision} in the clinics' catalogue`,
      );
    expect(await inCatalogue(1)).toMatchObject({ agency: 'vocational-training', capacity: 12, title: offer(offerId).title });

    const { offerId: _id, ...fields } = offer(offerId);
    const changed = await call('vocational-training', `/api/v1/desk/offers/${offerId}`, {
      as: 'tvto.staff',
      method: 'PUT',
      body: { ...fields, capacity: 15, available: 14 },
    });
    expect(changed.status).toBe(200);
    expect(await inCatalogue(2)).toMatchObject({ capacity: 15, available: 14 });
  });
});

describe('commitments reach coordination', () => {
  it('shows a commitment TVTO declares, and its progress', async () => {
    const title = `Home-based job courses at the Motahari clinic ${tag()}`;
    const declared = await call('vocational-training', '/api/v1/desk/commitments', {
      as: 'tvto.staff',
      body: { neighbourhoodId: 'nbh-motahari', answers: 'skills-training', title, dueOn: day(45) },
    });
    expect(declared.status).toBe(201);
    const id = declared.body.commitmentId;
    const atCoordination = (status: string) =>
      eventually(
        async () => {
          const res = await call('coordination', '/api/v1/commitments?agency=vocational-training', { as: 'coordinator' });
          return res.body.find((c: { id: string; status: string }) => c.id === id && c.status === status);
        },
        20_000,
        `commitment ${id} ${status} at coordination`,
      );
    expect(await atCoordination('planned')).toMatchObject({
      source: 'agency',
      neighbourhoodId: 'nbh-motahari',
      answers: 'skills-training',
      title,
      dueOn: day(45),
    });

    const progressed = await call('vocational-training', `/api/v1/desk/commitments/${id}/progress`, {
      as: 'tvto.staff',
      body: { status: 'in-progress' },
    });
    expect(progressed.status).toBe(200);
    await atCoordination('in-progress');
  });

  it('holds an action item the working group assigns TVTO, and reports on it', async () => {
    const meeting = await call('coordination', '/api/v1/meetings', {
      as: 'coordinator',
      body: {
        neighbourhoodId: 'nbh-fajr',
        // Today: a resolution is passed at the meeting, not before its day.
        scheduledOn: day(0),
        title: `Working group ${tag()}`,
        agencies: ['vocational-training'],
        representativeAttends: true,
      },
    });
    expect(meeting.status).toBe(201);
    const itemTitle = `Workshop permits for Fajr ${tag()}`;
    const passed = await call('coordination', `/api/v1/meetings/${meeting.body.id}/resolutions`, {
      as: 'coordinator',
      body: {
        text: 'TVTO issues workshop permits in Fajr',
        actionItems: [{ agency: 'vocational-training', title: itemTitle, dueOn: day(30), answers: 'workshop-space' }],
      },
    });
    expect(passed.status).toBe(201);

    const held = await eventually(
      () =>
        findInPages<{ title: string; commitmentId: string }>(
          'vocational-training',
          '/api/v1/desk/commitments',
          { as: 'tvto.staff' },
          (c) => c.title === itemTitle,
        ),
      20_000,
      'the action item at the TVTO desk',
    );
    expect(held).toMatchObject({ source: 'working-group', status: 'planned', neighbourhoodId: 'nbh-fajr', meetingId: meeting.body.id });

    const res = await call('vocational-training', `/api/v1/desk/commitments/${held.commitmentId}/progress`, {
      as: 'tvto.staff',
      body: { status: 'in-progress' },
    });
    expect(res.status).toBe(200);
    await eventually(
      () =>
        findInPages<{ id: string; status: string }>(
          'coordination',
          '/api/v1/commitments?agency=vocational-training',
          { as: 'coordinator' },
          (c) => c.id === held.commitmentId && c.status === 'in-progress',
        ),
      20_000,
      'the action item in progress at coordination',
    );
  });
});

describe('the desk’s refusals with real tokens', () => {
  it('lets only the agency’s staff act, coordinators and auditors read, and no one else in', async () => {
    const offerId = `tvto-refused-${tag()}`;
    expect((await call('vocational-training', '/api/v1/desk/offers', { as: 'welfare.officer', body: offer(offerId) })).status).toBe(403);
    expect((await call('vocational-training', '/api/v1/desk/offers', { as: 'coordinator', body: offer(offerId) })).status).toBe(403);
    expect((await call('vocational-training', '/api/v1/desk/offers', { body: offer(offerId) })).status).toBe(401);
    expect((await call('vocational-training', '/api/v1/desk/referrals', { as: 'clinic.worker' })).status).toBe(403);
    for (const reader of ['coordinator', 'auditor', 'tvto.staff']) {
      const res = await call('vocational-training', '/api/v1/desk/offers', { as: reader });
      expect(res.status, reader).toBe(200);
      expect(res.body.some((o: { offerId: string }) => o.offerId === offerId)).toBe(false);
    }
    expect((await call('welfare', '/api/v1/desk/referrals', { as: 'tvto.staff' })).status).toBe(403);
    expect((await call('welfare', '/api/v1/desk/referrals', { as: 'welfare.officer' })).status).toBe(200);
  });

  it('answers an illegal step with 409, a broken rule with 422 and input off the schema with 400, each refusal with its code', async () => {
    const unknown = await call('vocational-training', `/api/v1/desk/referrals/${randomUUID()}/decline`, {
      as: 'tvto.staff',
      body: { reason: 'no-capacity' },
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'referral-not-found']);
    expect(
      (await call('vocational-training', `/api/v1/desk/referrals/${randomUUID()}/decline`, { as: 'tvto.staff', body: { reason: 'bored' } }))
        .status,
    ).toBe(400);
    const commitment = (dueOn: string) => ({ neighbourhoodId: 'nbh-fajr', answers: null, title: `Unlinked action ${tag()}`, dueOn });
    const late = await call('vocational-training', '/api/v1/desk/commitments', { as: 'tvto.staff', body: commitment(day(-1)) });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'due-on-in-past', field: 'dueOn' });
    const declared = await call('vocational-training', '/api/v1/desk/commitments', { as: 'tvto.staff', body: commitment(day(10)) });
    const illegal = await call('vocational-training', `/api/v1/desk/commitments/${declared.body.commitmentId}/progress`, {
      as: 'tvto.staff',
      body: { status: 'delivered', evidence: 'x' },
    });
    expect(illegal.status).toBe(409);
    expect(illegal.contentType).toContain('application/problem+json');
    expect(illegal.body.code).toBe('commitment-not-started');
  });
});
