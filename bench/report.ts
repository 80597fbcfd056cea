/**
 * The bench's results as JSON and Markdown: one file per size (`latest-<N>.json`, `latest-<N>.md`) and a
 * combined summary over every size measured (`summary.json`, `summary.md`) with the growth from the
 * smallest size to the largest and the targets.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { casesTable, type CaseResult } from './cases.js';
import { fmt, thousands } from './http.js';
import { TARGETS, type QuestionResult, type TargetName, type TargetResult } from './side-by-side.js';
import type { WriteCost } from './writes.js';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  neo4j: string;
  heap: string;
  pageCache: string;
  loadAverage: number;
  otherNeo4jJvms: number;
}

export interface WriteBaseline {
  experts: number;
  commit: string;
  date: string;
  note: string;
  writes: WriteCost;
}

export interface SizeResult {
  experts: number;
  date: string;
  commit: string;
  machine: Machine;
  graph: { experts: number; contributions: number; relationships: number; expertIn: number; storeMiB: number };
  generation: string;
  settings: { connections: number; durationSeconds: number; singleRuns: number };
  questions: QuestionResult[];
  /** Per target: the throughput of clients rotating the five questions (harmonic mean of the per-question req/s). */
  mix: Record<TargetName, number | null>;
  writes: WriteCost | null;
  writeBaseline: WriteBaseline | null;
  cases: CaseResult[] | null;
  memory: { nodeMiB: number | null; neo4jMiB: number | null };
}

const ok = (r: TargetResult | { error: string } | undefined): r is TargetResult => r !== undefined && !('error' in r);

/** What clients rotating the questions get: each spends 1/rate per request on each question in turn. */
export function mixRate(questions: QuestionResult[], target: TargetName): number | null {
  const rates = questions.map((q) => q.targets[target]).map((r) => (ok(r) ? r.load.reqPerSec : NaN));
  if (rates.length === 0 || rates.some((rate) => !(rate > 0))) return null;
  return rates.length / rates.reduce((sum, rate) => sum + 1 / rate, 0);
}

const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? a / b : null);

function questionRows(question: QuestionResult): string[] {
  return TARGETS.map((name) => {
    const r = question.targets[name];
    if (!ok(r))
      return (
        `| ${question.label} | ${name} | error: ${(r?.error ?? 'not run').replace(/\|/g, '/')} ` + '| | | | | | | | | |'
      );
    return (
      `| ${question.label} | ${name} | ${fmt(r.load.reqPerSec)} | ${fmt(r.load.p50, 0)} | ` +
      `${fmt(r.load.p95, 0)} | ${fmt(r.load.p99, 0)} | ${fmt(r.singleP50, 0)} | ${r.roundTrips ?? 'n/a'} ` +
      `| ${r.dbHits === null ? 'n/a' : thousands(r.dbHits)} | ` +
      `${r.pageDbHits === null ? 'n/a' : thousands(r.pageDbHits)} | ${r.experts} / ${thousands(r.total)} ` +
      `| ${r.load.failed} |`
    );
  });
}

function ratioRows(questions: QuestionResult[], mix: SizeResult['mix']): string[] {
  const rate = (q: QuestionResult, t: TargetName) => (ok(q.targets[t]) ? q.targets[t].load.reqPerSec : null);
  const ratios = (api: number | null, q: (t: TargetName) => number | null) =>
    `${fmt(ratio(api, q('peer')), 2)} | ${fmt(ratio(api, q('raw')), 2)} | ${fmt(ratio(api, q('ranking')), 2)}`;
  return [
    '| question | API / peer | API / raw | API / ranking |',
    '| --- | ---: | ---: | ---: |',
    ...questions.map((q) => `| ${q.label} | ${ratios(rate(q, 'api'), (t) => rate(q, t))} |`),
    `| **the five in rotation** (req/s: api ${fmt(mix.api)}, raw ${fmt(mix.raw)}, ranking ${fmt(mix.ranking)}, ` +
      `peer ${fmt(mix.peer)}) | **${ratios(mix.api, (t) => mix[t])
        .split(' | ')
        .join('** | **')}** |`,
  ];
}

function writeRows(now: WriteCost | null, before: WriteBaseline | null): string[] {
  if (!now && !before) return ['Not measured in this run (BENCH_PARTS).'];
  const line = (label: string, w: WriteCost | null | undefined) =>
    w
      ? `| ${label} | ${fmt(w.curation.p50Ms)} | ${fmt(w.curation.p95Ms)} | ${w.curation.writes} | ` +
        `${fmt(w.csvImport.meanMs, 0)} | ${fmt(w.csvImport.msPerRow, 2)} | ${w.csvImport.rows} × ` +
        `${w.csvImport.runs} |`
      : `| ${label} | — | — | — | — | — | — |`;
  return [
    '| | curation write p50 ms | p95 ms | writes | CSV import ms (mean) | ms per row | rows × imports |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    line(
      before
        ? `before (${before.commit.slice(0, 9)}, ${thousands(before.experts)} experts, ${before.date.slice(0, 10)})`
        : 'before: no baseline',
      before?.writes,
    ),
    line('this run', now),
  ];
}

const hits = (n: number | null | undefined) => (n === null || n === undefined ? 'n/a' : thousands(n));

export function sizeMarkdown(result: SizeResult): string {
  const m = result.machine;
  const broad = result.questions.find((q) => q.key === 'broad');
  const broadApi = broad && ok(broad.targets.api) ? broad.targets.api : null;
  const maxTrips = Math.max(
    ...result.questions.map((q) => (ok(q.targets.api) ? (q.targets.api.roundTrips ?? Infinity) : Infinity)),
  );
  return [
    `# Side-by-side bench: ${thousands(result.experts)} synthetic experts`,
    '',
    `- When: ${result.date}, commit ${result.commit}`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${fmt(m.ramGiB, 0)} GiB RAM, Node ${m.node}, ` +
      `Neo4j ${m.neo4j} embedded (heap ${m.heap}, page cache ${m.pageCache})`,
    `- Load: 1-min load average ${fmt(m.loadAverage, 2)} before measuring; ` +
      `other embedded Neo4j JVMs on the machine: ${m.otherNeo4jJvms}`,
    `- Graph: ${thousands(result.graph.experts)} experts, ${thousands(result.graph.contributions)} ` +
      `contributions, ${thousands(result.graph.relationships)} relationships ` +
      `(${thousands(result.graph.expertIn)} EXPERT_IN); store ${result.graph.storeMiB} MiB; ` +
      `generation: ${result.generation}`,
    `- Method: per question and target, one checked request, PROFILE, ${result.settings.singleRuns} ` +
      `requests one at a time (after 2 warm-up), then autocannon with ${result.settings.connections} ` +
      `connections for ${result.settings.durationSeconds} s (in a child process)`,
    `- Memory after the run: Node ${fmt(result.memory.nodeMiB, 0)} MiB, ` +
      `Neo4j JVM ${fmt(result.memory.neo4jMiB, 0)} MiB (RSS)`,
    '',
    '## Side by side',
    '',
    '| question | target | req/s | p50 ms | p95 ms | p99 ms | single p50 ms | round trips ' +
      '| db hits (ranking) | db hits (request) | experts / total | failed |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...result.questions.flatMap(questionRows),
    '',
    ...ratioRows(result.questions, result.mix),
    '',
    '## Targets (issue 12)',
    '',
    '- API / @neo4j/graphql throughput (five in rotation): ' +
      `${fmt(ratio(result.mix.api, result.mix.peer), 2)} (target ≥ 10 at 10k)`,
    `- API / raw Cypher throughput: ${fmt(ratio(result.mix.api, result.mix.raw), 2)} ` +
      `against the page's own reads through the driver, ` +
      `${fmt(ratio(result.mix.api, result.mix.ranking), 2)} against the ranking alone (target ≥ 0.8)`,
    `- Broad theme, first page, db hits: ${hits(broadApi?.pageDbHits)} for the whole page ` +
      `(every query it sends), ${hits(broadApi?.dbHits)} for the ranking ` +
      '(target ≤ 5,000, flat 1k→100k: see summary.md)',
    '- Round trips of the API page, most over the questions: ' +
      `${Number.isFinite(maxTrips) ? maxTrips : 'n/a'} (target ≤ 3)`,
    '',
    '## Write cost',
    '',
    ...writeRows(result.writes, result.writeBaseline),
    '',
    ...(result.cases ? ['## Single requests', '', ...casesTable(result.cases), ''] : []),
  ].join('\n');
}

/** The combined view over every size in `dir` (latest-<N>.json), smallest first. */
export async function writeSummary(dir: string): Promise<string> {
  const files = (await readdir(dir)).filter((f) => /^latest-\d+\.json$/.test(f));
  const sizes = (
    await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8')) as SizeResult))
  ).sort((a, b) => a.experts - b.experts);
  const broad = (s: SizeResult, t: TargetName) => {
    const r = s.questions.find((q) => q.key === 'broad')?.targets[t];
    return ok(r) ? r : null;
  };
  const rows = sizes.map(
    (s) =>
      `| ${thousands(s.experts)} | ${s.commit.slice(0, 9)} | ${s.date.slice(0, 16)} | ${fmt(s.mix.api)} | ` +
      `${fmt(s.mix.raw)} | ${fmt(s.mix.ranking)} | ${fmt(s.mix.peer)} | ` +
      `${fmt(ratio(s.mix.api, s.mix.peer), 2)} | ${fmt(ratio(s.mix.api, s.mix.raw), 2)} | ` +
      `${fmt(ratio(s.mix.api, s.mix.ranking), 2)} | ${hits(broad(s, 'api')?.pageDbHits)} | ` +
      `${hits(broad(s, 'api')?.dbHits)} | ${fmt(broad(s, 'api')?.singleP50, 0)} | ` +
      `${s.writes ? fmt(s.writes.curation.p50Ms) : '—'} | ` +
      `${s.writes ? fmt(s.writes.csvImport.meanMs, 0) : '—'} |`,
  );
  const first = sizes[0];
  const last = sizes.at(-1);
  const growth = (pick: (s: SizeResult) => number | null | undefined) =>
    first && last && first !== last ? fmt(ratio(pick(last), pick(first)), 2) : '—';
  const markdown = [
    '# Side-by-side bench: every size',
    '',
    'Each row is the latest run at that size (`latest-<N>.md` has the details). ' +
      'Throughput is of 16 clients rotating the five questions.',
    '',
    '| experts | commit | date | API req/s | raw req/s | ranking req/s | peer req/s | API / peer | API / raw ' +
      '| API / ranking | broad page db hits | broad ranking db hits | broad single p50 ms ' +
      '| curation write p50 ms | CSV 1,000 rows ms |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    first && last && first !== last
      ? `Growth ${thousands(first.experts)} → ${thousands(last.experts)}: ` +
        `broad page db hits ×${growth((s) => broad(s, 'api')?.pageDbHits)} ` +
        `and ranking db hits ×${growth((s) => broad(s, 'api')?.dbHits)} (target ≤ 1.5), ` +
        `broad single p50 ×${growth((s) => broad(s, 'api')?.singleP50)} (target ≤ 2), ` +
        `API req/s ×${growth((s) => s.mix.api)}.`
      : 'Growth: needs two sizes (BENCH_SIZES=1000,10000,100000).',
    '',
  ].join('\n');
  await writeFile(path.join(dir, 'summary.md'), markdown);
  await writeFile(path.join(dir, 'summary.json'), `${JSON.stringify({ sizes }, null, 2)}\n`);
  return markdown;
}
