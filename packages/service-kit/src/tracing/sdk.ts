import { instrumentedMarker, tracingRequested } from './env.mjs';

export { tracingRequested };

/** The running OpenTelemetry SDK of this process (see startTracing). */
export interface Tracing {
  /** False when the process was started without the preload: then nothing is patched and few spans exist. */
  instrumented: boolean;
  /** Ends the SDK, exporting the spans still buffered; the kit calls it after the drain. */
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry tracing when the standard environment asks for it (tracingRequested), and does
 * nothing at all otherwise (the SDK is not even loaded). Everything else comes from the environment as
 * the SDK reads it: exporter and endpoint (OTEL_EXPORTER_OTLP_*), sampler (OTEL_TRACES_SAMPLER and _ARG),
 * resource attributes (OTEL_RESOURCE_ATTRIBUTES), propagators, batching. `serviceName` is the service's
 * name unless OTEL_SERVICE_NAME (or service.name in OTEL_RESOURCE_ATTRIBUTES) names it otherwise.
 *
 * Traces only: metrics stay on /metrics (Prometheus) and logs on stdout, unless OTEL_METRICS_EXPORTER or
 * OTEL_LOGS_EXPORTER asks the SDK for them explicitly.
 */
export async function startTracing(serviceName: string): Promise<Tracing | undefined> {
  if (!tracingRequested(process.env)) return undefined;
  const [{ NodeSDK }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/resources'),
  ]);
  const sdk = new NodeSDK({
    // The base resource: the environment's detected attributes are merged over it, so OTEL_SERVICE_NAME wins.
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    // The instrumentations were registered by the preload, before the service's modules were loaded.
    instrumentations: [],
    ...(process.env['OTEL_METRICS_EXPORTER'] ? {} : { metricReaders: [] }),
    ...(process.env['OTEL_LOGS_EXPORTER'] ? {} : { logRecordProcessors: [] }),
  });
  sdk.start();
  return { instrumented: (globalThis as Record<symbol, unknown>)[instrumentedMarker] === true, shutdown: () => sdk.shutdown() };
}
