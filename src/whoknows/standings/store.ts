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
 * Themes an expert's standings may be rooted at: every theme the expert declared, contributed on (current
 * contributions) or answered an inquiry on, and their broader themes; and the themes just below a claim
 * (a claim on the theme just above the asked one counts). Countries likewise, and the regions
 * holding them. What STANDING_SCORE's header says the score depends on; `qualifies` decides.
 */
const CANDIDATES = `
  CALL (e) {
    CALL (e) {
      CALL (e) {
        MATCH (e)-[:EXPERT_IN]->(t:Theme) RETURN t
        UNION MATCH (e)<-[:BY]-(k:Contribution)-[:ABOUT]->(t:Theme) WHERE k.retiredAt IS NULL RETURN t
        UNION MATCH (e)<-[:CONSULTED {outcome: 'ANSWERED'}]-(:Inquiry)-[:ABOUT]->(t:Theme) RETURN t
      }
      MATCH (t)-[:BROADER*0..10]->(root:Theme)
      RETURN root
      UNION
      // A claim counts for the themes just below it too.
      MATCH (e)-[:EXPERT_IN]->(:Theme)<-[:BROADER]-(root:Theme)
      RETURN root
    }
    RETURN collect(DISTINCT root.id) AS rootIds
  }
  CALL (e) {
    CALL (e) {
      MATCH (e)-[:FOCUSES_ON]->(c:Country) RETURN c
      UNION MATCH (e)<-[:BY]-(k:Contribution)-[:CONCERNS]->(c:Country) WHERE k.retiredAt IS NULL RETURN c
      UNION MATCH (e)<-[:CONSULTED {outcome: 'ANSWERED'}]-(:Inquiry)-[:CONCERNS]->(c:Country) RETURN c
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
 * Works out the standings of the given experts (locked already) again, in the transaction that changed
 * them, and writes only the difference: a changed score is set on its relationship (which locks that
 * relationship alone), standings gone are deleted and new ones created, both in key order, so that
 * transactions touching the same keys' hubs take those locks in one order. Ids of merged, erased or
 * retired experts lose all theirs.
 */
export async function writeStandings(run: Run, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await run(
    `UNWIND $ids AS id
     ${NODE_OF_ID}
     WITH n WHERE NOT n:Expert OR n.retiredAt IS NOT NULL
     MATCH (n)<-[s:${RANKS}]-()
     WITH s ORDER BY s.key
     DELETE s`,
    { ids },
  );
  await run(
    `UNWIND $ids AS id
     MATCH (e:Expert {id: id}) WHERE e.retiredAt IS NULL
     CALL (e) {
       ${EXPECTED_STANDINGS}
       RETURN collect({key: key, score: score}) AS expected
     }
     CALL (e) {
       OPTIONAL MATCH (e)<-[s:${RANKS}]-(k:${STANDING_KEY})
       RETURN collect({s: s, hub: k.key}) AS stored
     }
     WITH e, expected, [old IN stored WHERE old.s IS NOT NULL | old {.*, kept: old.hub = old.s.key AND old.s.expertId = e.id}] AS stored
     CALL (e, expected, stored) {
       UNWIND stored AS old
       WITH old.s AS s, [x IN expected WHERE x.key = old.s.key][0] AS now, old.kept AS kept
       WITH s, now WHERE kept AND now IS NOT NULL AND s.score <> now.score
       SET s.score = now.score, s.negScore = -now.score
     }
     WITH e, [old IN stored WHERE NOT (old.kept AND any(x IN expected WHERE x.key = old.s.key)) | old.s] AS gone,
          [x IN expected WHERE none(old IN stored WHERE old.kept AND old.s.key = x.key)] AS added
     WITH collect({e: e, gone: gone, added: added}) AS experts
     CALL (experts) {
       UNWIND experts AS expert UNWIND expert.gone AS s
       WITH s ORDER BY s.key
       DELETE s
     }
     CALL (experts) {
       UNWIND experts AS expert UNWIND expert.added AS standing
       WITH expert.e AS e, standing ORDER BY standing.key
       MERGE (k:${STANDING_KEY} {key: standing.key})
       CREATE (k)-[:${RANKS} {key: standing.key, score: standing.score, negScore: -standing.score, expertId: e.id}]->(e)
     }`,
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
