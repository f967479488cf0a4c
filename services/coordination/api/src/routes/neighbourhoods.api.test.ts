import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../test/csv.js';
import { refusal, startCoordination } from '../testing/harness.js';

// Every neighbourhood of the hierarchy is there before its clinic publishes anything (issue 10: Sar Asiab was
// missing from the home, the board, the meetings and the filters until its first list).
let t: Awaited<ReturnType<typeof startCoordination>>;

beforeAll(async () => {
  t = await startCoordination();
  // Sar Asiab's clinic has published no list yet.
  await t.service.models.neighbourhoodPriorities.deleteOne({ _id: 'nbh-sarasiab' });
}, 30_000);
afterAll(() => t?.service.close());

describe('the neighbourhoods as reference data', () => {
  it('lists every neighbourhood of the hierarchy by name, one with no published list yet too', async () => {
    const res = await t.get('/neighbourhoods', 'coordinator');
    expect(res.status).toBe(200);
    expect(res.body[0]).toEqual({
      id: 'nbh-sarasiab',
      name: { fa: 'سرآسیاب', en: 'Sar Asiab' },
      county: { fa: 'شهرستان کرمان', en: 'Kerman County' },
      hasPriorities: false,
      list: null,
    });
    expect(res.body.find((n: { id: string }) => n.id === 'nbh-motahari')).toMatchObject({
      hasPriorities: true,
      list: { period: '1405', version: 1 },
    });
    expect(res.body.map((n: { name: { en: string } }) => n.name.en)).toEqual(['Sar Asiab', 'Motahari', 'Amir al-Momenin', 'Fajr']);
  });

  it('gives the representative their own neighbourhood before its first list', async () => {
    expect((await t.get('/neighbourhoods', 'representative')).body).toEqual([expect.objectContaining({ id: 'nbh-sarasiab', list: null })]);
  });

  it('searches the names in Persian and English, literally', async () => {
    const ids = async (q: string) =>
      (await t.get(`/neighbourhoods?q=${encodeURIComponent(q)}`, 'coordinator')).body.map((n: { id: string }) => n.id);
    expect(await ids('سرآس')).toEqual(['nbh-sarasiab']);
    expect(await ids('asiab')).toEqual(['nbh-sarasiab']);
    // The Arabic yeh typed for the Persian one still finds امیرالمؤمنین.
    expect(await ids('اميرالمؤمنين')).toEqual(['nbh-amiralmomenin']);
    expect(await ids('.*')).toEqual([]);
    expect((await t.get(`/neighbourhoods?q=${'x'.repeat(101)}`, 'coordinator')).status).toBe(400);
  });

  it('shows the board of a neighbourhood with no list yet by name; an id outside the hierarchy is 404', async () => {
    const board = await t.get('/neighbourhoods/nbh-sarasiab/board', 'coordinator');
    expect(board.status).toBe(200);
    expect(board.body).toMatchObject({ neighbourhoodName: { en: 'Sar Asiab' }, listVersion: null, rows: [] });
    expect(await refusal(t.get('/neighbourhoods/nbh-nowhere/board', 'coordinator'))).toEqual({
      status: 404,
      code: 'neighbourhood-not-found',
    });
  });

  it('schedules a meeting in a neighbourhood with no list yet, not in one outside the hierarchy (422 naming the field)', async () => {
    expect((await t.post('/meetings', 'coordinator', t.meetingBody('nbh-fajr'))).status).toBe(201);
    expect(await refusal(t.post('/meetings', 'coordinator', t.meetingBody('nbh-nowhere')))).toEqual({
      status: 422,
      code: 'neighbourhood-unknown',
      field: 'neighbourhoodId',
    });
  });

  it('names a neighbourhood with no list in the export, never by its id', async () => {
    await t.actionItem('nbh-fajr');
    const res = await t.get('/commitments/export?format=csv&lang=en&neighbourhoodId=nbh-fajr', 'coordinator');
    const rows = parseCsv(res.text.replace(/^\uFEFF/, ''));
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Fajr']);
    expect(res.text).not.toContain('nbh-fajr');
  });
});

describe('the agencies as reference data', () => {
  it('names every agency in both languages and says which commit actions', async () => {
    const res = await t.get('/agencies', 'tvto');
    expect(res.status).toBe(200);
    expect(res.body).toContainEqual({
      id: 'vocational-training',
      name: { fa: 'فنی و حرفه‌ای', en: 'Technical & Vocational Training' },
      partner: true,
    });
    expect(res.body).toContainEqual(expect.objectContaining({ id: 'clinics', partner: false }));
    expect(res.body.filter((a: { partner: boolean }) => a.partner)).toHaveLength(4);
    expect((await t.get('/agencies', 'worker')).status).toBe(403);
  });
});
