// The realm's sign-in rules (issue 11, finding 8 and 9): guessing passwords locks the account for a
// while, passwords follow a policy, and access tokens are short-lived (a disabled user's token dies soon).
import { describe, expect, it } from 'vitest';
import { demoPassword, keycloakUrl, tokenFor } from '../support/stack.js';

const tokenUrl = (realm: string) => `${keycloakUrl}/realms/${realm}/protocol/openid-connect/token`;

async function passwordGrant(username: string, password: string) {
  return fetch(tokenUrl('hamgam'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'hamgam-cli', username, password }),
  });
}

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { iat: number; exp: number };

describe('signing in', () => {
  it('refuses even the right password once five wrong ones were tried (brute-force detection)', async () => {
    // Only this test signs in as lockout.probe, so its lockout (a minute, growing on repeats) touches no other.
    for (let i = 0; i < 6; i++) expect((await passwordGrant('lockout.probe', `wrong-${i}-password`)).status).toBe(401);
    const right = await passwordGrant('lockout.probe', demoPassword);
    expect(right.status).not.toBe(200);
  });

  it('issues access tokens that live two minutes at most', async () => {
    const { iat, exp } = claims(await tokenFor('auditor'));
    expect(exp - iat).toBeLessThanOrEqual(120);
    expect(exp - iat).toBeGreaterThanOrEqual(60);
  });

  it('refuses a password the policy does not allow', async () => {
    const admin = await fetch(tokenUrl('master'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: process.env['KEYCLOAK_ADMIN_PASSWORD'] ?? 'admin' }),
    });
    const { access_token: adminToken } = (await admin.json()) as { access_token: string };
    const users = await fetch(`${keycloakUrl}/admin/realms/hamgam/users?exact=true&username=lockout.probe`, { headers: { Authorization: `Bearer ${adminToken}` } });
    const [probe] = (await users.json()) as { id: string }[];
    const reset = await fetch(`${keycloakUrl}/admin/realms/hamgam/users/${probe!.id}/reset-password`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'password', value: 'short', temporary: false }),
    });
    expect(reset.status).toBe(400);
    expect(await reset.text()).toMatch(/length|policy/i);
  });
});
