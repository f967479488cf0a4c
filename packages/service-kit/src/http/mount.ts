import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { SessionCheck } from '../auth/session.js';
import type { TokenVerifier } from '../auth/verifier.js';
import { anonymousPrincipal, hasAnyRole } from '../auth/principal.js';
import { isStoreTimeout } from '../mongo.js';
import { OverloadedError, storeUnavailable, storeUnavailableCode, type LoadGuard } from './overload.js';
import { refuseNulCharacters } from './input-text.js';
import { forbidden, tooManyRequests } from './problem.js';
import type { RouteSpec } from './route.js';

export interface Authentication {
  verify: TokenVerifier;
  /** For `sensitive` routes; without it (tests, tools) the token alone is checked. */
  checkSession?: SessionCheck;
}

/** Mounts route specs: authenticate, check role, validate input strictly, run, validate output. */
export function mountRoutes(routes: readonly RouteSpec[], auth: Authentication, guard?: LoadGuard): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](route.path, handle(route, auth, guard));
  }
  return router;
}

/**
 * Each request waits for a slot of the load guard (or is refused with 503 at once), holds it until its
 * handler ends, and whatever it produces after its request was answered (the deadline's 503, the
 * client gone) is dropped instead of written twice.
 */
function handle(route: RouteSpec, auth: Authentication, guard?: LoadGuard): RequestHandler {
  const run = serve(route, auth);
  return async (req, res) => {
    let release: (() => void) | undefined;
    try {
      release = guard ? await guard.admit(res) : () => {};
    } catch (error) {
      throw retryLater(res, error);
    }
    // Answered (deadline) or abandoned while it waited: nothing to do.
    if (!release) return;
    try {
      await run(req, res);
    } catch (error) {
      if (answered(res)) {
        guard?.dropLate();
        if (!(error instanceof LateResponse)) req.log?.warn({ err: error }, 'late failure after the request was answered; dropped');
        return;
      }
      if (isStoreTimeout(error)) {
        guard?.countRejected(storeUnavailableCode);
        req.log?.warn({ err: error }, 'store did not answer in time; answered 503');
        throw retryLater(res, storeUnavailable());
      }
      throw retryLater(res, error);
    } finally {
      release();
    }
  };
}

const answered = (res: Response) => res.headersSent || res.writableEnded;

function retryLater(res: Response, error: unknown): unknown {
  if (error instanceof OverloadedError && !res.headersSent) res.setHeader('Retry-After', String(error.retryAfterSeconds));
  return error;
}

function serve(route: RouteSpec, { verify, checkSession }: Authentication): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    if (route.rateLimit) {
      const verdict = await route.rateLimit.hit(req.ip ?? 'unknown');
      if (!verdict.allowed) {
        res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
        throw tooManyRequests(`at most ${route.rateLimit.limit} requests per ${route.rateLimit.windowMs / 1000} s; try again later`);
      }
    }
    const principal = route.roles === 'public' ? anonymousPrincipal : await verify(req.headers.authorization);
    if (route.roles !== 'public' && !hasAnyRole(principal, route.roles)) {
      throw forbidden(`this operation needs one of the roles: ${route.roles.join(', ')}`);
    }
    if (route.sensitive && checkSession) await checkSession(req.headers.authorization!);
    refuseNulCharacters(req.params, req.query, req.body);
    const result = await route.handler(
      {
        params: route.params ? route.params.parse(req.params) : undefined,
        query: route.query ? route.query.parse(req.query) : undefined,
        body: route.body ? route.body.parse(req.body) : undefined,
        principal,
        correlationId: correlationIdOf(req),
        log: req.log,
        req,
      },
      res,
    );
    if (route.raw) return;
    const body = route.response.parse(result);
    // The deadline answered already (or the client left): this late answer goes nowhere.
    if (answered(res)) throw new LateResponse();
    res.status(route.status ?? 200).json(body);
  };
}

/** A handler finished after its request was answered; dropped (and counted) by handle(). */
class LateResponse extends Error {
  override name = 'LateResponse';
}

export const correlationIdOf = (req: Request): string => String(req.id);
