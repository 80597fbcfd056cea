/**
 * `npm run soak -- --minutes N [--clients C] [--no-writes]`: a mixed read/write load for N minutes, to see whether
 * the service holds over time: requests, errors by code, p50/p99 latency, and memory growth of the API and of
 * Neo4j. Not part of CI.
 *
 * Without SOAK_URL it starts the app as the bench does, in this process, on a fresh embedded Neo4j in a
 * temporary folder (seeded, deleted afterwards). With SOAK_URL it loads a running server on this machine
 * (loopback only); tokens are then minted with the secret the configuration names (AUTH_SECRET, or the embedded
 * default's local secret in NEO4J_DATA_DIR), and the API's memory comes from its /metrics.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startApp, type App } from '../src/app.js';
import { createLogger } from '../src/logging.js';
import { openAuthenticator, type Authenticator } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';
import { expected } from './http.js';

const JVM_MAIN_CLASS = 'nl.expertisegraph.neo4j.EmbeddedNeo4j';
const REQUEST_TIMEOUT_MS = 30_000;
const SAMPLE_EVERY_MS = 30_000;
const MiB = 2 ** 20;

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    clients: { type: 'string', default: '8' },
    'no-writes': { type: 'boolean', default: false },
  },
});
const minutes = Number(args.minutes);
const clients = Number(args.clients);
if (!(minutes > 0 && minutes <= 24 * 60))
  fail(`--minutes ${args.minutes} is not a number of minutes above 0, at most 1440`);
if (!(Number.isInteger(clients) && clients >= 1 && clients <= 256))
  fail(`--clients ${args.clients} is not a whole number from 1 to 256`);
const writes = !args['no-writes'];

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

// What the load asks: the headline query and its neighbours, as the seed's names make them meaningful.
/** Theme names (whoKnows also takes free text; an inquiry's themes and similarInquiries' `about` must be themes). */
const THEMES = [
  'halfgeleiders',
  'semiconductors',
  'technology',
  'sanctions',
  'export controls',
  'lithografie',
  'geopolitics',
];
const ABOUT = [
  'halfgeleiders',
  'semiconductors',
  'technology',
  'sanctions',
  'export controls',
  'lithografie',
  'geopolitics',
  'rare earth refining',
  'Arctic shipping',
];
const COUNTRIES = [null, 'CN', 'Taiwan', 'RU', 'Central Asia', 'UA'];
const QUESTIONS = [
  'Mogen wij lithografiekennis delen met een Chinese partneruniversiteit?',
  'Which experts follow sanctions evasion through Central Asia?',
  'halfgeleiders export Taiwan',
];
const WHO_KNOWS = `query ($about: String!, $country: String) { whoKnows(about: $about, country: $country, first: 20) {
  totalCount edges { score reasons { text } node { id name headline affiliations { role institution { name } } } }
    pageInfo { endCursor } } }`;
const SIMILAR =
  'query ($question: String!, $about: String) { similarInquiries(question: $question, ' +
  'about: $about, first: 10) { inquiry { id question } reasons { text } } }';
const NODE =
  'query ($id: ID!) { node(id: $id) { id ... on Expert { name expertise { level theme { name } } ' +
  'countryFocus { country { name } } contributions(first: 5) { title } } } }';
const LISTS =
  'query ($after: String) { experts(first: 20, after: $after) { edges { node { id name } } ' +
  'pageInfo { endCursor } } themes(first: 20) { edges { node { name } } } }';
const INQUIRIES = `{ inquiries(first: 20) { totalCount edges { node { id status overdue } } } }`;
const RECORD =
  'mutation ($input: RecordInquiryInput!) { recordInquiry(input: $input) { ' +
  'inquiry { id version status } suggestedExperts { totalCount } } }';
const CHANGE_STATUS =
  'mutation ($input: ChangeInquiryStatusInput!) { changeInquiryStatus(input: $input) { id version status } }';
const UPDATE_EXPERT = `mutation ($input: UpdateExpertInput!) { updateExpert(input: $input) { id version } }`;

interface Tokens {
  officer: string;
  secretariat: string;
  admin: string;
}

interface Stats {
  requests: number;
  byOperation: Map<string, number[]>;
  byOutcome: Map<string, number>;
}

const pick = <T>(list: readonly T[]): T => expected(list[Math.floor(Math.random() * list.length)], 'an item to pick');

/** An answer's JSON as the soak reads it: what its writes return, and the codes of its errors. */
interface SoakBody {
  data?: {
    recordInquiry?: { inquiry?: { id: string; version: number; status: string } | null } | null;
    changeInquiryStatus?: { id: string; version: number; status: string } | null;
    updateExpert?: { id: string; version: number } | null;
    experts?: { edges?: Array<{ node: { id: string; slug: string; version: number } }> } | null;
    createExpert?: { id: string; slug: string; version: number } | null;
  } | null;
  errors?: Array<{ extensions?: { code?: string } } | null>;
}

interface Answer {
  status: number | 'no answer';
  /** Null when the answer was not JSON. */
  body: SoakBody | null;
}

async function post(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<Answer> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    let body: SoakBody | null = null;
    try {
      body = JSON.parse(text) as SoakBody;
    } catch {
      /* counted as not JSON below */
    }
    return { status: response.status, body };
  } catch {
    return { status: 'no answer', body: null };
  }
}

/** The state the writing clients share: inquiries they filed, and the soak's own expert with its version. */
interface Shared {
  inquiries: Array<{ id: string; version: number; status: string }>;
  expert: { id: string; version: number } | null;
  expertIds: string[];
}

type Action = {
  name: string;
  weight: number;
  run: (url: string, tokens: Tokens, shared: Shared) => Promise<Answer>;
};

const ACTIONS: Action[] = [
  {
    name: 'whoKnows',
    weight: 30,
    run: (url) => post(url, WHO_KNOWS, { about: pick(ABOUT), country: pick(COUNTRIES) }),
  },
  {
    name: 'similarInquiries',
    weight: 12,
    run: (url, t) => post(url, SIMILAR, { question: pick(QUESTIONS), about: pick([null, ...THEMES]) }, t.officer),
  },
  { name: 'node', weight: 15, run: (url, _t, s) => post(url, NODE, { id: pick(s.expertIds) }) },
  { name: 'lists', weight: 12, run: (url) => post(url, LISTS, {}) },
  { name: 'inquiries', weight: 6, run: (url, t) => post(url, INQUIRIES, {}, t.secretariat) },
  {
    name: 'recordInquiry',
    weight: 10,
    run: async (url, t, s) => {
      const result = await post(
        url,
        RECORD,
        {
          input: {
            kind: 'EXPERTISE_REQUEST',
            routedTo: 'ckn',
            question: `Soak: ${pick(QUESTIONS)}`,
            askedBy: 'min-ezk',
            themes: [pick(THEMES)],
            countries: ['CN'],
          },
        },
        t.officer,
      );
      const inquiry = result.body?.data?.recordInquiry?.inquiry;
      if (inquiry) s.inquiries.push({ id: inquiry.id, version: inquiry.version, status: inquiry.status });
      if (s.inquiries.length > 200) s.inquiries.shift();
      return result;
    },
  },
  {
    name: 'changeInquiryStatus',
    weight: 8,
    run: async (url, t, s) => {
      const inquiry = s.inquiries.length ? pick(s.inquiries) : null;
      if (!inquiry) return post(url, INQUIRIES, {}, t.secretariat);
      // An inquiry's life, shortened: taken up, then closed unanswered (which needs a note), then left alone.
      const status = inquiry.status === 'RECEIVED' ? 'IN_PROGRESS' : 'CLOSED';
      const result = await post(
        url,
        CHANGE_STATUS,
        { input: { id: inquiry.id, expectedVersion: inquiry.version, status, note: 'Soak: withdrawn' } },
        t.secretariat,
      );
      const changed = result.body?.data?.changeInquiryStatus;
      if (changed) Object.assign(inquiry, { version: changed.version, status: changed.status });
      if (changed?.status === 'CLOSED') s.inquiries.splice(s.inquiries.indexOf(inquiry), 1);
      return result;
    },
  },
  {
    name: 'updateExpert',
    weight: 7,
    run: async (url, t, s) => {
      if (!s.expert) return post(url, LISTS, {});
      const result = await post(
        url,
        UPDATE_EXPERT,
        {
          input: {
            id: s.expert.id,
            expectedVersion: s.expert.version,
            headline: `Soak run, updated ${new Date().toISOString()}`,
          },
        },
        t.admin,
      );
      const updated = result.body?.data?.updateExpert;
      if (updated) s.expert.version = updated.version;
      return result;
    },
  },
];

/** The outcome of one response: ok, or its error codes (and HTTP status when not 200). */
function outcomes({ status, body }: Answer): string[] {
  if (status === 'no answer') return ['no answer (timeout or reset)'];
  if (body === null) return [`HTTP ${status}, not JSON`];
  const codes = (body.errors ?? []).map((e) => e?.extensions?.code ?? 'no code');
  const http = status === 200 ? [] : [`HTTP ${status}`];
  return codes.length || http.length ? [...http, ...codes] : ['ok'];
}

async function client(
  url: string,
  tokens: Tokens,
  shared: Shared,
  until: number,
  stats: Stats,
  actions: Action[],
): Promise<void> {
  const total = actions.reduce((sum, a) => sum + a.weight, 0);
  while (Date.now() < until) {
    let r = Math.random() * total;
    const action = actions.find((a) => (r -= a.weight) < 0) ?? expected(actions[0], 'an action');
    const started = performance.now();
    const answer = await action.run(url, tokens, shared);
    const ms = performance.now() - started;
    stats.requests++;
    const list = stats.byOperation.get(action.name) ?? [];
    list.push(ms);
    stats.byOperation.set(action.name, list);
    for (const outcome of outcomes(answer)) {
      const key = outcome === 'ok' ? outcome : `${action.name} ${outcome}`;
      stats.byOutcome.set(key, (stats.byOutcome.get(key) ?? 0) + 1);
    }
  }
}

interface Memory {
  apiHeap: number | null;
  apiRss: number | null;
  neo4jRss: number | null;
  neo4jHeap: number | null;
}

async function rssOf(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  const kb = status ? /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] : undefined;
  return kb ? Number(kb) * 1024 : null;
}

/** The embedded Neo4j JVM: the one on our data folder, or, when loading a running server, the only one there is. */
async function neo4jPid(dataDir: string | null): Promise<number | null> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const argv = await readFile(`/proc/${entry}/cmdline`, 'utf8').then(
      (s) => s.split('\0'),
      (): string[] => [],
    );
    if (!argv.includes(JVM_MAIN_CLASS)) continue;
    if (dataDir === null || argv.includes(`--home=${dataDir}`)) found.push(Number(entry));
  }
  return found.length === 1 ? (found[0] ?? null) : null;
}

async function metricsOf(baseUrl: string): Promise<{ heap: number | null; rss: number | null }> {
  const text = await fetch(`${baseUrl}/metrics`).then(
    (r) => (r.ok ? r.text() : ''),
    () => '',
  );
  const value = (name: string) => {
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(text);
    return match ? Number(match[1]) : null;
  };
  return { heap: value('nodejs_heap_size_used_bytes'), rss: value('process_resident_memory_bytes') };
}

async function memory(app: App | null, baseUrl: string, jvm: number | null): Promise<Memory> {
  let neo4jHeap: number | null = null;
  if (app) {
    // The JVM's own view of its heap (the RSS also holds the page cache and off-heap buffers).
    const rows = await app.database
      .queries()
      .read<{ used: unknown }>(
        `CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes ` +
          'RETURN attributes.HeapMemoryUsage.value.properties.used AS used',
      )
      .catch(() => []);
    neo4jHeap = rows[0] ? Number(rows[0].used) : null;
  }
  const api = app ? { heap: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss } : await metricsOf(baseUrl);
  return { apiHeap: api.heap, apiRss: api.rss, neo4jRss: jvm === null ? null : await rssOf(jvm), neo4jHeap };
}

async function tokensFrom(authenticator: Authenticator): Promise<Tokens> {
  if (!authenticator.mint)
    fail(
      'This configuration verifies tokens from an identity provider ' +
        '(AUTH_JWKS_URL): set AUTH_SECRET to the server’s secret to soak it.',
    );
  return {
    officer: await authenticator.mint({ subject: 'soak-officer', name: 'Soak officer', roles: ['officer'] }),
    secretariat: await authenticator.mint({
      subject: 'soak-secretariat',
      name: 'Soak secretariat',
      roles: ['secretariat'],
      networks: ['ckn'],
    }),
    admin: await authenticator.mint({ subject: 'soak-admin', name: 'Soak admin', roles: ['admin'] }),
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const mib = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / MiB).toFixed(0)} MiB`);
const growth = (from: number | null, to: number | null) =>
  from === null || to === null ? '—' : `${to >= from ? '+' : ''}${((to - from) / MiB).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const soakUrl = process.env.SOAK_URL;
  let app: App | null = null;
  let dataDir: string | null = null;
  let baseUrl: string;
  let authenticator: Authenticator;
  if (soakUrl) {
    const target = new URL(soakUrl);
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname))
      fail(`SOAK_URL must be a server on this machine (127.0.0.1, localhost or [::1]), not ${target.hostname}`);
    baseUrl = target.origin;
    authenticator = await openAuthenticator(loadConfig(process.env).auth);
  } else {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-soak-'));
    const config = loadConfig({
      ...process.env,
      NEO4J_URI: '',
      NEO4J_BOLT_PORT: '',
      NEO4J_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_ON_START: '1',
      QUERY_STATS: '0',
    });
    authenticator = await openAuthenticator(config.auth);
    // The soak mints its own tokens (the sample tokens file of its data dir goes unread).
    app = await startApp(config, createLogger('warn'));
    baseUrl = app.url.replace('localhost', '127.0.0.1');
  }
  // Always stop (and delete the temporary store), even on Ctrl-C.
  const stop = async () => {
    await app?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    const url = `${baseUrl}/graphql`;
    const tokens = await tokensFrom(authenticator);
    // With SOAK_URL: the embedded JVM on the configured data folder (NEO4J_DATA_DIR), if that is what the server runs.
    const config = soakUrl ? loadConfig(process.env) : null;
    const jvm = await neo4jPid(dataDir ?? (config?.neo4j.kind === 'embedded' ? config.neo4j.dataDir : null));
    const experts = await post(url, `{ experts(first: 50) { edges { node { id slug version } } } }`, {}, tokens.admin);
    const expertNodes = experts.body?.data?.experts?.edges?.map((e) => e.node) ?? [];
    if (expertNodes.length === 0) fail(`No experts at ${url}: ${JSON.stringify(experts.body).slice(0, 300)}`);
    const shared: Shared = { inquiries: [], expert: null, expertIds: expertNodes.map((e) => e.id) };
    if (writes) {
      // An expert of the soak's own to update, so that a soak against a real store changes nobody real.
      const created = await post(
        url,
        `mutation ($input: CreateExpertInput!) { createExpert(input: $input) { id slug version } }`,
        {
          input: { name: `Soak Expert ${Date.now().toString(36)}`, networks: ['CKN'] },
        },
        tokens.admin,
      );
      const expert = created.body?.data?.createExpert;
      if (!expert) fail(`Could not create the soak's expert: ${JSON.stringify(created.body).slice(0, 300)}`);
      shared.expert = { id: expert.slug, version: expert.version };
    }
    const actions = writes
      ? ACTIONS
      : ACTIONS.filter((a) => !['recordInquiry', 'changeInquiryStatus', 'updateExpert'].includes(a.name));

    // Warm up, then the baseline.
    const warm: Stats = { requests: 0, byOperation: new Map(), byOutcome: new Map() };
    await Promise.all(
      Array.from({ length: clients }, () => client(url, tokens, shared, Date.now() + 10_000, warm, actions)),
    );
    const start = await memory(app, baseUrl, jvm);
    const samples: Memory[] = [start];
    console.log(
      `Soak: ${clients} clients for ${minutes} min against ${url}${writes ? '' : ' (no writes)'}; ` +
        `memory sampled every ${SAMPLE_EVERY_MS / 1000} s`,
    );

    const stats: Stats = { requests: 0, byOperation: new Map(), byOutcome: new Map() };
    const began = Date.now();
    const until = began + minutes * 60_000;
    const sampler = setInterval(() => {
      void memory(app, baseUrl, jvm).then((m) => {
        samples.push(m);
        console.log(
          `  ${((Date.now() - began) / 60_000).toFixed(1)} min: ${stats.requests} requests; ` +
            `API heap ${mib(m.apiHeap)}, RSS ${mib(m.apiRss)}; Neo4j RSS ${mib(m.neo4jRss)}, ` +
            `heap ${mib(m.neo4jHeap)}`,
        );
      });
    }, SAMPLE_EVERY_MS);
    await Promise.all(Array.from({ length: clients }, () => client(url, tokens, shared, until, stats, actions)));
    clearInterval(sampler);
    const seconds = (Date.now() - began) / 1000;

    // Let garbage collection catch up before the last sample: a few idle seconds and a light request.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await post(url, '{ regions { id } }', {});
    const end = await memory(app, baseUrl, jvm);
    const peak = (key: keyof Memory) =>
      samples.concat(end).reduce<number | null>((max, m) => (m[key] === null ? max : Math.max(max ?? 0, m[key])), null);

    const all = [...stats.byOperation.values()].flat().sort((a, b) => a - b);
    const lines = [
      `# Soak: ${minutes} min, ${clients} clients`,
      '',
      `- When: ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} cores; ` +
        `target ${soakUrl ? url : 'in-process app on a fresh embedded Neo4j (seeded)'}`,
      `- Requests: ${stats.requests} in ${seconds.toFixed(0)} s ` +
        `(${(stats.requests / seconds).toFixed(1)}/s); latency p50 ${percentile(all, 50).toFixed(1)} ms, ` +
        `p99 ${percentile(all, 99).toFixed(1)} ms, max ${(all.at(-1) ?? NaN).toFixed(0)} ms`,
      `- Outcomes: ${[...stats.byOutcome]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
      `- API${app ? ' (this process: the app and the load generator)' : ' (from /metrics)'}: ` +
        `heap ${mib(start.apiHeap)} → ${mib(end.apiHeap)} ` +
        `(${growth(start.apiHeap, end.apiHeap)}, peak ${mib(peak('apiHeap'))}); ` +
        `RSS ${mib(start.apiRss)} → ${mib(end.apiRss)} (${growth(start.apiRss, end.apiRss)}, ` +
        `peak ${mib(peak('apiRss'))})`,
      `- Neo4j JVM${jvm === null ? ' (not found on this machine)' : ` (pid ${jvm})`}: ` +
        `RSS ${mib(start.neo4jRss)} → ${mib(end.neo4jRss)} (${growth(start.neo4jRss, end.neo4jRss)}, ` +
        `peak ${mib(peak('neo4jRss'))}); heap ${mib(start.neo4jHeap)} → ${mib(end.neo4jHeap)}`,
      '',
      '| operation | requests | p50 ms | p99 ms | max ms |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...[...stats.byOperation].map(([name, list]) => {
        list.sort((a, b) => a - b);
        return (
          `| ${name} | ${list.length} | ${percentile(list, 50).toFixed(1)} | ` +
          `${percentile(list, 99).toFixed(1)} | ${(list.at(-1) ?? NaN).toFixed(0)} |`
        );
      }),
      '',
    ];
    console.log(`\n${lines.join('\n')}`);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
