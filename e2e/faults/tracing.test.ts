import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keycloakUrl } from '../support/stack.js';
import { rabbitmqctl, repoRoot, waitFor } from './harness.js';

/**
 * One request followed across services: the writer (e2e/faults/tracing-main.ts) answers an HTTP request by
 * storing an event in its outbox; its relay publishes it later; the reader consumes it. Both run as built
 * bundles exactly as the service APIs start (`node --import @hamgam/service-kit/tracing …`), on the real
 * broker and store, with tracing configured only by the standard OpenTelemetry environment and exported
 * (OTLP over HTTP, JSON) to a receiver this test runs on loopback.
 */
const vhost = 'hamgam-faults-tracing';
const amqpUrl = `amqp://guest:guest@127.0.0.1:5672/${vhost}`;
const storeUrl = (service: string) => `mongodb://127.0.0.1:27017/hamgam_${service.replaceAll('-', '_')}`;
const services = ['faults-tracing-writer', 'faults-tracing-reader'];
const bundleDir = join(repoRoot, 'e2e/node_modules/.cache/tracing-main');
const bundle = join(bundleDir, 'tracing-main.js');

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: OtlpValue }[];
}
interface ExportedSpan extends OtlpSpan {
  service: string;
  scope: string;
}
interface OtlpRequest {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: OtlpValue }[] };
    scopeSpans?: { scope?: { name?: string }; spans?: OtlpSpan[] }[];
  }[];
}
interface LogLine {
  msg?: string;
  traceId?: string;
  spanId?: string;
  correlationId?: string;
  reqId?: string;
  eventId?: string;
}

const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;

const spans: ExportedSpan[] = [];
let receiver: Server;
let receiverUrl: string;
let store: Connection;
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** An OTLP/HTTP trace receiver (JSON encoding): every span exported, with its service and instrumentation scope. */
async function startReceiver(): Promise<void> {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const payload = JSON.parse(body) as OtlpRequest;
        for (const resourceSpans of payload.resourceSpans ?? []) {
          const service = resourceSpans.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
          for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
            for (const span of scopeSpans.spans ?? []) spans.push({ ...span, service, scope: scopeSpans.scope?.name ?? '' });
          }
        }
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
}

/** Starts one role as a service API starts: `node --import @hamgam/service-kit/tracing <bundle>`, from the repo root. */
async function startRole(role: 'writer' | 'reader', env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', '@hamgam/service-kit/tracing', bundle, role], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      MONGO_URL: storeUrl(`faults-tracing-${role}`),
      AMQP_URL: amqpUrl,
      OIDC_ISSUER: `${keycloakUrl}/realms/hamgam`,
      LOG_LEVEL: 'info',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiverUrl,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const logs: LogLine[] = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        // Not one of pino's lines.
      }
    }
  });
  const logged = (match: (line: LogLine) => boolean, what: string) =>
    waitFor(
      async () => {
        if (logs.some(match)) return true;
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${role} exited before: ${what}`);
        return false;
      },
      30_000,
      `${role}: ${what}`,
    );
  await logged((l) => l.msg === 'broker connected', 'connected to the broker');
  await logged((l) => l.msg === 'service listening', 'listening');
  return { child, port, logs, logged };
}

beforeAll(async () => {
  if (rabbitmqctl('list_vhosts').split('\n').includes(vhost)) rabbitmqctl('delete_vhost', vhost);
  rabbitmqctl('add_vhost', vhost);
  rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');
  store = await mongoose.createConnection('mongodb://127.0.0.1:27017/admin').asPromise();
  for (const service of services) await store.useDb(`hamgam_${service.replaceAll('-', '_')}`).dropDatabase();
  // Bundled like every service API (the kit's tsup settings: workspace code in, npm packages external).
  const { build } = await import('tsup');
  const { serviceBundle } = (await import('@hamgam/service-kit/tsup' as string)) as { serviceBundle: Record<string, unknown> };
  await build({
    ...serviceBundle,
    entry: { 'tracing-main': join(repoRoot, 'e2e/faults/tracing-main.ts') },
    outDir: bundleDir,
    config: false,
    silent: true,
    dts: false,
  });
  await startReceiver();
}, 120_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  receiver?.close();
  rabbitmqctl('delete_vhost', vhost);
  for (const service of services) await store?.useDb(`hamgam_${service.replaceAll('-', '_')}`).dropDatabase();
  await store?.close();
});

describe('tracing across HTTP and the broker', () => {
  it("puts the consumer's span of an event in the trace of the HTTP request that wrote it, with trace ids in both services' logs", async () => {
    // The reader first: its queue must exist before the writer's event is routed.
    const reader = await startRole('reader', { OTEL_SERVICE_NAME: 'tracing-reader-from-env' });
    const writer = await startRole('writer', {});

    const res = await fetch(`http://127.0.0.1:${writer.port}/api/v1/lists/nbh-traced`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Correlation-Id': 'trace-journey-1' },
      body: '{}',
    });
    expect(res.status).toBe(201);
    const { eventId } = (await res.json()) as { eventId: string };
    await reader.logged((l) => l.msg === 'event handled' && l.eventId === eventId, 'event handled');

    // The request's server span, in the writer's trace (service name: the definition's, nothing set).
    const server = () => spans.find((s) => s.service === 'faults-tracing-writer' && s.kind === SERVER && s.name.startsWith('POST'));
    await waitFor(async () => server() !== undefined, 15_000, "the writer's HTTP server span");
    const request = server()!;
    const handle = () => spans.find((s) => s.service === 'tracing-reader-from-env' && s.name === 'handle clinics.priority.published');
    await waitFor(
      async () => handle() !== undefined && spans.some((s) => s.service === 'tracing-reader-from-env' && s.scope.includes('mongodb')),
      15_000,
      "the reader's spans",
    );
    const consumed = handle()!;

    // The same trace, and a descendant of the request's span, through the publish and the consume span.
    expect(consumed.traceId).toBe(request.traceId);
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const ancestry: ExportedSpan[] = [];
    for (let span: ExportedSpan | undefined = consumed; span; span = span.parentSpanId ? byId.get(span.parentSpanId) : undefined)
      ancestry.push(span);
    expect(ancestry.map((s) => s.spanId)).toContain(request.spanId);
    expect(ancestry.some((s) => s.service === 'faults-tracing-writer' && s.kind === PRODUCER && s.scope.includes('amqplib'))).toBe(true);
    expect(ancestry.some((s) => s.service === 'tracing-reader-from-env' && s.kind === CONSUMER && s.scope.includes('amqplib'))).toBe(true);

    // Express routes (the route's template names the server span) and the store's queries are traced too.
    const inTrace = spans.filter((s) => s.traceId === request.traceId);
    expect(request.name).toBe('POST /api/v1/lists/:id');
    expect(inTrace.some((s) => s.service === 'faults-tracing-writer' && s.scope.includes('express') && s.name === 'request handler')).toBe(
      true,
    );
    expect(inTrace.some((s) => s.service === 'faults-tracing-writer' && s.scope.includes('mongodb') && s.name === 'insert lists')).toBe(
      true,
    );
    expect(
      inTrace.some((s) => s.service === 'tracing-reader-from-env' && s.scope.includes('mongodb') && s.name === 'insert received'),
    ).toBe(true);
    // The relay's own work (removing the sent entry) is not the request's, though the request kicked it.
    expect(inTrace.some((s) => s.name === 'update lists')).toBe(false);

    // Logs name the trace; the correlation id travels as before.
    const written = writer.logs.find((l) => l.msg === 'list written');
    expect(written).toMatchObject({ traceId: request.traceId });
    const handled = reader.logs.find((l) => l.msg === 'event handled' && l.eventId === eventId);
    expect(handled).toMatchObject({ traceId: request.traceId, correlationId: 'trace-journey-1' });
    expect(handled?.spanId).toMatch(/^[0-9a-f]{16}$/);

    // An event the relay's periodic sweep publishes (seconds later, from no request) still continues the
    // trace of the request that wrote it: the trace context was stored with the outbox entry.
    const later = await fetch(`http://127.0.0.1:${writer.port}/api/v1/lists/nbh-swept/later`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(later.status).toBe(201);
    const swept = (await later.json()) as { eventId: string };
    await reader.logged((l) => l.msg === 'event handled' && l.eventId === swept.eventId, 'swept event handled');
    const laterServer = () =>
      spans.find((s) => s.service === 'faults-tracing-writer' && s.kind === SERVER && s.name === 'POST /api/v1/lists/:id/later');
    await waitFor(async () => laterServer() !== undefined, 15_000, "the second request's server span");
    const sweptTrace = laterServer()!.traceId;
    await waitFor(
      async () => spans.some((s) => s.traceId === sweptTrace && s.name === 'handle clinics.priority.published'),
      15_000,
      "the swept event's consumer span in the request's trace",
    );
  }, 120_000);
});
