import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../domain/national-id.js';
import { startApiHarness, type ApiHarness } from '../testing/harness.js';

// The clinics' resident access log answers the auditor's programme-wide query in the kit's shape, like every agency's.
let service: ApiHarness;
beforeAll(async () => {
  service = await startApiHarness();
});
afterAll(() => service?.close());

describe('GET /access-log (clinics)', () => {
  it('gives the auditor the residents’ access log in the kit’s shape, filtered by person and user', async () => {
    const household = await service.api('worker').post('/households', { clinicId: 'clinic-sarasiab', fileNumber: 'F-7' });
    const registered = await service.api('worker').post(`/households/${household.body.id}/residents`, {
      nationalId: withCheckDigit('001234567'),
      fullName: 'Zahra Ahmadi',
      phone: '09131234567',
      relation: 'head',
      birthYear: 1360,
    });
    expect(registered.status).toBe(201);
    const residentId = registered.body.id as string;
    expect((await service.api('worker').get(`/residents/${residentId}`)).status).toBe(200);

    const byPerson = await service.api('auditor').get(`/access-log?person=${residentId}`);
    expect(byPerson.status).toBe(200);
    const entry = {
      agency: 'clinics',
      actor: 'clinic.worker',
      recordKind: 'resident',
      recordId: residentId,
      subject: residentId,
      purpose: 'clinic-care',
      purposeSource: 'route',
    };
    expect(byPerson.body).toEqual([
      expect.objectContaining({ ...entry, action: 'read' }),
      expect.objectContaining({ ...entry, action: 'register' }),
    ]);
    const byUser = await service.api('auditor').get('/access-log?user=clinic.worker&limit=100');
    expect(byUser.body.map((e: { subject: string }) => e.subject)).toContain(residentId);
    expect((await service.api('auditor').get('/access-log?user=clinic.worker2')).body).toEqual([]);
    const csv = await service.api('auditor').get(`/access-log/export?person=${residentId}`);
    expect(csv.text.startsWith('\uFEFFat,agency,actor')).toBe(true);
    expect(csv.text).toContain(`,clinics,clinic.worker,,read,resident,${residentId},${residentId},clinic-care,route`);
  });

  it('is the auditor’s alone', async () => {
    for (const caller of ['worker', 'coordinator'] as const) expect((await service.api(caller).get('/access-log')).status).toBe(403);
  });
});
