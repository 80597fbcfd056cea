import type { Queries } from '../db/database.js';

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

/** The current top-level themes (no current broader theme), by name. */
export async function defaultRows(queries: Queries): Promise<RowAxis[]> {
  const rows = await queries.read<RowAxis>(
    `MATCH (t:Theme) WHERE t.retiredAt IS NULL AND NOT EXISTS { (t)-[:BROADER]->(b:Theme) WHERE b.retiredAt IS NULL }
     RETURN t.id AS themeId ORDER BY t.name`,
  );
  return rows;
}

/** Every region with its countries, by name. */
export async function defaultColumns(queries: Queries): Promise<ColumnAxis[]> {
  const rows = await queries.read<{ id: string; countryIds: string[] }>(
    `MATCH (r:Region) RETURN r.id AS id, COLLECT { MATCH (r)<-[:IN_REGION]-(c:Country) RETURN c.id ORDER BY c.name } AS countryIds ORDER BY r.name`,
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

/** The counts of every cell, keyed by theme id and column id (NUL between); cells with nothing are absent. */
export async function coverageCounts(_queries: Queries, _query: CoverageQuery): Promise<Map<string, CellCounts>> {
  return new Map();
}
