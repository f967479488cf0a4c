import { addDays } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { testCallers } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal, startCoordination } from '../testing/harness.js';

let t: Awaited<ReturnType<typeof startCoordination>>;

beforeAll(async () => {
  t = await startCoordination();
}, 30_000);
afterAll(() => t?.service.close());

describe('working group: meeting → resolution → commitments → board → overdue → next agenda', () => {
  it('runs the whole story', async () => {
    const { get, post, put, today, meetingBody, clock, service } = t;
    clock.reset();
    const created = await post('/meetings', 'coordinator', meetingBody());
    expect(created.status).toBe(201);
    const meetingId = created.body.id as string;
    expect(created.body.agenda).toMatchObject({ overdue: [], items: [{ text: 'Workshop space for home-based jobs' }], frozen: false });

    const dueOn = addDays(today(), 10);
    const passed = await post(`/meetings/${meetingId}/resolutions`, 'coordinator', {
      text: 'TVTO opens a workshop-permit desk at the clinic',
      actionItems: [
        { agency: 'vocational-training', title: 'Workshop permits for 10 residents', dueOn, answers: 'workshop-space' },
        { agency: 'welfare', title: 'Present capacities to the clinic', dueOn: addDays(today(), 40), answers: null },
      ],
    });
    expect(passed.status).toBe(201);
    const [tvtoItem, welfareItem] = passed.body.resolutions[0].actionItems;

    // One write: the resolution and one event per action item, in the meeting's outbox; the request's cause is the kit's.
    const stored = await service.models.meetings.findById(meetingId).lean();
    expect(stored!.outbox.map((e) => e.routingKey)).toEqual([
      'coordination.action-item.assigned.v1',
      'coordination.action-item.assigned.v1',
    ]);
    expect(stored!.outbox[0]!.envelope).toMatchObject({
      source: 'coordination',
      actor: { subject: testCallers.coordinator.sub, agency: 'coordination' },
      data: {
        actionItemId: tvtoItem.id,
        meetingId,
        agency: 'vocational-training',
        neighbourhoodId: 'nbh-sarasiab',
        answers: 'workshop-space',
        dueOn,
      },
    });

    const board = await get('/neighbourhoods/nbh-sarasiab/board', 'coordinator');
    expect(board.status).toBe(200);
    expect(board.body.uncovered).toEqual(['skills-training', 'housing-repair']);
    const workshop = board.body.rows.find((r: { category: string }) => r.category === 'workshop-space');
    expect(workshop.covered).toBe(true);
    expect(workshop.cells[0]).toMatchObject({
      agency: 'vocational-training',
      commitments: [{ id: tvtoItem.id, status: 'planned', overdue: false }],
    });
    expect(board.body.unlinked.map((i: { id: string }) => i.id)).toEqual([welfareItem.id]);

    const held = await post(`/meetings/${meetingId}/held`, 'coordinator', { minutes: 'Agreed.' });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ status: 'held', minutes: 'Agreed.', agenda: { overdue: [], frozen: true } });
    expect(await refusal(put(`/meetings/${meetingId}/minutes`, 'coordinator', { minutes: 'Rewritten' }))).toEqual({
      status: 409,
      code: 'meeting-held',
    });
    expect(await refusal(post(`/meetings/${meetingId}/held`, 'coordinator', {}))).toEqual({ status: 409, code: 'meeting-held' });
    const next = await post('/meetings', 'coordinator', { ...meetingBody(), scheduledOn: addDays(today(), 30), agenda: [] });

    clock.advanceDays(11);
    const overdue = await get('/commitments?neighbourhoodId=nbh-sarasiab&overdue=true', 'coordinator');
    expect(overdue.body.map((c: { id: string }) => c.id)).toEqual([tvtoItem.id]);
    expect(overdue.body[0]).toMatchObject({ overdue: true, status: 'planned', source: 'working-group' });
    const nextAgenda = await get(`/meetings/${next.body.id}`, 'coordinator');
    expect(nextAgenda.body.agenda.overdue).toEqual([
      {
        commitmentId: tvtoItem.id,
        agency: 'vocational-training',
        title: 'Workshop permits for 10 residents',
        answers: 'workshop-space',
        dueOn,
        status: 'planned',
      },
    ]);
    // The held meeting's agenda stays as it was when held.
    expect((await get(`/meetings/${meetingId}`, 'coordinator')).body.agenda.overdue).toEqual([]);
    const lateBoard = await get('/neighbourhoods/nbh-sarasiab/board', 'coordinator');
    expect(lateBoard.body.overdue.map((i: { id: string }) => i.id)).toEqual([tvtoItem.id]);
    expect(lateBoard.body.rates[0]).toMatchObject({ agency: 'vocational-training', overdueUndelivered: 1, counted: 1, rate: 0 });

    // The coordinator records delivery as the working group heard it: no longer overdue, delivered late.
    const delivered = await put(`/commitments/${tvtoItem.id}/status`, 'coordinator', {
      status: 'delivered',
      evidence: 'Permit list 1405/231',
    });
    expect(delivered.status).toBe(200);
    expect(delivered.body).toMatchObject({ status: 'delivered', overdue: false, evidence: 'Permit list 1405/231' });
    const meetingNow = await get(`/meetings/${meetingId}`, 'coordinator');
    expect(meetingNow.body.resolutions[0].actionItems[0].progress).toMatchObject({
      status: 'delivered',
      evidence: 'Permit list 1405/231',
      overdue: false,
    });
    expect(meetingNow.body.resolutions[0].actionItems[1].progress).toMatchObject({ status: 'planned', overdue: false });
    const slipped = await put(`/commitments/${welfareItem.id}/status`, 'coordinator', {
      status: 'slipped',
      revisedDueOn: addDays(today(), 60),
    });
    expect(slipped.body).toMatchObject({
      status: 'slipped',
      revisedDueOn: addDays(today(), 60),
      effectiveDueOn: addDays(today(), 60),
      overdue: false,
    });
    expect((await get(`/meetings/${next.body.id}`, 'coordinator')).body.agenda.overdue).toEqual([]);
    clock.reset();
  });

  it('refuses to add a resolution to a held meeting (409), or an action item due in the past (422, naming it), and stores nothing', async () => {
    const { post, today, meeting, service } = t;
    const id = await meeting();
    const past = await post(`/meetings/${id}/resolutions`, 'coordinator', {
      text: 'Late one',
      actionItems: [
        { agency: 'welfare', title: 'Something on time', dueOn: addDays(today(), 1), answers: null },
        { agency: 'welfare', title: 'Something late', dueOn: addDays(today(), -1), answers: null },
      ],
    });
    expect(past.status).toBe(422);
    expect(past.body).toMatchObject({ code: 'action-item-due-in-past', field: 'actionItems.1.dueOn' });
    await post(`/meetings/${id}/held`, 'coordinator', {});
    const closed = post(`/meetings/${id}/resolutions`, 'coordinator', {
      text: 'Too late',
      actionItems: [{ agency: 'welfare', title: 'Something', dueOn: addDays(today(), 5), answers: null }],
    });
    expect(await refusal(closed)).toEqual({ status: 409, code: 'meeting-held' });
    const stored = await service.models.meetings.findById(id).lean();
    expect(stored!.resolutions).toEqual([]);
    expect(stored!.outbox).toEqual([]);
  });
});

describe('a meeting’s day', () => {
  it('refuses to mark a meeting held, or pass its resolutions, before its day in Iran (409), and stores nothing', async () => {
    const { post, get, today, meetingBody, clock, service } = t;
    clock.reset();
    const scheduledOn = addDays(today(), 14);
    const id = (await post('/meetings', 'coordinator', { ...meetingBody(), scheduledOn })).body.id as string;
    expect((await get(`/meetings/${id}`, 'coordinator')).body).toMatchObject({ scheduledOn, today: today(), status: 'scheduled' });
    expect(await refusal(post(`/meetings/${id}/held`, 'coordinator', { minutes: 'Too early' }))).toEqual({
      status: 409,
      code: 'meeting-day-not-reached',
    });
    const early = post(`/meetings/${id}/resolutions`, 'coordinator', {
      text: 'Decided before meeting',
      actionItems: [{ agency: 'welfare', title: 'Something', dueOn: addDays(today(), 20), answers: null }],
    });
    expect(await refusal(early)).toEqual({ status: 409, code: 'meeting-day-not-reached' });
    const stored = await service.models.meetings.findById(id).lean();
    expect(stored).toMatchObject({ status: 'scheduled', heldAt: null, minutes: '', resolutions: [], outbox: [] });

    // On its day it is held.
    clock.advanceDays(14);
    const held = await post(`/meetings/${id}/held`, 'coordinator', { minutes: 'Met' });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ status: 'held', today: scheduledOn });
    clock.reset();
  });
});

describe('who reads meetings', () => {
  let motahariMeeting: string;
  beforeAll(async () => {
    motahariMeeting = await t.meeting('nbh-motahari');
  });

  it('answers 401 without a token and keeps a clinic worker and agencies’ staff out', async () => {
    const { get, post, meetingBody } = t;
    expect((await get('/meetings')).status).toBe(401);
    expect((await post('/meetings', undefined, meetingBody())).status).toBe(401);
    expect((await get('/meetings', 'worker')).status).toBe(403);
    expect((await get('/meetings', 'tvto')).status).toBe(403);
    expect((await post('/meetings', 'tvto', meetingBody())).status).toBe(403);
  });

  it('lets a representative read only their neighbourhood’s meetings, and write nothing', async () => {
    const { get, post, meetingBody, service } = t;
    await t.meeting('nbh-sarasiab');
    const before = await service.models.meetings.countDocuments();
    expect((await post('/meetings', 'representative', meetingBody())).status).toBe(403);
    expect((await get(`/meetings/${motahariMeeting}`, 'representative')).status).toBe(403);
    expect((await get('/meetings?neighbourhoodId=nbh-motahari', 'representative')).status).toBe(403);
    const own = await get('/meetings', 'representative');
    expect(own.status).toBe(200);
    expect(own.body.length).toBeGreaterThan(0);
    expect(own.body.every((m: { neighbourhoodId: string }) => m.neighbourhoodId === 'nbh-sarasiab')).toBe(true);
    expect(await service.models.meetings.countDocuments()).toBe(before);
  });

  it('lets the auditor read everything and change nothing', async () => {
    const { get, post } = t;
    expect((await get(`/meetings/${motahariMeeting}`, 'auditor')).status).toBe(200);
    expect((await post(`/meetings/${motahariMeeting}/held`, 'auditor', {})).status).toBe(403);
    expect((await post(`/meetings/${motahariMeeting}/resolutions`, 'auditor', { text: 'x', actionItems: [] })).status).toBe(403);
  });

  it('answers input that does not match the schema with 400 problem+json, an unknown meeting with 404, and stores nothing', async () => {
    const { get, post, today, meetingBody, service } = t;
    const before = await service.models.meetings.countDocuments();
    const bad = [
      { ...meetingBody(), scheduledOn: '1405-01-01x' },
      { ...meetingBody(), agencies: ['nobody'] },
      { ...meetingBody(), neighbourhoodId: { $gt: '' } },
      { ...meetingBody(), extra: true },
      { ...meetingBody(), agencies: [] },
    ];
    for (const body of bad) {
      const res = await post('/meetings', 'coordinator', body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await service.models.meetings.countDocuments()).toBe(before);
    expect((await post(`/meetings/${motahariMeeting}/resolutions`, 'coordinator', { text: 'Nothing to do', actionItems: [] })).status).toBe(
      400,
    );
    const badAgency = await post(`/meetings/${motahariMeeting}/resolutions`, 'coordinator', {
      text: 'Bad',
      actionItems: [{ agency: 'coordination', title: 'Own work', dueOn: addDays(today(), 3), answers: null }],
    });
    expect(badAgency.status).toBe(400);
    expect((await service.models.meetings.findById(motahariMeeting).lean())!.resolutions).toEqual([]);
    expect((await get('/meetings/not-a-uuid', 'coordinator')).status).toBe(400);
    expect(await refusal(get(`/meetings/${randomUUID()}`, 'coordinator'))).toEqual({ status: 404, code: 'meeting-not-found' });
  });
});
