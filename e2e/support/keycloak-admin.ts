import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { demoPassword, keycloakUrl } from './stack.js';

/**
 * The few things the security suites need from Keycloak's admin API on the test deployment: a dev
 * client whose access tokens live one second, so a test holds a token the realm really signed and
 * that has really expired, without waiting out the realm's lifespan.
 */

/**
 * The master realm admin's password: KEYCLOAK_ADMIN_PASSWORD when set (compose: the one in its .env), else
 * the native stack's, made per checkout in .stack/secrets/keycloak.env (infra/native/lib/keycloak.sh).
 */
function adminPassword(): string {
  const given = process.env['KEYCLOAK_ADMIN_PASSWORD'];
  if (given) return given;
  const stackDir = process.env['STACK_DIR'] ?? path.resolve(import.meta.dirname, '../../.stack');
  const file = path.join(stackDir, 'secrets/keycloak.env');
  const password = parseEnv(readFileSync(file, 'utf8'))['KEYCLOAK_ADMIN_PASSWORD'];
  if (!password) throw new Error(`no KEYCLOAK_ADMIN_PASSWORD in ${file}`);
  return password;
}
const devClientId = 'hamgam-cli';
const shortLivedClientId = 'hamgam-cli-short-lived';
/** The services accept this much clock difference with Keycloak (the kit's verifier default). */
const verifierSkewSeconds = 5;

async function adminToken(): Promise<string> {
  const res = await fetch(`${keycloakUrl}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: adminPassword() }),
  });
  if (!res.ok) throw new Error(`Keycloak's admin sign-in failed: ${res.status} (KEYCLOAK_ADMIN_PASSWORD?)`);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function admin(token: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${keycloakUrl}/admin/realms/hamgam${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
  });
}

type ClientRepresentation = {
  id?: string;
  clientId: string;
  name?: string;
  attributes?: Record<string, string>;
  protocolMappers?: { id?: string }[];
} & Record<string, unknown>;

async function clientNamed(token: string, clientId: string): Promise<ClientRepresentation | undefined> {
  const res = await admin(token, `/clients?clientId=${encodeURIComponent(clientId)}`);
  if (!res.ok) throw new Error(`listing Keycloak clients failed: ${res.status}`);
  return ((await res.json()) as ClientRepresentation[])[0];
}

/** Makes (once) a copy of the dev client, same mappers and audience, whose access tokens live 1 s. */
async function ensureShortLivedClient(): Promise<void> {
  const token = await adminToken();
  if (await clientNamed(token, shortLivedClientId)) return;
  const dev = await clientNamed(token, devClientId);
  if (!dev) throw new Error(`the realm has no ${devClientId} client to copy`);
  const { id: _id, ...copy } = dev;
  const created = await admin(token, '/clients', {
    method: 'POST',
    body: JSON.stringify({
      ...copy,
      clientId: shortLivedClientId,
      name: 'Hamgam CLI, 1-second tokens (security tests only)',
      attributes: { ...dev.attributes, 'access.token.lifespan': '1' },
      protocolMappers: (dev.protocolMappers ?? []).map(({ id: _mapperId, ...mapper }) => mapper),
    }),
  });
  // 409: another run made it meanwhile.
  if (!created.ok && created.status !== 409)
    throw new Error(`creating ${shortLivedClientId} failed: ${created.status} ${await created.text()}`);
}

const expiryOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { exp: number }).exp;

/** A token Keycloak signed for this user that is past its expiry (and past the services' allowed skew). */
export async function expiredTokenFor(username: string): Promise<string> {
  await ensureShortLivedClient();
  const res = await fetch(`${keycloakUrl}/realms/hamgam/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: shortLivedClientId, username, password: demoPassword }),
  });
  if (!res.ok) throw new Error(`Keycloak refused ${username} on ${shortLivedClientId}: ${res.status}`);
  const token = ((await res.json()) as { access_token: string }).access_token;
  const expiredAt = (expiryOf(token) + verifierSkewSeconds + 1) * 1000;
  await new Promise((done) => setTimeout(done, Math.max(0, expiredAt - Date.now())));
  return token;
}

/** Calls `/admin/realms/hamgam<path>` as the admin, with a JSON body if one is given. */
export async function realmAdmin(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return admin(await adminToken(), path, {
    method: init.method ?? 'GET',
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

export async function userIdOf(username: string): Promise<string> {
  const [user] = (await (await realmAdmin(`/users?exact=true&username=${encodeURIComponent(username)}`)).json()) as { id: string }[];
  if (!user) throw new Error(`no user ${username}`);
  return user.id;
}

/** A throw-away user of the realm with one role (and scope attributes), signing in with the demo password. */
export async function createUser(username: string, role: string, attributes: Record<string, string[]> = {}): Promise<string> {
  const created = await realmAdmin('/users', {
    method: 'POST',
    body: {
      username,
      enabled: true,
      emailVerified: true,
      firstName: 'Probe',
      lastName: 'User',
      email: `${username}@hamgam.example`,
      attributes,
      credentials: [{ type: 'password', value: demoPassword, temporary: false }],
    },
  });
  if (created.status !== 201) throw new Error(`creating ${username}: ${created.status} ${await created.text()}`);
  const id = await userIdOf(username);
  const roleRepresentation = await (await realmAdmin(`/roles/${role}`)).json();
  const mapped = await realmAdmin(`/users/${id}/role-mappings/realm`, { method: 'POST', body: [roleRepresentation] });
  if (mapped.status !== 204) throw new Error(`giving ${username} ${role}: ${mapped.status}`);
  return id;
}
