import type { Params, Queries, Row } from '../db/database.js';
import { CURRENT_EXPERT } from '../experts/repository.js';

/** Labels whose changes are recorded. Labels are code constants: Cypher cannot take them as parameters. */
export type AuditedLabel = 'Expert' | 'Institution' | 'Theme' | 'Contribution' | 'Event' | 'Network' | 'Inquiry';

export type Run = (cypher: string, params?: Params) => Promise<Row[]>;

/** A subject's state for the record: its properties and outgoing relationships, as plain JSON. */
export type Snapshot = Record<string, unknown>;

/**
 * Bookkeeping that is not the subject's state; status changes have their own history on the inquiry, and
 * likely duplicate pairs (POSSIBLY_SAME) are derived from the expert's state by an `onChange` hook.
 */
const UNRECORDED_PROPERTIES = new Set(['version', 'lockedForUpdate']);
const UNRECORDED_LINKS = ['HAS_STATUS_CHANGE', 'POSSIBLY_SAME'];

/** The subject's state now, or null when it does not exist (yet, or any more) under that label. */
export async function snapshotOf(run: Run, label: AuditedLabel, id: string): Promise<Snapshot | null> {
  const [row] = await run(
    `MATCH (n:${label} {id: $id})
     RETURN properties(n) AS properties,
            [(n)-[r]->(m) WHERE NOT type(r) IN $unrecorded | {type: type(r), to: m.id, properties: properties(r)}] AS links`,
    { id, unrecorded: UNRECORDED_LINKS },
  );
  if (!row) return null;
  const properties = row.properties as Record<string, unknown>;
  const snapshot: Snapshot = {};
  for (const key of Object.keys(properties).sort()) if (!UNRECORDED_PROPERTIES.has(key)) snapshot[key] = properties[key];
  const links = row.links as Array<{ type: string; to: string; properties: Record<string, unknown> }>;
  for (const link of [...links].sort((a, b) => a.type.localeCompare(b.type) || String(a.to).localeCompare(String(b.to)))) {
    const key = `→${link.type}`;
    // Keys sorted: a relationship written again with the same values must compare equal.
    const properties = Object.fromEntries(Object.entries(link.properties).sort(([a], [b]) => a.localeCompare(b)));
    const entry = Object.keys(properties).length > 0 ? { to: link.to, ...properties } : link.to;
    snapshot[key] = [...((snapshot[key] as unknown[]) ?? []), entry];
  }
  return snapshot;
}

/** The keys whose values differ between two snapshots. */
export function changedFields(before: Snapshot | null, after: Snapshot | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((key) => JSON.stringify(before?.[key] ?? null) !== JSON.stringify(after?.[key] ?? null)).sort();
}

export interface ChangeRow {
  id: string;
  operationId: string;
  action: string;
  subjectLabel: AuditedLabel;
  subjectId: string;
  actorId: string;
  actorName: string;
  actorRoles: string;
  fields: string[];
  /** JSON of the snapshots; null when the subject did not exist, or when the record is kept without personal data. */
  before: string | null;
  after: string | null;
  note: string | null;
  redacted: boolean;
}

export async function writeChanges(run: Run, changes: ChangeRow[]): Promise<void> {
  await run(
    `UNWIND $changes AS change
     CREATE (c:Change)
     SET c = change, c.at = datetime()`,
    { changes },
  );
}

/** A committed audited operation: its key and what it returned, so that a retry can answer with it. */
export interface OperationRow {
  id: string;
  action: string;
  actorId: string;
  /** JSON of `{ value }`, the operation's result. */
  result: string;
}

export async function recordOperation(run: Run, operation: OperationRow): Promise<void> {
  await run('CREATE (o:Operation) SET o = $operation, o.at = datetime()', { operation });
}

/** The result of the operation with this key, if it was committed before. */
export async function committedResult(run: Run, id: string): Promise<{ value: unknown } | null> {
  const [row] = await run('MATCH (o:Operation {id: $id}) RETURN o.result AS result', { id });
  return row ? (JSON.parse(row.result as string) as { value: unknown }) : null;
}

/** Removes the personal data kept in a subject's earlier change records (erasure on request); the records stay. */
export async function redactHistory(run: Run, subjectId: string): Promise<void> {
  await run(`MATCH (c:Change {subjectId: $subjectId}) SET c.before = null, c.after = null, c.redacted = true`, { subjectId });
}

export interface ChangeRecord extends Omit<ChangeRow, 'before' | 'after'> {
  at: string;
  before: string | null;
  after: string | null;
}

/** One subject's changes (its label and id both: slugs are unique per label only), newest first, after a (time, id) cursor. */
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

export const AUDITED_LABELS: AuditedLabel[] = ['Expert', 'Institution', 'Theme', 'Contribution', 'Event', 'Network', 'Inquiry'];

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
  /** An expert's (the kept one's, for a merged id) consent to direct contact: decides who sees contact details in the records. */
  contactConsent: boolean;
}

/**
 * The subjects an id names, at most one per label (`label` given: that one only): current nodes, an old id
 * of a merged expert (as the Expert it was merged into), and subjects that are gone, known only from their
 * records (facts empty). Slugs are unique per label only, so one id can name several subjects.
 */
export async function historySubjects(queries: Queries, id: string, label: AuditedLabel | null): Promise<HistorySubject[]> {
  const current = AUDITED_LABELS.filter((l) => l !== 'Expert').map((l) => `MATCH (n:${l} {id: $id}) RETURN '${l}' AS label, n`);
  return queries.read<HistorySubject>(
    `CALL () {
       ${current.join(' UNION ALL ')}
       // Merges followed as every input that names an expert follows them; an erased expert is known from its records only.
       UNION ALL WITH $id AS id ${CURRENT_EXPERT} WITH n WHERE n:Expert RETURN 'Expert' AS label, n
       UNION ALL MATCH (c:Change {subjectId: $id}) WITH DISTINCT c.subjectLabel AS label RETURN label, null AS n
     }
     WITH label, collect(n)[0] AS n
     WHERE $label IS NULL OR label = $label
     RETURN label, $id AS id,
            CASE WHEN n IS NULL THEN [] ELSE [(n)-[:MEMBER_OF|ORGANISED_BY]->(net:Network) | net.id] END AS networkIds,
            CASE WHEN n IS NULL THEN null ELSE [(n)-[:ROUTED_TO]->(net:Network) | net.id][0] END AS routedTo,
            coalesce(n.contactConsent, false) AS contactConsent
     ORDER BY label`,
    { id, label },
  );
}
