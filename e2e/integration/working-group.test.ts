import { today as dayIn } from '@hamgam/contracts/days';
import { afterAll, describe, expect, it } from 'vitest';
import { call, eventually, findInPages, serviceUrl, tokenFor } from '../support/stack.js';

// Needs coordination and vocational-training started with TEST_CLOCK=true (infra/native/services.sh).
const neighbourhood = 'nbh-sarasiab';
const clock = (body: object) => call('coordination', '/api/v1/test-clock', { as: 'coordinator', method: 'PUT', body });

afterAll(async () => {
  await clock({ reset: true });
});

describe('working group: resolution → agency desk → board → overdue → next agenda', () => {
  it('carries an action item from a resolution to the TVTO desk and back, and raises it when overdue', async () => {
    await clock({ reset: true });
    const before = await call('coordination', `/api/v1/neighbourhoods/${neighbourhood}/board`, { as: 'coordinator' });
    expect(before.status).toBe(200);
    // Answer the neighbourhood's top priority when its clinic has published a list (the board then shows it covered).
    const answers = before.body.rows[0]?.category ?? 'workshop-space';

    const meeting = await call('coordination', '/api/v1/meetings', {
      as: 'coordinator',
      body: {
        neighbourhoodId: neighbourhood,
        scheduledOn: dayIn(0),
        title: 'Integration working group',
        agencies: ['clinics', 'vocational-training'],
        representativeAttends: true,
        agenda: ['Capacities'],
      },
    });
    expect(meeting.status).toBe(201);
    // An action item due before today is a broken rule: 422 naming the item, and nothing is passed.
    const late = await call('coordination', `/api/v1/meetings/${meeting.body.id}/resolutions`, {
      as: 'coordinator',
      body: {
        text: 'Too late',
        actionItems: [{ agency: 'vocational-training', title: 'Something late', dueOn: dayIn(-1), answers: null }],
      },
    });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'action-item-due-in-past', field: 'actionItems.0.dueOn' });
    const dueOn = dayIn(5);
    const passed = await call('coordination', `/api/v1/meetings/${meeting.body.id}/resolutions`, {
      as: 'coordinator',
      body: {
        text: 'TVTO presents its capacities and opens permits',
        actionItems: [{ agency: 'vocational-training', title: 'Workshop permits for residents', dueOn, answers }],
      },
    });
    expect(passed.status).toBe(201);
    const actionItemId: string = passed.body.resolutions[0].actionItems[0].id;

    const board = await call('coordination', `/api/v1/neighbourhoods/${neighbourhood}/board`, { as: 'coordinator' });
    const row = board.body.rows.find((r: { category: string }) => r.category === answers);
    if (row) {
      expect(row.covered).toBe(true);
      expect(
        row.cells.find((c: { agency: string }) => c.agency === 'vocational-training').commitments.map((i: { id: string }) => i.id),
      ).toContain(actionItemId);
    } else {
      expect(board.body.unlinked.map((i: { id: string }) => i.id)).toContain(actionItemId);
    }

    // The action item reaches the TVTO desk through the broker ...
    const atDesk = await eventually(
      () =>
        findInPages<{ commitmentId: string }>(
          'vocational-training',
          '/api/v1/desk/commitments',
          { as: 'tvto.staff' },
          (c) => c.commitmentId === actionItemId,
        ),
      20_000,
      'action item at the TVTO desk',
    );
    expect(atDesk).toMatchObject({ source: 'working-group', neighbourhoodId: neighbourhood, dueOn, status: 'planned' });

    // ... and TVTO's progress report comes back to coordination.
    const progress = await call('vocational-training', `/api/v1/desk/commitments/${actionItemId}/progress`, {
      as: 'tvto.staff',
      body: { status: 'in-progress', evidence: null, revisedDueOn: null },
    });
    expect(progress.status).toBe(200);
    await eventually(
      async () => {
        const res = await call('coordination', `/api/v1/commitments?neighbourhoodId=${neighbourhood}&agency=vocational-training`, {
          as: 'coordinator',
        });
        return res.body.find((c: { id: string; status: string }) => c.id === actionItemId && c.status === 'in-progress');
      },
      20_000,
      'progress reported back to coordination',
    );

    await call('coordination', `/api/v1/meetings/${meeting.body.id}/held`, { as: 'coordinator', body: { minutes: 'Agreed' } });
    const next = await call('coordination', '/api/v1/meetings', {
      as: 'coordinator',
      body: {
        neighbourhoodId: neighbourhood,
        scheduledOn: dayIn(30),
        title: 'Next working group',
        agencies: ['clinics'],
        representativeAttends: true,
        agenda: [],
      },
    });
    const notYet = await call('coordination', `/api/v1/meetings/${next.body.id}`, { as: 'coordinator' });
    expect(notYet.body.agenda.overdue.map((i: { commitmentId: string }) => i.commitmentId)).not.toContain(actionItemId);

    expect((await clock({ advanceDays: 6 })).status).toBe(200);
    const overdue = await call('coordination', `/api/v1/commitments?neighbourhoodId=${neighbourhood}&overdue=true`, { as: 'coordinator' });
    expect(overdue.body.find((c: { id: string }) => c.id === actionItemId)).toMatchObject({ overdue: true, status: 'in-progress' });
    const agenda = await call('coordination', `/api/v1/meetings/${next.body.id}`, { as: 'coordinator' });
    expect(agenda.body.agenda.overdue.map((i: { commitmentId: string }) => i.commitmentId)).toContain(actionItemId);
    const lateBoard = await call('coordination', `/api/v1/neighbourhoods/${neighbourhood}/board`, { as: 'representative' });
    expect(lateBoard.body.overdue.map((i: { id: string }) => i.id)).toContain(actionItemId);
    // The representative follows the commitments made to their neighbourhood, read-only.
    const seen = await call('coordination', `/api/v1/commitments?neighbourhoodId=${neighbourhood}`, { as: 'representative' });
    expect(seen.body.find((c: { id: string }) => c.id === actionItemId)).toMatchObject({ overdue: true });
    await clock({ reset: true });
  });
});

describe('working group: who may do what, with real tokens', () => {
  it('refuses the representative outside their neighbourhood and any write, a clinic worker, and no token', async () => {
    expect((await call('coordination', '/api/v1/meetings?neighbourhoodId=nbh-motahari', { as: 'representative' })).status).toBe(403);
    expect((await call('coordination', '/api/v1/neighbourhoods/nbh-motahari/board', { as: 'representative' })).status).toBe(403);
    const create = await call('coordination', '/api/v1/meetings', {
      as: 'representative',
      body: {
        neighbourhoodId: neighbourhood,
        scheduledOn: dayIn(1),
        title: 'Not allowed',
        agencies: ['clinics'],
        representativeAttends: true,
        agenda: [],
      },
    });
    expect(create.status).toBe(403);
    expect((await call('coordination', '/api/v1/meetings', { as: 'clinic.worker' })).status).toBe(403);
    expect((await call('coordination', '/api/v1/meetings')).status).toBe(401);
    expect((await call('coordination', '/api/v1/commitments', { as: 'tvto.staff' })).status).toBe(200);
    expect((await call('coordination', '/api/v1/meetings', { as: 'tvto.staff' })).status).toBe(403);
  });

  it('exports the commitments as CSV with a BOM for Excel', async () => {
    const res = await fetch(`${serviceUrl('coordination')}/api/v1/commitments/export?format=csv&lang=fa`, {
      headers: { Authorization: `Bearer ${await tokenFor('coordinator')}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
