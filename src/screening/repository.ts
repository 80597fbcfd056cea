/**
 * The screening lists in the graph: a `ScreeningList` (audited: each import is a change of it) with its dated
 * `ScreeningListVersion`s (HAS_VERSION), and its `ScreeningEntry`s, one per source id across versions: an entry
 * missing from a newer version is marked delisted in that version, never deleted. An institution's candidate
 * matches are `SCREENING_MATCH` relationships to entries, PROPOSED by the full-text search, then CONFIRMED or
 * REJECTED by a person; a rejected one stays, so it is not proposed again.
 */
import type { Queries, Run } from '../db/database.js';
import { FULLTEXT } from '../db/migrations.js';
import type { ScreeningEntry } from './formats.js';

export interface ListVersion {
  id: string;
  listId: string;
  listName: string;
  publishedOn: string;
  importedAt: string;
  importedBy: string;
  entryCount: number;
  delistedCount: number;
}

const VERSION_FIELDS = `{.id, .listId, .listName, publishedOn: toString(v.publishedOn),
  importedAt: toString(v.importedAt), .importedBy, .entryCount, .delistedCount}`;

/** The newest version imported of a list, or null. */
export async function latestVersion(queries: Queries, listId: string): Promise<ListVersion | null> {
  const [row] = await queries.read<{ version: ListVersion }>(
    `MATCH (:ScreeningList {id: $listId})-[:HAS_VERSION]->(v:ScreeningListVersion)
     RETURN v ${VERSION_FIELDS} AS version ORDER BY v.publishedOn DESC, v.importedAt DESC LIMIT 1`,
    { listId },
  );
  return row?.version ?? null;
}

/** Every list's versions, newest first. */
export const listVersions = (queries: Queries) =>
  queries
    .read<{ version: ListVersion }>(
      `MATCH (:ScreeningList)-[:HAS_VERSION]->(v:ScreeningListVersion)
       RETURN v ${VERSION_FIELDS} AS version ORDER BY v.publishedOn DESC, v.listId LIMIT 200`,
    )
    .then((rows) => rows.map((row) => row.version));

/** Starts a version: the list (made on its first import) and the version node, not yet counted. */
export async function startVersion(
  run: Run,
  version: { id: string; listId: string; listName: string; publishedOn: string; importedBy: string },
): Promise<void> {
  await run(
    `MERGE (l:ScreeningList {id: $v.listId})
     ON CREATE SET l.version = 1
     SET l.name = $v.listName, l.latestVersionId = $v.id, l.latestPublishedOn = date($v.publishedOn)
     CREATE (l)-[:HAS_VERSION]->(:ScreeningListVersion {id: $v.id, listId: $v.listId, listName: $v.listName,
       publishedOn: date($v.publishedOn), importedAt: datetime(), importedBy: $v.importedBy, entryCount: 0,
       delistedCount: 0})`,
    { v: version },
  );
}

/** Writes one batch of a version's entries: new ones made, known ones brought up to date (and listed again). */
export async function writeEntries(
  run: Run,
  version: { id: string; listId: string },
  entries: ScreeningEntry[],
): Promise<void> {
  await run(
    `UNWIND $entries AS e
     MERGE (n:ScreeningEntry {id: $listId + ':' + e.sourceId})
     ON CREATE SET n.listId = $listId, n.sourceId = e.sourceId, n.firstVersionId = $versionId
     SET n.name = e.name, n.aliases = e.aliases, n.namesText = reduce(s = '', a IN e.aliases | s + ' | ' + a),
         n.country = e.country, n.programme = e.programme, n.listedSince = e.listedSince, n.riskLevel = e.riskLevel,
         n.sourceUrl = e.sourceUrl, n.lastVersionId = $versionId, n.delistedInVersionId = null, n.delistedOn = null`,
    { entries, listId: version.listId, versionId: version.id },
  );
}

/** Ends a version: entries of the list it no longer holds are delisted in it; the version is counted. */
export async function finishVersion(run: Run, version: { id: string; listId: string }, entryCount: number) {
  const [row] = await run(
    `MATCH (v:ScreeningListVersion {id: $versionId})
     CALL (v) {
       MATCH (n:ScreeningEntry {listId: $listId})
       WHERE n.lastVersionId <> $versionId AND n.delistedInVersionId IS NULL
       SET n.delistedInVersionId = $versionId, n.delistedOn = v.publishedOn
       RETURN count(n) AS delisted
     }
     SET v.entryCount = $entryCount, v.delistedCount = delisted
     WITH v, delisted
     MATCH (l:ScreeningList {id: $listId}) SET l.entryCount = $entryCount
     RETURN delisted`,
    { versionId: version.id, listId: version.listId, entryCount },
  );
  return Number(row?.['delisted'] ?? 0);
}

/** The names of institutions, to search the entries with: all current ones, or those given. */
export const institutionNames = (queries: Queries, ids: string[] | null) =>
  queries.read<{ id: string; country: string | null; names: Array<string | null> }>(
    `MATCH (i:Institution) WHERE i.retiredAt IS NULL AND ($ids IS NULL OR i.id IN $ids)
     RETURN i.id AS id, [(i)-[:LOCATED_IN]->(c:Country) | c.id][0] AS country,
            [i.name, i.nameNl, i.originalName] + coalesce(i.transliterations, []) + coalesce(i.aliases, []) AS names`,
    { ids },
  );

/**
 * Proposes the entries each query finds (current entries, of the institution's country when both have one) as
 * candidates; a candidate already decided keeps its decision. Returns how many candidates are new.
 */
export async function proposeMatches(
  queries: Queries,
  searches: Array<{ id: string; country: string | null; query: string }>,
  perInstitution: number,
): Promise<number> {
  const [row] = await queries.write<{ proposed: number }>(
    `UNWIND $searches AS s
     MATCH (i:Institution {id: s.id})
     CALL (s) {
       CALL db.index.fulltext.queryNodes($index, s.query, {limit: $limit}) YIELD node, score
       WHERE node.delistedInVersionId IS NULL
         AND (s.country IS NULL OR node.country IS NULL OR node.country = s.country)
       RETURN node, score
     }
     MERGE (i)-[m:SCREENING_MATCH]->(node)
     ON CREATE SET m.status = 'PROPOSED', m.score = score, m.proposedAt = datetime(), m.new = true
     ON MATCH SET m.score = CASE m.status WHEN 'PROPOSED' THEN score ELSE m.score END
     WITH m, coalesce(m.new, false) AS new REMOVE m.new
     RETURN count(CASE WHEN new THEN 1 END) AS proposed`,
    { searches, index: FULLTEXT.screeningEntryNames, limit: perInstitution },
  );
  return row?.proposed ?? 0;
}

/** Records a person's decision on a candidate; false when there is no such candidate. */
export async function decideMatch(
  run: Run,
  match: { institutionId: string; entryId: string; status: 'CONFIRMED' | 'REJECTED'; by: string; note: string | null },
): Promise<boolean> {
  const rows = await run(
    `MATCH (:Institution {id: $m.institutionId})-[r:SCREENING_MATCH]->(:ScreeningEntry {id: $m.entryId})
     SET r.status = $m.status, r.decidedBy = $m.by, r.decidedAt = toString(datetime()), r.note = $m.note
     RETURN r.status AS status`,
    { m: match },
  );
  return rows.length > 0;
}

/** A candidate or a flag: the entry, its list and versions, and the decision on it. */
export interface ScreeningMatchRecord {
  institutionId: string;
  entryId: string;
  status: 'PROPOSED' | 'CONFIRMED' | 'REJECTED';
  score: number;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  name: string;
  aliases: string[];
  country: string | null;
  listId: string;
  listName: string;
  programme: string | null;
  listedSince: string | null;
  riskLevel: string | null;
  sourceUrl: string | null;
  /** The newest version that lists it (or the one it was delisted in) and that version's date. */
  versionId: string;
  versionPublishedOn: string;
  delistedOn: string | null;
}

/** The candidates and flags of each institution, flags first, by list. */
export const matchesOfInstitutions = (queries: Queries, ids: readonly string[]) =>
  queries
    .read<{ id: string; matches: ScreeningMatchRecord[] }>(
      `UNWIND $ids AS id
       OPTIONAL MATCH (i:Institution {id: id})-[m:SCREENING_MATCH]->(e:ScreeningEntry)
       OPTIONAL MATCH (v:ScreeningListVersion {id: coalesce(e.delistedInVersionId, e.lastVersionId)})
       WITH id, m, e, v ORDER BY CASE m.status WHEN 'CONFIRMED' THEN 0 WHEN 'PROPOSED' THEN 1 ELSE 2 END, v.listName,
                                 m.score DESC
       RETURN id, [x IN collect(CASE WHEN e IS NULL THEN null ELSE {institutionId: id, entryId: e.id, status: m.status,
         score: m.score, decidedBy: m.decidedBy, decidedAt: m.decidedAt, note: m.note, name: e.name, aliases: e.aliases,
         country: e.country, listId: e.listId, listName: v.listName, programme: e.programme,
         listedSince: e.listedSince, riskLevel: e.riskLevel, sourceUrl: e.sourceUrl, versionId: v.id,
         versionPublishedOn: toString(v.publishedOn), delistedOn: toString(e.delistedOn)} END) WHERE x IS NOT NULL]
         AS matches`,
      { ids: [...ids] },
    )
    .then((rows) => {
      const byId = new Map(rows.map((row) => [row.id, row.matches]));
      return ids.map((id) => byId.get(id) ?? []);
    });

/**
 * A Cypher predicate on an institution `n`: it has a confirmed flag on a list that still lists it. For filters (the
 * desk's inquiries about flagged partners) and reasons.
 */
export const FLAGGED = (n: string) =>
  `EXISTS { (${n})-[:SCREENING_MATCH {status: 'CONFIRMED'}]->(flagged:ScreeningEntry)
            WHERE flagged.delistedInVersionId IS NULL }`;
