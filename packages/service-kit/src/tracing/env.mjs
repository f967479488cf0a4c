// Plain JavaScript: the `--import` preload (preload.mjs) runs before any bundle and without a TypeScript loader.

/**
 * Whether the standard OpenTelemetry environment asks for traces: an OTLP endpoint
 * (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) or an exporter named in
 * OTEL_TRACES_EXPORTER other than `none`; OTEL_SDK_DISABLED=true forbids it. Only the on/off decision is
 * made here; every value is read by the OpenTelemetry SDK itself.
 *
 * @param {Record<string, string | undefined>} env
 * @returns {boolean}
 */
export function tracingRequested(env = process.env) {
  const value = (name) => (env[name] ?? '').trim();
  if (value('OTEL_SDK_DISABLED').toLowerCase() === 'true') return false;
  const exporters = value('OTEL_TRACES_EXPORTER')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '' && name !== 'null');
  // The SDK initialises no traces when `none` comes first (tracing off however the endpoint is set).
  if (exporters[0] === 'none') return false;
  if (exporters.length > 0) return true;
  return value('OTEL_EXPORTER_OTLP_ENDPOINT') !== '' || value('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') !== '';
}

/** Set by the preload once the instrumentations are registered (the kit's startTracing reads it). */
export const instrumentedMarker = Symbol.for('hamgam.tracing.instrumented');
