import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Role } from '../auth/principal.js';

export const testIssuer = 'http://localhost:8080/realms/hamgam';
export const testAudience = 'hamgam-api';

export interface TestKeys {
  keys: JWTVerifyGetKey;
  sign(claims: TestClaims, options?: SignOptions): Promise<string>;
}

export interface TestClaims {
  sub?: string;
  username?: string;
  roles?: Role[];
  clinicIds?: string[];
  neighbourhoodIds?: string[];
  extra?: JWTPayload;
}

export interface SignOptions {
  issuer?: string;
  audience?: string;
  expiresIn?: string | number;
}

/** A local RSA key set standing in for the realm's JWKS in unit tests (integration tests use Keycloak). */
export async function createTestKeys(): Promise<TestKeys> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  return {
    keys: createLocalJWKSet({ keys: [jwk] }),
    sign: (claims, options = {}) =>
      new SignJWT({
        preferred_username: claims.username ?? 'tester',
        realm_access: { roles: claims.roles ?? [] },
        clinic_ids: claims.clinicIds ?? [],
        neighbourhood_ids: claims.neighbourhoodIds ?? [],
        ...claims.extra,
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setSubject(claims.sub ?? 'user-1')
        .setIssuer(options.issuer ?? testIssuer)
        .setAudience(options.audience ?? testAudience)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign(privateKey),
  };
}
