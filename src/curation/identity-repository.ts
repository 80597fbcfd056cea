import { AUDITED_LABELS, type AuditedLabel, type Run } from '../audit/repository.js';
import type { AuditedWork } from '../audit/service.js';
import type { Queries } from '../db/database.js';
import { CURRENT_EXPERT } from '../experts/repository.js';
import { conflict, notFound } from '../graphql/errors.js';
import { likelyDuplicates, type ComparedExpert, type DuplicateReason, type ScoredPair } from './duplicate-scoring.js';

/**
 * Derived: a likely duplicate pair, stored once, from the lower id to the higher, with its `score` (float,
 * range-indexed) and `reasons` (JSON of DuplicateReason[]). Kept in step by `refreshDuplicateCandidates`.
 */
const POSSIBLY_SAME = 'POSSIBLY_SAME';

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
      const [row] = await run('UNWIND $keys AS key MATCH (e:Expert {surnameKey: key}) RETURN collect(e.id) AS ids', { keys });
      await refreshDuplicateCandidates(run, row!.ids as string[]);
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

/** Whether the graph has experts but no stored pairs: cheap (a count from the store, one node looked up). */
export async function duplicateCandidatesMissing(queries: Queries): Promise<boolean> {
  const [row] = await queries.read<{ missing: boolean }>(
    `RETURN COUNT { ()-[:${POSSIBLY_SAME}]->() } = 0 AND EXISTS { MATCH (:Expert) } AS missing`,
  );
  return row?.missing ?? false;
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
  const total = networks === null ? `COUNT { ()-[:${POSSIBLY_SAME}]->() }` : `COUNT { MATCH (lower)-[:${POSSIBLY_SAME}]->(higher) WHERE ${VISIBLE_PAIR} }`;
  const [result] = await queries.read<{ rows: Array<Omit<ScoredPair, 'reasons'> & { reasons: string }>; total: number }>(
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

/** The state of an expert an id names: missing, current, or erased on request; retired or not; whose networks. */
export interface IdentityFacts {
  /** The id as asked. */
  askedAs: string;
  /** The id of the expert it names now: another one when the asked id was merged into it. */
  id: string;
  /** Null once erased. */
  name: string | null;
  erased: boolean;
  retired: boolean;
  networkIds: string[];
}

/**
 * Facts of the experts the ids name, following merges (CURRENT_EXPERT); ids that name no expert are left
 * out. Reads through `source`: a transaction's `run` sees that transaction's own writes.
 */
export async function identityFacts(source: Queries | Run, ids: string[]): Promise<IdentityFacts[]> {
  const cypher = `UNWIND $ids AS id
     ${CURRENT_EXPERT}
     RETURN id AS askedAs, n.id AS id, n.name AS name, n:ErasedExpert AS erased, n.retiredAt IS NOT NULL AS retired,
            [(n)-[:MEMBER_OF]->(x:Network) | x.id] AS networkIds`;
  const rows = typeof source === 'function' ? await source(cypher, { ids }) : await source.read(cypher, { ids });
  return rows as unknown as IdentityFacts[];
}

/**
 * Locks the expert and refuses (CONFLICT) when it moved on from the version the caller read; for an
 * operation that cannot track the expert under its id (an erasure gives it a new one).
 */
export async function checkVersion(run: Run, expertId: string, expectedVersion: number): Promise<void> {
  const [row] = await run('MATCH (e:Expert {id: $expertId}) SET e.lockedForUpdate = true RETURN coalesce(e.version, 1) AS version', { expertId });
  if (!row) throw notFound(`Expert "${expertId}" was merged or erased meanwhile: reload it and try again.`);
  const version = row.version as number;
  if (version !== expectedVersion) {
    throw conflict(
      `Someone else changed this expert since you read it (you had version ${expectedVersion}, it is now at ${version}): reload it, check the change, and try again.`,
      { currentVersion: version },
    );
  }
}

/**
 * The audited nodes (contributions, inquiries, events …) whose own relationships point at the expert,
 * other than by the `except` types and the derived POSSIBLY_SAME: changing those relationships changes their records.
 */
async function auditedNodesPointingAt(run: Run, expertId: string, except: string[]): Promise<Array<{ label: AuditedLabel; id: string }>> {
  const rows = await run(
    `MATCH (:Expert {id: $expertId})<-[r]-(m)
     WHERE NOT type(r) IN $except
     WITH DISTINCT m, [label IN labels(m) WHERE label IN $audited][0] AS label
     WHERE label IS NOT NULL
     RETURN label, m.id AS id`,
    { expertId, except: [...except, POSSIBLY_SAME], audited: AUDITED_LABELS },
  );
  return rows as Array<{ label: AuditedLabel; id: string }>;
}

/** Cypher: how strong a provenance is; none recorded means DECLARED. */
const provenanceRank = (provenance: string) => `CASE ${provenance} WHEN 'VERIFIED' THEN 3 WHEN 'EVIDENCED' THEN 2 ELSE 1 END`;

/**
 * Folds the removed expert's relationship `old` into the kept expert's `kept` of the same type to the same
 * node. A level (expertise, country focus) goes to the stronger of the two, with its provenance and
 * verification: the higher level, then VERIFIED over EVIDENCED over DECLARED. Otherwise the kept
 * expert's values win and the removed one's fill the gaps. Periods widen: the earliest `since`, and
 * the latest `until`, open-ended (current) when either is.
 */
const FOLD_INTO_KEPT = `
  WITH kept, properties(kept) AS keptValues, properties(old) AS removedValues
  WITH kept, keptValues, removedValues,
       keptValues.level IS NOT NULL OR removedValues.level IS NOT NULL AS ranked,
       coalesce(removedValues.level, -1) > coalesce(keptValues.level, -1)
         OR (removedValues.level = keptValues.level
             AND ${provenanceRank('removedValues.provenance')} > ${provenanceRank('keptValues.provenance')}) AS removedStronger
  SET kept = CASE WHEN ranked THEN {} ELSE removedValues END
  SET kept += CASE WHEN ranked AND removedStronger THEN removedValues ELSE keptValues END
  SET kept.since = CASE WHEN keptValues.since IS NULL OR removedValues.since IS NULL THEN coalesce(keptValues.since, removedValues.since)
                        WHEN removedValues.since < keptValues.since THEN removedValues.since ELSE keptValues.since END,
      kept.until = CASE WHEN keptValues.until IS NULL OR removedValues.until IS NULL THEN null
                        WHEN removedValues.until > keptValues.until THEN removedValues.until ELSE keptValues.until END`;

/** The two directions a relationship of the removed expert can point, as Cypher patterns. */
const DIRECTIONS = [
  { old: '(remove)-[old]->(other)', kept: '(keep)-[kept]->(other)', moved: '(keep)-[moved:$(type(old))]->(other)' },
  { old: '(remove)<-[old]-(other)', kept: '(keep)<-[kept]-(other)', moved: '(other)-[moved:$(type(old))]->(keep)' },
];

/**
 * Moves every relationship of the removed expert, of any type and either direction, onto the kept
 * one (types are read from the data: `type(old)`, so relationships added later move too). Where the
 * kept expert already has the same relationship to the same node, the two become one. Links between the
 * two experts themselves are dropped, and so are the removed expert's likely duplicate pairs (derived:
 * the kept expert's are worked out again when the merge changed it).
 */
async function moveRelationships(run: Run, keepId: string, removeId: string): Promise<void> {
  for (const direction of DIRECTIONS) {
    await run(
      `MATCH (keep:Expert {id: $keepId}), (remove:Expert {id: $removeId})
       MATCH ${direction.old} WHERE other <> keep AND other <> remove AND type(old) <> '${POSSIBLY_SAME}'
       OPTIONAL CALL (keep, old, other) { MATCH ${direction.kept} WHERE type(kept) = type(old) RETURN kept LIMIT 1 }
       CALL (keep, old, other, kept) { WITH * WHERE kept IS NULL CREATE ${direction.moved} SET moved = properties(old) }
       CALL (old, kept) { WITH * WHERE kept IS NOT NULL ${FOLD_INTO_KEPT} }
       DELETE old`,
      { keepId, removeId },
    );
  }
}

/**
 * Merges `removeId` into `keepId`, both tracked already: every relationship moves, the kept expert's
 * properties win and the removed one's fill the gaps; the removed node keeps only its id, as a
 * MergedExpert pointing at the kept one, so that its id goes on naming the same person.
 */
export async function mergeInto(tx: AuditedWork, keepId: string, removeId: string): Promise<void> {
  for (const node of await auditedNodesPointingAt(tx.run, removeId, [])) await tx.track(node.label, node.id);
  await moveRelationships(tx.run, keepId, removeId);
  await tx.run(
    `MATCH (keep:Expert {id: $keepId}), (remove:Expert {id: $removeId})
     OPTIONAL MATCH (remove)-[between]-()
     DELETE between
     WITH DISTINCT keep, remove, properties(keep) AS keptValues
     SET keep += remove {.*, id: keep.id}
     SET keep += keptValues
     SET remove = {id: remove.id, mergedAt: datetime()}
     REMOVE remove:Expert
     SET remove:MergedExpert
     CREATE (remove)-[:MERGED_INTO]->(keep)`,
    { keepId, removeId },
  );
}

/** Relationships an erased expert keeps, anonymously, so that counts per theme, country, network and inquiry survive. */
const ANONYMOUS_OUTGOING = ['EXPERT_IN', 'FOCUSES_ON', 'MEMBER_OF'];
/** Consultations still count; old ids of merged experts go on naming the erased one. */
const ANONYMOUS_INCOMING = ['CONSULTED', 'MERGED_INTO'];

/** What an erasure touches besides the expert: found before anything changes, so that each can be tracked. */
export interface ErasureScope {
  /** Contributions by the expert alone: deleted, being personal data themselves. */
  soleContributionIds: string[];
  /** Other audited nodes that lose a link to the expert (co-authored contributions, events …). */
  unlinked: Array<{ label: AuditedLabel; id: string }>;
  /** Old ids of experts merged into this one: their records hold the same person's data. */
  mergedIds: string[];
}

export async function erasureScope(run: Run, expertId: string): Promise<ErasureScope> {
  const [row] = await run(
    `MATCH (e:Expert {id: $expertId})
     RETURN [(e)<-[:BY]-(k:Contribution) WHERE NOT EXISTS { (k)-[:BY]->(other:Expert) WHERE other <> e } | k.id] AS soleContributionIds,
            [(m:MergedExpert)-[:MERGED_INTO*1..10]->(e) | m.id] AS mergedIds`,
    { expertId },
  );
  const scope = row as Omit<ErasureScope, 'unlinked'> | undefined;
  if (!scope) return { soleContributionIds: [], unlinked: [], mergedIds: [] };
  const sole = new Set(scope.soleContributionIds);
  const unlinked = (await auditedNodesPointingAt(run, expertId, ANONYMOUS_INCOMING)).filter((node) => !sole.has(node.id));
  return { ...scope, unlinked };
}

/**
 * Slugs are made from names, so an erased expert's old ids are personal data too: the node, its change
 * records and every stored mention of the old ids (in other subjects' records, in consultations, in the
 * stored results of operations that a retry would replay) take
 * `anonymousId` instead, and the redirects of experts merged into it go. A rare, deliberate operation:
 * it reads every change record once.
 */
export async function rekeyErased(run: Run, expertId: string, mergedIds: string[], anonymousId: string): Promise<void> {
  const oldIds = [expertId, ...mergedIds];
  await run(
    `MATCH (e:Expert {id: $expertId}) SET e.id = $anonymousId
     WITH e
     CALL () { UNWIND $mergedIds AS mergedId MATCH (m:MergedExpert {id: mergedId}) DETACH DELETE m }
     CALL () { MATCH ()-[c:CONSULTED]->() WHERE c.referredTo IN $oldIds SET c.referredTo = $anonymousId }
     CALL () {
       MATCH (c:Change)
       WHERE c.subjectId IN $oldIds OR any(old IN $quotedOldIds WHERE c.before CONTAINS old OR c.after CONTAINS old)
       SET c.subjectId = CASE WHEN c.subjectId IN $oldIds THEN $anonymousId ELSE c.subjectId END,
           c.before = reduce(text = c.before, old IN $quotedOldIds | replace(text, old, $quotedAnonymousId)),
           c.after = reduce(text = c.after, old IN $quotedOldIds | replace(text, old, $quotedAnonymousId))
     }
     CALL () {
       MATCH (o:Operation)
       WHERE any(old IN $quotedOldIds WHERE o.result CONTAINS old)
       SET o.result = reduce(text = o.result, old IN $quotedOldIds | replace(text, old, $quotedAnonymousId))
     }`,
    {
      expertId,
      mergedIds,
      oldIds,
      anonymousId,
      // Quoted as in the JSON of the records, so that one id inside a longer one is left alone.
      quotedOldIds: oldIds.map((id) => JSON.stringify(id)),
      quotedAnonymousId: JSON.stringify(anonymousId),
    },
  );
}

export interface ErasureCounts {
  expertise: number;
  countryFocus: number;
  memberships: number;
  consultations: number;
}

/**
 * Removes the expert's personal data: every property but the id, contributions by them alone, and every
 * link that says who they are. The node stays, as an ErasedExpert, with the anonymous links that counts
 * rely on. Returns when it happened and what it kept; null when no such expert is left.
 */
export async function eraseData(
  run: Run,
  expertId: string,
  soleContributionIds: string[],
): Promise<({ erasedAt: string } & ErasureCounts) | null> {
  const [row] = await run(
    `MATCH (e:Expert {id: $expertId})
     CALL () { UNWIND $soleContributionIds AS contributionId MATCH (k:Contribution {id: contributionId}) DETACH DELETE k }
     CALL (e) {
       MATCH (e)-[r]-()
       WHERE NOT (type(r) IN $anonymousOutgoing AND startNode(r) = e) AND NOT (type(r) IN $anonymousIncoming AND endNode(r) = e)
       DELETE r
     }
     SET e = {id: e.id, erasedAt: datetime()}
     REMOVE e:Expert
     SET e:ErasedExpert
     RETURN e.erasedAt AS erasedAt,
            COUNT { (e)-[:EXPERT_IN]->() } AS expertise, COUNT { (e)-[:FOCUSES_ON]->() } AS countryFocus,
            COUNT { (e)-[:MEMBER_OF]->() } AS memberships, COUNT { (e)<-[:CONSULTED]-() } AS consultations`,
    { expertId, soleContributionIds, anonymousOutgoing: ANONYMOUS_OUTGOING, anonymousIncoming: ANONYMOUS_INCOMING },
  );
  return (row as ({ erasedAt: string } & ErasureCounts) | undefined) ?? null;
}
