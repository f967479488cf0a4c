import { randomUUID } from 'node:crypto';
import { startTestService, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReliefModels } from '../deps.js';
import { reliefPartnershipsService } from '../service.js';

// Every read and change of a support request leaves who, when, what and why in the access log the auditor reads.
let service: TestService<ReliefModels>;
beforeAll(async () => {
  service = await startTestService(reliefPartnershipsService);
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

describe('relief’s access log', () => {
  it('records a request submitted, listed, read (by an officer and Basij’s liaison) and changed, for its resident and household', async () => {
    const residentRef = randomUUID();
    const householdRef = randomUUID();
    const submitted = await service.api('relief').post('/support-requests', {
      residentRef,
      householdRef,
      neighbourhoodId: 'nbh-sarasiab',
      kind: 'micro-loan',
      purpose: 'income-support',
      requestedRials: 300_000_000,
      businessPlan: 'home tailoring',
    });
    expect(submitted.status).toBe(201);
    const requestId = submitted.body.requestId as string;
    expect((await service.api('relief').get('/support-requests?limit=100')).status).toBe(200);
    expect((await service.api('relief').get(`/support-requests/${requestId}`)).status).toBe(200);
    expect((await service.api('basij').get(`/support-requests/${requestId}`)).status).toBe(200);
    expect((await service.api('relief').put(`/support-requests/${requestId}/means-test`, { meansTest: 'passed' })).status).toBe(200);
    expect((await service.api('relief').post(`/support-requests/${requestId}/reject`, { reason: 'not eligible yet' })).status).toBe(200);

    const entries = await entriesOf(residentRef);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['decide', 'relief.officer'],
      ['update', 'relief.officer'],
      ['read', 'basij.liaison'],
      ['read', 'relief.officer'],
      ['list', 'relief.officer'],
      ['create', 'relief.officer'],
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        agency: 'relief-partnerships',
        recordKind: 'support-request',
        recordId: requestId,
        subject: residentRef,
        purpose: 'home-business-support',
        purposeSource: 'route',
      });
    }
    expect(await entriesOf(householdRef)).toHaveLength(6);
  });

  it('records support candidates listed (TVTO certificates) for each resident and household shown, by whoever listed them', async () => {
    const residentRef = randomUUID();
    const householdRef = randomUUID();
    const enrolmentId = randomUUID();
    await service.deliver('vocational-training.enrolment.completed', {
      enrolmentId,
      courseId: 'tvto-home-tailoring-1405',
      trade: 'tailoring',
      venue: { kind: 'clinic', id: 'clinic-sarasiab' },
      residentRef,
      householdRef,
      neighbourhoodId: 'nbh-sarasiab',
      referralId: null,
      result: 'passed',
      certificateNo: 'TVTO-1405-91',
      completedAt: new Date().toISOString(),
    });
    for (const caller of ['relief', 'coordinator'] as const) {
      const listed = await service.api(caller).get('/support-candidates?limit=100');
      expect(listed.body.map((c: { residentRef: string }) => c.residentRef)).toContain(residentRef);
    }

    const entries = await entriesOf(residentRef);
    expect(entries.map((e) => `${e.action} by ${e.actor}`).sort()).toEqual(['list by coordinator', 'list by relief.officer']);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        agency: 'relief-partnerships',
        recordKind: 'certificate',
        recordId: `certificate:${enrolmentId}`,
        subject: residentRef,
        purpose: 'home-business-support',
        purposeSource: 'route',
      });
    }
    expect((await entriesOf(householdRef)).map((e) => e.subject)).toEqual([householdRef, householdRef]);
  });

  it('is the auditor’s alone', async () => {
    for (const caller of ['relief', 'basij', 'coordinator'] as const)
      expect((await service.api(caller).get('/access-log')).status).toBe(403);
  });
});
