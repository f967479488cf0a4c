import { ConfigError, loadConfig, type BaseConfig } from './config.js';
import { configSchemaOf, createService, type ServiceDefinition } from './service.js';

/**
 * What every service's main.ts does: validate config, start, and on SIGTERM or SIGINT drain within
 * SHUTDOWN_TIMEOUT_MS (RunningService.stop), exiting 0 when drained and 1 when the bound cut it short.
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
  const service = createService(definition, config);
  await service.start();
  let shuttingDown = false;
  const shutdown = (signal: NodeJS.Signals) => {
    // A second signal (an impatient operator, SIGINT after SIGTERM) must not cut the drain short.
    if (shuttingDown) return service.logger.warn({ signal }, 'shutdown: already draining; signal ignored');
    shuttingDown = true;
    service.logger.info({ signal }, 'shutdown: signal received');
    void service.stop().then(
      (outcome) => process.exit(outcome === 'drained' ? 0 : 1),
      (error: unknown) => {
        service.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
