import type { Run } from '../../db/database.js';
import type { AuditedLabel } from '../../audit/repository.js';
import { auditedNodesPointingAt } from '../write-repository.js';

/**
 * Relationships an erased expert keeps, anonymously, so that counts per theme, country, network and inquiry survive.
 */
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
     RETURN [(e)<-[:BY]-(k:Contribution) WHERE NOT EXISTS { (k)-[:BY]->(other:Expert) WHERE other <> e }
             | k.id] AS soleContributionIds,
            [(m:MergedExpert)-[:MERGED_INTO*1..10]->(e) | m.id] AS mergedIds`,
    { expertId },
  );
  const scope = row as Omit<ErasureScope, 'unlinked'> | undefined;
  if (!scope) return { soleContributionIds: [], unlinked: [], mergedIds: [] };
  const sole = new Set(scope.soleContributionIds);
  const unlinked = (await auditedNodesPointingAt(run, expertId, ANONYMOUS_INCOMING)).filter(
    (node) => !sole.has(node.id),
  );
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
     // Inboxes quote an expert's name ("Expert … answered"): the notice stays, without the name.
     CALL () { MATCH (x:Notification) WHERE x.expertId IN $oldIds SET x.detail = null, x.expertId = $anonymousId }
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
     CALL () {
       UNWIND $soleContributionIds AS contributionId MATCH (k:Contribution {id: contributionId}) DETACH DELETE k
     }
     CALL (e) {
       MATCH (e)-[r]-()
       WHERE NOT (type(r) IN $anonymousOutgoing AND startNode(r) = e)
         AND NOT (type(r) IN $anonymousIncoming AND endNode(r) = e)
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
