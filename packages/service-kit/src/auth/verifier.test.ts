import { SignJWT, UnsecuredJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestKeys, testAudience, testIssuer, type TestKeys } from '../testing/keys.js';
import { createTokenVerifier, type TokenVerifier } from './verifier.js';
import { HttpProblem } from '../http/problem.js';

let keys: TestKeys;
let verify: TokenVerifier;

beforeAll(async () => {
  keys = await createTestKeys();
  verify = createTokenVerifier({ issuer: testIssuer, audience: testAudience, keys: keys.keys });
});

async function refusal(token: string) {
  const error = await verify(`Bearer ${token}`).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpProblem);
  expect((error as HttpProblem).status).toBe(401);
  return (error as HttpProblem).detail;
}

describe('token verification', () => {
  it('accepts a valid token and reads roles and scope claims', async () => {
    const token = await keys.sign({
      sub: 'u-7',
      username: 'clinic.worker',
      roles: ['clinic-worker'],
      clinicIds: ['clinic-fajr'],
      neighbourhoodIds: ['nbh-fajr'],
    });
    await expect(verify(`Bearer ${token}`)).resolves.toEqual({
      subject: 'u-7',
      username: 'clinic.worker',
      roles: ['clinic-worker'],
      clinicIds: ['clinic-fajr'],
      neighbourhoodIds: ['nbh-fajr'],
    });
  });

  it('refuses a missing or malformed Authorization header', async () => {
    await expect(verify(undefined)).rejects.toMatchObject({ status: 401 });
    await expect(verify('Basic abc')).rejects.toMatchObject({ status: 401 });
  });

  it('refuses an expired token', async () => {
    const token = await keys.sign({ roles: ['coordinator'] }, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    expect(await refusal(token)).toBe('the token has expired');
  });

  it('refuses a token from another issuer', async () => {
    const token = await keys.sign({ roles: ['coordinator'] }, { issuer: 'http://evil.example/realms/hamgam' });
    expect(await refusal(token)).toBe("the token's iss claim is not accepted");
  });

  it('refuses a token for another audience', async () => {
    const token = await keys.sign({ roles: ['coordinator'] }, { audience: 'account' });
    expect(await refusal(token)).toBe("the token's aud claim is not accepted");
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const token = new UnsecuredJWT({ realm_access: { roles: ['coordinator'] } })
      .setSubject('u')
      .setIssuer(testIssuer)
      .setAudience(testAudience)
      .setExpirationTime('5m')
      .encode();
    await refusal(token);
  });

  it('refuses a token signed by an unknown key', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ realm_access: { roles: ['coordinator'] } })
      .setProtectedHeader({ alg: 'RS256', kid: 'someone-else' })
      .setSubject('u')
      .setIssuer(testIssuer)
      .setAudience(testAudience)
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await refusal(token)).toBe('the token is signed with an unknown key');
  });

  it('refuses a token with a forged signature under the known key id', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setSubject('u')
      .setIssuer(testIssuer)
      .setAudience(testAudience)
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await refusal(token)).toBe('the token signature is invalid');
  });

  it('refuses an HMAC-signed token even with a plausible header', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: 'test-key' })
      .setSubject('u')
      .setIssuer(testIssuer)
      .setAudience(testAudience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    expect(await refusal(token)).toBe('the token is signed with an algorithm that is not allowed');
  });
});
