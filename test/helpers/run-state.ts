/**
 * What the test run's global setup (test/global-setup.ts) has made ready, passed through files in a folder of the
 * run's own: the setup returns at once and boots in the background (the seeded template, then one server per
 * worker), so that the test files that need neither (a Neo4j of their own, or none) run meanwhile, and those that
 * need them wait here. A file holds either the value or the error that kept it from being made.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import type { WorkerServer } from './worker-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the setup writes what it made ready to (see `RunState`). */
    runState: string;
    authSecret: string;
  }
}

/** What the setup makes ready, by the name of its file. */
export interface RunState {
  /** A data folder holding the seeded graph (its Neo4j stopped): a test that starts a Neo4j of its own copies it. */
  template: string;
  /** The servers of the test workers, by VITEST_POOL_ID - 1 (see test/helpers/api.ts, `testServer`). */
  servers: WorkerServer[];
}

type Outcome<T> = { value: T } | { error: string };

/** Booting on a busy machine: two Neo4j starts, a seed and two warm-ups take minutes, not this long. */
const READY_WITHIN_MS = 20 * 60_000;

/** Records what was made ready (or why not); written whole, so that a reader never sees half a file. */
export async function settle<K extends keyof RunState>(
  folder: string,
  name: K,
  outcome: Outcome<RunState[K]>,
): Promise<void> {
  const file = path.join(folder, `${name}.json`);
  await writeFile(`${file}.part`, JSON.stringify(outcome));
  await rename(`${file}.part`, file);
}

/** Waits until the setup has made `name` ready; throws the setup's error if it could not. */
export async function ready<K extends keyof RunState>(name: K): Promise<RunState[K]> {
  const file = path.join(inject('runState'), `${name}.json`);
  const until = Date.now() + READY_WITHIN_MS;
  while (!existsSync(file)) {
    if (Date.now() > until)
      throw new Error(`The test run's ${name} was not ready within ${READY_WITHIN_MS / 60_000} min`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const outcome = JSON.parse(await readFile(file, 'utf8')) as Outcome<RunState[K]>;
  if ('error' in outcome) throw new Error(`The test run's ${name} could not be made ready: ${outcome.error}`);
  return outcome.value;
}
