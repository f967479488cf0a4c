import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { cacheControlFor, compress } from './delivery.js';
import { createLifecycle } from './drain.js';
import { SERVICES } from '@hamgam/registry';
import { remotesJson, upstreamOrigins } from './remotes.js';
import { securityHeaders } from './security.js';

const DEFAULT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

function sendProblem(res, status, title, detail) {
  res.status(status).type('application/problem+json').json({ type: 'about:blank', title, status, detail });
}

/**
 * How long the shell waits for a service's answer to begin (ms). Above the services' own request
 * deadline (HTTP_REQUEST_DEADLINE_MS, 10 s), so a 504 here means the service itself is stuck.
 */
const DEFAULT_UPSTREAM_TIMEOUT_MS = 15_000;

/**
 * API requests the shell lets through at once to each origin of a service. A service admits 96 (32
 * running, 64 waiting) and refuses the rest; the shell refuses them first, for far less work than
 * proxying a refusal, so a burst does not starve the one ingress.
 */
const DEFAULT_MAX_INFLIGHT_PER_ORIGIN = 128;

/** Sheds /api requests beyond the cap per service (its origins × the cap per origin): 503 overloaded at once. */
function apiLoadCap(originsByService, perOrigin) {
  const inFlight = new Map();
  return (req, res, next) => {
    const service = req.path.split('/')[1] ?? '';
    const origins = originsByService.get(service);
    if (!origins) return next();
    const count = inFlight.get(service) ?? 0;
    if (count >= perOrigin * origins.length) {
      res.set('Retry-After', '2');
      return res
        .status(503)
        .type('application/problem+json')
        .json({
          type: 'about:blank',
          title: 'Service Unavailable',
          status: 503,
          detail: `too many requests in progress for ${service}; try again shortly`,
          code: 'overloaded',
        });
    }
    inFlight.set(service, count + 1);
    res.once('close', () => inFlight.set(service, (inFlight.get(service) ?? 1) - 1));
    next();
  };
}

/** How long a replica that refused a connection is passed over before it is tried again (ms). */
const DOWN_FOR_MS = 5_000;

/**
 * Round-robin over each service's origins (replicas), passing over for a few seconds one that could not
 * be reached (killed, restarting), so its share of requests goes to the others instead of failing.
 * When every origin is down the turn goes on regardless: one of them may be back.
 */
function originPicker(originsByService, now = Date.now) {
  const turn = new Map();
  const downUntil = new Map();
  const pick = (service) => {
    const origins = originsByService.get(service);
    if (!origins) return undefined;
    const start = turn.get(service) ?? 0;
    const offset = origins.findIndex((_, k) => (downUntil.get(origins[(start + k) % origins.length]) ?? 0) <= now());
    const chosen = (start + Math.max(0, offset)) % origins.length;
    turn.set(service, (chosen + 1) % origins.length);
    return origins[chosen];
  };
  pick.markDown = (origin) => downUntil.set(origin, now() + DOWN_FOR_MS);
  return pick;
}

/** Errors that say the replica is not there at all (as opposed to slow or failing mid-answer). */
const unreachable = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND', 'ECONNRESET']);

function writeProblem(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/problem+json', ...headers });
  res.end(JSON.stringify({ type: 'about:blank', status, ...body }));
}

/** Headers a client could write to pass for another address; the services must never see them from a client. */
const clientWrittenForwarding = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip'];

/**
 * The services trust exactly one hop, the shell: X-Forwarded-For is replaced (not appended to) with the
 * client address the shell saw, so a client cannot rotate made-up addresses past a per-client limit.
 */
function forwardClientAddress(proxyReq, req) {
  for (const name of clientWrittenForwarding) proxyReq.removeHeader(name);
  if (req.ip) proxyReq.setHeader('X-Forwarded-For', req.ip);
}

/**
 * How many proxies in front of the shell to believe about the client address: 0 where browsers reach
 * the shell directly (the native stack), 1 behind the cluster's ingress controller.
 */
function trustedProxyHops(env) {
  const hops = Number(env.TRUST_PROXY_HOPS ?? 0);
  if (!Number.isInteger(hops) || hops < 0 || hops > 3) throw new Error(`TRUST_PROXY_HOPS must be 0 to 3 (got "${env.TRUST_PROXY_HOPS}")`);
  return hops;
}

/**
 * One proxy for every service under `/<prefix>/<service>/*`, rewritten to `<upstreamPrefix>/*` on
 * that service. A single middleware per prefix rather than one per service: each one hooks the
 * HTTP server's close event, and a dozen of them trip Node's listener-leak warning.
 */
function serviceProxy(prefix, upstreamPrefix, originsByService, upstreamTimeoutMs) {
  const serviceOf = (pathname) => pathname.split('/')[2] ?? '';
  // Express keeps the original URL; by the time of an error req.url has been rewritten.
  const serviceOfRequest = (req) => serviceOf(req.originalUrl ?? req.url);
  const pick = originPicker(originsByService);
  const timedOut = new WeakSet();
  const routedTo = new WeakMap();
  return createProxyMiddleware({
    pathFilter: (pathname) => pathname.startsWith(`/${prefix}/`) && originsByService.has(serviceOf(pathname)),
    router: (req) => {
      const origin = pick(serviceOfRequest(req));
      routedTo.set(req, origin);
      return origin;
    },
    pathRewrite: (pathname) => pathname.replace(new RegExp(`^/${prefix}/[^/]+`), upstreamPrefix),
    changeOrigin: true,
    on: {
      proxyReq(proxyReq, req, res) {
        forwardClientAddress(proxyReq, req);
        // The shell's own bound on waiting for a service: past it, 504 and the upstream request is dropped.
        const timer = setTimeout(() => {
          timedOut.add(req);
          proxyReq.destroy(Object.assign(new Error(`no answer within ${upstreamTimeoutMs} ms`), { code: 'ETIMEDOUT' }));
        }, upstreamTimeoutMs);
        timer.unref();
        proxyReq.once('response', () => clearTimeout(timer));
        proxyReq.once('close', () => clearTimeout(timer));
        // The browser went away before the answer: stop the service's work on it too.
        res.once('close', () => {
          clearTimeout(timer);
          if (!res.writableFinished) proxyReq.destroy();
        });
      },
      // A service that is down or stuck answers like any other API error, so the UI can show it.
      error(error, req, res) {
        const service = serviceOfRequest(req);
        // On a raw socket (upgrade requests), after headers went out or with the client gone there is nothing useful to send.
        if (!('writeHead' in res) || res.headersSent || res.destroyed) return res.end();
        if (timedOut.has(req)) {
          console.warn(`[shell] ${service} did not answer within ${upstreamTimeoutMs} ms`);
          const seconds = Math.ceil(upstreamTimeoutMs / 1000);
          return writeProblem(
            res,
            504,
            { title: 'Gateway Timeout', detail: `${service} did not answer within ${seconds} s`, code: 'upstream-timeout' },
            { 'Retry-After': '5' },
          );
        }
        if (unreachable.has(error.code) && routedTo.has(req)) pick.markDown(routedTo.get(req));
        console.warn(`[shell] ${service} unreachable: ${error.message}`);
        writeProblem(res, 502, { title: 'Bad Gateway', detail: `${service} is not reachable`, code: 'upstream-unreachable' });
      },
    },
  });
}

/**
 * The shell's server: its build, its run-time config, and one origin for the browser in front of
 * every service's API (/api/<service>/* -> /api/*) and UI bundle (/remotes/<service>/* -> /ui/*).
 * @param {{ distDir?: string, env?: Record<string, string | undefined>, modules?: typeof SERVICES, lifecycle?: { draining: boolean } }} [options]
 */
export function createShellServer({ distDir = DEFAULT_DIST, env = process.env, modules = SERVICES, lifecycle = createLifecycle() } = {}) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustedProxyHops(env));
  const keycloakUrl = env.KEYCLOAK_URL || 'http://localhost:8080';
  app.use(securityHeaders(keycloakUrl));
  app.use(compress());

  app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
  // Ready unless shutting down (drain.js): the shell keeps no state a replica must wait for.
  app.get('/readyz', (_req, res) =>
    lifecycle.draining
      ? writeProblem(res, 503, { title: 'Service Unavailable', detail: 'the shell is shutting down', code: 'draining' })
      : res.json({ status: 'ready' }),
  );

  app.get('/config/shell.json', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({
      keycloakUrl,
      realm: env.KEYCLOAK_REALM || 'hamgam',
      clientId: env.KEYCLOAK_CLIENT_ID || 'hamgam-shell',
    });
  });

  // Revalidated on every load (a 304 by its ETag when unchanged): an agency deploying or moving its
  // module must not wait for browser caches.
  app.get('/config/remotes.json', (_req, res) => res.set('Cache-Control', 'no-cache').json(remotesJson(modules)));

  const origins = new Map(modules.map((row) => [row.service, upstreamOrigins(row, env)]));
  const upstreamTimeoutMs = Number(env.SHELL_UPSTREAM_TIMEOUT_MS) || DEFAULT_UPSTREAM_TIMEOUT_MS;
  app.use('/api', apiLoadCap(origins, Number(env.SHELL_MAX_INFLIGHT_PER_ORIGIN) || DEFAULT_MAX_INFLIGHT_PER_ORIGIN));
  app.use(serviceProxy('api', '/api', origins, upstreamTimeoutMs));
  app.use(serviceProxy('remotes', '/ui', origins, upstreamTimeoutMs));

  app.use(['/api', '/remotes', '/config'], (req, res) => sendProblem(res, 404, 'Not Found', `No route for ${req.originalUrl}`));

  app.use(
    express.static(distDir, {
      index: false,
      cacheControl: false,
      setHeaders: (res, file) => res.set('Cache-Control', cacheControlFor(file)),
    }),
  );

  // Client-side routes (/clinics/neighbourhoods/...) get the app; missing files keep their 404.
  app.get('/{*path}', (req, res, next) => {
    if (path.extname(req.path)) return next();
    res.set('Cache-Control', 'no-cache').sendFile(path.join(distDir, 'index.html'), (error) => error && next(error));
  });

  app.use((req, res) => sendProblem(res, 404, 'Not Found', `No route for ${req.path}`));
  // Malformed URLs (`/%ff`) and anything unexpected: a problem with the status alone, never a stack or a path.
  app.use((error, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) console.error('[shell] request failed:', error);
    sendProblem(res, status, STATUS_CODES[status]);
  });

  return app;
}
