import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { WorkerServer } from './helpers/worker-server.js';
import { withFullJit } from './jvm-options.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The servers of the test workers, by VITEST_POOL_ID - 1 (see test/helpers/api.ts, `testServer`). */
    workerServers: WorkerServer[];
    authSecret: string;
  }
}

/**
 * Test isolation: every test worker has a server of its own (test/helpers/worker-server.ts, a child process: the
 * app with QUERY_STATS on, on an embedded Neo4j in a temporary folder that starts as a copy of the seeded
 * template), and before each test file test/fresh-graph.ts puts that worker's graph back to the seed. A test
 * file therefore reads only the seed and what it wrote itself: no other file writes to its database while it
 * runs, nor before it.
 * A worker runs one file at a time and its VITEST_POOL_ID (1…maxWorkers) is no other running worker's, so
 * the servers are started here, all at once, one per pool id.
 *
 * Always embedded, whatever NEO4J_URI says: the reset wipes the graph, which must never be someone's database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const authSecret = randomBytes(32).toString('base64url');
  const workers = project.globalConfig.maxWorkers;
  const serverEnv = {
    ...process.env,
    PORT: '0',
    QUERY_STATS: '1',
    SEED_ON_START: '1',
    AUTH_SECRET: authSecret,
    AUTH_JWKS_URL: '',
    AUTH_ANONYMOUS: 'viewer',
    // One line per request would bury the test output: warnings and internal errors only, unless asked.
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
  };
  // Seeded once, copied per worker (test/helpers/seeded-template.ts).
  const template = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-template-'));
  try {
    await seededTemplate(template, serverEnv);
  } catch (error) {
    await rm(template, { recursive: true, force: true });
    throw error;
  }
  const children: ChildProcess[] = [];
  const stopAll = () =>
    Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) {
              resolve();
              return;
            }
            child.once('exit', () => resolve());
            child.send('stop');
          }),
      ),
    );
  const servers = await Promise.all(
    Array.from({ length: workers }, async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-test-'));
      await cp(template, dataDir, { recursive: true });
      const child = fork(path.join(import.meta.dirname, 'helpers/worker-server.ts'), {
        execArgv: ['--import', 'tsx', '--expose-gc'],
        env: {
          ...serverEnv,
          NEO4J_DATA_DIR: dataDir,
          // A worker's Neo4j lives the whole run, planning query after query: it gets the optimising JIT (the
          // template's, seeding once, starts sooner with the first tier alone).
          JDK_JAVA_OPTIONS: withFullJit(process.env.JDK_JAVA_OPTIONS),
          // Tests share a loaded machine with their Neo4j: a generous deadline keeps them about behaviour, not
          // speed (test/deadline.test.ts checks the deadline itself on a server of its own).
          REQUEST_TIMEOUT_MS: process.env.REQUEST_TIMEOUT_MS || '120000',
          // Some tests send bursts as one test identity: heavy requests wait for a turn as long as the deadline
          // rather than being refused (test/heavy-requests.test.ts checks refusals).
          HEAVY_REQUESTS_WAITING: '1000',
          HEAVY_REQUEST_WAIT_MS: process.env.REQUEST_TIMEOUT_MS || '120000',
        },
      });
      children.push(child);
      return new Promise<WorkerServer>((resolve, reject) => {
        child.once('message', (message) => resolve(message as WorkerServer));
        child.once('exit', (code) => reject(new Error(`A test worker's server exited on start (code ${code})`)));
      });
    }),
  )
    .catch(async (error: unknown) => {
      await stopAll();
      throw error;
    })
    .finally(() => rm(template, { recursive: true, force: true }));
  project.provide('workerServers', servers);
  project.provide('authSecret', authSecret);
  return async () => {
    await stopAll();
  };
}

/** Runs test/helpers/seeded-template.ts on an empty folder: the seeded graph, its Neo4j stopped cleanly. */
function seededTemplate(dataDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const child = fork(path.join(import.meta.dirname, 'helpers/seeded-template.ts'), {
    execArgv: ['--import', 'tsx'],
    env: { ...env, NEO4J_DATA_DIR: dataDir },
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`Seeding the test template failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}
