import type { Request } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Principal, Role } from '../auth/principal.js';
import type { EventCause } from '../bus/outbox.js';
import type { RateLimiter } from './rate-limit.js';

type AnyObject = z.ZodObject;

/** Everything a route handler may use; never the raw request body or query. */
export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: Principal;
  correlationId: string;
  /** What the events this request causes say of it: the caller, this service's agency, the correlation id. */
  cause: EventCause;
  log: Logger;
  req: Request;
}

/**
 * One API operation: its schemas validate input at the edge and generate the OpenAPI document, and
 * its roles are checked before the handler runs.
 */
export interface RouteSpec<
  PS extends AnyObject | undefined = AnyObject | undefined,
  QS extends AnyObject | undefined = AnyObject | undefined,
  BS extends z.ZodType | undefined = z.ZodType | undefined,
  RS extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path below /api/v1, e.g. `/neighbourhoods/:id`. */
  path: string;
  summary: string;
  tags?: string[];
  /** Who may call it; `'public'` needs no token (e.g. a resident's tracking lookup) and gets an anonymous principal. */
  roles: readonly Role[] | 'public';
  params?: PS;
  query?: QS;
  body?: BS;
  response: RS;
  status?: number;
  /** Sends a file or stream itself instead of returning JSON. */
  raw?: boolean;
  /** Counts calls per client address (checked before the token); past the limit the caller gets 429. */
  rateLimit?: RateLimiter;
  /**
   * Moves money or personal data: besides the token, the caller's sign-in session must still stand
   * (a disabled user is refused at once, not when the token expires). See auth/session.ts.
   */
  sensitive?: true;
  handler: (ctx: RouteContext<Infer<PS>, Infer<QS>, Infer<BS>>, res: import('express').Response) => Promise<z.input<RS>> | z.input<RS>;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export function defineRoute<
  PS extends AnyObject | undefined = undefined,
  QS extends AnyObject | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
  RS extends z.ZodType = z.ZodType,
>(spec: RouteSpec<PS, QS, BS, RS>): RouteSpec {
  return spec as unknown as RouteSpec;
}
