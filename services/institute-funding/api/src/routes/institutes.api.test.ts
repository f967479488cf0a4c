import { addDays } from '@hamgam/contracts/days';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal, startFunding } from '../testing/harness.js';

let t: Awaited<ReturnType<typeof startFunding>>;

beforeAll(async () => {
  t = await startFunding();
});
afterAll(() => t?.service.close());

describe('institutes', () => {
  it('registers an institute; refuses a duplicate (409), bad input (400) and other roles, storing nothing', async () => {
    const { api, institute } = t;
    const res = await api('fund').post('/institutes', institute('inst-test-a'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ instituteId: 'inst-test-a', licenceValid: true, trades: ['tailoring', 'pastry'] });
    expect(await refusal(api('fund').post('/institutes', institute('inst-test-a')))).toEqual({ status: 409, code: 'institute-exists' });
    const bad = await Promise.all([
      api('fund').post('/institutes', institute('inst-bad-1', { licenceNo: 'lower case' })),
      api('fund').post('/institutes', institute('inst-bad-2', { trades: [] })),
      api('fund').post('/institutes', institute('inst-bad-3', { owner: 'x' })),
      api('fund').post('/institutes', institute('inst-bad-4', { neighbourhoodId: { $gt: '' } })),
      api('tvto').post('/institutes', institute('inst-bad-5')),
      api('coordinator').post('/institutes', institute('inst-bad-6')),
      api().post('/institutes', institute('inst-bad-7')),
    ]);
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 403, 403, 401]);
    expect(bad[0]!.headers['content-type']).toContain('application/problem+json');
    expect(await t.service.models.institutes.countDocuments({ _id: /^inst-bad/ })).toBe(0);
  });

  it('renews a licence; lets coordinators and auditors read, and nobody else', async () => {
    const { api, institute, now } = t;
    const { instituteId: _id, ...fields } = institute('x', { licenceValidUntil: addDays(now(), 700) });
    const res = await api('fund').put('/institutes/inst-test-a', fields);
    expect(res.body.licenceValidUntil).toBe(addDays(now(), 700));
    expect(await refusal(api('fund').put('/institutes/inst-nothing', fields))).toEqual({ status: 404, code: 'institute-not-found' });
    for (const reader of ['fund', 'coordinator', 'auditor'] as const)
      expect((await api(reader).get('/institutes')).status, reader).toBe(200);
    for (const other of ['tvto', 'relief', 'worker'] as const) expect((await api(other).get('/institutes')).status, other).toBe(403);
    expect((await api().get('/institutes')).status).toBe(401);
  });

  it('shows a licence that expired yesterday as not valid, one that ends today as valid', async () => {
    const { api, registerInstitute, now } = t;
    const expired = await registerInstitute({ licenceValidUntil: addDays(now(), -1) });
    const lastDay = await registerInstitute({ licenceValidUntil: addDays(now(), 0) });
    const list = (await api('fund').get('/institutes')).body as { instituteId: string; licenceValid: boolean }[];
    expect(list.find((i) => i.instituteId === expired)!.licenceValid).toBe(false);
    expect(list.find((i) => i.instituteId === lastDay)!.licenceValid).toBe(true);
  });
});

describe('an institute as officers register it (issue 10: no typed slugs)', () => {
  it('makes the institute’s id when none is given, and refuses a neighbourhood or trade the programme does not name', async () => {
    const { api, institute } = t;
    const { instituteId: _none, ...named } = institute('unused');
    const made = await api('fund').post('/institutes', named);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.instituteId).toMatch(/^inst-[0-9a-f]{8}$/);
    expect(await refusal(api('fund').post('/institutes', { ...named, neighbourhoodId: 'سرآسیاب' }))).toMatchObject({ status: 400 });
    expect(await refusal(api('fund').post('/institutes', { ...named, neighbourhoodId: 'nbh-nowhere' }))).toEqual({
      status: 422,
      code: 'neighbourhood-unknown',
      field: 'neighbourhoodId',
    });
    expect(await refusal(api('fund').put(`/institutes/${made.body.instituteId}`, { ...named, trades: ['juggling'] }))).toEqual({
      status: 422,
      code: 'trade-unknown',
      field: 'trades',
    });
  });
});

describe('the institutes list (issue 10: search, filters, order, pages)', () => {
  it('finds institutes by words of the name in either language, filters by neighbourhood and trade, licences ending soonest first, paged', async () => {
    const { api, institute, now } = t;
    const add = async (fa: string, en: string, extra: object) => {
      const { instituteId: _none, ...named } = institute('unused', { name: { fa, en }, ...extra });
      const res = await api('fund').post('/institutes', named);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.instituteId as string;
    };
    const rose = await add('آموزشگاه گل‌سرخ', 'Golsorkh institute', {
      neighbourhoodId: 'nbh-fajr',
      trades: ['welding'],
      licenceValidUntil: addDays(now(), 40),
    });
    const star = await add('آموزشگاه ستاره', 'Setareh institute', {
      neighbourhoodId: 'nbh-fajr',
      trades: ['tailoring'],
      licenceValidUntil: addDays(now(), 20),
    });
    type Row = { instituteId: string; licenceValidUntil: string };
    const list = async (query: string) => ((await api('coordinator').get(`/institutes?${query}`)).body as Row[]).map((i) => i.instituteId);
    expect(await list(`q=${encodeURIComponent('گل‌سرخ')}`)).toEqual([rose]);
    expect(await list('q=SETAREH')).toEqual([star]);
    expect(await list(`q=${encodeURIComponent('(.*')}`)).toEqual([]);
    expect(await list('neighbourhoodId=nbh-fajr')).toEqual([star, rose]);
    expect(await list('neighbourhoodId=nbh-fajr&order=desc')).toEqual([rose, star]);
    expect(await list('neighbourhoodId=nbh-fajr&trade=welding')).toEqual([rose]);
    const all = (await api('fund').get('/institutes?limit=100')).body as Row[];
    expect(all.map((i) => i.licenceValidUntil)).toEqual([...all.map((i) => i.licenceValidUntil)].sort());
    const first = await api('fund').get('/institutes?limit=1');
    expect(first.body).toHaveLength(1);
    expect(first.headers['x-next-cursor']).toEqual(expect.any(String));
  });
});
