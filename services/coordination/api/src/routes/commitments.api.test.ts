import { addDays } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../test/csv.js';
import { refusal, startCoordination } from '../testing/harness.js';

let t: Awaited<ReturnType<typeof startCoordination>>;

beforeAll(async () => {
  t = await startCoordination();
}, 30_000);
afterAll(() => t?.service.close());

describe('a status the working group heard', () => {
  it('records it; a new due day only with a slip and not before today (422), a status that changes nothing (409), an unknown commitment (404)', async () => {
    const { put, today, actionItem } = t;
    const id = await actionItem();
    const status = (body: object) => refusal(put(`/commitments/${id}/status`, 'coordinator', body));
    expect(await status({ status: 'in-progress', revisedDueOn: addDays(today(), 60) })).toEqual({
      status: 422,
      code: 'revised-due-on-not-slipped',
      field: 'revisedDueOn',
    });
    expect(await status({ status: 'slipped', revisedDueOn: addDays(today(), -1) })).toEqual({
      status: 422,
      code: 'revised-due-on-in-past',
      field: 'revisedDueOn',
    });
    const slipped = await put(`/commitments/${id}/status`, 'coordinator', { status: 'slipped', revisedDueOn: addDays(today(), 60) });
    expect(slipped.status).toBe(200);
    expect(slipped.body).toMatchObject({
      status: 'slipped',
      history: [expect.objectContaining({ status: 'slipped', reportedBy: 'coordinator' })],
    });
    t.clock.advanceDays(1); // a later report: not an outdated one
    expect(await status({ status: 'slipped' })).toEqual({ status: 409, code: 'commitment-status-unchanged' });
    expect((await put(`/commitments/${id}/status`, 'coordinator', { status: 'delivered', evidence: 'Visit reports 1405/12' })).status).toBe(
      200,
    );
    t.clock.advanceDays(1);
    expect(await status({ status: 'slipped' })).toEqual({ status: 409, code: 'commitment-already-delivered' });
    expect(await refusal(put(`/commitments/${randomUUID()}/status`, 'coordinator', { status: 'slipped' }))).toEqual({
      status: 404,
      code: 'commitment-not-found',
    });
    t.clock.reset();
  });
});

describe('the owner agency hears what the working group heard', () => {
  it('writes coordination.commitment.status-recorded.v1 for the owner agency in the same write as the status, and shows no outbox', async () => {
    const { put, today, actionItem, service } = t;
    const id = await actionItem();
    const res = await put(`/commitments/${id}/status`, 'coordinator', {
      status: 'slipped',
      evidence: 'Minutes 12',
      revisedDueOn: addDays(today(), 30),
    });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('outbox');
    const stored = await service.models.commitments.findById(id).lean();
    expect(stored).toMatchObject({ status: 'slipped', revisedDueOn: addDays(today(), 30) });
    expect(stored!.outbox!.map((e) => e.routingKey)).toEqual(['coordination.commitment.status-recorded.v1']);
    expect(stored!.outbox![0]!.envelope).toMatchObject({
      source: 'coordination',
      data: { commitmentId: id, agency: 'welfare', status: 'slipped', evidence: 'Minutes 12', revisedDueOn: addDays(today(), 30) },
    });
    // A refused report announces nothing.
    expect((await put(`/commitments/${id}/status`, 'coordinator', { status: 'slipped' })).status).toBe(409);
    expect((await service.models.commitments.findById(id).lean())!.outbox).toHaveLength(1);
  });
});

describe('who reads commitments', () => {
  it('lets agencies’ staff read every neighbourhood’s, a representative only their own; a clinic worker none', async () => {
    const { get, put, actionItem } = t;
    const sarasiab = await actionItem('nbh-sarasiab');
    await actionItem('nbh-motahari');
    expect((await get('/commitments', 'worker')).status).toBe(403);
    expect(new Set((await get('/commitments', 'tvto')).body.map((c: { neighbourhoodId: string }) => c.neighbourhoodId))).toEqual(
      new Set(['nbh-sarasiab', 'nbh-motahari']),
    );
    expect((await get('/commitments?neighbourhoodId=nbh-motahari', 'representative')).status).toBe(403);
    const own = await get('/commitments', 'representative');
    expect(own.body.length).toBeGreaterThan(0);
    expect(own.body.every((c: { neighbourhoodId: string }) => c.neighbourhoodId === 'nbh-sarasiab')).toBe(true);
    expect((await put(`/commitments/${sarasiab}/status`, 'representative', { status: 'slipped' })).status).toBe(403);
    expect((await put(`/commitments/${sarasiab}/status`, 'auditor', { status: 'slipped' })).status).toBe(403);
    expect((await get('/commitments', 'auditor')).status).toBe(200);
    expect((await get('/commitments?overdue=maybe', 'coordinator')).status).toBe(400);
  });
});

describe('the commitments export', () => {
  it('sends the commitments as a CSV with BOM, Persian headers and Jalali dates', async () => {
    await t.actionItem('nbh-sarasiab');
    const res = await t.get('/commitments/export?format=csv&lang=fa&neighbourhoodId=nbh-sarasiab', 'coordinator');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="commitments-nbh-sarasiab.csv"');
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(res.text.slice(1));
    expect(rows[0]![0]).toBe('شناسه');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((r) => r[1] === 'سرآسیاب' && /^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/.test(r[7]!))).toBe(true);
  });
});
