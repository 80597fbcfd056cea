/**
 * Stored standings (Cypher): one `RANKS` relationship per (expert, root theme, scope) where the expert
 * qualifies, from the hub node of its key (`StandingKey {key: rootId|scopeId}`) to the expert, carrying
 * `{key, score, negScore, expertId}`. The composite range index on (key, negScore, expertId) gives a key's
 * experts best first (one direction: negScore = -score, then expertId); the hub's degree is the key's count.
 * The index and constraints are in src/db/migrations.ts.
 */
import type { Run } from '../../audit/repository.js';
import { RANKING_WEIGHTS, STANDING_SCORE } from './formula.js';

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
 * Themes an expert's standings may be rooted at: every theme the expert declared, contributed on or was
 * consulted on, and their broader themes. Countries likewise, and the regions holding them. A superset
 * of where the formula qualifies the expert: `qualifies` decides.
 */
const CANDIDATES = `
  CALL (e) {
    CALL (e) {
      MATCH (e)-[:EXPERT_IN]->(t:Theme) RETURN t
      UNION MATCH (e)<-[:BY]-(:Contribution)-[:ABOUT]->(t:Theme) RETURN t
      UNION MATCH (e)<-[:CONSULTED]-(:Inquiry)-[:ABOUT]->(t:Theme) RETURN t
    }
    MATCH (t)-[:BROADER*0..10]->(root:Theme)
    RETURN collect(DISTINCT root.id) AS rootIds
  }
  CALL (e) {
    CALL (e) {
      MATCH (e)-[:FOCUSES_ON]->(c:Country) RETURN c
      UNION MATCH (e)<-[:BY]-(:Contribution)-[:CONCERNS]->(c:Country) RETURN c
      UNION MATCH (e)<-[:CONSULTED]-(:Inquiry)-[:CONCERNS]->(c:Country) RETURN c
    }
    WITH collect(c) AS countries
    CALL (countries) {
      UNWIND countries AS c MATCH (c)-[:IN_REGION]->(r:Region)
      WITH DISTINCT r
      RETURN collect({id: r.id, countryIds: [(r)<-[:IN_REGION]-(m:Country) | m.id]}) AS regions
    }
    RETURN [{id: '${ANYWHERE}', countryIds: null}] + [c IN countries | {id: c.id, countryIds: [c.id]}] + regions AS scopes
  }`;

/** The standings an active expert `e` should have: {key, score} per qualifying (root, scope). */
const EXPECTED_STANDINGS = `
  ${CANDIDATES}
  UNWIND rootIds AS rootId
  UNWIND scopes AS scope
  WITH e, rootId, scope.id AS scopeId, scope.countryIds AS countryIds
  CALL (e, rootId, countryIds) { ${STANDING_SCORE} }
  WITH e, rootId + '|' + scopeId AS key, toFloat(score) AS score, qualifies
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
 * Deletes and works out again the standings of the given experts (locked already), in the transaction
 * that changed them. Ids of merged, erased or retired experts lose theirs.
 */
export async function writeStandings(run: Run, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await run(
    `UNWIND $ids AS id
     ${NODE_OF_ID}
     MATCH (n)<-[s:${RANKS}]-()
     DELETE s`,
    { ids },
  );
  await run(
    `UNWIND $ids AS id
     MATCH (e:Expert {id: id}) WHERE e.retiredAt IS NULL
     ${EXPECTED_STANDINGS}
     MERGE (k:${STANDING_KEY} {key: key})
     CREATE (k)-[:${RANKS} {key: key, score: score, negScore: -score, expertId: e.id}]->(e)`,
    { ids, rankingWeights: RANKING_WEIGHTS },
  );
}

/** Locks and rewrites the standings of the experts: what every change hook and the rebuild do. */
export async function recomputeStandings(run: Run, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await lockExperts(run, ids);
  await writeStandings(run, ids);
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

/** What differs between the stored standings of the given experts and what they should be. */
export interface StandingsDrift {
  missing: number;
  extra: number;
  wrongScore: number;
  examples: string[];
  /** How many of the batch's experts should stand at each key. */
  expectedPerKey: Record<string, number>;
}

/**
 * Compares the stored standings of a batch of experts (by id) with the expected ones. `examples` gives
 * up to `maxExamples` lines such as "missing semiconductors|CN for expert-x (score 12.5)".
 */
export async function driftOf(run: Run, ids: string[], maxExamples: number): Promise<StandingsDrift> {
  const [row] = await run(
    `UNWIND $ids AS id
     MATCH (e:Expert {id: id})
     CALL (e) {
       WITH e WHERE e.retiredAt IS NULL
       ${EXPECTED_STANDINGS}
       RETURN collect({key: key, score: score}) AS expected
     }
     CALL (e) {
       MATCH (e)<-[s:${RANKS}]-(k:${STANDING_KEY})
       RETURN collect({key: s.key, score: s.score, hub: k.key, expertId: s.expertId}) AS stored
     }
     WITH e, expected, stored
     WITH e,
          [x IN expected WHERE NONE(s IN stored WHERE s.key = x.key AND s.hub = x.key AND s.expertId = e.id)] AS missing,
          [s IN stored WHERE s.hub <> s.key OR s.expertId <> e.id OR NONE(x IN expected WHERE x.key = s.key)] AS extra,
          [x IN expected WHERE ANY(s IN stored WHERE s.key = x.key AND s.hub = x.key AND s.expertId = e.id AND s.score <> x.score)] AS wrong,
          stored, [x IN expected | x.key] AS expectedKeys
     WITH e, missing, extra, wrong, stored, expectedKeys
     RETURN collect(expectedKeys) AS expectedKeys, sum(size(missing)) AS missing, sum(size(extra)) AS extra, sum(size(wrong)) AS wrongScore,
            collect([m IN missing | 'missing ' + m.key + ' for ' + e.id + ' (score ' + toString(m.score) + ')']
                    + [x IN extra | 'extra ' + x.key + ' for ' + e.id]
                    + [w IN wrong | 'wrong score for ' + e.id + ' at ' + w.key + ': stored ' + toString([s IN stored WHERE s.key = w.key][0].score) + ', should be ' + toString(w.score)]) AS lines`,
    { ids, rankingWeights: RANKING_WEIGHTS },
  );
  const lines = ((row?.lines as string[][] | undefined) ?? []).flat();
  const expectedPerKey: Record<string, number> = {};
  for (const key of ((row?.expectedKeys as string[][] | undefined) ?? []).flat()) expectedPerKey[key] = (expectedPerKey[key] ?? 0) + 1;
  return {
    expectedPerKey,
    missing: (row?.missing as number | undefined) ?? 0,
    extra: (row?.extra as number | undefined) ?? 0,
    wrongScore: (row?.wrongScore as number | undefined) ?? 0,
    examples: lines.slice(0, maxExamples),
  };
}
