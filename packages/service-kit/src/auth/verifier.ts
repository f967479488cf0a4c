import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ZodError } from 'zod';
import { unauthorized } from '../http/problem.js';
import { principalFromClaims, type Principal } from './principal.js';

export interface VerifierOptions {
  issuer: string;
  audience: string;
  /** The realm's key set; tests pass a local one. */
  keys: JWTVerifyGetKey;
  /** Allowed clock difference with Keycloak. */
  clockToleranceSeconds?: number;
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Principal>;

/** Keycloak signs with RS256 by default; anything else (and `none`) is refused. */
const allowedAlgorithms = ['RS256', 'PS256', 'ES256'];

export function remoteKeys(jwksUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
}

export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  return async (authorization) => {
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/.exec(authorization ?? '');
    if (!match?.[1]) throw unauthorized('a Bearer access token is required');
    try {
      const { payload } = await jwtVerify(match[1], options.keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: allowedAlgorithms,
        clockTolerance: options.clockToleranceSeconds ?? 5,
        requiredClaims: ['exp', 'sub'],
      });
      return principalFromClaims(payload);
    } catch (error) {
      throw unauthorized(describeTokenError(error));
    }
  };
}

function describeTokenError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm that is not allowed';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'the token is signed with an unknown key';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'the token signature is invalid';
  if (error instanceof ZodError) return 'the token lacks the claims this service needs';
  return 'the token is not valid';
}
