import { createHmac, createPublicKey, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { expiredTokenFor } from './keycloak-admin.js';
import { demoPassword, keycloakUrl, tokenFor } from './stack.js';

/**
 * Authorization headers that must all get 401: none at all, and tokens the realm did not issue for
 * the API or that are no longer valid. Each is made from a real token of `username`, so the claims
 * (roles, scopes, issuer) are those of a user who could otherwise call the route.
 */
export interface BadCredential {
  name: string;
  /** The Authorization header, or none. */
  authorization?: string;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, any>;

function signRs256(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
  const input = `${b64url({ ...header, alg: 'RS256' })}.${b64url(payload)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`;
}

/** A token the realm signed for another client: the id token (audience hamgam-cli, not the API). */
async function idTokenFor(username: string): Promise<string> {
  const res = await fetch(`${keycloakUrl}/realms/hamgam/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'hamgam-cli', username, password: demoPassword, scope: 'openid' }),
  });
  if (!res.ok) throw new Error(`Keycloak refused ${username}: ${res.status}`);
  const { id_token: idToken } = (await res.json()) as { id_token?: string };
  if (!idToken) throw new Error('Keycloak issued no id token');
  return idToken;
}

/** The realm's RSA signing key as PEM, the secret an algorithm-confusion attack would use for HS256. */
async function realmPublicKeyPem(kid: string): Promise<string> {
  const res = await fetch(`${keycloakUrl}/realms/hamgam/protocol/openid-connect/certs`);
  const { keys } = (await res.json()) as { keys: (Record<string, string> & { kid: string })[] };
  const jwk = keys.find((k) => k.kid === kid);
  if (!jwk) throw new Error(`the realm publishes no key ${kid}`);
  return createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
}

/** A look-alike realm's signing key: same claims as the real realm's tokens, another key pair. */
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

export async function badCredentials(username: string, allRoles: readonly string[]): Promise<BadCredential[]> {
  // One after another: Keycloak takes concurrent sign-ins of one user for a brute-force attempt.
  const real = await tokenFor(username);
  const idToken = await idTokenFor(username);
  const expired = await expiredTokenFor(username);
  const [headerPart, payloadPart, signature] = real.split('.') as [string, string, string];
  const header = decode(headerPart);
  const claims = decode(payloadPart);
  const now = Math.floor(Date.now() / 1000);
  const fresh = { ...claims, iat: now, exp: now + 600 };
  const lookAlikeIssuer = `${keycloakUrl}/realms/hamgam-look-alike`;
  const hsInput = `${b64url({ ...header, alg: 'HS256' })}.${b64url(fresh)}`;
  const hsSignature = createHmac('sha256', await realmPublicKeyPem(header['kid']))
    .update(hsInput)
    .digest('base64url');
  const escalated = { ...claims, realm_access: { roles: [...allRoles] }, clinic_ids: [], neighbourhood_ids: [] };

  return [
    { name: 'no token' },
    { name: 'expired token', authorization: `Bearer ${expired}` },
    { name: 'wrong audience (the realm id token)', authorization: `Bearer ${idToken}` },
    { name: 'other realm key, the realm key id', authorization: `Bearer ${signRs256(header, fresh, privateKey)}` },
    {
      name: 'other realm key and issuer',
      authorization: `Bearer ${signRs256({ ...header, kid: 'look-alike' }, { ...fresh, iss: lookAlikeIssuer }, privateKey)}`,
    },
    { name: 'unsigned (alg none)', authorization: `Bearer ${b64url({ ...header, alg: 'none' })}.${b64url(fresh)}.` },
    { name: 'HS256 keyed with the realm public key', authorization: `Bearer ${hsInput}.${hsSignature}` },
    { name: 'roles edited into the payload', authorization: `Bearer ${headerPart}.${b64url(escalated)}.${signature}` },
    { name: 'garbage', authorization: 'Bearer garbage' },
    { name: 'not a bearer token', authorization: `Basic ${Buffer.from(`${username}:${demoPassword}`).toString('base64')}` },
  ];
}
