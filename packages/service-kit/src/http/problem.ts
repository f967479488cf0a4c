import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { DomainError } from '../errors/domain-errors.js';

/** An error that becomes an RFC 9457 problem+json answer. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (detail: string, extra?: Record<string, unknown>) => new HttpProblem(400, 'Bad Request', detail, extra);
export const unauthorized = (detail: string) => new HttpProblem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);
export const notFound = (detail: string) => new HttpProblem(404, 'Not Found', detail);
export const conflict = (detail: string) => new HttpProblem(409, 'Conflict', detail);
export const tooManyRequests = (detail: string) => new HttpProblem(429, 'Too Many Requests', detail);

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [key: string]: unknown;
}

const domainTitles: Record<number, string> = { 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Content' };

/** Maps any thrown value to a problem body; unknown errors become a 500 that leaks nothing. */
export function toProblem(error: unknown, instance?: string): ProblemBody {
  if (error instanceof DomainError) {
    const field = error.field === undefined ? {} : { field: error.field };
    return {
      type: 'about:blank',
      title: domainTitles[error.status] ?? 'Error',
      status: error.status,
      detail: error.message,
      instance,
      code: error.code,
      ...field,
    };
  }
  if (error instanceof HttpProblem) {
    return { type: 'about:blank', title: error.title, status: error.status, detail: error.detail, instance, ...error.extra };
  }
  if (error instanceof ZodError) {
    return {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'The request does not match the schema.',
      instance,
      errors: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    };
  }
  const status = typeof (error as { status?: unknown })?.status === 'number' ? (error as { status: number }).status : 500;
  if (status >= 400 && status < 500) {
    // body-parser and friends throw errors with a status (malformed JSON, payload too large).
    return { type: 'about:blank', title: 'Bad Request', status, detail: (error as Error).message, instance };
  }
  return { type: 'about:blank', title: 'Internal Server Error', status: 500, instance };
}

export const problemHandler: ErrorRequestHandler = (error, req, res, next) => {
  // Answered already (a deadline's 503): nothing more may be written; a half-sent body is Express's to cut.
  if (res.headersSent) return res.writableEnded ? req.log?.warn({ err: error }, 'error after the answer; dropped') : next(error);
  const problem = toProblem(error, req.originalUrl);
  if (problem.status >= 500) req.log?.error({ err: error }, 'request failed');
  // A problem that knows when to come back (a busy lease) says so.
  const retryAfter = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  res.status(problem.status).type('application/problem+json').json(problem);
};

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(notFound(`No route for ${req.method} ${req.path}`));
};
