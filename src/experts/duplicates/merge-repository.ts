import type { Run } from '../../db/database.js';
import type { AuditedWork } from '../../audit/service.js';
import { auditedNodesPointingAt } from '../write-repository.js';
import { POSSIBLY_SAME } from './repository.js';

/** Cypher: how strong a provenance is; none recorded means DECLARED. */
const provenanceRank = (provenance: string) =>
  `CASE ${provenance} WHEN 'VERIFIED' THEN 3 WHEN 'EVIDENCED' THEN 2 ELSE 1 END`;

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
             AND ${provenanceRank('removedValues.provenance')} > ${provenanceRank('keptValues.provenance')})
         AS removedStronger
  SET kept = CASE WHEN ranked THEN {} ELSE removedValues END
  SET kept += CASE WHEN ranked AND removedStronger THEN removedValues ELSE keptValues END
  SET kept.since = CASE WHEN keptValues.since IS NULL OR removedValues.since IS NULL
                          THEN coalesce(keptValues.since, removedValues.since)
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
