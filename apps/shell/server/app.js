import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { MODULES, remotesJson, upstreamOrigin } from './remotes.js';

const DEFAULT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

function sendProblem(res, status, title, detail) {
  res.status(status).type('application/problem+json').json({ type: 'about:blank', title, status, detail });
}

/**
 * One proxy for every service under `/<prefix>/<service>/*`, rewritten to `<upstreamPrefix>/*` on
 * that service. A single middleware per prefix rather than one per service: each one hooks the
 * HTTP server's close event, and a dozen of them trip Node's listener-leak warning.
 */
function serviceProxy(prefix, upstreamPrefix, origins) {
  const serviceOf = (pathname) => pathname.split('/')[2] ?? '';
  // Express keeps the original URL; by the time of an error req.url has been rewritten.
  const serviceOfRequest = (req) => serviceOf(req.originalUrl ?? req.url);
  return createProxyMiddleware({
    pathFilter: (pathname) => pathname.startsWith(`/${prefix}/`) && origins.has(serviceOf(pathname)),
    router: (req) => origins.get(serviceOfRequest(req)),
    pathRewrite: (pathname) => pathname.replace(new RegExp(`^/${prefix}/[^/]+`), upstreamPrefix),
    changeOrigin: true,
    xfwd: true,
    on: {
      // A service that is down answers like any other API error, so the UI can show it.
      error(error, req, res) {
        const service = serviceOfRequest(req);
        console.warn(`[shell] ${service} unreachable: ${error.message}`);
        // On a raw socket (upgrade requests) or after headers went out there is nothing useful to send.
        if (!('writeHead' in res) || res.headersSent) return res.end();
        res.writeHead(502, { 'Content-Type': 'application/problem+json' });
        res.end(JSON.stringify({ type: 'about:blank', title: 'Bad Gateway', status: 502, detail: `${service} is not reachable` }));
      },
    },
  });
}

/**
 * The shell's server: its build, its run-time config, and one origin for the browser in front of
 * every service's API (/api/<service>/* -> /api/*) and UI bundle (/remotes/<service>/* -> /ui/*).
 * @param {{ distDir?: string, env?: Record<string, string | undefined>, modules?: typeof MODULES }} [options]
 */
export function createShellServer({ distDir = DEFAULT_DIST, env = process.env, modules = MODULES } = {}) {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));

  app.get('/config/shell.json', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({
      keycloakUrl: env.KEYCLOAK_URL || 'http://localhost:8080',
      realm: env.KEYCLOAK_REALM || 'hamgam',
      clientId: env.KEYCLOAK_CLIENT_ID || 'hamgam-shell',
    });
  });

  // no-store: an agency deploying or moving its module must not wait for browser caches.
  app.get('/config/remotes.json', (_req, res) => res.set('Cache-Control', 'no-store').json(remotesJson(modules)));

  const origins = new Map(modules.map((row) => [row.service, upstreamOrigin(row, env)]));
  app.use(serviceProxy('api', '/api', origins));
  app.use(serviceProxy('remotes', '/ui', origins));

  app.use(['/api', '/remotes', '/config'], (req, res) => sendProblem(res, 404, 'Not Found', `No route for ${req.originalUrl}`));

  app.use(express.static(distDir, { index: false }));

  // Client-side routes (/clinics/neighbourhoods/...) get the app; missing files keep their 404.
  app.get('/{*path}', (req, res, next) => {
    if (path.extname(req.path)) return next();
    res.set('Cache-Control', 'no-cache').sendFile(path.join(distDir, 'index.html'), (error) => error && next(error));
  });

  return app;
}
