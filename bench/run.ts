/**
 * `npm run bench`: does a request's cost follow the page it returns rather than the size of the graph?
 *
 * Starts the embedded Neo4j on its own data dir (data/bench-<N>, kept between runs so each size is
 * generated once), tops the graph up to BENCH_EXPERTS synthetic experts, starts the HTTP app and times
 * whoKnows, experts and node over HTTP, as a client sees them. Writes bench/results/latest-<N>.md.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startApp, type App } from '../src/app.js';
import { createLogger } from '../src/logging.js';
import { openAuthenticator } from '../src/auth/tokens.js';
import { loadConfig, ROOT_DIR } from '../src/config.js';
import { encodeCursor } from '../src/graphql/paging.js';
import { generate } from './generate.js';

const env = process.env;
const EXPERTS = Number(env.BENCH_EXPERTS ?? 10_000);
if (!Number.isInteger(EXPERTS) || EXPERTS < 1 || EXPERTS > 1_000_000) {
  console.error(`BENCH_EXPERTS=${env.BENCH_EXPERTS} is not a whole number from 1 to 1000000`);
  process.exit(1);
}
const RUNS = Number(env.BENCH_RUNS ?? 30);
const WARMUP_RUNS = 3;
/** A case stops early after this long, so a slow case cannot stretch the run without bound. */
const CASE_BUDGET_MS = 20_000;
const REQUEST_TIMEOUT_MS = 120_000;
/** Whole run, generation included: past this the process stops itself (the JVM goes with it). */
const RUN_TIMEOUT_MS = Number(env.BENCH_TIMEOUT_MINUTES ?? 60) * 60_000;
const DATA_DIR = path.join(ROOT_DIR, 'data', `bench-${EXPERTS}`);
const RESULTS_DIR = path.join(ROOT_DIR, 'bench', 'results');
const JVM_MAIN_CLASS = 'nl.expertisegraph.neo4j.EmbeddedNeo4j';

// What a policy officer's GraphiQL page asks for: the match, its reasons and a short profile.
const WHO_KNOWS = `query ($about: String!, $country: String, $first: Int, $after: String) {
  whoKnows(about: $about, country: $country, first: $first, after: $after) {
    totalCount matchedBy
    edges { cursor score reasons { text } node { id name headline affiliations { role current institution { name } }
            networks { acronym } expertise { level theme { name } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const EXPERTS_PAGE = `query ($first: Int, $after: String) {
  experts(first: $first, after: $after) { edges { cursor node { id name headline } } pageInfo { hasNextPage endCursor } }
}`;
const NODE = `query ($id: ID!) {
  node(id: $id) { id ... on Expert { name bio affiliations { role institution { name } } expertise { level theme { name } }
                  countryFocus { level country { name } } contributions(first: 5) { title date } } }
}`;

interface Response {
  data?: Record<string, any>;
  errors?: Array<{ message: string }>;
  extensions?: { queryStats?: { roundTrips: number; dbTimeMs: number } };
}

async function post(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<{ ms: number; bytes: number; body: Response }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  const body = JSON.parse(text) as Response;
  if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors[0]!.message}`);
  return { ms, bytes: text.length, body };
}

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Sent as a bearer token (signing and verifying it are part of what is measured); none: a viewer. */
  token?: string;
}

// What a secretariat asks while curating.
const HISTORY = `query ($id: String!) { history(id: $id, first: 20) { totalCount edges { node { at action actorName fields before after } } } }`;
const DUPLICATES = `{ duplicateExperts(first: 20) { totalCount edges { node { score reasons { text } experts { id name } } } } }`;
const CONTACTS_PAGE = `{ experts(first: 20) { edges { node { id name email phone contactConsent } } } }`;
const STATISTICS = `{ inquiryStatistics { received answered answeredOnTime medianWorkingDaysToAnswer byNetwork { received } } }`;

/** The cursor after `pages` pages of whoKnows, taken from real responses. */
async function whoKnowsCursor(url: string, vars: Record<string, unknown>, pages: number): Promise<string> {
  let after: string | null = null;
  for (let i = 0; i < pages; i++) {
    const { body } = await post(url, WHO_KNOWS, { ...vars, after });
    after = body.data!.whoKnows.pageInfo.endCursor as string;
  }
  return after!;
}

async function cases(url: string, app: App, adminToken: string): Promise<Case[]> {
  const q = app.database.queries();
  // A history to read: a seed or synthetic expert changed once through the API.
  const [changed] = await q.read<{ id: string; version: number }>('MATCH (e:Expert) WHERE e.retiredAt IS NULL RETURN e.id AS id, coalesce(e.version, 1) AS version LIMIT 1');
  await post(url, 'mutation ($input: UpdateExpertInput!) { updateExpert(input: $input) { version } }', {
    input: { id: changed!.id, expectedVersion: changed!.version, headline: `Benchmarked ${new Date().toISOString()}` },
  }, adminToken);
  // Deep paging without walking 2,500 pages: a keyset cursor at the middle of the name order, built
  // with the server's own encoder (the same as an endCursor the client would have been handed).
  const [middle] = await q.read<{ name: string; id: string }>(
    `MATCH (e:Expert) WHERE e.name IS NOT NULL WITH e ORDER BY e.name, e.id SKIP $skip LIMIT 1 RETURN e.name AS name, e.id AS id`,
    { skip: Math.floor(EXPERTS / 2) },
  );
  const firstExperts = await post(url, EXPERTS_PAGE, { first: 1 });
  const expertGlobalId = firstExperts.body.data!.experts.edges[0].node.id as string;
  const tech = { about: 'technology', first: 20 };
  const semiTw = { about: 'semiconductors', country: 'TW', first: 20 };
  return [
    { name: 'whoKnows "technology" (broad, narrower incl.), first 20', query: WHO_KNOWS, variables: tech },
    { name: 'whoKnows "technology", first 100', query: WHO_KNOWS, variables: { ...tech, first: 100 } },
    { name: 'whoKnows "technology", page 5 (after)', query: WHO_KNOWS, variables: { ...tech, after: await whoKnowsCursor(url, tech, 4) } },
    { name: 'whoKnows "lithography" (narrow), first 20', query: WHO_KNOWS, variables: { about: 'lithography', first: 20 } },
    { name: 'whoKnows "semiconductors" in TW, first 20', query: WHO_KNOWS, variables: semiTw },
    { name: 'whoKnows "semiconductors" in TW, page 5 (after)', query: WHO_KNOWS, variables: { ...semiTw, after: await whoKnowsCursor(url, semiTw, 4) } },
    { name: 'whoKnows "sanctions" in Central Asia, first 20', query: WHO_KNOWS, variables: { about: 'sanctions', country: 'Central Asia', first: 20 } },
    { name: 'whoKnows "rare earth refining" (full text), first 20', query: WHO_KNOWS, variables: { about: 'rare earth refining', first: 20 } },
    { name: 'whoKnows "rare earth refining", first 100', query: WHO_KNOWS, variables: { about: 'rare earth refining', first: 100 } },
    { name: 'experts, first 20', query: EXPERTS_PAGE, variables: { first: 20 } },
    { name: 'experts, first 20, mid-list (after)', query: EXPERTS_PAGE, variables: { first: 20, after: encodeCursor([middle!.name, middle!.id]) } },
    { name: 'node(id:) expert with details', query: NODE, variables: { id: expertGlobalId } },
    { name: 'experts, first 20, with contact details (admin token)', query: CONTACTS_PAGE, variables: {}, token: adminToken },
    { name: 'history(id:) of an expert, first 20 (admin token)', query: HISTORY, variables: { id: changed!.id }, token: adminToken },
    { name: 'duplicateExperts, first 20 (admin token)', query: DUPLICATES, variables: {}, token: adminToken },
    { name: 'inquiryStatistics, last 365 days', query: STATISTICS, variables: {} },
  ];
}

interface Measured {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  dbP50: number;
  roundTrips: string;
  total: string;
  kb: number;
  error?: string;
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(url: string, c: Case): Promise<Measured> {
  for (let i = 0; i < WARMUP_RUNS; i++) await post(url, c.query, c.variables, c.token);
  const latencies: number[] = [];
  const dbTimes: number[] = [];
  const roundTrips = new Set<number>();
  let total = '—';
  let bytes = 0;
  const started = performance.now();
  while (latencies.length < RUNS && performance.now() - started < CASE_BUDGET_MS) {
    const { ms, bytes: size, body } = await post(url, c.query, c.variables, c.token);
    latencies.push(ms);
    dbTimes.push(body.extensions?.queryStats?.dbTimeMs ?? NaN);
    roundTrips.add(body.extensions?.queryStats?.roundTrips ?? NaN);
    const count = body.data?.whoKnows?.totalCount ?? body.data?.duplicateExperts?.totalCount ?? body.data?.history?.totalCount;
    if (count !== undefined) total = String(count);
    bytes = size;
  }
  latencies.sort((a, b) => a - b);
  dbTimes.sort((a, b) => a - b);
  return {
    name: c.name,
    runs: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.at(-1)!,
    dbP50: percentile(dbTimes, 50),
    roundTrips: [...roundTrips].sort((a, b) => a - b).join('–'),
    total,
    kb: bytes / 1024,
  };
}

/** kB fields (VmRSS, VmHWM) of /proc/<pid>/status, in MiB. */
async function memoryOf(pid: number | 'self'): Promise<{ rss: number; peak: number } | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Embedded Neo4j JVMs on this machine: ours (its --home is our data dir) and any others (e.g. a test run). */
async function neo4jJvms(): Promise<{ ours: number | null; others: number }> {
  let ours: number | null = null;
  let others = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const args = await readFile(`/proc/${entry}/cmdline`, 'utf8').then((s) => s.split('\0'), (): string[] => []);
    if (!args.includes(JVM_MAIN_CLASS)) continue;
    if (args.includes(`--home=${DATA_DIR}`)) ours = Number(entry);
    else others++;
  }
  return { ours, others };
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const thousands = (n: number) => n.toLocaleString('en-US');

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error(`Benchmark exceeded ${RUN_TIMEOUT_MS / 60_000} min: stopping (raise BENCH_TIMEOUT_MINUTES if the machine is slow).`);
    process.exit(2); // the embedded launcher's exit hook stops the JVM
  }, RUN_TIMEOUT_MS);
  watchdog.unref();

  const heap = env.NEO4J_HEAP || '1g';
  const pageCache = env.NEO4J_PAGECACHE || '512m';
  const config = loadConfig({
    ...env,
    NEO4J_URI: '', // always the embedded Neo4j on the bench's own data, never a shared one
    NEO4J_BOLT_PORT: '',
    NEO4J_DATA_DIR: DATA_DIR,
    NEO4J_HEAP: heap,
    NEO4J_PAGECACHE: pageCache,
    PORT: '0',
    HOST: '127.0.0.1',
    QUERY_STATS: '1',
    SEED_ON_START: '0',
  });
  const log = (line: string) => console.log(line);
  const app = await startApp(config, createLogger('warn'));
  try {
    const url = `${app.url.replace('localhost', '127.0.0.1')}/graphql`;
    const queries = app.database.queries();
    const { written, seconds } = await generate(queries, EXPERTS, log);
    const generation =
      written > 0
        ? `${thousands(written)} experts written in ${fmt(seconds, 0)} s (${fmt(written / seconds, 0)} experts/s)`
        : `reused (the synthetic experts were already in ${path.relative(ROOT_DIR, DATA_DIR)})`;
    log(`Generation: ${generation}`);
    const [graph] = await queries.read<Record<string, number>>(
      `RETURN COUNT { (:Expert) } AS experts, COUNT { (:Contribution) } AS contributions, COUNT { ()-[]->() } AS relationships,
              COUNT { (:Expert)-[:EXPERT_IN]->() } AS expertIn`,
    );
    const { stdout: du } = await promisify(execFile)('du', ['-sm', DATA_DIR]);
    const load = os.loadavg()[0]!;

    log('Warming up and measuring…');
    const results: Measured[] = [];
    const authenticator = await openAuthenticator(config.auth);
    const adminToken = await authenticator.mint!({ subject: 'bench', name: 'Benchmark', roles: ['admin'] });
    for (const c of await cases(url, app, adminToken)) {
      const result = await measure(url, c).catch((error: unknown) => ({
        name: c.name, runs: 0, p50: NaN, p95: NaN, max: NaN, dbP50: NaN, roundTrips: '—', total: '—', kb: NaN,
        error: error instanceof Error ? error.message : String(error),
      }));
      log(`  ${c.name}: p50 ${fmt(result.p50)} ms, p95 ${fmt(result.p95)} ms, total ${result.total}${result.error ? ` — ${result.error}` : ''}`);
      results.push(result);
    }

    const jvms = await neo4jJvms();
    const node = await memoryOf('self');
    const jvm = jvms.ours === null ? null : await memoryOf(jvms.ours);
    const commit = await promisify(execFile)('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT_DIR }).then((r) => r.stdout.trim(), () => 'unknown');
    const mib = (m: { rss: number; peak: number } | null) => (m ? `${fmt(m.rss, 0)} MiB (peak ${fmt(m.peak, 0)} MiB)` : 'not found');
    const report = [
      `# Benchmark: ${thousands(EXPERTS)} synthetic experts`,
      '',
      `- When: ${new Date().toISOString()}, commit ${commit} (working tree may differ), Node ${process.version}, ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB`,
      `- Graph: ${thousands(graph!.experts!)} experts, ${thousands(graph!.contributions!)} contributions, ${thousands(graph!.relationships!)} relationships (${thousands(graph!.expertIn!)} EXPERT_IN); store ${du.split('\t')[0]} MiB`,
      `- Generation: ${generation}`,
      `- Neo4j: embedded, heap ${heap}, page cache ${pageCache}`,
      `- Method: per case ${WARMUP_RUNS} warm-up requests, then up to ${RUNS} (at most ${CASE_BUDGET_MS / 1000} s), one at a time over HTTP on 127.0.0.1`,
      `- Memory after the run: Node ${mib(node)}, Neo4j JVM ${mib(jvm)}`,
      `- Machine load: 1-min load average ${fmt(load, 2)} before measuring; other embedded Neo4j JVMs running: ${jvms.others}`,
      '',
      '| case | p50 ms | p95 ms | max ms | Neo4j ms (p50) | round trips | totalCount | response KiB | runs |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...results.map((r) =>
        r.error
          ? `| ${r.name} | error: ${r.error.replace(/\|/g, '/')} | | | | | | | 0 |`
          : `| ${r.name} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${fmt(r.dbP50)} | ${r.roundTrips} | ${r.total} | ${fmt(r.kb)} | ${r.runs} |`,
      ),
      '',
    ].join('\n');
    console.log(`\n${report}`);
    await mkdir(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `latest-${EXPERTS}.md`);
    await writeFile(file, report);
    log(`Written to ${path.relative(ROOT_DIR, file)}`);
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
