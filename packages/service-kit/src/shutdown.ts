import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { EventBus } from './bus/event-bus.js';
import type { HttpDrain } from './http/drain.js';

/** How a shutdown ended: everything in flight finished, or SHUTDOWN_TIMEOUT_MS cut it short. */
export type ShutdownOutcome = 'drained' | 'timed-out';

export interface DrainParts {
  logger: Logger;
  timeoutMs: number;
  /** Absent when the service never listened. */
  http: HttpDrain | undefined;
  bus: EventBus;
  mongo: Connection;
}

/** Past the bound, the most given to hand deliveries back (their nacks go out before the connection's close). */
const abortCloseMs = 1_000;

/**
 * Drains a service whose /readyz already answers 503 `draining`, in phases, each logged, under one
 * deadline: (1) no new connections, no new deliveries (the consumer is cancelled); (2) requests in flight
 * are answered, and handlers in flight finish and ack; (3) the outbox relay finishes its pass; (4) the
 * broker and store connections close. Past the deadline, connections are cut, deliveries still in hand
 * are nacked back to the queue, and the broker connection is closed.
 */
export async function drain({ logger, timeoutMs, http, bus, mongo }: DrainParts): Promise<ShutdownOutcome> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => (timer = setTimeout(() => resolve('expired'), timeoutMs)));
  const phase = async (msg: string, work: () => Promise<unknown>, fields: object = {}): Promise<boolean> => {
    logger.info(fields, `shutdown: ${msg}`);
    // A step that fails (a broker already gone) leaves nothing to wait for: the drain goes on.
    const done = work().then(
      () => 'done' as const,
      (error: unknown) => {
        logger.warn({ err: error }, `shutdown: ${msg} failed`);
        return 'done' as const;
      },
    );
    return (await Promise.race([done, expired])) === 'done';
  };

  const connectionsClosed = http?.close() ?? Promise.resolve();
  const drained =
    (await phase('no new connections or deliveries', () => bus.stopConsuming(), { timeoutMs })) &&
    (await phase('waiting for work in flight', () => Promise.all([connectionsClosed, bus.consumer.whenIdle()]), {
      requests: http?.inFlight ?? 0,
      deliveries: bus.consumer.inFlight,
    })) &&
    (await phase('outbox relay finishing its pass', () => bus.relay.stop())) &&
    (await phase('closing broker and store connections', () => Promise.all([bus.stop(), mongo.close()])));
  clearTimeout(timer);
  if (drained) {
    logger.info({ ms: Date.now() - started }, 'shutdown: drained');
    return 'drained';
  }

  logger.error(
    { timeoutMs, requests: http?.inFlight ?? 0, deliveries: bus.consumer.inFlight },
    'shutdown: bound reached; cutting what is left, deliveries back to the queue',
  );
  http?.abort();
  bus.consumer.requeueInHand();
  void bus.relay.stop();
  await Promise.race([
    Promise.allSettled([bus.connection.stop(), mongo.close(true)]),
    new Promise((resolve) => setTimeout(resolve, abortCloseMs).unref()),
  ]);
  return 'timed-out';
}
