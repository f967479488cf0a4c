import { randomUUID } from 'node:crypto';
import express, { type Express, type Request } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import swaggerUi from 'swagger-ui-express';
import type { TokenVerifier } from '../auth/verifier.js';
import { requestLogSerializers, routePatternOf } from '../logger.js';
import { trustOneProxyHop } from './client-address.js';
import type { HttpMetrics } from './metrics.js';
import { metricsAccess } from './metrics-token.js';
import type { SessionCheck } from '../auth/session.js';
import { mountRoutes } from './mount.js';
import { buildOpenApiDocument } from './openapi.js';
import { defaultLoadLimits, LoadGuard, type LoadLimits } from './overload.js';
import { HttpProblem, notFoundHandler, problemHandler } from './problem.js';
import type { RouteSpec } from './route.js';
import { serveUi } from './ui.js';
import { docsContentSecurityPolicy, noStore, securityHeaders } from './security-headers.js';

export type ReadinessCheck = () => Promise<Record<string, boolean>> | Record<string, boolean>;

export interface AppOptions {
  service: string;
  routes: readonly RouteSpec[];
  verify: TokenVerifier;
  /** Confirms the caller's session for `sensitive` routes (auth/session.ts). */
  checkSession?: SessionCheck;
  logger: Logger;
  metrics: HttpMetrics;
  readiness: ReadinessCheck;
  /** True once the service is shutting down: /readyz then answers 503 `draining` without asking anything. */
  draining?: () => boolean;
  /** Built federated UI module, served under /ui/. */
  uiDist?: string;
  /** Deadline and concurrency cap of /api requests (health, metrics, docs and /ui are not limited). */
  limits?: LoadLimits;
  /** Bearer token /metrics requires (METRICS_TOKEN); without one /metrics is open. */
  metricsToken?: string;
}

/** Stable code of /readyz's answer while the replica shuts down: load balancers take it out at once. */
export const drainingCode = 'draining';

const correlationHeader = 'x-correlation-id';
const correlationIdPattern = /^[\w.:-]{1,100}$/;

/** The Express app of a service, with no port: tests drive it with supertest. */
export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // The client address (per-client rate limits) is the one the shell saw, never one the client wrote.
  app.set('trust proxy', trustOneProxyHop);
  app.use(securityHeaders);
  app.use(
    pinoHttp({
      logger: options.logger,
      // The caller's correlation id flows through logs and events, so one journey can be traced.
      genReqId: (req, res) => {
        const given = req.headers[correlationHeader];
        const id = typeof given === 'string' && correlationIdPattern.test(given) ? given : randomUUID();
        res.setHeader('X-Correlation-Id', id);
        return id;
      },
      serializers: requestLogSerializers,
      customSuccessObject: (req, _res, line) => ({ ...line, route: routePatternOf(req as Request) }),
      customErrorObject: (req, _res, _error, line) => ({ ...line, route: routePatternOf(req as Request) }),
      autoLogging: { ignore: (req) => ['/healthz', '/readyz', '/metrics'].includes(req.url ?? '') },
    }),
  );
  app.use(options.metrics.middleware);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: options.service });
  });
  app.get('/readyz', async (_req, res, next) => {
    if (options.draining?.())
      return next(new HttpProblem(503, 'Service Unavailable', 'this replica is shutting down', { code: drainingCode }));
    const checks = await Promise.resolve()
      .then(options.readiness)
      .catch(() => ({ readiness: false }));
    const ready = Object.values(checks).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });
  app.get('/metrics', metricsAccess(options.metricsToken), async (_req, res) => {
    res.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });
  const openapi = buildOpenApiDocument(options.service, options.routes);
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  // The API's description is public: it is the contract in this repository's source, holds no data, and
  // the negative suites and clients read it. The shell does not proxy it; only the service's port serves it.
  app.use('/docs', docsContentSecurityPolicy, swaggerUi.serve, swaggerUi.setup(openapi));
  if (options.uiDist) app.use('/ui', serveUi(options.uiDist));

  const guard = new LoadGuard(options.limits ?? defaultLoadLimits, options.metrics.registry);
  app.use('/api', noStore);
  app.use(
    '/api/v1',
    guard.deadline,
    express.json({ limit: '256kb' }),
    mountRoutes(options.routes, { service: options.service, verify: options.verify, checkSession: options.checkSession, guard }),
  );
  app.use(notFoundHandler);
  app.use(problemHandler);
  return app;
}
