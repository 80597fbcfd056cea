import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from './config.js';

export type { Logger };

/**
 * The server's structured log on stdout: one JSON object per line (what log collectors read), or, when stdout is a
 * terminal, one readable line each ("[12:04:31] INFO: Warm in 4.2 s …", its fields after it). Written synchronously,
 * so that lines keep their order with the plain line printed for a person (the start-up banner; never a token)
 * and none are lost when the process exits.
 */
export function createLogger(level: LogLevel, destination: DestinationStream | number = 1): Logger {
  const options = { level, base: { service: 'expertise-graph' }, timestamp: pino.stdTimeFunctions.isoTime };
  if (destination === 1 && process.stdout.isTTY)
    return pino(
      options,
      pretty({ sync: true, singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'service,pid,hostname' }),
    );
  const stream = typeof destination === 'number' ? pino.destination({ dest: destination, sync: true }) : destination;
  return pino(options, stream);
}

/**
 * Progress of a long step, for the log: `line(done)` at most once per `everyMs` (none for a step quicker than
 * that), so that a start is never silent for long and a quick one stays short.
 */
export function progressLines(
  line: (done: number) => string,
  log: (line: string) => void,
  everyMs = 5_000,
  now: () => number = () => performance.now(),
): (done: number) => void {
  let last = now();
  return (done) => {
    const at = now();
    if (at - last < everyMs) return;
    last = at;
    log(line(done));
  };
}

/** A logger that writes nothing (tests that do not read the log). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
