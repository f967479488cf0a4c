import { addDays } from '@hamgam/contracts/days';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal, startFunding } from '../testing/harness.js';

let t: Awaited<ReturnType<typeof startFunding>>;

beforeAll(async () => {
  t = await startFunding();
});
afterAll(() => t?.service.close());

describe('calls', () => {
  it('opens a call and posts its budget to the ledger; refuses impossible days (422), bad input (400) and other roles, storing nothing', async () => {
    const { api, callBody, now } = t;
    expect(await refusal(api('fund').post('/calls', callBody({ closesOn: addDays(now(), -2), opensOn: addDays(now(), -9) })))).toEqual({
      status: 422,
      code: 'call-closes-in-past',
      field: 'closesOn',
    });
    expect(await refusal(api('fund').post('/calls', callBody({ opensOn: addDays(now(), 5), closesOn: addDays(now(), 4) })))).toEqual({
      status: 422,
      code: 'call-closes-before-opening',
      field: 'closesOn',
    });
    expect((await api('fund').post('/calls', callBody({ budgetRials: 10.5 }))).status).toBe(400);
    expect((await api('coordinator').post('/calls', callBody())).status).toBe(403);
    expect(await t.service.models.calls.countDocuments()).toBe(0);
    const res = await api('fund').post('/calls', callBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'open', budgetRials: 10_000_000_000, awardedRials: 0, availableRials: 10_000_000_000 });
    const callId = res.body.callId;
    const ledger = (await api('auditor').get('/ledger')).body;
    expect(ledger.postings.map((p: { postingId: string }) => p.postingId)).toEqual([`budget:${callId}`]);
    expect(ledger).toMatchObject({ balanced: true, trialBalance: 0 });
    expect(ledger.calls[0]).toMatchObject({ callId, budget: 10_000_000_000, available: 10_000_000_000 });
  });

  it('takes a call closing today; calls what is awarded and what is left', async () => {
    const { api, callBody, now, anAward } = t;
    expect((await api('fund').post('/calls', callBody({ closesOn: addDays(now(), 0) }))).status).toBe(201);
    const { callId } = await anAward();
    expect((await api('coordinator').get('/calls')).body.find((c: { callId: string }) => c.callId === callId)).toMatchObject({
      status: 'open',
      awardedRials: 2_500_000_000,
      availableRials: 7_500_000_000,
    });
    for (const other of ['tvto', 'worker'] as const) expect((await api(other).get('/calls')).status, other).toBe(403);
  });
});

describe('a call names the programme’s neighbourhoods and trades (issue 10)', () => {
  it('refuses a neighbourhood or a trade the programme does not name, with the field at fault, storing nothing', async () => {
    const { api, callBody } = t;
    const before = await t.service.models.calls.countDocuments();
    expect(await refusal(api('fund').post('/calls', callBody({ neighbourhoodIds: ['nbh-sarasiab', 'nbh-nowhere'] })))).toEqual({
      status: 422,
      code: 'neighbourhood-unknown',
      field: 'neighbourhoodIds',
    });
    expect(await refusal(api('fund').post('/calls', callBody({ trades: ['tailoring', 'space-travel'] })))).toEqual({
      status: 422,
      code: 'trade-unknown',
      field: 'trades',
    });
    expect(await t.service.models.calls.countDocuments()).toBe(before);
    expect(
      (await api('fund').post('/calls', callBody({ neighbourhoodIds: ['nbh-fajr'], trades: ['welding', 'computer-skills'] }))).status,
    ).toBe(201);
  });

  it('serves the lists a call is picked from: every neighbourhood of the programme and the trades, by name', async () => {
    const { api } = t;
    const places = (await api('fund').get('/desk/places')).body as { neighbourhoods: { neighbourhoodId: string; name: { fa: string } }[] };
    expect(places.neighbourhoods.map((n) => n.name.fa)).toEqual(expect.arrayContaining(['سرآسیاب', 'مطهری', 'امیرالمؤمنین', 'فجر']));
    const trades = (await api('fund').get('/desk/trades')).body as { tradeId: string; name: { fa: string } }[];
    expect(trades.find((tr) => tr.tradeId === 'welding')?.name.fa).toBe('جوشکاری');
  });
});
