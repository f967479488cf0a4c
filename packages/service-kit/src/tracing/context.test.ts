import { context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { api, node, tracing } from '@opentelemetry/sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEntries } from '../bus/outbox.js';
import { activeTraceFields, traceContextOf, withTraceContext } from './context.js';

// A tracer provider of this file's own (the SDK's in-memory exporter): what the kit stores and restores.
const exporter = new tracing.InMemorySpanExporter();
const provider = new node.NodeTracerProvider({ spanProcessors: [new tracing.SimpleSpanProcessor(exporter)] });

beforeAll(() => provider.register());
afterAll(async () => {
  await provider.shutdown();
  api.trace.disable();
  api.context.disable();
  api.propagation.disable();
});

describe('trace context kept with an outbox entry', () => {
  it('captures the active span with the event and restores it later, outside any request', async () => {
    const tracer = trace.getTracer('test');
    const { entry, request } = tracer.startActiveSpan('POST /api/v1/lists/:id', (span) => {
      const [written] = outboxEntries('clinics', { actor: { subject: 's', agency: 'clinics' }, correlationId: 'c-1' }, [
        { type: 'clinics.x.happened', version: 1, data: {} },
      ]);
      expect(activeTraceFields()).toEqual({ traceId: span.spanContext().traceId, spanId: span.spanContext().spanId });
      span.end();
      return { entry: written!, request: span.spanContext() };
    });
    expect(entry.trace?.['traceparent']).toBe(`00-${request.traceId}-${request.spanId}-01`);

    // Later, from the relay's own (root) context: published under the stored context, as a child of the request.
    const published = await context.with(ROOT_CONTEXT, () =>
      withTraceContext(entry.trace, async () => {
        const span = tracer.startSpan('publish hamgam.events');
        span.end();
        return span.spanContext();
      }),
    );
    expect(published.traceId).toBe(request.traceId);
    const exported = exporter.getFinishedSpans().find((s) => s.name === 'publish hamgam.events');
    expect(exported?.parentSpanContext?.spanId).toBe(request.spanId);

    // A delivery's headers (the broker may hand string values back as buffers) give the same context.
    const headers: Record<string, unknown> = {};
    propagation.inject(trace.setSpanContext(ROOT_CONTEXT, published), headers);
    const received = trace.getSpanContext(traceContextOf({ traceparent: Buffer.from(String(headers['traceparent'])) }));
    expect(received).toMatchObject({ traceId: request.traceId, spanId: published.spanId, isRemote: true });
  });
});
