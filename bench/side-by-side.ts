/**
 * The side-by-side measurement on one store: for each question, the API over HTTP, the project's ranking
 * straight through the driver (raw.ts) and the @neo4j/graphql peer (peer.ts), each checked once (the page
 * it answers, its round trips, its db hits from PROFILE), timed one request at a time, then loaded with
 * autocannon. Targets take turns question by question, so a drift of the machine's load hits all three.
 */
import { createRequire } from 'node:module';
import type * as GraphqlModule from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { ANONYMOUS } from '../src/auth/viewer.js';
import { createContext } from '../src/graphql/context.js';
import { schema } from '../src/schema.js';
import { rankExperts } from '../src/whoknows/service.js';
import { dataOf, fmt, percentile, postGraphql } from './http.js';
import { startLoadGenerator, type LoadGenerator, type LoadResult } from './load.js';
import { startPeer, peerRequest, type Peer } from './peer.js';
import { profile, profiler } from './profile-hits.js';
import { resolveQuestions, type Question } from './questions.js';
import { PAGE_SIZE, startRaw, type RawTarget } from './raw.js';
import type { BenchStore } from './store.js';

/** What a search page asks: 20 experts with their reasons, affiliations, networks and themes, and the total. */
export const WHO_KNOWS_PAGE = `query WhoKnowsPage($about: String!, $country: String, $first: Int) {
  whoKnows(about: $about, country: $country, first: $first) {
    totalCount matchedBy
    edges { score reasons { kind text points }
            node { id name headline affiliations { role current institution { name } } networks { acronym }
              expertise { level theme { name } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

// graphql as the schema's plugins load it (CommonJS): under vitest a plain import would be its ES build, another realm.
const { execute, parse } = createRequire(import.meta.url)('graphql') as typeof GraphqlModule;

export type TargetName = 'api' | 'raw' | 'ranking' | 'peer';
export const TARGETS: readonly TargetName[] = ['api', 'raw', 'ranking', 'peer'];

export interface TargetResult {
  /** Experts on the page and the total it reports. */
  experts: number;
  total: number;
  roundTrips: number | null;
  /** Total db hits from PROFILE: the ranking's (api, raw), everything the request sends (api page, peer). */
  dbHits: number | null;
  pageDbHits: number | null;
  /** p50 of requests sent one at a time, in ms. */
  singleP50: number;
  load: LoadResult;
}

export interface QuestionResult {
  key: string;
  label: string;
  /** By target; one may be missing (a result from before it was measured). */
  targets: Partial<Record<TargetName, TargetResult | { error: string }>>;
}

export interface SideBySideOptions {
  connections: number;
  durationSeconds: number;
  singleRuns: number;
  log: (line: string) => void;
}

interface Target {
  url: string;
  body: string;
  mustInclude: string;
  /** One request, checked: its page and its round trips. */
  check(): Promise<{ experts: number; total: number; roundTrips: number | null }>;
  dbHits(): Promise<{ dbHits: number | null; pageDbHits: number | null }>;
}

export async function sideBySide(store: BenchStore, options: SideBySideOptions): Promise<QuestionResult[]> {
  const questions = await resolveQuestions(store.app.database.queries());
  const driver = neo4j.driver(store.app.neo4jUri);
  const raw = await startRaw(store.app.neo4jUri, questions);
  const peer = await startPeer(store.app.neo4jUri);
  const load = startLoadGenerator();
  try {
    const results: QuestionResult[] = [];
    for (const question of questions) {
      const targets: QuestionResult['targets'] = {};
      for (const name of TARGETS) {
        const target = targetFor(name, question, store, raw, peer, driver);
        const r = await measure(target, load, options).catch((error: unknown) => ({
          error: error instanceof Error ? error.message : String(error),
        }));
        targets[name] = r;
        options.log(
          'error' in r
            ? `  ${question.key} ${name}: error: ${r.error}`
            : `  ${question.key} ${name}: ${fmt(r.load.reqPerSec)} req/s, ` +
                `p50 ${fmt(r.load.p50, 0)} ms, single p50 ${fmt(r.singleP50, 0)} ms, ` +
                `${r.experts} experts of ${r.total}, ${r.roundTrips ?? 'n/a'} round trips, ` +
                `${r.dbHits ?? 'n/a'} db hits`,
        );
      }
      results.push({ key: question.key, label: question.label, targets });
    }
    return results;
  } finally {
    load.close();
    await peer.stop();
    await raw.stop();
    await driver.close();
  }
}

async function measure(target: Target, generator: LoadGenerator, options: SideBySideOptions): Promise<TargetResult> {
  const checked = await target.check();
  const { dbHits, pageDbHits } = await target.dbHits();
  const latencies: number[] = [];
  for (let i = 0; i < options.singleRuns + 2; i++) {
    const started = performance.now();
    await send(target);
    if (i >= 2) latencies.push(performance.now() - started); // two warm up
  }
  latencies.sort((a, b) => a - b);
  const load = await generator.run({
    url: target.url,
    body: target.body,
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    mustInclude: target.mustInclude,
  });
  return { ...checked, dbHits, pageDbHits, singleP50: percentile(latencies, 50) ?? NaN, load };
}

/** A page of experts as a target answers it, as far as the check reads it. */
interface CheckedPage {
  edges: unknown[];
  totalCount: number;
}

/** The page in an answer: throws when the answer has none (a target that answers something else is broken). */
function checkedPage(value: unknown): CheckedPage {
  const page = value as Partial<CheckedPage> | null | undefined;
  if (!Array.isArray(page?.edges) || typeof page.totalCount !== 'number') throw new Error('no page of experts');
  return { edges: page.edges, totalCount: page.totalCount };
}

async function send(target: Target): Promise<Record<string, unknown> | undefined> {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: target.body,
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
  if (!response.ok || body.errors?.length) throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return body.data;
}

function targetFor(
  name: TargetName,
  question: Question,
  store: BenchStore,
  raw: RawTarget,
  peer: Peer,
  driver: Driver,
): Target {
  const variables = { about: question.about, country: question.country, first: PAGE_SIZE };
  const rankingDbHits = async () => {
    const profiled = profiler(driver);
    await rankExperts(profiled.queries, question.subject, PAGE_SIZE, 'en');
    return profiled.dbHits;
  };
  if (name === 'api') {
    return {
      url: store.url,
      body: JSON.stringify({ query: WHO_KNOWS_PAGE, variables }),
      mustInclude: '"whoKnows"',
      async check() {
        const { body } = await postGraphql<{ whoKnows: unknown }>(store.url, WHO_KNOWS_PAGE, variables);
        const page = checkedPage(dataOf(body).whoKnows);
        return {
          experts: page.edges.length,
          total: page.totalCount,
          roundTrips: body.extensions?.queryStats?.roundTrips ?? null,
        };
      },
      async dbHits() {
        // The whole operation in this process, every query it sends profiled.
        const profiled = profiler(driver);
        const context = createContext(profiled.database, ANONYMOUS, store.config.limits.maxCost);
        const result = await execute({
          schema,
          document: parse(WHO_KNOWS_PAGE),
          variableValues: variables,
          contextValue: context,
        });
        context.release();
        const [error] = result.errors ?? [];
        if (error) throw new Error(`profiled operation failed: ${error.message}`);
        return { dbHits: await rankingDbHits(), pageDbHits: profiled.dbHits };
      },
    };
  }
  if (name === 'raw' || name === 'ranking') {
    const body = JSON.stringify({ question: question.key, mode: name === 'raw' ? 'page' : 'ranking' });
    return {
      url: raw.url,
      body,
      mustInclude: '"edges"',
      async check() {
        raw.resetStats();
        const page = checkedPage(await send({ url: raw.url, body } as Target));
        return { experts: page.edges.length, total: page.totalCount, roundTrips: raw.stats().roundTrips };
      },
      async dbHits() {
        const dbHits = await rankingDbHits();
        if (name === 'ranking') return { dbHits, pageDbHits: dbHits };
        return { dbHits, pageDbHits: null }; // the same reads as the API's page: see its row
      },
    };
  }
  const request = peerRequest(question, PAGE_SIZE);
  const body = JSON.stringify({ query: request.query, variables: request.variables });
  return {
    url: peer.url,
    body,
    mustInclude: `"${request.field}"`,
    async check() {
      peer.resetCount();
      const page = checkedPage((await send({ url: peer.url, body } as Target))?.[request.field]);
      return { experts: page.edges.length, total: page.totalCount, roundTrips: peer.queriesSent() };
    },
    async dbHits() {
      const captured = peer.lastQuery();
      if (!captured) return { dbHits: null, pageDbHits: null };
      const { dbHits } = await profile(driver, captured.cypher, captured.params, false);
      return { dbHits, pageDbHits: dbHits };
    },
  };
}
