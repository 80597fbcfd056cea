/**
 * The bench's store and app: the embedded Neo4j on its own data dir (data/bench-<N>, kept between runs so
 * each size is generated once), the graph topped up to N synthetic experts, and the HTTP app on a free
 * port with QUERY_STATS on. Shared by `npm run bench` (run.ts), the aggregates' costs (aggregates.ts) and
 * the smoke test (bench/smoke.test.ts).
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { startApp, type App } from '../src/app.js';
import { loadConfig, ROOT_DIR, type Config } from '../src/config.js';
import { createLogger } from '../src/logging.js';
import { generate } from './generate.js';
import { expected } from './http.js';
import { signedToken } from './tokens.js';

export const JVM_MAIN_CLASS = 'nl.expertisegraph.neo4j.EmbeddedNeo4j';

export interface BenchStore {
  experts: number;
  dataDir: string;
  app: App;
  config: Config;
  /** The app's GraphQL endpoint on 127.0.0.1. */
  url: string;
  /** A token of an administrator, minted with the store's own secret. */
  adminToken: string;
  heap: string;
  pageCache: string;
  /** What generation did: "n experts written in s" or "reused". */
  generation: string;
  graph: { experts: number; contributions: number; relationships: number; expertIn: number; storeMiB: number };
  stop(): Promise<void>;
}

export const benchDataDir = (experts: number, root = ROOT_DIR) => path.join(root, 'data', `bench-${experts}`);

/**
 * Starts the store of `experts` synthetic experts and the app on it. `dataDir` overrides where the store
 * lives (the CI test uses a temporary folder); NEO4J_HEAP and NEO4J_PAGECACHE size the embedded Neo4j.
 */
export async function openBenchStore(
  experts: number,
  options: { dataDir?: string; log?: (line: string) => void; env?: NodeJS.ProcessEnv } = {},
): Promise<BenchStore> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = options.dataDir ?? benchDataDir(experts);
  const heap = env.NEO4J_HEAP || '1g';
  const pageCache = env.NEO4J_PAGECACHE || '512m';
  const config = loadConfig({
    ...env,
    NEO4J_URI: '', // always the embedded Neo4j on the bench's own data, never a shared one
    NEO4J_BOLT_PORT: '',
    NEO4J_DATA_DIR: dataDir,
    NEO4J_HEAP: heap,
    NEO4J_PAGECACHE: pageCache,
    PORT: '0',
    HOST: '127.0.0.1',
    QUERY_STATS: '1',
    SEED_ON_START: '0',
    // Tokens are checked, but nobody is held back: 16 clients from one address would hit any limit.
    RATE_LIMIT_PER_MINUTE: '0',
    // The bench's connections stand for many clients: one may use every heavy turn, and all may wait for one.
    HEAVY_REQUESTS_PER_CLIENT: env.HEAVY_REQUESTS_RUNNING || '4',
    HEAVY_REQUESTS_WAITING: '1000',
    HEAVY_REQUEST_WAIT_MS: '120000',
    REQUEST_TIMEOUT_MS: env.REQUEST_TIMEOUT_MS || '120000',
  });
  const app = await startApp(config, createLogger('warn'));
  try {
    const queries = app.database.queries();
    const { written, seconds } = await generate(queries, experts, log);
    const generation =
      written > 0
        ? `${written.toLocaleString('en-US')} experts written in ${seconds.toFixed(0)} s ` +
          `(${(written / seconds).toFixed(0)} experts/s)`
        : `reused (the synthetic experts were already in ${path.relative(ROOT_DIR, dataDir)})`;
    const [counted] = await queries.read<{
      experts: number;
      contributions: number;
      relationships: number;
      expertIn: number;
    }>(
      `RETURN COUNT { (:Expert) } AS experts, COUNT { (:Contribution) } AS contributions,
              COUNT { ()-[]->() } AS relationships,
              COUNT { (:Expert)-[:EXPERT_IN]->() } AS expertIn`,
    );
    const { stdout: du } = await promisify(execFile)('du', ['-sm', dataDir]);
    const counts = expected(counted, 'the row of the counts');
    const adminToken = await signedToken(config.auth, { subject: 'bench', name: 'Benchmark', roles: ['admin'] });
    return {
      experts,
      dataDir,
      app,
      config,
      url: `${app.url.replace('localhost', '127.0.0.1')}/graphql`,
      adminToken,
      heap,
      pageCache,
      generation,
      graph: {
        experts: counts.experts,
        contributions: counts.contributions,
        relationships: counts.relationships,
        expertIn: counts.expertIn,
        storeMiB: Number(du.split('\t')[0]),
      },
      stop: () => app.stop(),
    };
  } catch (error) {
    await app.stop();
    throw error;
  }
}

/** kB fields (VmRSS, VmHWM) of /proc/<pid>/status, in MiB. */
export async function memoryOf(pid: number | 'self'): Promise<{ rss: number; peak: number } | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Embedded Neo4j JVMs on this machine: the one on `dataDir` and how many others (e.g. a test run). */
export async function neo4jJvms(dataDir: string): Promise<{ ours: number | null; others: number }> {
  let ours: number | null = null;
  let others = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const args = await readFile(`/proc/${entry}/cmdline`, 'utf8').then(
      (s) => s.split('\0'),
      (): string[] => [],
    );
    if (!args.includes(JVM_MAIN_CLASS)) continue;
    if (args.includes(`--home=${dataDir}`)) ours = Number(entry);
    else others++;
  }
  return { ours, others };
}
