import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTvto, type TvtoTestService } from '../testing/harness.js';

// A permit applicant's sealed name and address are opened for TVTO's staff only; each such read, and each
// change of the application, leaves who, when, what and why in the access log the auditor reads.
let service: TvtoTestService;
beforeAll(async () => {
  service = await startTvto();
});
afterAll(() => service?.close());

const entriesOf = async (person: string) => {
  const res = await service.api('auditor').get(`/access-log?person=${person}`);
  expect(res.status).toBe(200);
  return res.body as {
    actor: string;
    action: string;
    recordKind: string;
    recordId: string;
    subject: string;
    purpose: string;
    purposeSource: string;
    agency: string;
  }[];
};

describe('vocational training’s access log', () => {
  it('records a permit application submitted, listed, read and decided on by staff; not the programme readers’ reads, which open nothing', async () => {
    const residentRef = randomUUID();
    const submitted = await service
      .api('tvto')
      .post('/permits', { residentRef, applicantName: null, trade: 'carpentry', neighbourhoodId: 'nbh-fajr', address: 'Fajr, alley 3' });
    expect(submitted.status).toBe(201);
    const permitId = submitted.body.permitId as string;
    expect((await service.api('tvto').get('/permits?limit=100')).status).toBe(200);
    expect((await service.api('tvto').get(`/permits/${permitId}`)).status).toBe(200);
    expect((await service.api('tvto').put(`/permits/${permitId}/checklist`, { item: 'id-copy', received: true })).status).toBe(200);
    for (const reader of ['coordinator', 'auditor'] as const)
      expect((await service.api(reader).get(`/permits/${permitId}`)).status).toBe(200);

    const entries = await entriesOf(residentRef);
    expect(entries.map((e) => e.action)).toEqual(['update', 'read', 'list', 'create']);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        agency: 'vocational-training',
        actor: 'tvto.staff',
        recordKind: 'permit',
        recordId: permitId,
        subject: residentRef,
        purpose: 'permit-application',
        purposeSource: 'route',
      });
    }
  });

  it('names a walk-in, whom only TVTO knows, by the application', async () => {
    const submitted = await service.api('tvto').post('/permits', {
      residentRef: null,
      applicantName: 'Zahra Karimi',
      trade: 'carpentry',
      neighbourhoodId: 'nbh-fajr',
      address: 'Fajr, alley 12',
    });
    expect(submitted.status).toBe(201);
    expect((await entriesOf(submitted.body.permitId)).map((e) => [e.action, e.recordId])).toEqual([['create', submitted.body.permitId]]);
  });

  it('is the auditor’s alone', async () => {
    for (const caller of ['tvto', 'coordinator'] as const) expect((await service.api(caller).get('/access-log')).status).toBe(403);
  });
});
