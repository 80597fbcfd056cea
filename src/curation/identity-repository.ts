import { AUDITED_LABELS, type AuditedLabel, type Run } from '../audit/repository.js';
import type { AuditedWork } from '../audit/service.js';
import type { Queries } from '../db/database.js';
import { CURRENT_EXPERT } from '../experts/repository.js';
import type { ComparedExpert } from './duplicate-scoring.js';

/** An expert of a surname group: what a likely duplicate is judged by, and whose networks decide who sees the pair. */
export interface DuplicateMember extends ComparedExpert {
  networkIds: string[];
}

/**
 * The current (not retired) experts of every surname key that more than one expert shares. The keys
 * come from the surname index alone; only experts who share one are read.
 */
export async function surnameGroups(queries: Queries): Promise<DuplicateMember[][]> {
  const rows = await queries.read<{ members: DuplicateMember[] }>(
    `MATCH (e:Expert) WHERE e.surnameKey IS NOT NULL
     WITH e.surnameKey AS key, count(*) AS size
     WHERE size > 1
     MATCH (e:Expert {surnameKey: key}) WHERE e.retiredAt IS NULL
     WITH key, collect(e {
       .id, .name, email: toLower(trim(e.email)),
       institutions: [(e)-[:AFFILIATED_WITH]->(i:Institution) | i {.id, .name}],
       networkIds: [(e)-[:MEMBER_OF]->(n:Network) | n.id]
     }) AS members
     WHERE size(members) > 1
     RETURN members`,
  );
  return rows.map((row) => row.members);
}

/** The state of an expert an id names: missing, current, or erased on request; retired or not; whose networks. */
export interface IdentityFacts {
  /** The id as asked. */
  askedAs: string;
  /** The id of the expert it names now: another one when the asked id was merged into it. */
  id: string;
  erased: boolean;
  retired: boolean;
  networkIds: string[];
}

/** Facts of the experts the ids name, following merges; ids that name no expert are left out. */
export async function identityFacts(queries: Queries, ids: string[]): Promise<IdentityFacts[]> {
  return queries.read<IdentityFacts>(
    `UNWIND $ids AS id
     ${CURRENT_EXPERT}
     RETURN id AS askedAs, n.id AS id, n:ErasedExpert AS erased, n.retiredAt IS NOT NULL AS retired,
            [(n)-[:MEMBER_OF]->(x:Network) | x.id] AS networkIds`,
    { ids },
  );
}

/**
 * The audited nodes (contributions, inquiries, events …) whose own relationships point at the expert,
 * other than by the `except` types: changing those relationships changes their records.
 */
async function auditedNodesPointingAt(run: Run, expertId: string, except: string[]): Promise<Array<{ label: AuditedLabel; id: string }>> {
  const rows = await run(
    `MATCH (:Expert {id: $expertId})<-[r]-(m)
     WHERE NOT type(r) IN $except
     WITH DISTINCT m, [label IN labels(m) WHERE label IN $audited][0] AS label
     WHERE label IS NOT NULL
     RETURN label, m.id AS id`,
    { expertId, except, audited: AUDITED_LABELS },
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
 * two experts themselves are dropped.
 */
async function moveRelationships(run: Run, keepId: string, removeId: string): Promise<void> {
  for (const direction of DIRECTIONS) {
    await run(
      `MATCH (keep:Expert {id: $keepId}), (remove:Expert {id: $removeId})
       MATCH ${direction.old} WHERE other <> keep AND other <> remove
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
 * records and every stored mention of the old ids (in other subjects' records, in consultations) take
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
