/**
 * The warm-up: before the server says ready at start (and again, in the background, each time Neo4j answers after
 * it was unreachable), it asks the questions the first visitors will ask, one at a time and without the request
 * deadline, so that Neo4j plans their queries once (planning the ranking queries took 3-14 s each on a busy
 * 2-core machine, running them afterwards tens of milliseconds; src/db/first-runs.ts), loads the name
 * vocabulary, opens the full-text indexes and reads the standings' and names' pages into its page cache.
 * At start, until it ends, `/readyz` answers 503 with the step it is at.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';
import { ANONYMOUS, systemViewer } from './auth/viewer.js';
import { ROOT_DIR } from './config.js';
import type { Database } from './db/database.js';
import { DatabaseUnavailableError } from './db/errors.js';
import { schemaNotOnline } from './db/readiness.js';
import { createContext } from './graphql/context.js';
import { currentVocabulary } from './names/interpret.js';
import { schema } from './schema.js';
import { warmUpNames } from './whoknows/repository.js';

/**
 * graphql-js as the schema's builder and Apollo Server load it (its CommonJS build, Node's choice): under vitest,
 * an `import` from here resolves to its ES module build, whose `graphql()` refuses a schema built by the other.
 */
const { graphql } = createRequire(import.meta.url)('graphql') as typeof GraphQL;

/** One question may take this long (a cold plan on a busy machine; far beyond a request's deadline). */
const STEP_TIMEOUT_MS = 120_000;
/** How long the warm-up waits for indexes still populating (after a crash Neo4j may rebuild them). */
const INDEXES_ONLINE_WITHIN_MS = 10 * 60_000;
/** A word no theme, country or text is likely to hold: its question is free text (FULL_TEXT). */
const FREE_WORDS = 'warmup';

export interface WarmUpReport {
  ms: number;
  questions: number;
  failed: number;
}

/** The search page's whoKnows operation, as the page sends it (web/operations/who-knows.graphql). */
let whoKnowsDocument: Promise<string> | null = null;
const whoKnows = () => (whoKnowsDocument ??= readFile(`${ROOT_DIR}/web/operations/who-knows.graphql`, 'utf8'));

/** What to ask: every kind of whoKnows question the ranking has a query for, about names the graph holds. */
async function questions(database: Database): Promise<Array<Record<string, unknown>>> {
  const names = await warmUpNames(database.queries());
  // An empty graph (a new database without the seed) has no one to rank: nothing to warm.
  if (!names?.experts) return [];
  const asked: Array<Record<string, unknown>> = [{ about: FREE_WORDS }, { about: FREE_WORDS, country: names.country }];
  const [theme, other] = names.themes;
  if (theme) {
    asked.push({ about: theme }, { about: `${theme} ${FREE_WORDS}` });
    if (names.country) asked.push({ about: theme, country: names.country });
    if (names.region) asked.push({ about: theme, country: names.region });
    if (other) asked.push({ about: `${theme} ${other}` });
  }
  return asked;
}

/** Waits until every index and constraint the migrations create is online (plans made before would not use them). */
async function indexesOnline(database: Database, progress: (step: string) => void): Promise<void> {
  const until = Date.now() + INDEXES_ONLINE_WITHIN_MS;
  for (;;) {
    const missing = await schemaNotOnline(database.queries());
    if (missing.length === 0 || Date.now() > until) return;
    progress(`waiting for indexes to come online: ${missing.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/**
 * Warms Neo4j for the first questions; with `holdsReadiness` (at start), `database.warming` says what it is doing
 * meanwhile, and readiness reports it. After Neo4j's return the warm-up runs without holding readiness: every API
 * process sees the return at once, and taking them all out of a load balancer for the minutes a busy machine needs
 * to plan again would be an outage of its own; meanwhile the first request of each query text waits for its one
 * planning (src/db/first-runs.ts). A question that fails is logged through `warn` and skipped: the warm-up never keeps
 * the server from serving, and a Neo4j that goes away ends it (the next return starts it again).
 */
export async function warmUp(
  database: Database,
  warn: (message: string, error: unknown) => void,
  { holdsReadiness }: { holdsReadiness: boolean },
): Promise<WarmUpReport> {
  const started = Date.now();
  let failed = 0;
  let asked = 0;
  const progress = (step: string) => {
    if (holdsReadiness) database.warming = `warming up: ${step}`;
  };
  progress('checking that the indexes are online');
  try {
    await indexesOnline(database, progress);
    // Plans made while an index was populating are dropped by Neo4j once it is online.
    database.forgetPlans();
    progress('loading the name vocabulary');
    await currentVocabulary(database.queries());
    const document = await whoKnows();
    for (const variables of await questions(database)) {
      for (const [viewer, contacts] of [
        [ANONYMOUS, false],
        [systemViewer('warm-up', 'the server'), true],
      ] as const) {
        progress(`planning the first questions' queries (${asked + 1})`);
        asked += 1;
        const context = createContext(database, viewer, Number.MAX_SAFE_INTEGER, { timeoutMs: STEP_TIMEOUT_MS });
        try {
          const result = await graphql({
            schema,
            source: document,
            variableValues: { ...variables, contacts, first: 10 },
            contextValue: context,
          });
          const error = result.errors?.[0];
          if (error) {
            if (error.originalError instanceof DatabaseUnavailableError) throw error.originalError;
            failed += 1;
            warn(`warm-up question ${JSON.stringify(variables)} failed`, error.originalError ?? error);
          }
        } finally {
          context.release();
        }
      }
    }
  } finally {
    database.warming = null;
  }
  return { ms: Date.now() - started, questions: asked, failed };
}
