import { today } from '@hamgam/contracts/days';
// A user disabled in Keycloak keeps a valid access token until it expires (two minutes); in that window
// it may still read, but it moves no personal data or money: sensitive routes confirm the session.
import { afterAll, describe, expect, it } from 'vitest';
import { createUser, realmAdmin } from '../support/keycloak-admin.js';
import { call, tokenFor } from '../support/stack.js';
import { nationalId } from '../support/people.js';
import { tag } from '../support/people.js';

const username = `session.probe.${tag(8)}`;
let userId = '';

afterAll(async () => {
  if (userId) await realmAdmin(`/users/${userId}`, { method: 'DELETE' });
});

describe('a disabled user', () => {
  it('can no longer record a consent with the token it still holds, though it may still read', async () => {
    userId = await createUser(username, 'clinic-worker', { clinic_ids: ['clinic-sarasiab'], neighbourhood_ids: ['nbh-sarasiab'] });
    const token = await tokenFor(username);
    const household = await call('clinics', '/api/v1/households', {
      token,
      body: { clinicId: 'clinic-sarasiab', fileNumber: `SP-${tag(6)}` },
    });
    expect(household.status).toBe(201);
    const resident = await call('clinics', `/api/v1/households/${household.body.id}/residents`, {
      token,
      body: { nationalId: nationalId(), fullName: 'زهرا کاظمی', phone: '09131234567', relation: 'head', birthYear: 1370 },
    });
    expect(resident.status).toBe(201);

    expect((await realmAdmin(`/users/${userId}`, { method: 'PUT', body: { enabled: false } })).status).toBe(204);

    const consent = await call('clinics', `/api/v1/residents/${resident.body.id}/consents`, {
      token,
      body: { purpose: 'referral', agency: 'welfare', expiresOn: today(30) },
    });
    expect(consent.status).toBe(401);
    expect(consent.body).toMatchObject({ code: 'session-ended' });
    expect((await call('clinics', '/api/v1/me', { token })).status).toBe(200);
  });
});
