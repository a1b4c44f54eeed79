/**
 * Structured logging with pino: readable lines in a terminal, JSON in production.
 * Always writes to stderr so stdout stays clean for CLI results and the MCP stdio transport.
 */
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config';

export type { Logger };

export function createLogger(options: Pick<Config['log'], 'level' | 'format'> = { level: 'info', format: 'pretty' }): Logger {
  if (options.format === 'json') return pino({ level: options.level }, pino.destination(2));
  // pino-pretty as a synchronous stream (not a transport thread): works under tsx, Next and tests alike.
  const stream = pretty({ destination: 2, colorize: process.stderr.isTTY, ignore: 'pid,hostname', translateTime: 'HH:MM:ss.l' });
  return pino({ level: options.level }, stream);
}

/** A logger that drops everything, for tests and engines that are handed one. */
export const silentLogger: Logger = pino({ level: 'silent' });
