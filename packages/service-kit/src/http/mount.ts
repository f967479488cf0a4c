import { Router, type Request, type RequestHandler } from 'express';
import type { TokenVerifier } from '../auth/verifier.js';
import { anonymousPrincipal, hasAnyRole } from '../auth/principal.js';
import { forbidden, tooManyRequests } from './problem.js';
import type { RouteSpec } from './route.js';

/** Mounts route specs: authenticate, check role, validate input strictly, run, validate output. */
export function mountRoutes(routes: readonly RouteSpec[], verify: TokenVerifier): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](route.path, handle(route, verify));
  }
  return router;
}

function handle(route: RouteSpec, verify: TokenVerifier): RequestHandler {
  return async (req, res) => {
    if (route.rateLimit) {
      const verdict = route.rateLimit.hit(req.ip ?? 'unknown');
      if (!verdict.allowed) {
        res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
        throw tooManyRequests(`at most ${route.rateLimit.limit} requests per ${route.rateLimit.windowMs / 1000} s; try again later`);
      }
    }
    const principal = route.roles === 'public' ? anonymousPrincipal : await verify(req.headers.authorization);
    if (route.roles !== 'public' && !hasAnyRole(principal, route.roles)) {
      throw forbidden(`this operation needs one of the roles: ${route.roles.join(', ')}`);
    }
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
    res.status(route.status ?? 200).json(route.response.parse(result));
  };
}

export const correlationIdOf = (req: Request): string => String(req.id);
