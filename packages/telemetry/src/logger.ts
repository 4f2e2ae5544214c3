import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export function createLogger(service: string, level = 'info'): Logger {
  return pino({ name: service, level, base: { service } });
}
