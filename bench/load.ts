/**
 * Concurrent load with autocannon, in a child process of its own (load-worker.ts) so that generating the
 * load does not take the event loop of the servers it measures; one child serves every run of a bench.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LoadRequest {
  url: string;
  body: string;
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
  /** A string every good answer contains (e.g. the name of the field holding the page). */
  mustInclude: string;
}

export interface LoadResult {
  /** Good answers: 200 with the page and without errors. */
  requests: number;
  seconds: number;
  reqPerSec: number;
  /** Latency percentiles in ms, as autocannon's clients saw them; null when no request was answered in time. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Non-2xx, connection errors and timeouts, and answers with errors or without a page. */
  failed: number;
}

export interface LoadGenerator {
  run(request: LoadRequest): Promise<LoadResult>;
  close(): void;
}

const WORKER = fileURLToPath(new URL('./load-worker.ts', import.meta.url));

export function startLoadGenerator(): LoadGenerator {
  // tsx runs the worker's TypeScript as it runs ours.
  const child: ChildProcess = fork(WORKER, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let pending: { resolve: (result: LoadResult) => void; reject: (error: Error) => void } | null = null;
  child.on('message', (message: LoadResult | { error: string }) => {
    const waiting = pending;
    pending = null;
    if ('error' in message) waiting?.reject(new Error(`autocannon: ${message.error}`));
    else waiting?.resolve(message);
  });
  child.once('exit', (code) => pending?.reject(new Error(`the load generator exited (${code}) without a result`)));
  return {
    run(request) {
      if (pending) return Promise.reject(new Error('one load at a time'));
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        child.send(request);
      });
    },
    close() {
      child.kill();
    },
  };
}
