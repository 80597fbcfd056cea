import type { Queries, Run } from '../../db/database.js';
import { present } from '../../errors.js';
import { likelyDuplicates, type ComparedExpert, type DuplicateReason, type ScoredPair } from './scoring.js';

/**
 * Derived: a likely duplicate pair, stored once, from the lower id to the higher, with its `score` (float,
 * range-indexed) and `reasons` (JSON of DuplicateReason[]). Kept in step by `refreshDuplicateCandidates`.
 */
export const POSSIBLY_SAME = 'POSSIBLY_SAME';

/**
 * Forgets the likely duplicate pairs of the given experts, whatever their label now (merged and erased
 * ones keep theirs no longer), and scores them again against the current experts of their surname
 * groups: the cost follows those groups (read through the surname index), not the graph. Retired
 * experts get no pairs. Call it in the transaction that changed the experts.
 */
export async function refreshDuplicateCandidates(run: Run, expertIds: string[]): Promise<void> {
  if (expertIds.length === 0) return;
  const groups = (await run(
    `CALL () {
       UNWIND $expertIds AS id
       CALL (id) {
         MATCH (n:Expert {id: id}) RETURN n
         UNION MATCH (n:MergedExpert {id: id}) RETURN n
         UNION MATCH (n:ErasedExpert {id: id}) RETURN n
       }
       MATCH (n)-[pair:${POSSIBLY_SAME}]-()
       WITH DISTINCT pair
       DELETE pair
     }
     UNWIND $expertIds AS id
     MATCH (changed:Expert {id: id}) WHERE changed.retiredAt IS NULL AND changed.surnameKey IS NOT NULL
     WITH changed.surnameKey AS key, collect(changed.id) AS changedIds
     MATCH (e:Expert {surnameKey: key}) WHERE e.retiredAt IS NULL
     WITH changedIds, collect(e {
       .id, .name, email: toLower(trim(e.email)),
       institutions: [(e)-[:AFFILIATED_WITH]->(i:Institution) | i {.id, .name}]
     }) AS members
     WHERE size(members) > 1
     RETURN changedIds, members`,
    { expertIds },
  )) as Array<{ changedIds: string[]; members: ComparedExpert[] }>;
  const pairs = groups.flatMap(({ changedIds, members }) => {
    const changed = new Set(changedIds);
    return likelyDuplicates(members, (expert) => changed.has(expert.id));
  });
  if (pairs.length === 0) return;
  await run(
    `UNWIND $pairs AS pair
     MATCH (lower:Expert {id: pair.expertIds[0]}), (higher:Expert {id: pair.expertIds[1]})
     MERGE (lower)-[stored:${POSSIBLY_SAME}]->(higher)
     SET stored.score = toFloat(pair.score), stored.reasons = pair.reasons`,
    { pairs: pairs.map((pair) => ({ ...pair, reasons: JSON.stringify(pair.reasons) })) },
  );
}

/** Experts per transaction when every pair is worked out again (a larger surname group goes alone). */
const REFRESH_BATCH = 2_000;

/**
 * Works out every likely duplicate pair again, whole surname groups of at most REFRESH_BATCH experts per
 * transaction, so that memory stays bounded: for graphs written without `audited` (a database from before
 * the pairs were stored, the benchmark's synthetic graph). A batch job, O(graph).
 */
export async function refreshAllDuplicateCandidates(queries: Queries): Promise<void> {
  const groups = await queries.read<{ size: number; key: string }>(
    'MATCH (e:Expert) WHERE e.surnameKey IS NOT NULL RETURN e.surnameKey AS key, count(e) AS size ORDER BY key',
  );
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const keys = batch;
    await queries.writeTransaction(async (run) => {
      const [row] = await run('UNWIND $keys AS key MATCH (e:Expert {surnameKey: key}) RETURN collect(e.id) AS ids', {
        keys,
      });
      // collect() makes one row, whatever it finds.
      await refreshDuplicateCandidates(run, present(row, 'the experts of the surname keys').ids as string[]);
    });
    batch = [];
    size = 0;
  };
  for (const group of groups) {
    if (size > 0 && size + group.size > REFRESH_BATCH) await flush();
    batch.push(group.key);
    size += group.size;
  }
  await flush();
}

/** The one node that records with which scoring every pair was last worked out (upkeep.ts). */
const PAIRS_STATE = 'DuplicatePairsState';

/** Whether the graph has experts, and the scoring its pairs were all last worked out with (null: never). */
export async function duplicatePairsState(
  queries: Queries,
): Promise<{ hasExperts: boolean; workedOutWith: string | null }> {
  const [row] = await queries.read<{ hasExperts: boolean; workedOutWith: string | null }>(
    `OPTIONAL MATCH (state:${PAIRS_STATE} {id: 'pairs'})
     RETURN EXISTS { MATCH (:Expert) } AS hasExperts, state.scoring AS workedOutWith`,
  );
  return row ?? { hasExperts: false, workedOutWith: null };
}

/** Records that every pair has just been worked out with `scoring`. */
export async function recordDuplicatePairsWorkedOut(queries: Queries, scoring: string): Promise<void> {
  await queries.writeTransaction((run) =>
    run(
      `MERGE (state:${PAIRS_STATE} {id: 'pairs'})
       SET state.scoring = $scoring, state.workedOutAt = datetime()`,
      { scoring },
    ),
  );
}

/** Pairs a secretariat sees: at least one of the two belongs to a network whose experts it curates. */
const VISIBLE_PAIR = `(EXISTS { (lower)-[:MEMBER_OF]->(n:Network) WHERE n.id IN $networks }
                       OR EXISTS { (higher)-[:MEMBER_OF]->(n:Network) WHERE n.id IN $networks })`;

/**
 * A page of likely duplicate pairs, most likely first, then by the pair's ids, after a (score, lower id,
 * higher id) cursor: read in the order of the score index. `networks`: those whose experts' pairs are
 * shown (at least one of the two), or null for all; the total is then a count from the store.
 */
export async function pageOfDuplicateCandidates(
  queries: Queries,
  networks: string[] | null,
  size: number,
  after: [number, string, string] | null,
): Promise<{ rows: ScoredPair[]; total: number }> {
  const visible = networks === null ? 'true' : VISIBLE_PAIR;
  const total =
    networks === null
      ? `COUNT { ()-[:${POSSIBLY_SAME}]->() }`
      : `COUNT { MATCH (lower)-[:${POSSIBLY_SAME}]->(higher) WHERE ${VISIBLE_PAIR} }`;
  const [result] = await queries.read<{
    rows: Array<Omit<ScoredPair, 'reasons'> & { reasons: string }>;
    total: number;
  }>(
    `CALL () {
       MATCH (lower:Expert)-[pair:${POSSIBLY_SAME}]->(higher:Expert)
       WHERE pair.score <= $maxScore
         AND ($after IS NULL OR pair.score < $after[0]
              OR lower.id > $after[1] OR (lower.id = $after[1] AND higher.id > $after[2]))
         AND ${visible}
       WITH lower, higher, pair ORDER BY pair.score DESC, lower.id, higher.id LIMIT $limit
       RETURN collect({expertIds: [lower.id, higher.id], score: pair.score, reasons: pair.reasons}) AS rows
     }
     RETURN rows, ${total} AS total`,
    // A range on the score (not just its presence) lets the index seek straight to the cursor.
    { networks, after, maxScore: after?.[0] ?? Number.MAX_VALUE, limit: size + 1 },
  );
  return {
    rows: (result?.rows ?? []).map((row) => ({ ...row, reasons: JSON.parse(row.reasons) as DuplicateReason[] })),
    total: result?.total ?? 0,
  };
}
