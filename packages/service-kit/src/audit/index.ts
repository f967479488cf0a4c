export * from './access-log.js';
export * from './access-log-routes.js';
export * from './access-logger.js';
