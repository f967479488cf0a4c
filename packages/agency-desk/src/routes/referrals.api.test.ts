import { randomUUID } from 'node:crypto';
import { accessLogRoutes, kitAccessLog } from '@hamgam/service-kit';
import { startTestService, type TestService } from '@hamgam/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskModels } from '../data/models.js';
import { agencyDesk } from '../index.js';

// The desk composed as a partner service composes it, with the kit's access-log routes beside it.
const desk = agencyDesk({ agency: 'welfare', roles: ['welfare-officer'] });
let service: TestService<DeskModels>;

beforeAll(async () => {
  service = await startTestService({
    name: 'welfare',
    roles: ['welfare-officer', 'coordinator', 'auditor'],
    models: desk.models,
    outboxSources: desk.outboxSources,
    routes: (deps) => [...desk.routes(deps), ...accessLogRoutes('welfare', kitAccessLog(deps.models.accessLog))],
    subscriptions: desk.subscriptions,
  });
});
afterAll(() => service?.close());

const day = (offset: number) => new Date(service.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);

async function received(respondIn = 7) {
  const made = {
    referralId: randomUUID(),
    trackingCode: 'K7QM-3XWA',
    agency: 'welfare',
    offerId: 'welfare-home-visit',
    clinicId: 'clinic-sarasiab',
    neighbourhoodId: 'nbh-sarasiab',
    residentRef: randomUUID(),
    householdRef: randomUUID(),
    needCategory: 'social-care',
    respondBy: day(respondIn),
    madeAt: service.clock.now().toISOString(),
  };
  await service.deliver('clinics.referral.made', made);
  return made;
}

/** What the auditor reads about one person: [who, action, record, why, agency], in a stable order (two reads may share a millisecond). */
async function logOf(person: string) {
  const res = await service.api('auditor').get(`/access-log?person=${person}`);
  expect(res.status).toBe(200);
  return (
    res.body as {
      actor: string;
      action: string;
      recordKind: string;
      recordId: string;
      purpose: string;
      purposeSource: string;
      agency: string;
    }[]
  )
    .map((e) => [e.actor, e.action, `${e.recordKind}:${e.recordId}`, `${e.purpose}/${e.purposeSource}`, e.agency])
    .sort();
}

describe('the desk’s received referrals in the agency’s access log', () => {
  it('logs every reader of the list, once for the resident and once for the household each shown referral names, under the referral consent', async () => {
    const made = await received();
    expect((await service.api('welfare').get('/desk/referrals')).status).toBe(200);
    expect((await service.api('coordinator').get('/desk/referrals?state=received')).status).toBe(200);
    const seen = [
      ['coordinator', 'list', `referral:${made.referralId}`, 'referral/consent', 'welfare'],
      ['welfare.officer', 'list', `referral:${made.referralId}`, 'referral/consent', 'welfare'],
    ];
    expect(await logOf(made.residentRef)).toEqual(seen);
    expect(await logOf(made.householdRef)).toEqual(seen);
  });

  it('logs only the referrals a filtered page shows', async () => {
    const late = await received(-3);
    const onTime = await received(10);
    const res = await service.api('welfare').get('/desk/referrals?overdue=true');
    expect(res.body.map((r: { referralId: string }) => r.referralId)).toContain(late.referralId);
    expect(res.body.map((r: { referralId: string }) => r.referralId)).not.toContain(onTime.referralId);
    expect(await logOf(late.residentRef)).toEqual([
      ['welfare.officer', 'list', `referral:${late.referralId}`, 'referral/consent', 'welfare'],
    ]);
    expect(await logOf(onTime.residentRef)).toEqual([]);
  });

  it('logs a staff decision on a referral; a refused one leaves nothing', async () => {
    const made = await received();
    expect((await service.api('auditor').post(`/desk/referrals/${made.referralId}/decline`, { reason: 'not-eligible' })).status).toBe(403);
    expect((await service.api('welfare').post(`/desk/referrals/${made.referralId}/decline`, { reason: 'not-eligible' })).status).toBe(200);
    expect(await logOf(made.householdRef)).toEqual([
      ['welfare.officer', 'decide', `referral:${made.referralId}`, 'referral/consent', 'welfare'],
    ]);
  });

  it('refuses a step the referral’s state blocks with 409 and a broken rule with 422, each with its code, and logs neither', async () => {
    const made = await received();
    const early = await service.api('welfare').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: day(-1) });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'complete-by-before-acceptance', field: 'completeBy' });
    const completed = await service.api('welfare').post(`/desk/referrals/${made.referralId}/complete`, { outcome: 'achieved' });
    expect([completed.status, completed.body.code]).toEqual([409, 'referral-not-accepted']);
    expect((await service.api('welfare').post(`/desk/referrals/${made.referralId}/decline`, { reason: 'not-eligible' })).status).toBe(200);
    const again = await service.api('welfare').post(`/desk/referrals/${made.referralId}/accept`, { completeBy: day(30) });
    expect([again.status, again.body.code]).toEqual([409, 'referral-already-declined']);
    const unknown = await service.api('welfare').post(`/desk/referrals/${randomUUID()}/accept`, { completeBy: day(30) });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'referral-not-found']);
    expect(await logOf(made.householdRef)).toEqual([
      ['welfare.officer', 'decide', `referral:${made.referralId}`, 'referral/consent', 'welfare'],
    ]);
  });

  it('is read by the auditor only', async () => {
    for (const caller of ['welfare', 'coordinator'] as const) expect((await service.api(caller).get('/access-log')).status).toBe(403);
  });
});
