import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call } from '../support/stack.js';
import { tag } from '../support/people.js';

const clinic = 'clinic-sarasiab';

/** A random valid Iranian national id (check digit by the official rule), typed in Persian digits. */
function nationalId(): { latin: string; persian: string } {
  const nine = String(randomInt(100_000_000, 999_999_999));
  const sum = [...nine].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
  const r = sum % 11;
  const latin = nine + String(r < 2 ? r : 11 - r);
  return { latin, persian: latin.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!) };
}

async function registerHousehold(as = 'clinic.worker', clinicId = clinic): Promise<string> {
  const res = await call('clinics', '/api/v1/households', { as, body: { clinicId, fileNumber: `IT-${tag(6)}` } });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function registerResident(householdId: string, id = nationalId()) {
  const res = await call('clinics', `/api/v1/households/${householdId}/residents`, {
    as: 'clinic.worker',
    body: { nationalId: id.persian, fullName: 'مریم کرمانی', phone: '09131112233', relation: 'head', birthYear: 1365 },
  });
  expect(res.status).toBe(201);
  return { residentId: res.body.id as string, nationalId: id };
}

describe('residents and households (clinics, against the running service)', () => {
  it('shows personal data to the clinic’s own worker only; another clinic’s worker is refused, the coordinator sees no name', async () => {
    const householdId = await registerHousehold();
    const { residentId, nationalId: id } = await registerResident(householdId);
    const own = await call('clinics', `/api/v1/residents/${residentId}`, { as: 'clinic.worker' });
    expect(own.body.personal).toEqual({ nationalId: id.latin, fullName: 'مریم کرمانی', phone: '09131112233' });

    for (const [method, path, body] of [
      ['GET', `/api/v1/residents/${residentId}`],
      ['GET', `/api/v1/households/${householdId}`],
      ['PATCH', `/api/v1/residents/${residentId}`, { phone: '09130000000' }],
      ['POST', `/api/v1/residents/${residentId}/consents`, { purpose: 'referral', agency: 'welfare', expiresOn: '2099-01-01' }],
      ['PUT', `/api/v1/households/${householdId}/assessment-draft`, { needs: [], answers: {} }],
    ] as const) {
      const res = await call('clinics', path, { as: 'clinic.worker2', method, body });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await call('clinics', `/api/v1/residents/${residentId}`)).status).toBe(401);

    const coordinator = await call('clinics', `/api/v1/residents/${residentId}`, { as: 'coordinator' });
    expect(coordinator.status).toBe(200);
    expect(coordinator.body.personal).toBeNull();
    expect(JSON.stringify(await call('clinics', `/api/v1/households/${householdId}`, { as: 'coordinator' }))).not.toContain(id.latin);

    const log = await call('clinics', `/api/v1/residents/${residentId}/access-log`, { as: 'auditor' });
    expect(log.body.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['register', 'read']));
  });

  it('detects a national id registered already: named in the same clinic, only "elsewhere" from another', async () => {
    const { residentId, nationalId: id } = await registerResident(await registerHousehold());
    const same = await call('clinics', '/api/v1/residents/duplicate-check', {
      as: 'clinic.worker',
      body: { clinicId: clinic, nationalId: id.latin },
    });
    expect(same.body).toEqual({ exists: true, sameClinic: true, residentId });
    const other = await call('clinics', '/api/v1/residents/duplicate-check', {
      as: 'clinic.worker2',
      body: { clinicId: 'clinic-motahari', nationalId: id.persian },
    });
    expect(other.body).toEqual({ exists: true, sameClinic: false });

    const again = await call('clinics', `/api/v1/households/${await registerHousehold('clinic.worker2', 'clinic-motahari')}/residents`, {
      as: 'clinic.worker2',
      body: { nationalId: id.latin, fullName: 'کسی', phone: '09130000000', relation: 'head' },
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('this national id is already registered at another clinic');
  });

  it('records consent per purpose and agency, and withdraws it', async () => {
    const { residentId } = await registerResident(await registerHousehold());
    const granted = await call('clinics', `/api/v1/residents/${residentId}/consents`, {
      as: 'clinic.worker',
      body: { purpose: 'referral', agency: 'vocational-training', expiresOn: '2099-12-31' },
    });
    expect(granted.status).toBe(201);
    expect(granted.body.status).toBe('active');
    const withdrawn = await call('clinics', `/api/v1/residents/${residentId}/consents/${granted.body.id}/withdraw`, {
      as: 'clinic.worker',
      method: 'POST',
    });
    expect(withdrawn.body.status).toBe('withdrawn');
    const list = await call('clinics', `/api/v1/residents/${residentId}/consents`, { as: 'clinic.worker' });
    expect(list.body).toEqual([
      expect.objectContaining({ id: granted.body.id, agency: 'vocational-training', purpose: 'referral', status: 'withdrawn' }),
    ]);
  });

  it('saves an assessment draft, resumes it, and submits it as the household’s assessment', async () => {
    const householdId = await registerHousehold();
    const needs = [{ category: 'workshop-space', severity: 5 }];
    const saved = await call('clinics', `/api/v1/households/${householdId}/assessment-draft`, {
      as: 'clinic.worker',
      method: 'PUT',
      body: { needs, answers: { 'workshop.has-space': true } },
    });
    expect(saved.status).toBe(200);
    const resumed = await call('clinics', `/api/v1/households/${householdId}/assessment-draft`, { as: 'clinic.worker' });
    expect(resumed.body).toMatchObject({ needs, answers: { 'workshop.has-space': true } });
    // An incomplete assessment breaks a rule of the questionnaire: 422 with its stable code.
    const incomplete = await call('clinics', `/api/v1/households/${householdId}/assessment-draft/submit`, {
      as: 'clinic.worker',
      method: 'POST',
    });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe('assessment-incomplete');

    await call('clinics', `/api/v1/households/${householdId}/assessment-draft`, {
      as: 'clinic.worker',
      method: 'PUT',
      body: { needs, answers: { 'workshop.has-space': true, 'workshop.needs-permit': true } },
    });
    const submitted = await call('clinics', `/api/v1/households/${householdId}/assessment-draft/submit`, {
      as: 'clinic.worker',
      method: 'POST',
    });
    expect(submitted.status).toBe(201);
    expect((await call('clinics', `/api/v1/households/${householdId}/assessment-draft`, { as: 'clinic.worker' })).status).toBe(404);
    const assessments = await call('clinics', '/api/v1/neighbourhoods/nbh-sarasiab/assessments', { as: 'clinic.worker' });
    expect(assessments.body.some((a: { householdRef: string }) => a.householdRef === householdId)).toBe(true);
  });
});
