import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { settle } from './helpers/run-state.js';
import type { WorkerServer } from './helpers/worker-server.js';
import { withFullJit } from './jvm-options.js';

/**
 * Test isolation: every test worker has a server of its own (test/helpers/worker-server.ts, a child process: the
 * app with QUERY_STATS on, on an embedded Neo4j in a temporary folder that starts as a copy of the seeded
 * template), and before each test file test/fresh-graph.ts puts that worker's graph back to the seed. A test
 * file therefore reads only the seed and what it wrote itself: no other file writes to its database while it
 * runs, nor before it. A worker runs one file at a time and its VITEST_POOL_ID (1…maxWorkers) is no other running
 * worker's, so the servers are started here, all at once, one per pool id.
 *
 * The setup returns at once and boots in the background, saying what it made ready through test/helpers/run-state.ts:
 * the files that start a Neo4j of their own (test/slow-first.ts) run meanwhile on the core the seeding leaves idle.
 *
 * Always embedded, whatever NEO4J_URI says: the reset wipes the graph, which must never be someone's database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const authSecret = randomBytes(32).toString('base64url');
  const runState = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-run-'));
  const template = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-template-'));
  const children: ChildProcess[] = [];
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
  const failure = (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) });
  const booting = (async () => {
    try {
      // Seeded once, copied per worker (test/helpers/seeded-template.ts).
      await seededTemplate(template, serverEnv, children);
      await settle(runState, 'template', { value: template });
    } catch (error) {
      await settle(runState, 'template', failure(error));
      await settle(runState, 'servers', failure(error));
      return;
    }
    try {
      const servers = await Promise.all(
        Array.from({ length: project.globalConfig.maxWorkers }, () => workerServer(template, serverEnv, children)),
      );
      await settle(runState, 'servers', { value: servers });
    } catch (error) {
      await settle(runState, 'servers', failure(error));
    }
  })();
  project.provide('runState', runState);
  project.provide('authSecret', authSecret);
  return async () => {
    await booting;
    await Promise.all(children.map(stop));
    await rm(template, { recursive: true, force: true });
    await rm(runState, { recursive: true, force: true });
  };
}

/** Tells a child to stop (a worker's server stops its app and Neo4j, then removes its data folder). */
function stop(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.send('stop');
  });
}

/** Runs test/helpers/seeded-template.ts on an empty folder: the seeded graph, its Neo4j stopped cleanly. */
function seededTemplate(dataDir: string, env: NodeJS.ProcessEnv, children: ChildProcess[]): Promise<void> {
  const child = fork(path.join(import.meta.dirname, 'helpers/seeded-template.ts'), {
    execArgv: ['--import', 'tsx'],
    env: { ...env, NEO4J_DATA_DIR: dataDir },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`seeding the template failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

/** Starts one worker's server on a copy of the template; resolves with its addresses once it serves. */
async function workerServer(template: string, env: NodeJS.ProcessEnv, children: ChildProcess[]): Promise<WorkerServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-test-'));
  await cp(template, dataDir, { recursive: true });
  const child = fork(path.join(import.meta.dirname, 'helpers/worker-server.ts'), {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: {
      ...env,
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
    child.once('exit', (code) => reject(new Error(`a test worker's server exited on start (code ${code})`)));
  });
}
