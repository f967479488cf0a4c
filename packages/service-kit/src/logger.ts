import type { Request } from 'express';
import pino, { type DestinationStream, type Logger } from 'pino';
import { errorForLog } from './log-errors.js';
import { activeTraceFields } from './tracing/context.js';

/** A service's logger, writing JSON lines to stdout (or to `destination`: tests read what operators would). */
export function createLogger(service: string, level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      // With tracing on, every line written inside a traced request or delivery names its trace and span
      // (beside the correlation id, which stays); with tracing off there is no span and nothing is added.
      mixin: activeTraceFields,
      // Residents are vulnerable people: never let a token or personal field reach the logs.
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.nationalId', '*.phone', '*.name'], censor: '[redacted]' },
      // …nor a value an error message quotes (a duplicate key, a cast failure).
      serializers: { err: errorForLog },
    },
    destination,
  );
}

/**
 * What a request's log lines say of it and its answer: the request id (the correlation id), the method
 * and the status. Never its URL — a public tracking look-up's path is a resident's key to their
 * referral, a query may carry what a worker searched for — nor its headers (credentials, the address
 * the shell forwarded) or the peer's address. The route's pattern is added when the answer is logged.
 */
export const requestLogSerializers = {
  req: (req: { id?: unknown; method?: string }) => ({ id: req.id, method: req.method }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
  err: errorForLog,
};

/**
 * The matched route's pattern as the service declares it (`/tracking/:code`), none for a request no
 * route matched. Without its mount point: Express has already left the API's router (and reset
 * `baseUrl`) when a failed request is answered, so the pattern alone is the same for every answer.
 */
export const routePatternOf = (req: Request): string | undefined => req.route?.path;
