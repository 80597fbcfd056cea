/**
 * `npm run bench:aggregates`: what each dashboard aggregate costs at the bench sizes.
 *
 * Opens the bench's own store (data/bench-<N>, as `npm run bench` does; generated there once by
 * generate.ts), adds synthetic inquiries (one per 10 experts, spread over the last two years, so that demand
 * and flow have something to count), starts the HTTP app and times each aggregate over HTTP.
 * Writes bench/results/aggregates-<N>.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../src/app.js';
import { loadConfig, ROOT_DIR } from '../src/config.js';
import type { Queries } from '../src/db/database.js';
import { dueAt } from '../src/inquiries/working-days.js';
import { createLogger } from '../src/logging.js';
import { generate, mulberry32 } from './generate.js';
import { expected } from './http.js';
import { signedToken } from './tokens.js';

const EXPERTS = Number(process.env.BENCH_EXPERTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const CASE_BUDGET_MS = 30_000;
const INQUIRY_PREFIX = 'bench-inquiry-';
const DAY_MS = 86_400_000;

/** One synthetic inquiry per 10 experts, deterministic per index, MERGEd on ids so reruns add nothing. */
async function generateInquiries(queries: Queries, count: number, now: Date): Promise<number> {
  const [counted] = await queries.read<{ n: number }>(
    'MATCH (i:Inquiry) WHERE i.id STARTS WITH $p RETURN count(i) AS n',
    { p: INQUIRY_PREFIX },
  );
  const present = expected(counted, 'the row of a count');
  if (present.n >= count) return 0;
  const [collected] = await queries.read<{ themes: string[]; countries: string[] }>(
    `RETURN COLLECT { MATCH (t:Theme) RETURN t.id } AS themes, COLLECT { MATCH (c:Country) RETURN c.id } AS countries`,
  );
  const ref = expected(collected, 'the row of a COLLECT');
  const networks = ['ckn', 'reka', 'knowledge-security-desk'];
  const statuses = ['RECEIVED', 'IN_PROGRESS', 'COORDINATING', 'ANSWERED', 'CLOSED'];
  const risks = ['UNWANTED_TRANSFER', 'COVERT_INFLUENCE', 'ETHICAL', 'SANCTIONS', 'OTHER'];
  const favoured = ['CN', 'RU', 'UA', 'TW', 'BY', 'KZ'];
  const rows = [];
  for (let i = present.n + 1; i <= count; i++) {
    const rng = mulberry32(1_000_003 * i);
    const pick = <T>(items: readonly T[]) => expected(items[Math.floor(rng() * items.length)], 'an item to pick');
    const receivedAt = new Date(now.getTime() - Math.floor(rng() * 730 * DAY_MS));
    const status = pick(statuses);
    const answered = status === 'ANSWERED' || (status === 'CLOSED' && rng() < 0.8);
    const answeredAt = answered ? new Date(receivedAt.getTime() + Math.floor(rng() * 8 * DAY_MS)) : null;
    const network = pick(networks);
    rows.push({
      id: `${INQUIRY_PREFIX}${String(i).padStart(6, '0')}`,
      kind: network === 'knowledge-security-desk' ? 'KNOWLEDGE_SECURITY' : 'EXPERTISE_REQUEST',
      status,
      network,
      receivedAt: receivedAt.toISOString(),
      dueAt: dueAt(receivedAt).toISOString(),
      answeredAt: answeredAt && answeredAt < now ? answeredAt.toISOString() : null,
      coordinated: status === 'COORDINATING' || rng() < 0.1,
      riskCategories: network === 'knowledge-security-desk' ? [pick(risks)] : [],
      themes: [pick(ref.themes), pick(ref.themes)],
      countries: rng() < 0.7 ? [pick(favoured)] : [pick(ref.countries)],
    });
  }
  for (let start = 0; start < rows.length; start += 2_000) {
    await queries.write(
      `UNWIND $rows AS q
       MERGE (i:Inquiry {id: q.id})
       SET i.kind = q.kind, i.status = q.status, i.question = 'Synthetic question ' + q.id, i.visibility = 'INTERNAL',
           i.filedBy = 'bench', i.riskCategories = q.riskCategories, i.receivedAt = datetime(q.receivedAt),
           i.dueAt = datetime(q.dueAt), i.answeredAt = datetime(q.answeredAt), i.version = 1
       WITH i, q MATCH (n:Network {id: q.network}) MERGE (i)-[:ROUTED_TO]->(n)
       FOREACH (_ IN CASE WHEN q.coordinated THEN [1] ELSE [] END |
         MERGE (i)-[:HAS_STATUS_CHANGE]->(:StatusChange {id: q.id + '#c', status: 'COORDINATING', at: i.receivedAt}))
       WITH i, q
       CALL (i, q) { UNWIND q.themes AS id MATCH (t:Theme {id: id}) MERGE (i)-[:ABOUT]->(t) }
       CALL (i, q) { UNWIND q.countries AS id MATCH (c:Country {id: id}) MERGE (i)-[:CONCERNS]->(c) }`,
      { rows: rows.slice(start, start + 2_000) },
    );
  }
  return rows.length;
}

const CELL = 'expertCount expertsByLevel { level count } expertsByProvenance { provenance count } demand gap';
const COVERAGE = `query ($themes: [String!], $countries: [String!], $network: String) {
  coverage(themes: $themes, countries: $countries, network: $network) {
    columns { id kind } rows { theme { slug } hasNarrower cells { ${CELL} } }
      gaps { theme { slug } column { id } demand }
  }
}`;
const CELL_DETAIL = `query ($theme: String!, $country: String!) {
  coverageCell(theme: $theme, country: $country) { ${CELL}
    experts(first: 10) { totalCount edges { level provenance node { name } } }
      inquiries(first: 10) { totalCount edges { node { id } } } }
}`;
const SERIES = `query ($from: DateTime, $interval: StatisticsInterval!) {
  inquiryStatistics(from: $from) { received answered answeredOnTime overdue waitedOnMinistriesShare byKind { count }
    byRiskCategory { count }
    series(interval: $interval) { start received answered answeredOnTime overdueAtEnd medianWorkingDaysToAnswer
      byStatus { count } byNetwork { received } } }
}`;
const NETWORKS = `query ($from: DateTime) { networkStatistics(from: $from) {
  network { acronym } activeExperts retiredExperts consentingExperts institutions eventsHeld inquiriesRouted
    inquiriesAnswered } }`;
const THEME_COUNTS =
  '{ themes(first: 100) { edges { node { slug expertCount ' +
  'direct: expertCount(includeNarrower: false) inquiryCount } } } }';
const PLACE_COUNTS =
  '{ countries(first: 100) { edges { node { code expertCount inquiryCount } } } ' +
  'regions { slug expertCount inquiryCount } }';

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  admin?: boolean;
}

async function cases(queries: Queries): Promise<Case[]> {
  const themes = (
    await queries.read<{ id: string }>(
      'MATCH (t:Theme) WHERE t.retiredAt IS NULL RETURN t.id AS id ORDER BY t.id LIMIT 50',
    )
  ).map((r) => r.id);
  const countries = (
    await queries.read<{ id: string }>('MATCH (c:Country) RETURN c.id AS id ORDER BY c.id LIMIT 60')
  ).map((r) => r.id);
  const fiveYearsAgo = new Date(Date.now() - 5 * 365 * DAY_MS).toISOString();
  return [
    { name: 'coverage: top-level themes × regions (default)', query: COVERAGE },
    { name: 'coverage: same, network ckn', query: COVERAGE, variables: { network: 'ckn' } },
    {
      name: 'coverage: technology × CN, RU, TW, East Asia',
      query: COVERAGE,
      variables: { themes: ['technology'], countries: ['CN', 'RU', 'TW', 'East Asia'] },
    },
    { name: 'coverage: 50 themes × 60 countries (the cap)', query: COVERAGE, variables: { themes, countries } },
    {
      name: 'coverageCell semiconductors × CN with experts and inquiries (admin)',
      query: CELL_DETAIL,
      variables: { theme: 'semiconductors', country: 'CN' },
      admin: true,
    },
    { name: 'inquiryStatistics, last year, series by WEEK', query: SERIES, variables: { interval: 'WEEK' } },
    {
      name: 'inquiryStatistics, 5 years, series by MONTH',
      query: SERIES,
      variables: { interval: 'MONTH', from: fiveYearsAgo },
    },
    { name: 'networkStatistics, all time', query: NETWORKS },
    {
      name: 'networkStatistics, last year',
      query: NETWORKS,
      variables: { from: new Date(Date.now() - 365 * DAY_MS).toISOString() },
    },
    { name: 'themes(first: 100) with expert and inquiry counts', query: THEME_COUNTS },
    { name: 'countries(first: 100) and regions with counts', query: PLACE_COUNTS },
  ];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

async function main(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: '',
    NEO4J_BOLT_PORT: '',
    NEO4J_DATA_DIR: path.join(ROOT_DIR, 'data', `bench-${EXPERTS}`),
    NEO4J_HEAP: process.env.NEO4J_HEAP || '1g',
    NEO4J_PAGECACHE: process.env.NEO4J_PAGECACHE || '512m',
    PORT: '0',
    HOST: '127.0.0.1',
    QUERY_STATS: '1',
    SEED_ON_START: '0',
    REQUEST_TIMEOUT_MS: '120000',
  });
  const app = await startApp(config, createLogger('warn'));
  try {
    const queries = app.database.queries();
    await generate(queries, EXPERTS, console.log);
    const inquiries = await generateInquiries(queries, Math.floor(EXPERTS / 10), new Date());
    if (inquiries > 0) console.log(`${inquiries} synthetic inquiries written`);
    const [counts] = await queries.read<{ experts: number; inquiries: number; expertIn: number; focus: number }>(
      `RETURN COUNT { (:Expert) } AS experts, COUNT { (:Inquiry) } AS inquiries,
              COUNT { ()-[:EXPERT_IN]->() } AS expertIn, COUNT { ()-[:FOCUSES_ON]->() } AS focus`,
    );
    const graph = expected(counts, 'the row of the counts');
    const url = `${app.url.replace('localhost', '127.0.0.1')}/graphql`;
    const adminToken = await signedToken(config.auth, { subject: 'bench', name: 'Benchmark', roles: ['admin'] });
    const lines: string[] = [];
    for (const c of await cases(queries)) {
      const latencies: number[] = [];
      const dbTimes: number[] = [];
      const roundTrips = new Set<number>();
      let error = '';
      const started = performance.now();
      for (let run = 0; run < RUNS + 2 && performance.now() - started < CASE_BUDGET_MS; run++) {
        const sent = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(c.admin ? { authorization: `Bearer ${adminToken}` } : {}),
          },
          body: JSON.stringify({ query: c.query, variables: c.variables ?? {} }),
        });
        const body = (await response.json()) as {
          errors?: Array<{ message: string }>;
          extensions?: { queryStats?: { roundTrips: number; dbTimeMs: number } };
        };
        const [failure] = body.errors ?? [];
        if (failure) {
          error = failure.message;
          break;
        }
        if (run < 2) continue; // warm-up
        latencies.push(performance.now() - sent);
        dbTimes.push(body.extensions?.queryStats?.dbTimeMs ?? NaN);
        roundTrips.add(body.extensions?.queryStats?.roundTrips ?? NaN);
      }
      latencies.sort((a, b) => a - b);
      dbTimes.sort((a, b) => a - b);
      const line = error
        ? `| ${c.name} | error: ${error.replace(/\|/g, '/')} | | | | |`
        : `| ${c.name} | ${fmt(percentile(latencies, 50))} | ${fmt(percentile(latencies, 95))} | ` +
          `${fmt(percentile(dbTimes, 50))} | ${[...roundTrips].join('–')} | ${latencies.length} |`;
      console.log(line);
      lines.push(line);
    }
    const report = [
      `# Dashboard aggregates: ${EXPERTS.toLocaleString('en-US')} synthetic experts`,
      '',
      `- When: ${new Date().toISOString()}, Node ${process.version}, ` +
        `${os.cpus().length} cores, 1-min load average ${fmt(os.loadavg()[0] ?? NaN, 1)}`,
      `- Graph: ${graph.experts} experts (${graph.expertIn} EXPERT_IN, ` +
        `${graph.focus} FOCUSES_ON), ${graph.inquiries} inquiries`,
      `- Method: 2 warm-up requests, then up to ${RUNS} ` +
        `(at most ${CASE_BUDGET_MS / 1000} s per case), one at a time over HTTP`,
      '',
      '| case | p50 ms | p95 ms | Neo4j ms (p50) | round trips | runs |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...lines,
      '',
    ].join('\n');
    await mkdir(path.join(ROOT_DIR, 'bench', 'results'), { recursive: true });
    const file = path.join(ROOT_DIR, 'bench', 'results', `aggregates-${EXPERTS}.md`);
    await writeFile(file, report);
    console.log(`\n${report}\nWritten to ${path.relative(ROOT_DIR, file)}`);
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
