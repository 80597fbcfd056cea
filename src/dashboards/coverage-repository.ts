import type { Queries } from '../db/database.js';
import { countsInStatistics } from '../inquiries/closing-repository.js';

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
const PROVENANCE_RANK =
  "CASE coalesce(x.provenance, 'DECLARED') WHEN 'VERIFIED' THEN 2 WHEN 'EVIDENCED' THEN 1 ELSE 0 END";

/**
 * Per row theme: the current experts with expertise in it or a current narrower theme (members of the
 * network, if given), each with their best level (and its provenance), and the asked countries each covers
 * by focus or by a current contribution concerning it; counted per column (a region's countries together).
 * Per row theme too: the inquiries received in the period about it or a narrower theme, concerning an asked
 * country (routed to the network, if given). One round trip; the experts part reads the rows' expertise
 * links and those experts' focus and contributions, the demand part the period's inquiries (receipt index).
 */
const COVERAGE = `
  CALL () {
    UNWIND $rows AS rowId
    MATCH (root:Theme {id: rowId})<-[:BROADER*0..10]-(t:Theme)
    WHERE t = root OR t.retiredAt IS NULL
    WITH DISTINCT rowId, t
    MATCH (t)<-[x:EXPERT_IN]-(e:Expert)
    WHERE e.retiredAt IS NULL AND ($networkId IS NULL OR EXISTS { (e)-[:MEMBER_OF]->(:Network {id: $networkId}) })
    WITH e, rowId, x ORDER BY x.level DESC, ${PROVENANCE_RANK} DESC
    WITH e, rowId, head(collect({level: x.level, provenance: coalesce(x.provenance, 'DECLARED')})) AS best
    // Each expert once, with its best level per row: its countries are read once, whatever the rows.
    WITH e, collect({rowId: rowId, best: best}) AS rows
    WITH rows, COLLECT {
           MATCH (e)-[:FOCUSES_ON]->(c:Country) WHERE c.id IN $countryIds RETURN c.id AS id
           UNION
           MATCH (e)<-[:BY]-(k:Contribution)-[:CONCERNS]->(c:Country)
           WHERE k.retiredAt IS NULL AND c.id IN $countryIds RETURN c.id AS id
         } AS covered
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
    WHERE i.receivedAt >= datetime($from) AND i.receivedAt < datetime($to) AND ${countsInStatistics('i')}
      AND ($networkId IS NULL OR EXISTS { (i)-[:ROUTED_TO]->(:Network {id: $networkId}) })
    WITH i, COLLECT { MATCH (i)-[:CONCERNS]->(c:Country) WHERE c.id IN $countryIds RETURN c.id } AS concerned
    WHERE size(concerned) > 0
    WITH i, concerned, COLLECT {
           MATCH (i)-[:ABOUT]->(:Theme)-[:BROADER*0..10]->(r:Theme) WHERE r.id IN $rows RETURN DISTINCT r.id
         } AS rowIds
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
