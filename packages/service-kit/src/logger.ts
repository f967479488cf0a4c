import pino, { type Logger } from 'pino';

export function createLogger(service: string, level: string): Logger {
  return pino({
    level,
    base: { service },
    // Residents are vulnerable people: never let a token or personal field reach the logs.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.nationalId', '*.phone', '*.name'], censor: '[redacted]' },
  });
}
