/**
 * One test worker's server, started by test/global-setup.ts as a child process, one per vitest worker: the app
 * on an embedded Neo4j in a temporary folder (a copy of the seeded template, test/helpers/seeded-template.ts), and
 * beside it a control endpoint on loopback whose `POST /reset` puts the graph back to the seed
 * (test/fresh-graph.ts calls it before each test file).
 *
 * A process of its own rather than the setup's: the app keeps per-process state (the name vocabulary, the
 * standings keeper), which two apps in one process would share. The environment is the setup's (AUTH_SECRET…);
 * the process reports its addresses to the setup over IPC and stops when told, or when the setup goes away.
 */
import { createServer } from 'node:http';
import type { Driver } from 'neo4j-driver';
import type { AddressInfo } from 'node:net';
import { rm } from 'node:fs/promises';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logging.js';
import { invalidateVocabulary } from '../../src/names/interpret.js';
import { settleStandingsKeeper } from '../../src/whoknows/standings/keeper.js';
import { openDriver } from '../../src/graph-file/connection.js';
import { restoreSnapshot, takeSnapshot, type GraphSnapshot } from './graph-snapshot.js';

/** What the setup learns from a started worker server. */
export interface WorkerServer {
  appUrl: string;
  neo4jUri: string;
  controlUrl: string;
}

const dataDir = process.env.NEO4J_DATA_DIR!;

/**
 * The graph as the seed left it, and the app as if it had just started on it: the snapshot taken after the
 * start (the seed with its derived data: duplicate pairs, search terms, inferred tags, standings) is put
 * back, and what the app keeps in memory about the graph is dropped.
 */
async function resetToSeed(driver: Driver, snapshot: GraphSnapshot): Promise<void> {
  // A background standings rebuild must not run into the restore, nor one seen as due come after it.
  await settleStandingsKeeper();
  await restoreSnapshot(driver, snapshot);
  invalidateVocabulary();
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_BOLT_PORT: '' });
  const app = await startApp(config, createLogger(config.logLevel));
  const driver = openDriver({ uri: app.neo4jUri, auth: undefined, database: undefined });
  const snapshot = await takeSnapshot(driver);
  // The seed as the template left it: the first file needs no reset.
  let seeded = true;
  let resetting: Promise<void> = Promise.resolve();
  const control = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/reset') {
      response.writeHead(404).end();
      return;
    }
    const started = performance.now();
    const needed = !seeded;
    seeded = false;
    const done = resetting.then(() => (needed ? resetToSeed(driver, snapshot) : undefined));
    resetting = done.catch(() => {});
    done.then(
      () =>
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ms: performance.now() - started })),
      (error: unknown) => response.writeHead(500).end(String((error as Error).stack ?? error)),
    );
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  // The heap /metrics reports is the live memory when garbage is collected every few seconds: the fuzz test's
  // memory check then sees a leak, not garbage V8 had no reason to free (the setup starts this with --expose-gc).
  const collector = setInterval(() => globalThis.gc?.(), 2_000);
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(collector);
      control.close();
      await driver.close();
      await app.stop();
      await rm(dataDir, { recursive: true, force: true });
      process.exit(0);
    })());
  process.on('message', (message) => message === 'stop' && void stop());
  process.on('disconnect', () => void stop());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());
  const started: WorkerServer = {
    appUrl: app.url,
    neo4jUri: app.neo4jUri,
    controlUrl: `http://127.0.0.1:${(control.address() as AddressInfo).port}`,
  };
  process.send!(started);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await rm(dataDir, { recursive: true, force: true });
  process.exit(1);
});
