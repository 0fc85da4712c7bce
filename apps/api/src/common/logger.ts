import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/** Paths redacted from every log line, wherever they appear in a logged object. */
const REDACT_PATHS = [
  'apiKey', '*.apiKey', 'password', '*.password', 'authorization', '*.authorization',
  'headers.authorization', 'headers["x-api-key"]', 'secret', '*.secret', 'token', '*.token', 'accessToken',
];

export function createLogger(level: string, file?: string): Logger {
  const options = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: undefined };
  return file ? pino(options, pino.destination({ dest: file, sync: true, mkdir: true })) : pino(options);
}

/** Routes Nest's own logging through pino so every line is structured JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  /** Nest's own info lines (module and route wiring) are start-up noise: debug level. */
  log(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
