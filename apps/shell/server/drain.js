/**
 * The shell's part of a rolling update or a node drain (SIGTERM): `/readyz` fails at once so the load
 * balancer stops sending, the server stops accepting connections, keep-alive connections close as soon
 * as they fall idle, and requests in flight (proxied API calls among them) get their answers. Past the
 * bound the rest are cut, so the process always ends inside Kubernetes' grace period.
 */

/** Default bound (ms): the services' SHUTDOWN_TIMEOUT_MS, inside a 30 s grace period after a 5 s preStop pause. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 20_000;

/** Shared between the app (its /readyz) and the drain. */
export function createLifecycle() {
  return { draining: false };
}

/**
 * @param {import('node:http').Server} server
 * @param {{ draining: boolean }} lifecycle
 * @param {number} timeoutMs
 * @returns {Promise<'drained' | 'timed-out'>}
 */
export async function drain(server, lifecycle, timeoutMs) {
  lifecycle.draining = true;
  const closed = new Promise((resolve) => server.close(() => resolve('drained')));
  // A connection whose last answer just went out is idle now: close it rather than wait for the browser.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  let bound;
  const timedOut = new Promise((resolve) => (bound = setTimeout(() => resolve('timed-out'), timeoutMs)));
  try {
    server.closeIdleConnections();
    const outcome = await Promise.race([closed, timedOut]);
    if (outcome === 'timed-out') server.closeAllConnections();
    return outcome;
  } finally {
    clearInterval(sweep);
    clearTimeout(bound);
  }
}
