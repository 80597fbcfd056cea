/**
 * autocannon in a process of its own (forked by load.ts), so that generating the load does not take the
 * event loop of the servers it measures. Answers each LoadRequest it gets over IPC with a LoadResult.
 */
import autocannon from 'autocannon';
import type { LoadRequest, LoadResult } from './load.js';

import { percentile } from './http.js';

/** Answers load.ts, which forked this process and talks to it over IPC. */
function answer(message: LoadResult | { error: string }): void {
  if (!process.send) throw new Error('load-worker.ts answers over IPC: fork it, as load.ts does');
  process.send(message);
}

process.on('message', (request: LoadRequest) => {
  const latencies: number[] = [];
  const instance = autocannon(
    {
      url: request.url,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: request.body,
      connections: request.connections,
      duration: request.durationSeconds,
      timeout: 120,
      // A 200 with errors, or without the page, is not an answer.
      verifyBody: (body) =>
        typeof body === 'string' && body.includes(request.mustInclude) && !body.includes('"errors"'),
    },
    (error, result) => {
      if (error) {
        answer({ error: String(error) });
        return;
      }
      latencies.sort((a, b) => a - b);
      // Only good answers count towards the rate; requests still in flight at the end are not answers.
      const answered = latencies.length - result.mismatches;
      const outcome: LoadResult = {
        requests: answered,
        seconds: result.duration,
        reqPerSec: answered / result.duration,
        // null when nothing was answered within the run (JSON, which carries this over IPC, has no NaN).
        p50: percentile(latencies, 50) ?? null,
        p95: percentile(latencies, 95) ?? null,
        p99: percentile(latencies, 99) ?? null,
        failed: result.non2xx + result.errors + result.mismatches,
      };
      answer(outcome);
    },
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === 200) latencies.push(responseTime);
  });
});
