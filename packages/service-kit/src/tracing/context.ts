import { context, isSpanContextValid, propagation, ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';

/**
 * The W3C trace context (traceparent, tracestate) of the active span, to keep beside work done later,
 * elsewhere (an outbox entry relayed after the request ended). Undefined when nothing is traced: with
 * tracing off the API's propagator is a no-op and this costs next to nothing.
 */
export function captureTraceContext(): Record<string, string> | undefined {
  if (!trace.getSpan(context.active())) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? carrier : undefined;
}

/** The context a captured (or received) trace context stands for; the root context when there is none. */
export function traceContextOf(carrier: Record<string, unknown> | undefined | null): Context {
  if (!carrier) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, carrier, {
    get: (c, key) => {
      const value = c[key];
      return typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : undefined;
    },
    keys: (c) => Object.keys(c),
  });
}

/** Runs `work` under a captured trace context (see captureTraceContext); directly when there is none. */
export function withTraceContext<T>(carrier: Record<string, unknown> | undefined | null, work: () => T): T {
  return carrier ? context.with(traceContextOf(carrier), work) : work();
}

/** traceId and spanId of the active span for a log line; nothing when nothing is traced. */
export function activeTraceFields(): { traceId?: string; spanId?: string } {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const spanContext = span.spanContext();
  return isSpanContextValid(spanContext) ? { traceId: spanContext.traceId, spanId: spanContext.spanId } : {};
}
