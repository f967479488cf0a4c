import { trace } from '@opentelemetry/api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { outboxEntries } from '../bus/outbox.js';
import { activeTraceFields, captureTraceContext } from './context.js';
import { instrumentedMarker } from './env.mjs';
import { startTracing, tracingRequested } from './sdk.js';

const otelEnv = [
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_TRACES_EXPORTER',
  'OTEL_SDK_DISABLED',
  'OTEL_SERVICE_NAME',
];

describe('tracing without the OpenTelemetry environment', () => {
  beforeEach(() => {
    for (const name of otelEnv) vi.stubEnv(name, undefined);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('is requested only by an OTLP endpoint or a traces exporter, and OTEL_SDK_DISABLED or `none` forbids it', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ' })).toBe(false);
    expect(tracingRequested({ OTEL_SERVICE_NAME: 'clinics', OTEL_TRACES_SAMPLER: 'always_on' })).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(false);
    expect(tracingRequested({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(false);
  });

  it('starts nothing: no SDK, no instrumentation, no span, nothing stored with events or added to logs', async () => {
    // The preload a service API starts with: without the environment it registers no hook and patches nothing.
    await import('./preload.mjs');
    expect((globalThis as Record<symbol, unknown>)[instrumentedMarker]).toBeUndefined();
    expect(await startTracing('clinics')).toBeUndefined();
    const span = trace.getTracer('test').startSpan('anything');
    expect(span.isRecording()).toBe(false);
    span.end();
    expect(captureTraceContext()).toBeUndefined();
    expect(activeTraceFields()).toEqual({});
    const [entry] = outboxEntries('clinics', { actor: { subject: 's', agency: 'clinics' }, correlationId: 'c-1' }, [
      { type: 'clinics.x.happened', version: 1, data: {} },
    ]);
    expect(entry).not.toHaveProperty('trace');
    expect(entry?.envelope.correlationId).toBe('c-1');
  });
});
