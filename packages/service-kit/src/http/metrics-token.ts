import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpProblem } from './problem.js';

/** Stable code of the 401 on /metrics without the right token. */
export const metricsTokenCode = 'metrics-token-required';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Guards /metrics with a static bearer token (METRICS_TOKEN), the credential Prometheus sends from its
 * scrape config; without a token configured, /metrics is open (the native stack, bound to loopback).
 * Compared through digests in constant time: the answer's timing says nothing about the token.
 */
export function metricsAccess(token: string | undefined): RequestHandler {
  if (!token) return (_req, _res, next) => next();
  const expected = digest(token);
  return (req, res, next) => {
    const [scheme, given] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() === 'bearer' && given && timingSafeEqual(digest(given), expected)) return next();
    res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
    next(new HttpProblem(401, 'Unauthorized', 'metrics need the scrape token', { code: metricsTokenCode }));
  };
}
