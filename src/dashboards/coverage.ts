import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { limitExceeded } from '../graphql/limits.js';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page, type PageArgs } from '../graphql/paging.js';
import { BadInputError, present } from '../errors.js';
import type { InquiryRecord } from '../inquiries/model.js';
import { resolveNetworkId } from '../networks/resolve.js';
import { resolveNames, unknownPlace, unknownTheme } from '../names/service.js';
import {
  cellExperts,
  cellInquiries,
  cellKey,
  coverageCounts,
  defaultColumns,
  defaultRows,
  type CellCounts,
  type CellExpertRow,
  type CellQuery,
  type ColumnAxis,
  type RowAxis,
} from './coverage-repository.js';

/** A heatmap a screen can show, and a bounded amount of work: rows × columns at most 50 × 60. */
export const MAX_COVERAGE_ROWS = 50;
export const MAX_COVERAGE_COLUMNS = 60;
/** The largest `minExperts` a gap may ask for. */
const MAX_MIN_EXPERTS = 1_000;

export interface CoverageArgs {
  themes?: string[] | null;
  countries?: string[] | null;
  network?: string | null;
  minExperts?: number | null;
  from: Date;
  to: Date;
}

export interface CoverageCell extends CellCounts {
  themeId: string;
  column: ColumnAxis;
  gap: boolean;
  /** What the cell was asked with, for its drill-down fields. */
  networkId: string | null;
  from: Date;
  to: Date;
}

export interface CoverageRow extends RowAxis {
  cells: CoverageCell[];
}

export interface Coverage {
  from: Date;
  to: Date;
  minExperts: number;
  networkId: string | null;
  rows: CoverageRow[];
  columns: ColumnAxis[];
  /** The gaps per theme × country of the columns (each country once, whatever columns contain it). */
  gaps: CoverageCell[];
}

const NOTHING: CellCounts = { expertCount: 0, expertsByLevel: [], expertsByProvenance: [], demand: 0 };

/** Gaps, most asked first; then the thinnest coverage, then the theme and country as listed. */
export function orderGaps(
  cells: CoverageCell[],
  rowOrder: Map<string, number>,
  columnOrder: Map<string, number>,
): CoverageCell[] {
  return cells
    .filter((cell) => cell.gap)
    .sort(
      (a, b) =>
        b.demand - a.demand ||
        a.expertCount - b.expertCount ||
        positionIn(rowOrder, a.themeId) - positionIn(rowOrder, b.themeId) ||
        positionIn(columnOrder, a.column.id) - positionIn(columnOrder, b.column.id),
    );
}

/** Where a cell's theme or column is in the order asked: every cell's are in it (the cells are made from them). */
const positionIn = (order: Map<string, number>, id: string) => present(order.get(id), `the position of "${id}"`);

async function rowsAsked(queries: Queries, themes: string[]): Promise<RowAxis[]> {
  const resolved = await resolveNames(queries, { themes });
  const rows = new Map<string, RowAxis>();
  for (const [index, text] of themes.entries()) {
    const theme = resolved.themes[index];
    if (!theme) throw await unknownTheme(queries, 'themes', text);
    rows.set(theme.id, { themeId: theme.id });
  }
  return [...rows.values()];
}

const countryColumn = (id: string): ColumnAxis => ({ id, kind: 'COUNTRY', countryIds: [id] });

async function columnsAsked(queries: Queries, places: string[]): Promise<ColumnAxis[]> {
  const resolved = await resolveNames(queries, { places });
  const columns = new Map<string, ColumnAxis>();
  for (const [index, text] of places.entries()) {
    const place = resolved.places[index];
    if (!place) throw await unknownPlace(queries, 'countries', text);
    const column: ColumnAxis = place.region
      ? { id: place.region.id, kind: 'REGION', countryIds: place.countries.map((c) => c.id) }
      : countryColumn(present(place.countries[0], `the country "${text}" names`).id);
    columns.set(`${column.kind}:${column.id}`, column);
  }
  return [...columns.values()];
}

function checkAxes(rows: number, columns: number): void {
  if (rows > MAX_COVERAGE_ROWS) {
    throw limitExceeded(
      'coverageRows',
      MAX_COVERAGE_ROWS,
      rows,
      `The coverage has ${rows} rows (themes); the limit is ${MAX_COVERAGE_ROWS}: ask for fewer themes, or ` +
        'several matrices.',
    );
  }
  if (columns > MAX_COVERAGE_COLUMNS) {
    throw limitExceeded(
      'coverageColumns',
      MAX_COVERAGE_COLUMNS,
      columns,
      `The coverage has ${columns} columns (countries and regions); the limit is ${MAX_COVERAGE_COLUMNS}: ask ` +
        'for fewer, or use regions.',
    );
  }
}

/** The theme × country matrix: who covers each cell, what was asked, and the gaps. */
export async function coverage(queries: Queries, args: CoverageArgs): Promise<Coverage> {
  const minExperts = args.minExperts ?? 2;
  if (!Number.isInteger(minExperts) || minExperts < 1 || minExperts > MAX_MIN_EXPERTS) {
    throw new BadInputError(`minExperts must be from 1 to ${MAX_MIN_EXPERTS} (got ${minExperts}).`, {
      argument: 'minExperts',
    });
  }
  if (args.themes?.length === 0)
    throw new BadInputError('themes is empty: name at least one theme, or leave it out for the top-level themes.', {
      argument: 'themes',
    });
  if (args.countries?.length === 0)
    throw new BadInputError(
      'countries is empty: name at least one country or region, or leave it out for the regions.',
      {
        argument: 'countries',
      },
    );
  checkAxes(args.themes?.length ?? 0, args.countries?.length ?? 0);
  const [rows, columns, networkId] = await Promise.all([
    args.themes
      ? rowsAsked(queries, args.themes)
      : defaultRows(queries, { from: args.from.toISOString(), to: args.to.toISOString() }, MAX_COVERAGE_ROWS),
    args.countries ? columnsAsked(queries, args.countries) : defaultColumns(queries, MAX_COVERAGE_COLUMNS),
    resolveNetworkId(queries, args.network, 'network'),
  ]);
  checkAxes(rows.length, columns.length);
  // Every asked country is counted as a column of its own too: a gap is a theme × country, so that a country
  // counts once in the gaps whatever regions (columns) contain it.
  const countries = [...new Set(columns.flatMap((column) => column.countryIds))].map(countryColumn);
  const countsAsked = [...columns, ...countries.filter((country) => !columns.some((c) => c.id === country.id))];
  const counts = await coverageCounts(queries, {
    rows: rows.map((r) => r.themeId),
    columns: countsAsked,
    networkId,
    from: args.from.toISOString(),
    to: args.to.toISOString(),
  });
  const { from, to } = args;
  const cellOf = (themeId: string, column: ColumnAxis): CoverageCell => {
    const found = counts.get(cellKey(themeId, column.id)) ?? NOTHING;
    return {
      ...found,
      themeId,
      column,
      gap: found.demand > 0 && found.expertCount < minExperts,
      networkId,
      from,
      to,
    };
  };
  const matrix = rows.map((row) => ({ ...row, cells: columns.map((column) => cellOf(row.themeId, column)) }));
  const byCountry = rows.flatMap((row) => countries.map((country) => cellOf(row.themeId, country)));
  const rowOrder = new Map(rows.map((r, index) => [r.themeId, index]));
  const countryOrder = new Map(countries.map((c, index) => [c.id, index]));
  return {
    from,
    to,
    minExperts,
    networkId,
    rows: matrix,
    columns,
    gaps: orderGaps(byCountry, rowOrder, countryOrder),
  };
}

const cellQuery = (cell: CoverageCell): CellQuery => ({
  themeId: cell.themeId,
  countryIds: cell.column.countryIds,
  networkId: cell.networkId,
  from: cell.from.toISOString(),
  to: cell.to.toISOString(),
});

export type CellExpert = Omit<CellExpertRow, 'expert'> & { node: CellExpertRow['expert'] };

/** The experts a cell counts (its expertCount is their total), best level first; the cursor is a position. */
export async function expertsOfCell(queries: Queries, cell: CoverageCell, args: PageArgs): Promise<Page<CellExpert>> {
  const size = pageSize(args.first);
  const [skip] = (decodeCursor(args.after, ['number']) as [number] | null) ?? [0];
  const { rows, total } = await cellExperts(queries, cellQuery(cell), skip, size);
  return toPage(
    rows.map((row, index) => ({ row, position: skip + index + 1 })),
    size,
    skip > 0,
    total,
    ({ row: { expert, ...why }, position }) => ({ node: expert, ...why, cursor: encodeCursor([position]) }),
  );
}

/** The inquiries a cell counts in its demand that the viewer may see (none for a viewer), first come first served. */
export async function inquiriesOfCell(
  queries: Queries,
  viewer: Viewer,
  cell: CoverageCell,
  args: PageArgs,
): Promise<Page<{ node: InquiryRecord }>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, ['string', 'string']) as [string, string] | null;
  const { rows, total } = await cellInquiries(queries, viewer, cellQuery(cell), after, size);
  return toPage(rows, size, after !== null, total, (node) => ({
    node,
    cursor: encodeCursor([node.receivedAt, node.id]),
  }));
}
