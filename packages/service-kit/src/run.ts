import { ConfigError, loadConfig, type BaseConfig } from './config.js';
import { configSchemaOf, createService, type ServiceDefinition } from './service.js';

/** What every service's main.ts does: validate config, start, and stop cleanly on SIGTERM. */
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
  const shutdown = async (signal: string) => {
    service.logger.info({ signal }, 'shutting down');
    await service.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
