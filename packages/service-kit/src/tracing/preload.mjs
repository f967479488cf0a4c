// The kit's tracing preload: every service API starts as `node --import @hamgam/service-kit/tracing dist/main.js`.
//
// It must run before the service's modules are loaded: the instrumentations patch http, express, the
// MongoDB driver (under mongoose) and amqplib as they are first required or imported. The bundle keeps
// those npm packages external (tsup.service.js), so they are loaded from node_modules and can be patched.
// The service is ESM, so besides require-in-the-middle (CommonJS requires) import-in-the-middle's loader
// hook is registered, limited to the modules the instrumentations ask for.
//
// Without the OpenTelemetry environment (see env.mjs) it does nothing else: no hook, no SDK, no patching.
// The SDK itself is started by the kit's runService (startTracing), which knows the service's name.
import { tracingRequested, instrumentedMarker } from './env.mjs';

if (tracingRequested(process.env)) {
  const { register } = await import('node:module');
  const { createAddHookMessageChannel } = await import('import-in-the-middle');
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);

  const [
    { registerInstrumentations },
    { HttpInstrumentation },
    { ExpressInstrumentation },
    { MongoDBInstrumentation },
    { AmqplibInstrumentation },
  ] = await Promise.all([
    import('@opentelemetry/instrumentation'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-express'),
    import('@opentelemetry/instrumentation-mongodb'),
    import('@opentelemetry/instrumentation-amqplib'),
  ]);
  // Probes and scrapes every few seconds would bury the requests people make.
  const unTraced = new Set(['/healthz', '/readyz', '/metrics']);
  registerInstrumentations({
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => unTraced.has((req.url ?? '').split('?')[0]) }),
      new ExpressInstrumentation(),
      // Statements are reported without their values (the default): residents' data stays out of traces.
      new MongoDBInstrumentation(),
      new AmqplibInstrumentation(),
    ],
  });
  globalThis[instrumentedMarker] = true;
  await waitForAllMessagesAcknowledged();
}
