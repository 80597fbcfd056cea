import { AUDITED_LABELS, type AuditedLabel, type ChangeRow } from '../audit/repository.js';
import type { Queries } from '../db/database.js';
import { CURRENT_EXPERT } from '../experts/repository.js';

export interface ChangeRecord extends Omit<ChangeRow, 'before' | 'after'> {
  at: string;
  before: string | null;
  after: string | null;
}

/**
 * One subject's changes (its label and id both: slugs are unique per label only), newest first, after a (time, id)
 * cursor.
 */
export async function pageOfChanges(
  queries: Queries,
  subject: { label: AuditedLabel; id: string },
  size: number,
  after: [string, string] | null,
): Promise<{ rows: ChangeRecord[]; total: number }> {
  const [result] = await queries.read<{ rows: ChangeRecord[]; total: number }>(
    `CALL () {
       MATCH (c:Change {subjectId: $subjectId}) WHERE c.subjectLabel = $subjectLabel
         AND ($after IS NULL OR c.at < datetime($after[0]) OR (c.at = datetime($after[0]) AND c.id > $after[1]))
       WITH c ORDER BY c.at DESC, c.id LIMIT $limit
       // Null properties are not stored: named here, they come back as null rather than missing.
       RETURN collect(c {.*, before: c.before, after: c.after, note: c.note}) AS rows
     }
     RETURN rows, COUNT { MATCH (c:Change {subjectId: $subjectId}) WHERE c.subjectLabel = $subjectLabel } AS total`,
    { subjectId: subject.id, subjectLabel: subject.label, after, limit: size + 1 },
  );
  return result ?? { rows: [], total: 0 };
}

/** A subject with a history: one object of one label, and the facts that decide who may read its records. */
export interface HistorySubject {
  label: AuditedLabel;
  id: string;
  /**
   * The networks it belongs to (experts) or is organised by (events). For an old id of a merged expert: those of
   * the expert it was merged into, who now holds that person's data and whose curators alone may read it.
   */
  networkIds: string[];
  /** An inquiry's network. */
  routedTo: string | null;
  /** The networks an inquiry was rerouted away from: they keep read access. */
  routedFrom: string[];
  /** A contribution's authors' networks, one list per author: who may curate it may read its records. */
  authorNetworkIds: string[][];
  /**
   * An expert's (the kept one's, for a merged id) consent to direct contact: decides who sees contact details in the
   * records.
   */
  contactConsent: boolean;
}

/**
 * The subjects an id names, at most one per label (`label` given: that one only): current nodes, an old id
 * of a merged expert (as the Expert it was merged into), and subjects that are gone, known only from their
 * records (facts empty). Slugs are unique per label only, so one id can name several subjects.
 */
export async function historySubjects(
  queries: Queries,
  id: string,
  label: AuditedLabel | null,
): Promise<HistorySubject[]> {
  const current = AUDITED_LABELS.filter((l) => l !== 'Expert').map(
    (l) => `MATCH (n:${l} {id: $id}) RETURN '${l}' AS label, n`,
  );
  return queries.read<HistorySubject>(
    `CALL () {
       ${current.join(' UNION ALL ')}
       // Merges followed as every input that names an expert follows them; an erased expert is known from its
       // records only.
       UNION ALL WITH $id AS id ${CURRENT_EXPERT} WITH n WHERE n:Expert RETURN 'Expert' AS label, n
       UNION ALL MATCH (c:Change {subjectId: $id}) WITH DISTINCT c.subjectLabel AS label RETURN label, null AS n
     }
     WITH label, collect(n)[0] AS n
     WHERE $label IS NULL OR label = $label
     RETURN label, $id AS id,
            CASE WHEN n IS NULL THEN [] ELSE [(n)-[:MEMBER_OF|ORGANISED_BY]->(net:Network) | net.id] END AS networkIds,
            CASE WHEN n IS NULL THEN null ELSE [(n)-[:ROUTED_TO]->(net:Network) | net.id][0] END AS routedTo,
            CASE WHEN n IS NULL THEN [] ELSE [(n)-[:ROUTED_FROM]->(net:Network) | net.id] END AS routedFrom,
            CASE WHEN n IS NULL OR label <> 'Contribution' THEN []
                 ELSE [(n)-[:BY]->(e:Expert) | [(e)-[:MEMBER_OF]->(net:Network) | net.id]] END AS authorNetworkIds,
            coalesce(n.contactConsent, false) AS contactConsent
     ORDER BY label`,
    { id, label },
  );
}
