import { createHash } from 'node:crypto';
import { HttpProblem } from '../http/problem.js';

/**
 * Whether the caller's sign-in session still stands. An access token stays valid until it expires
 * (two minutes) even when its user was disabled or signed out; for writes that move money or personal
 * data that is too long, so those routes (`sensitive: true`) ask Keycloak. Keycloak's userinfo
 * endpoint answers the token's own bearer only while its session is active and its user enabled, so
 * no client secret is needed. A confirmation is kept briefly, so a burst of writes asks once.
 */
export type SessionCheck = (authorization: string) => Promise<void>;

export interface SessionCheckOptions {
  /** `<realm>/protocol/openid-connect/userinfo`, reached the way the service reaches the realm's keys. */
  userinfoUrl: string;
  /** How long a confirmed session is taken as standing (ms). */
  confirmedForMs?: number;
  timeoutMs?: number;
}

export const sessionEndedCode = 'session-ended';
export const sessionCheckUnavailableCode = 'session-check-unavailable';

const sessionEnded = () =>
  new HttpProblem(401, 'Unauthorized', 'your sign-in session has ended or your account was disabled; sign in again', {
    code: sessionEndedCode,
  });
/** Fails closed: a write that moves money or personal data waits for a session that can be confirmed. */
const checkUnavailable = () =>
  Object.assign(
    new HttpProblem(503, 'Service Unavailable', 'your session could not be confirmed just now; try again shortly', {
      code: sessionCheckUnavailableCode,
    }),
    {
      retryAfterSeconds: 5,
    },
  );

/** Confirmations kept at most; older ones are dropped first (each is one token's). */
const MAX_CONFIRMED = 10_000;

export function createSessionCheck({ userinfoUrl, confirmedForMs = 15_000, timeoutMs = 3_000 }: SessionCheckOptions): SessionCheck {
  const confirmedUntil = new Map<string, number>();
  return async (authorization) => {
    const key = createHash('sha256').update(authorization).digest('base64url');
    if ((confirmedUntil.get(key) ?? 0) > Date.now()) return;
    let answer: Response;
    try {
      answer = await fetch(userinfoUrl, { headers: { Authorization: authorization }, signal: AbortSignal.timeout(timeoutMs) });
      await answer.body?.cancel();
    } catch {
      throw checkUnavailable();
    }
    if (answer.status === 401 || answer.status === 403) throw sessionEnded();
    if (!answer.ok) throw checkUnavailable();
    confirmedUntil.delete(key);
    confirmedUntil.set(key, Date.now() + confirmedForMs);
    if (confirmedUntil.size > MAX_CONFIRMED) confirmedUntil.delete(confirmedUntil.keys().next().value!);
  };
}

/** Keycloak's userinfo beside the keys the service already fetches (back channel), else under the issuer. */
export function userinfoUrlOf(config: { OIDC_ISSUER: string; OIDC_JWKS_URL?: string | undefined }): string {
  const certs = /\/certs$/;
  if (config.OIDC_JWKS_URL && certs.test(config.OIDC_JWKS_URL)) return config.OIDC_JWKS_URL.replace(certs, '/userinfo');
  return `${config.OIDC_ISSUER.replace(/\/$/, '')}/protocol/openid-connect/userinfo`;
}
