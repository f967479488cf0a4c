import { ConfigError, loadConfig, type BaseConfig } from './config.js';
import { configSchemaOf, createService, type ServiceDefinition } from './service.js';
import { startTracing } from './tracing/sdk.js';

/**
 * What every service's main.ts does: validate config, start tracing when the OpenTelemetry environment
 * asks for it (startTracing), start, and on SIGTERM or SIGINT drain within SHUTDOWN_TIMEOUT_MS
 * (RunningService.stop), exiting 0 when drained and 1 when the bound cut it short.
 */
export async function runService<M, C extends BaseConfig>(definition: ServiceDefinition<M, C>): Promise<void> {
  let config: C;
  try {
    config = loadConfig(definition.name, process.env, configSchemaOf(definition)) as C;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const tracing = await startTracing(definition.name);
  const service = createService(definition, config);
  if (tracing && !tracing.instrumented) {
    service.logger.warn(
      'tracing is configured but the process was started without `--import @hamgam/service-kit/tracing`: http, express, mongodb and amqplib are not instrumented',
    );
  }
  await service.start();
  let shuttingDown = false;
  const shutdown = (signal: NodeJS.Signals) => {
    // A second signal (an impatient operator, SIGINT after SIGTERM) must not cut the drain short.
    if (shuttingDown) return service.logger.warn({ signal }, 'shutdown: already draining; signal ignored');
    shuttingDown = true;
    service.logger.info({ signal }, 'shutdown: signal received');
    void service.stop().then(
      // The spans still buffered are exported (within the SDK's own export timeout) before the exit.
      async (outcome) => {
        await tracing
          ?.shutdown()
          .catch((error: unknown) => service.logger.warn({ err: error }, 'tracing: could not export the last spans'));
        process.exit(outcome === 'drained' ? 0 : 1);
      },
      (error: unknown) => {
        service.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
