import type { Run } from '../db/database.js';

/** Labels whose changes are recorded. Labels are code constants: Cypher cannot take them as parameters. */
export type AuditedLabel =
  | 'Expert'
  | 'Institution'
  | 'Theme'
  | 'Contribution'
  | 'Event'
  | 'Network'
  | 'Inquiry'
  | 'ScreeningList'
  | 'FaqArticle';

/** A subject's state for the record: its properties and outgoing relationships, as plain JSON. */
export type Snapshot = Record<string, unknown>;

/**
 * Bookkeeping that is not the subject's state; status changes have their own history on the inquiry, and
 * likely duplicate pairs (POSSIBLY_SAME), full-text `searchTerms` and an institution's `otherNamesText` (its
 * transliterations and aliases as one text for the name index) are derived from the subject's state.
 */
const UNRECORDED_PROPERTIES = new Set(['version', 'lockedForUpdate', 'searchTerms', 'otherNamesText']);
export const UNRECORDED_LINKS = ['HAS_STATUS_CHANGE', 'POSSIBLY_SAME'];

/** The subject's state now, or null when it does not exist (yet, or any more) under that label. */
export async function snapshotOf(run: Run, label: AuditedLabel, id: string): Promise<Snapshot | null> {
  const [row] = await run(
    `MATCH (n:${label} {id: $id})
     RETURN properties(n) AS properties,
            [(n)-[r]->(m) WHERE NOT type(r) IN $unrecorded
             | {type: type(r), to: m.id, properties: properties(r)}] AS links`,
    { id, unrecorded: UNRECORDED_LINKS },
  );
  if (!row) return null;
  const properties = row.properties as Record<string, unknown>;
  const snapshot: Snapshot = {};
  for (const key of Object.keys(properties).sort())
    if (!UNRECORDED_PROPERTIES.has(key)) snapshot[key] = properties[key];
  // `to` is the other node's id: null for a node without one, which String() sorts as "null".
  const links = row.links as Array<{ type: string; to: string | null; properties: Record<string, unknown> }>;
  for (const link of [...links].sort(
    (a, b) => a.type.localeCompare(b.type) || String(a.to).localeCompare(String(b.to)),
  )) {
    const key = `→${link.type}`;
    // Keys sorted: a relationship written again with the same values must compare equal.
    const properties = Object.fromEntries(Object.entries(link.properties).sort(([a], [b]) => a.localeCompare(b)));
    const entry = Object.keys(properties).length > 0 ? { to: link.to, ...properties } : link.to;
    snapshot[key] = [...((snapshot[key] as unknown[] | undefined) ?? []), entry];
  }
  return snapshot;
}

/** Takes the subject's write lock (writing a scratch property), before its state and version are read. */
export async function lockSubject(run: Run, label: AuditedLabel, id: string): Promise<void> {
  await run(`MATCH (n:${label} {id: $id}) SET n.lockedForUpdate = true`, { id });
}

export async function unlockSubject(run: Run, label: AuditedLabel, id: string): Promise<void> {
  await run(`MATCH (n:${label} {id: $id}) REMOVE n.lockedForUpdate`, { id });
}

/** The subject's version (1 before its first change); the subject exists. */
export async function versionOf(run: Run, label: AuditedLabel, id: string): Promise<number> {
  const [row] = await run(`MATCH (n:${label} {id: $id}) RETURN coalesce(n.version, 1) AS version`, { id });
  if (!row) throw new Error(`versionOf: no ${label} has id "${id}" (the caller read it first)`);
  return row.version as number;
}

export async function moveVersionOn(run: Run, label: AuditedLabel, id: string): Promise<void> {
  await run(`MATCH (n:${label} {id: $id}) SET n.version = coalesce(n.version, 1) + 1`, { id });
}

/** The keys whose values differ between two snapshots. */
export function changedFields(before: Snapshot | null, after: Snapshot | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys]
    .filter((key) => JSON.stringify(before?.[key] ?? null) !== JSON.stringify(after?.[key] ?? null))
    .sort();
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
  /**
   * The fingerprint of the request it answered (a mutation field and its arguments): only that request gets the result
   * again.
   */
  request: string;
}

export async function recordOperation(run: Run, operation: OperationRow): Promise<void> {
  await run('CREATE (o:Operation) SET o = $operation, o.at = datetime()', { operation });
}

/**
 * The result of the operation with this key, if it was committed before, and the request it answered (null: recorded
 * before requests were).
 */
export async function committedResult(
  run: Run,
  id: string,
): Promise<{ value: unknown; request: string | null } | null> {
  const [row] = await run('MATCH (o:Operation {id: $id}) RETURN o.result AS result, o.request AS request', { id });
  if (!row) return null;
  const { value } = JSON.parse(row.result as string) as { value: unknown };
  return { value, request: (row.request as string | null) ?? null };
}

/** Removes the personal data kept in a subject's earlier change records (erasure on request); the records stay. */
export async function redactHistory(run: Run, subjectId: string): Promise<void> {
  await run(`MATCH (c:Change {subjectId: $subjectId}) SET c.before = null, c.after = null, c.redacted = true`, {
    subjectId,
  });
}

export const AUDITED_LABELS: AuditedLabel[] = [
  'Expert',
  'Institution',
  'Theme',
  'Contribution',
  'Event',
  'Network',
  'Inquiry',
  'ScreeningList',
  'FaqArticle',
];
