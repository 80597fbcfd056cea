import type { Database, Queries } from './database.js';
import { DatabaseUnavailableError, DeadlineExceededError } from './errors.js';
import { MIGRATIONS } from './migrations.js';

export interface Readiness {
  ready: boolean;
  /** Why not, in a few words for an operator. */
  reason: string | null;
}

/** The names of the indexes and constraints the migrations create (a constraint's backing index has its name). */
const SCHEMA_NAMES = MIGRATIONS.map(
  (statement) => /^CREATE (?:CONSTRAINT|(?:FULLTEXT )?INDEX) (\w+)/.exec(statement)?.[1],
).filter((name): name is string => name !== undefined);

/** The indexes and constraints the migrations create that are missing or not online yet. */
export async function schemaNotOnline(queries: Queries): Promise<string[]> {
  const [row] = await queries.read<{ online: string[] }>(
    `SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN collect(name) AS online`,
  );
  const online = new Set(row?.online ?? []);
  return SCHEMA_NAMES.filter((name) => !online.has(name));
}

/**
 * A readiness check answers within this, whatever the database does: long enough for a cold or busy Neo4j to
 * list its indexes, short enough that an outage shows within 5 s (a known one shows at once).
 */
const READINESS_TIMEOUT_MS = 4_000;

/**
 * Ready to serve: Neo4j answers, every index and constraint the migrations create is there and online, and
 * the start's warm-up is done (until then the first questions would wait on Neo4j planning their queries;
 * src/warmup.ts says why a warm-up after Neo4j's return does not hold readiness).
 */
export async function readiness(database: Database): Promise<Readiness> {
  if (database.isKnownDown) return { ready: false, reason: 'Neo4j is unreachable' };
  if (database.warming) return { ready: false, reason: database.warming };
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(new DeadlineExceededError(READINESS_TIMEOUT_MS)), READINESS_TIMEOUT_MS);
  try {
    const missing = await schemaNotOnline(
      database.queries(undefined, {
        signal: stop.signal,
        deadline: { at: Date.now() + READINESS_TIMEOUT_MS, limitMs: READINESS_TIMEOUT_MS },
      }),
    );
    if (missing.length > 0)
      return { ready: false, reason: `migrations not applied: ${missing.join(', ')} missing or not online` };
    return { ready: true, reason: null };
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) return { ready: false, reason: 'Neo4j is unreachable' };
    if (error instanceof DeadlineExceededError)
      return { ready: false, reason: `Neo4j did not answer within ${READINESS_TIMEOUT_MS} ms` };
    return {
      ready: false,
      reason: `Neo4j failed the check: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  } finally {
    clearTimeout(timer);
  }
}
