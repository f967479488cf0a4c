import pino, { type Logger } from 'pino';
import { activeTraceFields } from './tracing/context.js';

export function createLogger(service: string, level: string): Logger {
  return pino({
    level,
    base: { service },
    // With tracing on, every line written inside a traced request or delivery names its trace and span
    // (beside the correlation id, which stays); with tracing off there is no span and nothing is added.
    mixin: activeTraceFields,
    // Residents are vulnerable people: never let a token or personal field reach the logs.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.nationalId', '*.phone', '*.name'], censor: '[redacted]' },
  });
}
