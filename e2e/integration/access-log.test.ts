import { SERVICES } from '@hamgam/registry';
import { describe, expect, it } from 'vitest';
import { referralAtDesk } from '../support/owned-objects.js';
import { call, type ServiceName } from '../support/stack.js';

// Issue 11 (audit), against the running stack: every service holding residents' or households' data
// keeps the kit's access log, read by auditors only, and the agency desk's referrals are in it.

/** The services whose log the auditor's page reads, each with a staff member of its own (who may not read it). */
const audited = {
  clinics: 'clinic.worker',
  'vocational-training': 'tvto.staff',
  welfare: 'welfare.officer',
  'relief-partnerships': 'relief.officer',
  'institute-funding': 'fund.officer',
} as const satisfies Partial<Record<ServiceName, string>>;
const { clinics: _clinics, ...desks } = audited;

describe.each(Object.entries(audited) as [ServiceName, string][])('the %s access log', (service, staff) => {
  it('answers the auditor, and refuses the service’s own staff and the coordinator', async () => {
    const log = await call(service, '/api/v1/access-log?limit=1', { as: 'auditor' });
    expect(log.status).toBe(200);
    expect(Array.isArray(log.body)).toBe(true);
    for (const other of [staff, 'coordinator']) {
      expect([other, (await call(service, '/api/v1/access-log', { as: other })).status]).toEqual([other, 403]);
      expect([other, (await call(service, '/api/v1/access-log/export', { as: other })).status]).toEqual([other, 403]);
    }
  });
});

it('covers exactly the services the registry says keep a log (the ones the auditor’s page reads)', () => {
  expect(Object.keys(audited).sort()).toEqual(
    SERVICES.filter((s) => s.accessLog)
      .map((s) => s.service)
      .sort(),
  );
});

it.each(SERVICES.filter((s) => !s.accessLog).map((s) => s.service as ServiceName))(
  '%s keeps none: it holds no personal data',
  async (service) => {
    expect((await call(service, '/api/v1/access-log', { as: 'auditor' })).status).toBe(404);
  },
);

describe.each(Object.entries(desks) as [ServiceName, string][])('the %s desk', (service, staff) => {
  it('logs the referrals its staff are shown, for the resident and the household, under the referral consent', async () => {
    // Made here: the test run seeds no demo data, and some desks would hold no referral yet.
    const referralId = await referralAtDesk(service, staff);
    const shown = await call(service, '/api/v1/desk/referrals?limit=100', { as: staff });
    expect(shown.status).toBe(200);
    const referral = (shown.body as { referralId: string; residentRef: string; householdRef: string | null }[]).find(
      (r) => r.referralId === referralId,
    );
    expect(referral, 'the referral just made').toBeDefined();
    for (const person of [referral!.residentRef, referral!.householdRef].filter((p): p is string => p !== null)) {
      const log = await call(service, `/api/v1/access-log?person=${person}&user=${staff}&limit=20`, { as: 'auditor' });
      expect(log.body).toContainEqual(
        expect.objectContaining({
          agency: service,
          actor: staff,
          action: 'list',
          recordKind: 'referral',
          recordId: referral!.referralId,
          subject: person,
          purpose: 'referral',
          purposeSource: 'consent',
        }),
      );
    }
  });
});
