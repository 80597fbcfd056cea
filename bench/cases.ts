/**
 * The single-request cases: whoKnows, experts, node and the curation reads, each sent one at a time (a
 * few warm-up requests, then up to BENCH_RUNS), as a client sees them. Shows how a request's latency
 * follows its page and not the graph, for more than the whoKnows page the side-by-side measures.
 */
import type { App } from '../src/app.js';
import { encodeCursor } from '../src/graphql/paging.js';
import { dataOf, expected, fmt, percentile, postGraphql, type GraphqlBody } from './http.js';

const WARMUP_RUNS = 3;
/** A case stops early after this long, so a slow case cannot stretch the run without bound. */
const CASE_BUDGET_MS = 20_000;

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
  experts(first: $first, after: $after) { edges { cursor node { id name headline } }
    pageInfo { hasNextPage endCursor } }
}`;
const NODE = `query ($id: ID!) {
  node(id: $id) { id ... on Expert { name bio affiliations { role institution { name } }
                  expertise { level theme { name } }
                  countryFocus { level country { name } } contributions(first: 5) { title date } } }
}`;

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Sent as a bearer token (signing and verifying it are part of what is measured); none: a viewer. */
  token?: string;
}

// What a secretariat asks while curating.
const HISTORY =
  'query ($id: String!) { history(id: $id, first: 20) { totalCount ' +
  'edges { node { at action actorName fields before after } } } }';
const DUPLICATES =
  '{ duplicateExperts(first: 20) { totalCount edges { node { score reasons { text } experts { id name } } } } }';
const CONTACTS_PAGE = `{ experts(first: 20) { edges { node { id name email phone contactConsent } } } }`;
const STATISTICS =
  '{ inquiryStatistics { received answered answeredOnTime medianWorkingDaysToAnswer byNetwork { received } } }';

type CursorPage = { whoKnows: { pageInfo: { endCursor: string | null } } };

/** The cursor after `pages` pages of whoKnows, taken from real responses (null: there were fewer pages). */
async function whoKnowsCursor(url: string, vars: Record<string, unknown>, pages: number): Promise<string | null> {
  let after: string | null = null;
  for (let i = 0; i < pages; i++) {
    const page: { body: GraphqlBody<CursorPage> } = await postGraphql<CursorPage>(url, WHO_KNOWS, { ...vars, after });
    after = dataOf(page.body).whoKnows.pageInfo.endCursor;
  }
  return after;
}

async function cases(url: string, app: App, adminToken: string, experts: number): Promise<Case[]> {
  const q = app.database.queries();
  // A history to read: a seed or synthetic expert changed once through the API.
  const [toChange] = await q.read<{ id: string; version: number }>(
    'MATCH (e:Expert) WHERE e.retiredAt IS NULL RETURN e.id AS id, coalesce(e.version, 1) AS version LIMIT 1',
  );
  const changed = expected(toChange, 'an expert to change');
  await postGraphql(
    url,
    'mutation ($input: UpdateExpertInput!) { updateExpert(input: $input) { version } }',
    {
      input: {
        id: changed.id,
        expectedVersion: changed.version,
        headline: `Benchmarked ${new Date().toISOString()}`,
      },
    },
    adminToken,
  );
  // Deep paging without walking 2,500 pages: a keyset cursor at the middle of the name order, built
  // with the server's own encoder (the same as an endCursor the client would have been handed).
  const [atMiddle] = await q.read<{ name: string; id: string }>(
    'MATCH (e:Expert) WHERE e.name IS NOT NULL WITH e ORDER BY e.name, e.id ' +
      'SKIP $skip LIMIT 1 RETURN e.name AS name, e.id AS id',
    { skip: Math.floor(experts / 2) },
  );
  const middle = expected(atMiddle, 'an expert in the middle of the name order');
  const firstExperts = await postGraphql<{ experts: { edges: Array<{ node: { id: string } }> } }>(url, EXPERTS_PAGE, {
    first: 1,
  });
  const expertGlobalId = expected(dataOf(firstExperts.body).experts.edges[0], 'an expert on the first page').node.id;
  const tech = { about: 'technology', first: 20 };
  const semiTw = { about: 'semiconductors', country: 'TW', first: 20 };
  return [
    { name: 'whoKnows "technology" (broad, narrower incl.), first 20', query: WHO_KNOWS, variables: tech },
    { name: 'whoKnows "technology", first 100', query: WHO_KNOWS, variables: { ...tech, first: 100 } },
    {
      name: 'whoKnows "technology", page 5 (after)',
      query: WHO_KNOWS,
      variables: { ...tech, after: await whoKnowsCursor(url, tech, 4) },
    },
    {
      name: 'whoKnows "lithography" (narrow), first 20',
      query: WHO_KNOWS,
      variables: { about: 'lithography', first: 20 },
    },
    { name: 'whoKnows "semiconductors" in TW, first 20', query: WHO_KNOWS, variables: semiTw },
    {
      name: 'whoKnows "semiconductors" in TW, page 5 (after)',
      query: WHO_KNOWS,
      variables: { ...semiTw, after: await whoKnowsCursor(url, semiTw, 4) },
    },
    {
      name: 'whoKnows "sanctions" in Central Asia, first 20',
      query: WHO_KNOWS,
      variables: { about: 'sanctions', country: 'Central Asia', first: 20 },
    },
    {
      name: 'whoKnows "rare earth refining" (full text), first 20',
      query: WHO_KNOWS,
      variables: { about: 'rare earth refining', first: 20 },
    },
    {
      name: 'whoKnows "rare earth refining", first 100',
      query: WHO_KNOWS,
      variables: { about: 'rare earth refining', first: 100 },
    },
    { name: 'experts, first 20', query: EXPERTS_PAGE, variables: { first: 20 } },
    {
      name: 'experts, first 20, mid-list (after)',
      query: EXPERTS_PAGE,
      variables: { first: 20, after: encodeCursor([middle.name, middle.id]) },
    },
    { name: 'node(id:) expert with details', query: NODE, variables: { id: expertGlobalId } },
    {
      name: 'experts, first 20, with contact details (admin token)',
      query: CONTACTS_PAGE,
      variables: {},
      token: adminToken,
    },
    {
      name: 'history(id:) of an expert, first 20 (admin token)',
      query: HISTORY,
      variables: { id: changed.id },
      token: adminToken,
    },
    { name: 'duplicateExperts, first 20 (admin token)', query: DUPLICATES, variables: {}, token: adminToken },
    { name: 'inquiryStatistics, last 365 days', query: STATISTICS, variables: {} },
  ];
}

/** The totals a case's answer may carry (which one depends on the case). */
type Counted = Partial<Record<'whoKnows' | 'duplicateExperts' | 'history', { totalCount?: number }>>;

export interface CaseResult {
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

async function measureCase(url: string, c: Case, runs: number): Promise<CaseResult> {
  for (let i = 0; i < WARMUP_RUNS; i++) await postGraphql(url, c.query, c.variables, c.token);
  const latencies: number[] = [];
  const dbTimes: number[] = [];
  const roundTrips = new Set<number>();
  let total = '—';
  let bytes = 0;
  const started = performance.now();
  while (latencies.length < runs && performance.now() - started < CASE_BUDGET_MS) {
    const { ms, bytes: size, body } = await postGraphql<Counted>(url, c.query, c.variables, c.token);
    latencies.push(ms);
    dbTimes.push(body.extensions?.queryStats?.dbTimeMs ?? NaN);
    roundTrips.add(body.extensions?.queryStats?.roundTrips ?? NaN);
    const count =
      body.data?.whoKnows?.totalCount ?? body.data?.duplicateExperts?.totalCount ?? body.data?.history?.totalCount;
    if (count !== undefined) total = String(count);
    bytes = size;
  }
  latencies.sort((a, b) => a - b);
  dbTimes.sort((a, b) => a - b);
  return {
    name: c.name,
    runs: latencies.length,
    p50: percentile(latencies, 50) ?? NaN,
    p95: percentile(latencies, 95) ?? NaN,
    max: latencies.at(-1) ?? NaN,
    dbP50: percentile(dbTimes, 50) ?? NaN,
    roundTrips: [...roundTrips].sort((a, b) => a - b).join('–'),
    total,
    kb: bytes / 1024,
  };
}

/** Every case, one after the other; a case that fails is reported with its error and the others go on. */
export async function singleRequestCases(
  url: string,
  app: App,
  adminToken: string,
  options: { experts: number; runs: number; log: (line: string) => void },
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of await cases(url, app, adminToken, options.experts)) {
    const result = await measureCase(url, c, options.runs).catch((error: unknown) => ({
      name: c.name,
      runs: 0,
      p50: NaN,
      p95: NaN,
      max: NaN,
      dbP50: NaN,
      roundTrips: '—',
      total: '—',
      kb: NaN,
      error: error instanceof Error ? error.message : String(error),
    }));
    const failure = result.error ? ` — ${result.error}` : '';
    options.log(`  ${c.name}: p50 ${fmt(result.p50)} ms, p95 ${fmt(result.p95)} ms, total ${result.total}${failure}`);
    results.push(result);
  }
  return results;
}

export function casesTable(results: CaseResult[]): string[] {
  return [
    '| case | p50 ms | p95 ms | max ms | Neo4j ms (p50) | round trips | totalCount | response KiB | runs |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) =>
      r.error
        ? `| ${r.name} | error: ${r.error.replace(/\|/g, '/')} | | | | | | | 0 |`
        : `| ${r.name} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.max)} | ` +
          `${fmt(r.dbP50)} | ${r.roundTrips} | ${r.total} | ${fmt(r.kb)} | ${r.runs} |`,
    ),
  ];
}
