import { INQUIRY_VISIBLE, inquiryViewerParams } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { expertProjection, type ExpertRecord } from '../experts/model.js';
import { countsInStatistics } from '../inquiries/closing-repository.js';
import { inquiryProjection, type InquiryRecord } from '../inquiries/model.js';

export interface RowAxis {
  themeId: string;
}

export interface ColumnAxis {
  /** A country's ISO code or a region's id: what `coverage(countries:)` takes. */
  id: string;
  kind: 'COUNTRY' | 'REGION';
  countryIds: string[];
}

export interface CellCounts {
  expertCount: number;
  expertsByLevel: Array<{ level: number; count: number }>;
  expertsByProvenance: Array<{ provenance: string; count: number }>;
  demand: number;
}

/**
 * The current top-level themes (no current broader theme), at most `limit`: those with the most current
 * experts plus inquiries received in the period (in the theme or a current narrower one) first, then by name.
 * A default must never exceed the row limit, and the busiest themes are the ones a dashboard wants to see.
 * The count reads the top-level themes' expertise links and the period's inquiries, as the matrix itself does.
 */
export async function defaultRows(
  queries: Queries,
  period: { from: string; to: string },
  limit: number,
): Promise<RowAxis[]> {
  return queries.read<RowAxis>(
    `MATCH (t:Theme) WHERE t.retiredAt IS NULL AND NOT EXISTS { (t)-[:BROADER]->(b:Theme) WHERE b.retiredAt IS NULL }
     WITH t,
          COLLECT { MATCH (t)<-[:BROADER*0..10]-(n:Theme) WHERE n = t OR n.retiredAt IS NULL RETURN DISTINCT n }
            AS subtree
     WITH t,
          COUNT { UNWIND subtree AS n MATCH (n)<-[:EXPERT_IN]-(e:Expert) WHERE e.retiredAt IS NULL RETURN DISTINCT e } +
          COUNT { UNWIND subtree AS n MATCH (n)<-[:ABOUT]-(i:Inquiry)
                  WHERE i.receivedAt >= datetime($from) AND i.receivedAt < datetime($to)
                    AND ${countsInStatistics('i')} RETURN DISTINCT i } AS activity
     RETURN t.id AS themeId ORDER BY activity DESC, t.name LIMIT $limit`,
    { ...period, limit },
  );
}

/** Every region with its countries, by name, at most `limit` (the regions are a short, fixed list). */
export async function defaultColumns(queries: Queries, limit: number): Promise<ColumnAxis[]> {
  const rows = await queries.read<{ id: string; countryIds: string[] }>(
    `MATCH (r:Region)
     RETURN r.id AS id, COLLECT { MATCH (r)<-[:IN_REGION]-(c:Country) RETURN c.id ORDER BY c.name } AS countryIds
     ORDER BY r.name LIMIT $limit`,
    { limit },
  );
  return rows.map((row) => ({ ...row, kind: 'REGION' as const }));
}

export interface CoverageQuery {
  rows: string[];
  columns: ColumnAxis[];
  networkId: string | null;
  from: string;
  to: string;
}

/** VERIFIED above EVIDENCED above DECLARED: the provenance counted when an expert has two links of the same level. */
const provenanceRank = (provenance: string) =>
  `CASE ${provenance} WHEN 'VERIFIED' THEN 2 WHEN 'EVIDENCED' THEN 1 ELSE 0 END`;

/**
 * What a cell counts, in fragments both the counts and a cell's lists use, so that a cell lists exactly whom and
 * what it counts. Per `rowId` (a theme id): each current expert `e` with expertise in it or a current narrower
 * theme (a member of `$networkId`, if given), with `best`, their best level there and its provenance.
 */
const EXPERTS_OF_ROW = `
    MATCH (root:Theme {id: rowId})<-[:BROADER*0..10]-(t:Theme)
    WHERE t = root OR t.retiredAt IS NULL
    WITH DISTINCT rowId, t
    MATCH (t)<-[x:EXPERT_IN]-(e:Expert)
    WHERE e.retiredAt IS NULL AND ($networkId IS NULL OR EXISTS { (e)-[:MEMBER_OF]->(:Network {id: $networkId}) })
    WITH e, rowId, x ORDER BY x.level DESC, ${provenanceRank("coalesce(x.provenance, 'DECLARED')")} DESC
    WITH e, rowId, head(collect({level: x.level, provenance: coalesce(x.provenance, 'DECLARED')})) AS best`;

/** The asked countries (`$countryIds`) expert `e` focuses on. */
const FOCUS_COUNTRIES = 'COLLECT { MATCH (e)-[:FOCUSES_ON]->(c:Country) WHERE c.id IN $countryIds RETURN c.id }';
/** The asked countries a current contribution by expert `e` concerns. */
const CONTRIBUTION_COUNTRIES = `COLLECT {
           MATCH (e)<-[:BY]-(k:Contribution)-[:CONCERNS]->(c:Country)
           WHERE k.retiredAt IS NULL AND c.id IN $countryIds RETURN DISTINCT c.id
         }`;

/**
 * Inquiry `i` is demand: received in the period (`$from`, `$to`), counted in statistics, routed to `$networkId`
 * (if given).
 */
export const DEMAND = `i.receivedAt >= datetime($from) AND i.receivedAt < datetime($to) AND ${countsInStatistics('i')}
      AND ($networkId IS NULL OR EXISTS { (i)-[:ROUTED_TO]->(:Network {id: $networkId}) })`;
/** The asked countries inquiry `i` concerns. */
const CONCERNED_COUNTRIES = 'COLLECT { MATCH (i)-[:CONCERNS]->(c:Country) WHERE c.id IN $countryIds RETURN c.id }';
/** The rows (`$rows`) inquiry `i` is about: a theme it names, or a broader one. */
const ROWS_ASKED_ABOUT =
  'COLLECT { MATCH (i)-[:ABOUT]->(:Theme)-[:BROADER*0..10]->(r:Theme) WHERE r.id IN $rows RETURN DISTINCT r.id }';

/**
 * Per row theme, the experts of EXPERTS_OF_ROW and the asked countries each covers (by focus or a current
 * contribution), counted per column (a region's countries together); and the demand: the inquiries about the
 * row's theme or a narrower one concerning an asked country. One round trip; the experts part reads the rows'
 * expertise links and those experts' focus and contributions, the demand part the period's inquiries (receipt index).
 */
const COVERAGE = `
  CALL () {
    UNWIND $rows AS rowId
    ${EXPERTS_OF_ROW}
    // Each expert once, with its best level per row: its countries are read once, whatever the rows.
    WITH e, collect({rowId: rowId, best: best}) AS rows
    WITH rows, ${FOCUS_COUNTRIES} AS focus, ${CONTRIBUTION_COUNTRIES} AS contributed
    WITH rows, focus + [id IN contributed WHERE NOT id IN focus] AS covered
    WHERE size(covered) > 0
    WITH rows, [column IN $columns WHERE any(id IN covered WHERE id IN column.countryIds) | column.id] AS columnIds
    UNWIND rows AS row
    UNWIND columnIds AS columnId
    WITH row.rowId AS rowId, columnId, row.best.level AS level, row.best.provenance AS provenance, count(*) AS experts
    RETURN collect({rowId: rowId, columnId: columnId, level: level, provenance: provenance, experts: experts})
           AS experts
  }
  CALL () {
    MATCH (i:Inquiry)
    WHERE ${DEMAND}
    WITH i, ${CONCERNED_COUNTRIES} AS concerned
    WHERE size(concerned) > 0
    WITH i, concerned, ${ROWS_ASKED_ABOUT} AS rowIds
    UNWIND rowIds AS rowId
    UNWIND $columns AS column
    WITH rowId, column, i WHERE any(id IN concerned WHERE id IN column.countryIds)
    WITH rowId, column.id AS columnId, count(DISTINCT i) AS demand
    RETURN collect({rowId: rowId, columnId: columnId, demand: demand}) AS demand
  }
  RETURN experts, demand`;

interface CoverageRowsResult {
  experts: Array<{ rowId: string; columnId: string; level: number | null; provenance: string; experts: number }>;
  demand: Array<{ rowId: string; columnId: string; demand: number }>;
}

export const cellKey = (themeId: string, columnId: string) => `${themeId}\u0000${columnId}`;

/** The counts of every cell, keyed by cellKey(theme id, column id); cells with nothing are absent. */
export async function coverageCounts(queries: Queries, query: CoverageQuery): Promise<Map<string, CellCounts>> {
  const countryIds = [...new Set(query.columns.flatMap((column) => column.countryIds))];
  const columns = query.columns.map((column) => ({ id: column.id, countryIds: column.countryIds }));
  const [result] = await queries.read<CoverageRowsResult>(COVERAGE, { ...query, columns, countryIds });
  const cells = new Map<string, CellCounts>();
  const cell = (rowId: string, columnId: string) => {
    const key = cellKey(rowId, columnId);
    let found = cells.get(key);
    if (!found) cells.set(key, (found = { expertCount: 0, expertsByLevel: [], expertsByProvenance: [], demand: 0 }));
    return found;
  };
  for (const row of result?.experts ?? []) {
    const counts = cell(row.rowId, row.columnId);
    counts.expertCount += row.experts;
    addTo(
      counts.expertsByLevel,
      (c) => c.level === (row.level ?? 0),
      () => ({ level: row.level ?? 0, count: 0 }),
    ).count += row.experts;
    addTo(
      counts.expertsByProvenance,
      (c) => c.provenance === row.provenance,
      () => ({ provenance: row.provenance, count: 0 }),
    ).count += row.experts;
  }
  for (const row of result?.demand ?? []) cell(row.rowId, row.columnId).demand = row.demand;
  for (const counts of cells.values()) {
    counts.expertsByLevel.sort((a, b) => b.level - a.level);
    counts.expertsByProvenance.sort(
      (a, b) => PROVENANCE_ORDER.indexOf(a.provenance) - PROVENANCE_ORDER.indexOf(b.provenance),
    );
  }
  return cells;
}

const PROVENANCE_ORDER = ['VERIFIED', 'EVIDENCED', 'DECLARED'];

function addTo<T>(list: T[], matches: (item: T) => boolean, create: () => T): T {
  let item = list.find(matches);
  if (!item) list.push((item = create()));
  return item;
}

/** One cell: a theme (its narrower themes counted in) and the countries of a column, as coverage counts them. */
export interface CellQuery {
  themeId: string;
  countryIds: string[];
  networkId: string | null;
  from: string;
  to: string;
}

export interface CellExpertRow {
  expert: ExpertRecord;
  level: number | null;
  provenance: string;
  /** The column's countries the expert focuses on, and those a current contribution of theirs concerns. */
  focusCountryIds: string[];
  contributionCountryIds: string[];
}

/**
 * The experts a cell counts, best level first (then the better provenance, then by name), `size` of them after
 * the first `skip`, with how many there are: the same experts as its expertCount.
 */
export async function cellExperts(
  queries: Queries,
  cell: CellQuery,
  skip: number,
  size: number,
): Promise<{ rows: CellExpertRow[]; total: number }> {
  const [result] = await queries.read<{ rows: CellExpertRow[]; total: number }>(
    `WITH $themeId AS rowId
     ${EXPERTS_OF_ROW}
     WITH e, best, ${FOCUS_COUNTRIES} AS focus, ${CONTRIBUTION_COUNTRIES} AS contributed
     WHERE size(focus) + size(contributed) > 0
     WITH e, best, focus, contributed ORDER BY best.level DESC, ${provenanceRank('best.provenance')} DESC, e.name, e.id
     WITH collect({expert: ${expertProjection('e')}, level: best.level, provenance: best.provenance,
                   focusCountryIds: focus, contributionCountryIds: contributed}) AS counted
     RETURN counted[$skip..$skip + $limit] AS rows, size(counted) AS total`,
    { ...cell, rows: [cell.themeId], skip, limit: size + 1 },
  );
  return result ?? { rows: [], total: 0 };
}

/**
 * The inquiries a cell counts as its demand that the viewer may see, first come first served (by receipt, then
 * id), after a (receipt, id) cursor, with how many of them the viewer may see.
 */
export async function cellInquiries(
  queries: Queries,
  viewer: Viewer,
  cell: CellQuery,
  after: [string, string] | null,
  size: number,
): Promise<{ rows: InquiryRecord[]; total: number }> {
  const counted = `${DEMAND}
       AND size(${CONCERNED_COUNTRIES}) > 0 AND size(${ROWS_ASKED_ABOUT}) > 0
       AND ${INQUIRY_VISIBLE}`;
  const [result] = await queries.read<{ rows: InquiryRecord[]; total: number }>(
    `CALL () {
       MATCH (i:Inquiry)
       WHERE ${counted}${
         after === null
           ? ''
           : ' AND (i.receivedAt > datetime($after[0]) OR (i.receivedAt = datetime($after[0]) AND i.id > $after[1]))'
       }
       WITH i ORDER BY i.receivedAt, i.id LIMIT $limit
       RETURN collect(${inquiryProjection('i')}) AS rows
     }
     RETURN rows, COUNT { MATCH (i:Inquiry) WHERE ${counted} } AS total`,
    { ...cell, ...inquiryViewerParams(viewer), rows: [cell.themeId], after, limit: size + 1 },
  );
  return result ?? { rows: [], total: 0 };
}
