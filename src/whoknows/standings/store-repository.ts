/**
 * Stored standings (Cypher): one `RANKS` relationship per (expert, root theme, scope) where the expert
 * qualifies, from the hub node of its key (`StandingKey {key: rootId|scopeId}`) to the expert, carrying
 * `{key, score, negScore, expertId}`. The composite range index on (key, negScore, expertId) gives a key's
 * experts best first (one direction: negScore = -score, then expertId); the hub's degree is the key's count.
 * The index and constraints are in src/db/migrations.ts.
 */
import type { Queries, Run } from '../../db/database.js';
import { RANKING_WEIGHTS, STANDING_FROM_NEIGHBOURHOOD, STANDING_NEIGHBOURHOOD } from './formula.js';
import { diffStandings, type ExpectedStanding, type StoredStanding } from './facts.js';

export const STANDING_KEY = 'StandingKey';
export const RANKS = 'RANKS';
/** The scope id of "anywhere" in a key; countries and regions use their own ids. */
export const ANYWHERE = '*';

export const standingKey = (rootId: string, scopeId: string | null) => `${rootId}|${scopeId ?? ANYWHERE}`;

/** The node that has (or had) the id: an expert, or what a merge or an erasure left of one. */
const NODE_OF_ID = `
  CALL (id) {
    MATCH (n:Expert {id: id}) RETURN n
    UNION MATCH (n:MergedExpert {id: id}) RETURN n
    UNION MATCH (n:ErasedExpert {id: id}) RETURN n
  }`;

/**
 * Themes an expert's standings may be rooted at, from the expert's neighbourhood (`hood`, collected once):
 * every theme the expert declared, contributed on (current contributions) or answered an inquiry on, and
 * their broader themes; and the themes just below a claim (a claim on the theme just above the asked one
 * counts). Countries likewise, and the regions holding them. What STANDING_SCORE's header says the score
 * depends on; `qualifies` decides.
 */
const CANDIDATES = `
  WITH e, hood,
       reduce(ids = [], x IN hood.claims | ids + [a IN x.above | a.id] + x.below)
       + reduce(ids = [], k IN hood.contributions + hood.inquiries | ids + k.themes) AS themeIds,
       [f IN hood.focus | f.countryId]
       + reduce(ids = [], k IN hood.contributions + hood.inquiries | ids + k.countries) AS countryIds
  CALL (themeIds) { UNWIND themeIds AS id RETURN collect(DISTINCT id) AS rootIds }
  CALL (countryIds) {
    UNWIND countryIds AS id
    WITH DISTINCT id
    RETURN collect(id) AS countries
  }
  CALL (countries) {
    UNWIND countries AS id MATCH (:Country {id: id})-[:IN_REGION]->(r:Region)
    WITH DISTINCT r
    RETURN collect({id: r.id, countryIds: [(r)<-[:IN_REGION]-(m:Country) | m.id]}) AS regions
  }
  WITH e, hood, rootIds,
       [{id: '${ANYWHERE}', countryIds: null}] + [id IN countries | {id: id, countryIds: [id]}] + regions AS scopes`;

/**
 * The standings an active expert `e` should have: {key, score, facts} per qualifying (root, scope). The
 * neighbourhood is collected once per expert; each (root, scope) is list work on it.
 */
const EXPECTED_STANDINGS = `
  CALL (e) { ${STANDING_NEIGHBOURHOOD} }
  ${CANDIDATES}
  UNWIND rootIds AS rootId
  UNWIND scopes AS scope
  WITH e, hood, rootId, scope.id AS scopeId, scope.countryIds AS countryIds
  CALL (e, hood, rootId, countryIds) { ${STANDING_FROM_NEIGHBOURHOOD} }
  WITH e, rootId + '|' + scopeId AS key, toFloat(score) AS score, facts, qualifies
  WHERE qualifies`;

/**
 * Takes the write lock of each expert (sorted ids: one order for every transaction, so two cannot wait
 * on each other for experts), so that their standings are worked out from committed state, one
 * transaction at a time. Writing a scratch property takes the lock; removing it leaves nothing behind.
 */
export async function lockExperts(run: Run, ids: string[]): Promise<void> {
  await run(
    `UNWIND $ids AS id
     MATCH (e:Expert {id: id})
     SET e.lockedForStandings = true
     REMOVE e.lockedForStandings`,
    { ids: [...new Set(ids)].sort() },
  );
}

/**
 * The standings the given experts should have ({key, score, facts} per qualifying (root, scope); none for a
 * retired expert) beside those stored, one row per expert: what the write and the drift check compare.
 */
async function expectedAndStored(
  run: Run,
  ids: string[],
): Promise<Array<{ id: string; expected: ExpectedStanding[]; stored: StoredStanding[] }>> {
  const rows = await run(
    `UNWIND $ids AS id
     MATCH (e:Expert {id: id})
     CALL (e) {
       WITH e WHERE e.retiredAt IS NULL
       ${EXPECTED_STANDINGS}
       RETURN collect({key: key, score: score, facts: facts}) AS expected
     }
     CALL (e) {
       MATCH (e)<-[s:${RANKS}]-(k:${STANDING_KEY})
       RETURN collect({id: elementId(s), key: s.key, hub: k.key, expertId: s.expertId, score: s.score, facts: s.facts,
                       themePoints: s.themePoints}) AS stored
     }
     RETURN e.id AS id, expected, stored`,
    { ids, rankingWeights: RANKING_WEIGHTS },
  );
  return rows as unknown as Array<{ id: string; expected: ExpectedStanding[]; stored: StoredStanding[] }>;
}

const byKey = <T extends { key: string }>(a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Works out the standings of the given experts (locked already) again, in the transaction that changed
 * them, and writes only the difference (unless it is more than `maxWrites` standings: false then): a changed score or
 * changed facts are set on its relationship (which locks that relationship alone), standings gone are deleted and new
 * ones created, all in key order, so that transactions touching the same keys' hubs take those locks in one order. Ids
 * of merged, erased or retired experts lose all theirs.
 */
export async function writeStandings(run: Run, ids: string[], maxWrites = Number.POSITIVE_INFINITY): Promise<boolean> {
  if (ids.length === 0) return true;
  // Many experts (a large CSV import) are read a batch per query, so that no query holds all their
  // neighbourhoods at once; the difference is then written in one key order over all of them.
  const expected: Awaited<ReturnType<typeof expectedAndStored>> = [];
  for (let at = 0; at < ids.length; at += EXPERTS_PER_QUERY)
    expected.push(...(await expectedAndStored(run, ids.slice(at, at + EXPERTS_PER_QUERY))));
  await run(
    `UNWIND $ids AS id
     ${NODE_OF_ID}
     WITH n WHERE NOT n:Expert OR n.retiredAt IS NOT NULL
     MATCH (n)<-[s:${RANKS}]-()
     WITH s ORDER BY s.key
     DELETE s`,
    { ids },
  );
  const diffs = expected.map((row) => diffStandings(row.id, row.expected, row.stored));
  if (diffs.reduce((sum, d) => sum + d.changed.length + d.gone.length + d.added.length, 0) > maxWrites) return false;
  await inBatches(
    run,
    diffs.flatMap((d) => d.changed).sort(byKey),
    `UNWIND $rows AS c
     MATCH ()-[s:${RANKS}]->() WHERE elementId(s) = c.id
     SET s.score = c.score, s.negScore = -c.score, s += c.props`,
  );
  await inBatches(
    run,
    diffs.flatMap((d) => d.gone).sort(byKey),
    `UNWIND $rows AS g
     MATCH ()-[s:${RANKS}]->() WHERE elementId(s) = g.id
     DELETE s`,
  );
  await inBatches(
    run,
    diffs.flatMap((d) => d.added).sort(byKey),
    `UNWIND $rows AS a
     MATCH (e:Expert {id: a.expertId})
     MERGE (k:${STANDING_KEY} {key: a.key})
     CREATE (k)-[s:${RANKS} {key: a.key, score: a.score, negScore: -a.score, expertId: e.id}]->(e)
     SET s += a.props`,
  );
  return true;
}

/** Experts whose standings one query works out (what a rebuild batch holds). */
const EXPERTS_PER_QUERY = 250;
/** Standings one query writes: consecutive slices of a key-ordered list keep the key order across queries. */
const STANDINGS_PER_QUERY = 5_000;

async function inBatches(run: Run, rows: unknown[], cypher: string): Promise<void> {
  for (let at = 0; at < rows.length; at += STANDINGS_PER_QUERY)
    await run(cypher, { rows: rows.slice(at, at + STANDINGS_PER_QUERY) });
}

/**
 * Locks and rewrites the standings of the experts: what every change hook and the rebuild do. False, with
 * nothing written, when that would be more than `maxWrites` standings.
 */
export async function recomputeStandings(run: Run, ids: string[], maxWrites?: number): Promise<boolean> {
  if (ids.length === 0) return true;
  await lockExperts(run, ids);
  return writeStandings(run, ids, maxWrites);
}

/**
 * The experts whose standings depend on where the theme sits in the hierarchy: those with expertise or
 * evidence in it or a narrower theme. The subtree's themes are locked first (sorted), so that a
 * concurrent write that links an expert to one of them (which locks the theme) commits before they are
 * read, or waits until this transaction's new hierarchy is committed.
 */
export async function expertsUnderTheme(run: Run, themeId: string): Promise<string[]> {
  await run(
    `MATCH (t:Theme)-[:BROADER*0..10]->(:Theme {id: $themeId})
     WITH DISTINCT t ORDER BY t.id
     SET t.lockedForStandings = true
     REMOVE t.lockedForStandings`,
    { themeId },
  );
  const [row] = await run(
    `MATCH (t:Theme)-[:BROADER*0..10]->(:Theme {id: $themeId})
     WITH DISTINCT t
     CALL (t) {
       MATCH (e:Expert)-[:EXPERT_IN]->(t) RETURN e
       UNION MATCH (e:Expert)<-[:BY]-(:Contribution)-[:ABOUT]->(t) RETURN e
       UNION MATCH (e:Expert)<-[:CONSULTED]-(:Inquiry)-[:ABOUT]->(t) RETURN e
     }
     RETURN collect(DISTINCT e.id) AS ids`,
    { themeId },
  );
  return (row?.ids as string[] | undefined) ?? [];
}

/**
 * The experts who claim one of the themes: a theme taking or losing a narrower theme changes what their
 * claims count for (the theme just below a claim). The themes are locked first, as in expertsUnderTheme.
 */
export async function expertsClaiming(run: Run, themeIds: string[]): Promise<string[]> {
  if (themeIds.length === 0) return [];
  const [row] = await run(
    `UNWIND $themeIds AS id
     MATCH (t:Theme {id: id})
     SET t.lockedForStandings = true
     REMOVE t.lockedForStandings
     WITH t
     MATCH (e:Expert)-[:EXPERT_IN]->(t)
     RETURN collect(DISTINCT e.id) AS ids`,
    { themeIds: [...new Set(themeIds)].sort() },
  );
  return (row?.ids as string[] | undefined) ?? [];
}

/** What differs between the stored standings of the given experts and what they should be. */
export interface StandingsDrift {
  missing: number;
  extra: number;
  wrongScore: number;
  /** Standings whose score is right but whose stored facts (what explains them) are not. */
  wrongFacts: number;
  examples: string[];
  /** How many of the batch's experts should stand at each key. */
  expectedPerKey: Record<string, number>;
}

/**
 * Compares the stored standings of a batch of experts (by id) with the expected ones, scores and facts.
 * `examples` gives up to `maxExamples` lines such as "missing semiconductors|CN for expert-x (score 12.5)".
 */
export async function driftOf(run: Run, ids: string[], maxExamples: number): Promise<StandingsDrift> {
  const drift: StandingsDrift = {
    missing: 0,
    extra: 0,
    wrongScore: 0,
    wrongFacts: 0,
    examples: [],
    expectedPerKey: {},
  };
  const lines: string[] = [];
  for (const row of await expectedAndStored(run, ids)) {
    for (const x of row.expected) drift.expectedPerKey[x.key] = (drift.expectedPerKey[x.key] ?? 0) + 1;
    const diff = diffStandings(row.id, row.expected, row.stored);
    drift.missing += diff.added.length;
    drift.extra += diff.gone.length;
    drift.wrongScore += diff.wrongScores.length;
    drift.wrongFacts += diff.changed.length - diff.wrongScores.length;
    lines.push(
      ...diff.added.map((m) => `missing ${m.key} for ${row.id} (score ${m.score})`),
      ...diff.gone.map((x) => `extra ${x.key} for ${row.id}`),
      ...diff.wrongScores.map(
        (w) => `wrong score for ${row.id} at ${w.key}: stored ${w.stored}, should be ${w.expected}`,
      ),
      ...diff.changed
        .filter((c) => !diff.wrongScores.some((w) => w.key === c.key))
        .map((c) => `wrong facts for ${row.id} at ${c.key}`),
    );
  }
  drift.examples = lines.slice(0, maxExamples);
  return drift;
}

/** How many experts there are (retired ones too): none, and there is nothing to rank yet. */
export async function expertCount(queries: Queries): Promise<number> {
  const [row] = await queries.read<{ experts: number }>('MATCH (e:Expert) RETURN count(e) AS experts');
  return row?.experts ?? 0;
}

/** Up to `size` expert ids after `after`, in id order (read by the unique index, in its order). */
export async function expertIdsAfter(queries: Queries, after: string, size: number): Promise<string[]> {
  const rows = await queries.read<{ id: string }>(
    'MATCH (e:Expert) WHERE e.id > $after RETURN e.id AS id ORDER BY e.id LIMIT $size',
    { after, size },
  );
  return rows.map((row) => row.id);
}

/** Standings on nodes that are no longer experts (merged, erased, or anything relabelled outside `audited`). */
const ORPHANS = `MATCH (:${STANDING_KEY})-[s:${RANKS}]->(n) WHERE NOT n:Expert`;

export async function deleteOrphanStandings(run: Run): Promise<void> {
  await run(`${ORPHANS} DELETE s`);
}

export async function orphanStandingCount(queries: Queries): Promise<number> {
  const [orphans] = await queries.read<{ count: number }>(`${ORPHANS} RETURN count(s) AS count`);
  return orphans?.count ?? 0;
}

/** Deletes the keys nobody stands for any more: counted as 0 either way, kept out of the way. */
export async function deleteUnusedKeys(run: Run): Promise<void> {
  await run(`MATCH (k:${STANDING_KEY}) WHERE NOT EXISTS { (k)-[:${RANKS}]->() } DELETE k`);
}

/** How many experts stand at each stored key (its hub's degree). */
export async function storedCountsPerKey(queries: Queries): Promise<Map<string, number>> {
  const stored = await queries.read<{ key: string; count: number }>(
    `MATCH (k:${STANDING_KEY}) RETURN k.key AS key, COUNT { (k)-[:${RANKS}]->() } AS count`,
  );
  return new Map(stored.map((row) => [row.key, row.count]));
}
