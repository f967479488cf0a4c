// The realm's sign-in rules (issue 11, finding 8 and 9): guessing passwords locks the account for a
// while, passwords follow a policy, and access tokens are short-lived (a disabled user's token dies soon).
import { describe, expect, it } from 'vitest';
import { realmAdmin, userIdOf } from '../support/keycloak-admin.js';
import { demoPassword, keycloakUrl, tokenFor } from '../support/stack.js';

const tokenUrl = (realm: string) => `${keycloakUrl}/realms/${realm}/protocol/openid-connect/token`;

async function passwordGrant(username: string, password: string) {
  return fetch(tokenUrl('hamgam'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'hamgam-cli', username, password }),
  });
}

const claims = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { iat: number; exp: number };

describe('signing in', () => {
  it('refuses even the right password once five wrong ones were tried (brute-force detection)', async () => {
    // Only this test signs in as lockout.probe, so its lockout (a minute, growing on repeats) touches no other.
    // Keycloak answers a wrong password 401, and 400 once the account is locked (a re-run within the minute).
    for (let i = 0; i < 6; i++) expect([400, 401]).toContain((await passwordGrant('lockout.probe', `wrong-${i}-password`)).status);
    const right = await passwordGrant('lockout.probe', demoPassword);
    expect(right.status).not.toBe(200);
  });

  it('issues access tokens that live two minutes at most', async () => {
    const { iat, exp } = claims(await tokenFor('auditor'));
    expect(exp - iat).toBeLessThanOrEqual(120);
    expect(exp - iat).toBeGreaterThanOrEqual(60);
  });

  it('refuses a password the policy does not allow', async () => {
    const reset = await realmAdmin(`/users/${await userIdOf('lockout.probe')}/reset-password`, {
      method: 'PUT',
      body: { type: 'password', value: 'short', temporary: false },
    });
    expect(reset.status).toBe(400);
    expect(await reset.text()).toMatch(/length|policy/i);
  });
});
