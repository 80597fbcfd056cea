import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/**
 * The server's structured log: one JSON object per line on stdout (what log collectors read). Written
 * synchronously, so that lines keep their order with the plain line printed for a person (the start-up
 * banner; never a token) and none are lost when the process exits.
 */
export function createLogger(level: LogLevel, destination: DestinationStream | number = 1): Logger {
  const stream = typeof destination === 'number' ? pino.destination({ dest: destination, sync: true }) : destination;
  return pino({ level, base: { service: 'expertise-graph' }, timestamp: pino.stdTimeFunctions.isoTime }, stream);
}

/** A logger that writes nothing (tests that do not read the log). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
