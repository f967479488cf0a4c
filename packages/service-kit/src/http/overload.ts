import type { Request, RequestHandler, Response } from 'express';
import { Counter, Gauge, type Registry } from 'prom-client';
import { HttpProblem } from './problem.js';

/** Stable codes of the 503 answers below; the UI shows "busy, try again" for them. */
export const overloadedCode = 'overloaded';
export const deadlineExceededCode = 'deadline-exceeded';
export const storeUnavailableCode = 'store-unavailable';
type LoadCode = typeof overloadedCode | typeof deadlineExceededCode | typeof storeUnavailableCode;

/** A request refused or given up on because the process is saturated: 503 with Retry-After. */
export class OverloadedError extends HttpProblem {
  override name = 'OverloadedError';
  constructor(
    readonly code: LoadCode,
    readonly retryAfterSeconds: number,
    detail: string,
  ) {
    super(503, 'Service Unavailable', detail, { code });
  }
}

export interface LoadLimits {
  /** An /api request not answered by then gets 503 `deadline-exceeded` (ms). */
  deadlineMs: number;
  /** Requests run at once; the rest wait in a queue. */
  maxConcurrent: number;
  /** Requests that may wait for a slot; beyond them 503 `overloaded` at once. */
  maxQueued: number;
}

export const defaultLoadLimits: LoadLimits = { deadlineMs: 10_000, maxConcurrent: 32, maxQueued: 64 };

export function loadLimitsOf(config: {
  HTTP_REQUEST_DEADLINE_MS: number;
  HTTP_MAX_CONCURRENT: number;
  HTTP_MAX_QUEUED: number;
}): LoadLimits {
  return { deadlineMs: config.HTTP_REQUEST_DEADLINE_MS, maxConcurrent: config.HTTP_MAX_CONCURRENT, maxQueued: config.HTTP_MAX_QUEUED };
}

/** Seconds a refused caller should wait: shed at the door, soon; past the deadline or the store's limits, later. */
const retryAfter = { [overloadedCode]: 2, [deadlineExceededCode]: 5, [storeUnavailableCode]: 5 } as const;

/** The store gave up or could not be reached in time (see isStoreTimeout in mongo.ts): 503, try later. */
export const storeUnavailable = () =>
  new OverloadedError(storeUnavailableCode, retryAfter[storeUnavailableCode], 'the data store is busy or unreachable; try again shortly');

interface Waiter {
  resolve: (release: (() => void) | undefined) => void;
  res: Response;
}

/**
 * Keeps an overloaded process answering. Two parts:
 * - `deadline` (middleware before the /api routes): a request not answered within `deadlineMs` gets
 *   503 problem+json with Retry-After; whatever the late handler sends afterwards is dropped.
 * - `admit` (called by each route before its work): at most `maxConcurrent` handlers run at once, up
 *   to `maxQueued` wait for a slot, and beyond that a request is refused at once with 503. A slot is
 *   held until the handler itself ends (not merely until the 503 went out), so work the deadline gave
 *   up on still counts against the cap.
 */
export class LoadGuard {
  private running = 0;
  private readonly queue: Waiter[] = [];
  private readonly inFlightGauge: Gauge;
  private readonly queuedGauge: Gauge;
  private readonly rejected: Counter;
  private readonly lateDropped: Counter;

  constructor(
    readonly limits: LoadLimits,
    registry: Registry,
  ) {
    const running = () => this.running;
    const queued = () => this.queue.length;
    this.inFlightGauge = new Gauge({
      name: 'http_api_requests_in_flight',
      help: 'API requests whose handler is running',
      registers: [registry],
      collect() {
        this.set(running());
      },
    });
    this.queuedGauge = new Gauge({
      name: 'http_api_requests_queued',
      help: 'API requests waiting for a handler slot',
      registers: [registry],
      collect() {
        this.set(queued());
      },
    });
    this.rejected = new Counter({
      name: 'http_api_requests_rejected_total',
      help: 'API requests answered 503 by the load guard, by reason (overloaded: refused at the door; deadline-exceeded: not answered in time)',
      labelNames: ['reason'],
      registers: [registry],
    });
    this.lateDropped = new Counter({
      name: 'http_api_late_responses_dropped_total',
      help: 'Responses of handlers that finished after their request had been answered (deadline, client gone)',
      registers: [registry],
    });
    // Present from the start, so dashboards see zeros rather than nothing.
    this.rejected.labels(overloadedCode).inc(0);
    this.rejected.labels(deadlineExceededCode).inc(0);
    this.rejected.labels(storeUnavailableCode).inc(0);
  }

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.queue.length;
  }

  readonly deadline: RequestHandler = (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent || res.writableEnded || res.destroyed) return;
      this.rejected.labels(deadlineExceededCode).inc();
      req.log?.warn({ deadlineMs: this.limits.deadlineMs }, 'request deadline exceeded; answered 503');
      sendOverloaded(
        req,
        res,
        new OverloadedError(
          deadlineExceededCode,
          retryAfter[deadlineExceededCode],
          `no answer within ${this.limits.deadlineMs / 1000} s; try again later`,
        ),
      );
    }, this.limits.deadlineMs);
    timer.unref();
    res.once('close', () => clearTimeout(timer));
    next();
  };

  /**
   * Waits for a handler slot and returns its release; throws OverloadedError when the queue is full.
   * Resolves to undefined when the request was answered (deadline) or abandoned while it waited.
   */
  async admit(res: Response): Promise<(() => void) | undefined> {
    if (this.running < this.limits.maxConcurrent) return this.take();
    if (this.queue.length >= this.limits.maxQueued) {
      this.rejected.labels(overloadedCode).inc();
      throw new OverloadedError(
        overloadedCode,
        retryAfter[overloadedCode],
        `too many requests in progress (${this.limits.maxConcurrent} running, ${this.limits.maxQueued} waiting); try again shortly`,
      );
    }
    return new Promise((resolve) => {
      const waiter: Waiter = { res, resolve };
      this.queue.push(waiter);
      // Answered by the deadline, or the client went away: leave the queue without running.
      res.once('close', () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) {
          this.queue.splice(index, 1);
          resolve(undefined);
        }
      });
    });
  }

  /** Counts a response its handler produced after the request had already been answered. */
  dropLate(): void {
    this.lateDropped.inc();
  }

  /** Counts a 503 given for another reason than the guard's own (the store's limits). */
  countRejected(code: LoadCode): void {
    this.rejected.labels(code).inc();
  }

  private take(): () => void {
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.next();
    };
  }

  private next(): void {
    while (this.running < this.limits.maxConcurrent && this.queue.length > 0) {
      const waiter = this.queue.shift()!;
      waiter.resolve(waiter.res.headersSent || waiter.res.destroyed ? undefined : this.take());
    }
  }
}

/** The 503 answer: problem+json with the stable code and Retry-After. */
export function sendOverloaded(req: Request, res: Response, error: OverloadedError): void {
  res.setHeader('Retry-After', String(error.retryAfterSeconds));
  res.status(503).type('application/problem+json').json({
    type: 'about:blank',
    title: error.title,
    status: 503,
    detail: error.detail,
    instance: req.originalUrl,
    code: error.code,
  });
}
