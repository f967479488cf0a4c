import { addDays } from '@hamgam/contracts/days';
import { randomUUID } from 'node:crypto';
import { startTestService, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Models } from '../deps.js';
import { welfareService } from '../service.js';

// Every read and change of a case leaves who, when, what and why in welfare's access log, which the auditor reads.
let service: TestService<Models>;
beforeAll(async () => {
  service = await startTestService(welfareService);
});
afterAll(() => service?.close());

const entriesOf = async (person: string) => {
  const res = await service.api('auditor').get(`/access-log?person=${person}`);
  expect(res.status).toBe(200);
  return res.body as {
    actor: string;
    actorRoles: string[];
    action: string;
    recordKind: string;
    recordId: string;
    subject: string;
    purpose: string;
    purposeSource: string;
    agency: string;
    at: string;
  }[];
};

describe('welfare’s access log', () => {
  it('records a case opened, listed, read and changed by its case worker, with the case’s household and resident', async () => {
    const householdRef = randomUUID();
    const residentRef = randomUUID();
    const opened = await service.api('welfare').post('/cases', { householdRef, residentRef, neighbourhoodId: 'nbh-sarasiab' });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    expect((await service.api('welfare').get('/cases?limit=100')).status).toBe(200);
    expect((await service.api('welfare').get(`/cases/${caseId}`)).status).toBe(200);
    const assessment = {
      income: { level: 'no-income', mainEarnerMonthsUnemployed: 14 },
      housing: { condition: 'overcrowded' },
      health: { disability: 'none', chronicIllness: false },
      household: { members: 4, dependants: 3, earners: 0, femaleHeaded: true },
    };
    expect((await service.api('welfare').put(`/cases/${caseId}/assessment`, assessment)).status).toBe(200);

    const entries = await entriesOf(householdRef);
    expect(entries.map((e) => e.action)).toEqual(['update', 'read', 'list', 'create']);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        agency: 'welfare',
        actor: 'welfare.officer',
        actorRoles: ['welfare-officer'],
        recordKind: 'case',
        recordId: caseId,
        subject: householdRef,
        purpose: 'case-work',
        purposeSource: 'route',
      });
    }
    expect((await entriesOf(residentRef)).map((e) => e.action)).toEqual(['update', 'read', 'list', 'create']);
    // Another worker's refused read reads nothing, so logs nothing.
    expect((await service.api('welfare2').get(`/cases/${caseId}`)).status).toBe(403);
    expect(await entriesOf(householdRef)).toHaveLength(4);
  });

  it('gives a case from a referral the purpose of the consent the clinic referred under', async () => {
    const offer = {
      kind: 'social-care',
      title: { fa: 'پرونده مددکاری', en: 'Social-work case' },
      eligibility: { fa: 'خانوارهای آسیب‌پذیر', en: 'Vulnerable households' },
      answers: ['social-care'],
      neighbourhoodIds: [],
      place: { fa: 'کلینیک', en: 'Clinic' },
      schedule: { fa: 'ماهانه', en: 'Monthly' },
      startsOn: null,
      endsOn: null,
      capacity: 10,
      available: 10,
      status: 'open',
    };
    expect((await service.api('welfare').post('/desk/offers', { offerId: 'welfare-audit-case', ...offer })).status).toBe(201);
    const made = {
      referralId: randomUUID(),
      trackingCode: 'K7QM-3XWB',
      agency: 'welfare',
      offerId: 'welfare-audit-case',
      clinicId: 'clinic-motahari',
      neighbourhoodId: 'nbh-motahari',
      residentRef: randomUUID(),
      householdRef: randomUUID(),
      needCategory: 'social-care',
      respondBy: addDays(service.clock.now(), 7),
      madeAt: service.clock.now().toISOString(),
    };
    await service.deliver('clinics.referral.made', made);
    expect(
      (await service.api('welfare').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: addDays(service.clock.now(), 90) }))
        .status,
    ).toBe(200);
    expect((await service.api('welfare').get('/cases/openable-referrals?limit=100')).status).toBe(200);
    expect((await service.api('welfare').post('/cases/from-referral', { referralId: made.referralId })).status).toBe(201);

    const entries = await entriesOf(made.householdRef);
    expect(entries.map((e) => [e.action, e.recordKind, e.purpose, e.purposeSource])).toEqual([
      ['create', 'case', 'referral', 'consent'],
      ['list', 'referral', 'referral', 'consent'],
      // The desk's own entry for accepting the referral.
      ['decide', 'referral', 'referral', 'consent'],
    ]);
  });

  it('is the auditor’s alone', async () => {
    for (const caller of ['welfare', 'coordinator'] as const) expect((await service.api(caller).get('/access-log')).status).toBe(403);
  });
});
