import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Headers on every answer of a service. Its answers are JSON, scripts of its federated UI (loaded by
 * the shell) and the API docs; none is a page that loads anything, so the policy allows nothing and
 * no page may frame them. Referrer-Policy no-referrer, nosniff and the rest are helmet's defaults.
 */
export const securityHeaders: RequestHandler = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  },
});

/** The Swagger UI page (/docs) runs its own scripts and styles from the same origin, plus inline styles and data: icons. */
export const docsContentSecurityPolicy: RequestHandler = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
});

/**
 * /api answers carry personal data: no browser or intermediary may keep a copy (a shared computer at a
 * clinic, a proxy's cache).
 */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
