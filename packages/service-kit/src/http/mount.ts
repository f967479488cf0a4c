import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { SessionCheck } from '../auth/session.js';
import type { TokenVerifier } from '../auth/verifier.js';
import { anonymousPrincipal, hasAnyRole } from '../auth/principal.js';
import { eventCause } from '../bus/outbox.js';
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

export interface MountOptions extends Authentication {
  /** The service's name: the agency its events' cause names. */
  service: string;
  guard?: LoadGuard;
}

/** Mounts route specs: authenticate, check role, validate input strictly, run, validate output. */
export function mountRoutes(routes: readonly RouteSpec[], options: MountOptions): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](route.path, handle(route, options));
  }
  return router;
}

/**
 * Each request waits for a slot of the load guard (or is refused with 503 at once), holds it until its
 * handler ends, and whatever it produces after its request was answered (the deadline's 503, the
 * client gone) is dropped instead of written twice.
 */
function handle(route: RouteSpec, options: MountOptions): RequestHandler {
  const run = serve(route, options);
  const { guard } = options;
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

function serve(route: RouteSpec, { verify, checkSession, service }: MountOptions): (req: Request, res: Response) => Promise<void> {
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
    const correlationId = correlationIdOf(req);
    const result = await route.handler(
      {
        params: route.params ? route.params.parse(req.params) : undefined,
        query: route.query ? route.query.parse(req.query) : undefined,
        body: route.body ? route.body.parse(req.body) : undefined,
        principal,
        correlationId,
        cause: eventCause(service, principal, correlationId),
        log: req.log,
        req,
      },
      res,
    );
    if (route.raw) return;
    const body = answerOf(route, result);
    // The deadline answered already (or the client left): this late answer goes nowhere.
    if (answered(res)) throw new LateResponse();
    res.status(route.status ?? 200).json(body);
  };
}

/**
 * The handler's result as its declared answer. A result its own schema refuses is the service's bug, not
 * the caller's: a 500 (the log names the fields at fault, never their values), not a 400.
 */
function answerOf(route: RouteSpec, result: unknown): unknown {
  const parsed = route.response.safeParse(result);
  if (parsed.success) return parsed.data;
  const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
  throw new ResponseSchemaError(
    `the answer of ${route.method.toUpperCase()} ${route.path} does not match its schema at: ${[...new Set(paths)].join(', ')}`,
  );
}

class ResponseSchemaError extends Error {
  override name = 'ResponseSchemaError';
}

/** A handler finished after its request was answered; dropped (and counted) by handle(). */
class LateResponse extends Error {
  override name = 'LateResponse';
}

export const correlationIdOf = (req: Request): string => String(req.id);
