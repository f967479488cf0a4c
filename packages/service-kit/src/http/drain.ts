import type { Server } from 'node:http';

/** The listening side of a shutdown: requests in flight are counted, so it can wait for them and say how many are left. */
export interface HttpDrain {
  readonly inFlight: number;
  /**
   * No new connections; idle keep-alive connections are closed now and the others as soon as their last
   * answer is out (a browser's or a proxy's kept-alive socket would otherwise hold `server.close` until
   * its own timeout). Resolves once every connection is closed.
   */
  close(): Promise<void>;
  /** The bound passed: every connection is cut, answered or not. */
  abort(): void;
}

export function httpDrain(server: Server): HttpDrain {
  let inFlight = 0;
  let closing = false;
  server.on('request', (_req, res) => {
    inFlight++;
    res.once('close', () => {
      inFlight--;
      // Once the connection counts as idle (after this answer's own bookkeeping), it is closed.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  return {
    get inFlight() {
      return inFlight;
    },
    close() {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      return closed;
    },
    abort() {
      server.closeAllConnections();
    },
  };
}
