/**
 * `npm run bench`: does a request cost what its page costs, and how does the API compare with its own
 * Cypher and with @neo4j/graphql over the same store? For each size (BENCH_SIZES, or BENCH_EXPERTS):
 * opens the store data/bench-<N> (generated once, reused), measures the parts asked for (BENCH_PARTS)
 * and writes bench/results/latest-<N>.{json,md}; then the combined summary.{json,md}. See bench/README.md.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT_DIR } from '../src/config.js';
import { singleRequestCases } from './cases.js';
import { thousands } from './http.js';
import { mixRate, sizeMarkdown, writeSummary, type Machine, type SizeResult, type WriteBaseline } from './report.js';
import { sideBySide, TARGETS } from './side-by-side.js';
import { memoryOf, neo4jJvms, openBenchStore, type BenchStore } from './store.js';
import { measureWrites } from './writes.js';

const PARTS = ['side-by-side', 'writes', 'cases'] as const;
type Part = (typeof PARTS)[number];

export interface BenchSettings {
  sizes: number[];
  parts: Set<Part>;
  connections: number;
  durationSeconds: number;
  singleRuns: number;
  caseRuns: number;
  curationWrites: number;
  csvRows: number;
  resultsDir: string;
  /** Where each size's store lives; default data/bench-<N>. */
  dataDir?: (experts: number) => string;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  const value = text === undefined || text === '' ? fallback : Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name}=${text} is not a whole number from ${min} to ${max}`);
  return value;
}

/** The settings from the environment (bench/README.md lists them). */
export function settingsFrom(env: NodeJS.ProcessEnv): BenchSettings {
  const sizesText = env.BENCH_SIZES || env.BENCH_EXPERTS || '10000';
  const sizes = sizesText.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 1_000_000))
    throw new Error(`BENCH_SIZES=${sizesText}: give whole numbers from 1 to 1000000, comma-separated`);
  const partsText = env.BENCH_PARTS || PARTS.join(',');
  const parts = partsText.split(',').map((p) => p.trim());
  const unknown = parts.filter((p) => !PARTS.includes(p as Part));
  if (unknown.length > 0)
    throw new Error(`BENCH_PARTS: unknown ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
  return {
    sizes,
    parts: new Set(parts as Part[]),
    connections: wholeNumber(env, 'BENCH_CONNECTIONS', 16, 1, 1000),
    durationSeconds: wholeNumber(env, 'BENCH_DURATION', 12, 1, 600),
    singleRuns: wholeNumber(env, 'BENCH_SINGLE_RUNS', 10, 1, 1000),
    caseRuns: wholeNumber(env, 'BENCH_RUNS', 30, 1, 1000),
    curationWrites: wholeNumber(env, 'BENCH_WRITES', 20, 1, 1000),
    csvRows: wholeNumber(env, 'BENCH_CSV_ROWS', 1000, 1, 100_000),
    resultsDir: path.join(ROOT_DIR, 'bench', 'results'),
  };
}

async function neo4jVersion(store: BenchStore): Promise<string> {
  const [row] = await store.app.database
    .queries()
    .read<{ version: string }>('CALL dbms.components() YIELD versions RETURN versions[0] AS version');
  return row?.version ?? 'unknown';
}

export async function machine(store: BenchStore): Promise<Machine> {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    ramGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    neo4j: await neo4jVersion(store),
    heap: store.heap,
    pageCache: store.pageCache,
    loadAverage: os.loadavg()[0] ?? NaN,
    otherNeo4jJvms: (await neo4jJvms(store.dataDir)).others,
  };
}

async function commit(): Promise<string> {
  const run = promisify(execFile);
  const hash = await run('git', ['rev-parse', 'HEAD'], { cwd: ROOT_DIR }).then(
    (r) => r.stdout.trim(),
    () => 'unknown',
  );
  const dirty = await run('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'bench', 'seed'], {
    cwd: ROOT_DIR,
  }).then(
    (r) => r.stdout.trim() !== '',
    () => false,
  );
  return dirty ? `${hash} (with uncommitted changes)` : hash;
}

/** The write costs measured before the maintained ranking, kept in bench/results/write-baseline.json. */
async function writeBaseline(dir: string): Promise<WriteBaseline | null> {
  return readFile(path.join(dir, 'write-baseline.json'), 'utf8').then(
    (text) => JSON.parse(text) as WriteBaseline,
    () => null,
  );
}

/** Measures one size; the store stays open only for it. */
export async function benchSize(
  experts: number,
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<SizeResult> {
  const store = await openBenchStore(experts, { log, dataDir: settings.dataDir?.(experts) });
  try {
    log(`Store: ${store.generation}; ${thousands(store.graph.experts)} experts`);
    const machineBefore = await machine(store);
    const questions = settings.parts.has('side-by-side')
      ? await sideBySide(store, {
          connections: settings.connections,
          durationSeconds: settings.durationSeconds,
          singleRuns: settings.singleRuns,
          log,
        })
      : [];
    const writes = settings.parts.has('writes')
      ? await measureWrites(store, { curationWrites: settings.curationWrites, csvRows: settings.csvRows })
      : null;
    if (writes)
      log(
        `  writes: curation p50 ${writes.curation.p50Ms.toFixed(1)} ms, CSV import ` +
          `of ${writes.csvImport.rows} rows ${writes.csvImport.meanMs.toFixed(0)} ms`,
      );
    const cases = settings.parts.has('cases')
      ? await singleRequestCases(store.url, store.app, store.adminToken, { experts, runs: settings.caseRuns, log })
      : null;
    const jvm = (await neo4jJvms(store.dataDir)).ours;
    return {
      experts,
      date: new Date().toISOString(),
      commit: await commit(),
      machine: machineBefore,
      graph: store.graph,
      generation: store.generation,
      settings: {
        connections: settings.connections,
        durationSeconds: settings.durationSeconds,
        singleRuns: settings.singleRuns,
      },
      questions,
      mix: Object.fromEntries(TARGETS.map((t) => [t, mixRate(questions, t)])) as SizeResult['mix'],
      writes,
      writeBaseline: await writeBaseline(settings.resultsDir),
      cases,
      memory: {
        nodeMiB: (await memoryOf('self'))?.rss ?? null,
        neo4jMiB: jvm === null ? null : ((await memoryOf(jvm))?.rss ?? null),
      },
    };
  } finally {
    await store.stop();
  }
}

export async function runBench(settings: BenchSettings, log: (line: string) => void): Promise<SizeResult[]> {
  await mkdir(settings.resultsDir, { recursive: true });
  const results: SizeResult[] = [];
  for (const experts of settings.sizes) {
    log(`\n== ${thousands(experts)} experts ==`);
    const result = await benchSize(experts, settings, log);
    const markdown = sizeMarkdown(result);
    await writeFile(path.join(settings.resultsDir, `latest-${experts}.json`), `${JSON.stringify(result, null, 2)}\n`);
    await writeFile(path.join(settings.resultsDir, `latest-${experts}.md`), markdown);
    log(`\n${markdown}`);
    results.push(result);
  }
  log(await writeSummary(settings.resultsDir));
  return results;
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(ROOT_DIR, 'bench', 'run.ts');
if (isMain) {
  const timeoutMinutes = Number(process.env.BENCH_TIMEOUT_MINUTES ?? 120);
  setTimeout(() => {
    console.error(
      `Benchmark exceeded ${timeoutMinutes} min: stopping (raise BENCH_TIMEOUT_MINUTES if the machine is slow).`,
    );
    process.exit(2); // the embedded launcher's exit hook stops the JVM
  }, timeoutMinutes * 60_000).unref();
  runBench(settingsFrom(process.env), (line) => console.log(line)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
