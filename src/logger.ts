import pino, { Logger } from 'pino';
import type { LogLevel } from './config';

/** Structured JSON logs on stdout. */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { service: 'policy-kb' } });
}
export type { Logger };
