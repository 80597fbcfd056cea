import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { TestProject } from 'vitest/node';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logging.js';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    neo4jUri: string;
    authSecret: string;
  }
}

/**
 * Starts the app on a free port with QUERY_STATS on. Without NEO4J_URI that is a fresh embedded Neo4j in a
 * temporary folder (so a running dev server and its data are never touched), seeded on start.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-test-'));
  const authSecret = randomBytes(32).toString('base64url');
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    QUERY_STATS: '1',
    SEED_ON_START: '1',
    NEO4J_DATA_DIR: dataDir,
    NEO4J_BOLT_PORT: '',
    AUTH_SECRET: authSecret,
    AUTH_JWKS_URL: '',
    AUTH_ANONYMOUS: 'viewer',
    // One line per request would bury the test output: warnings and internal errors only, unless asked.
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    // Tests share a loaded machine with their Neo4j: a generous deadline keeps them about behaviour, not speed
    // (test/deadline.test.ts checks the deadline itself on a server of its own).
    REQUEST_TIMEOUT_MS: process.env.REQUEST_TIMEOUT_MS || '120000',
    // Two test workers share this server as the same test identities, and some tests send bursts: heavy requests
    // wait for a turn as long as the deadline rather than being refused (test/heavy-requests.test.ts checks refusals).
    HEAVY_REQUESTS_WAITING: '1000',
    HEAVY_REQUEST_WAIT_MS: process.env.REQUEST_TIMEOUT_MS || '120000',
  });
  const app = await startApp(config, createLogger(config.logLevel)).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  project.provide('appUrl', app.url);
  project.provide('neo4jUri', app.neo4jUri);
  project.provide('authSecret', authSecret);
  // The server runs in this process. Collecting garbage every few seconds makes the heap it reports on
  // /metrics its live memory, so the fuzz test's memory check sees a leak, not garbage V8 had no reason to free.
  v8.setFlagsFromString('--expose-gc');
  const collectGarbage = vm.runInNewContext('gc') as () => void;
  const collector = setInterval(collectGarbage, 2_000).unref();
  return async () => {
    clearInterval(collector);
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
