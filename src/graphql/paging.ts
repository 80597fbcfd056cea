import { BadInputError } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** The lists of one record that come with it whole (an inquiry's notes, timeline, …) take `last`: this by default… */
export const DEFAULT_LAST = 50;
/** …and at most this many; their repositories never read more of one record. */
export const MAX_LAST = 200;

/** A `last` argument checked: how many of a record's list to keep, the newest. */
export function lastCount(last: number | null | undefined): number {
  if (last === null || last === undefined) return DEFAULT_LAST;
  if (!Number.isInteger(last) || last < 0 || last > MAX_LAST)
    throw new BadInputError(
      `last must be from 0 to ${MAX_LAST} (got ${last}): the newest ${MAX_LAST} at most, oldest first.`,
      { argument: 'last' },
    );
  return last;
}

/** The newest `count` items of a list in time order (oldest first), still oldest first. */
export const keepLast = <T>(items: readonly T[], count: number): T[] => (count === 0 ? [] : items.slice(-count));

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadInputError(
      `first must be from 1 to ${MAX_PAGE_SIZE} (got ${first}); page through larger results with after.`,
      {
        argument: 'first',
      },
    );
  }
  return first;
}

/** Cursors are opaque to clients: base64url of the sort key of the last row seen. */
export function encodeCursor(sortKey: Array<string | number>): string {
  return Buffer.from(JSON.stringify(sortKey)).toString('base64url');
}

export function decodeCursor(
  after: string | null | undefined,
  shape: Array<'string' | 'number'>,
): Array<string | number> | null {
  if (after === null || after === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || value.length !== shape.length || value.some((v, i) => typeof v !== shape[i])) {
    throw new BadInputError(
      'after is not a cursor of this list: pass an endCursor from the same query, or leave it out to start at the top.',
      {
        argument: 'after',
      },
    );
  }
  return value as Array<string | number>;
}

export interface Page<T> {
  edges: Array<T & { cursor: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/**
 * Builds a connection from rows fetched with one row more than `size` (that extra row only says whether
 * a next page exists).
 */
export function toPage<R, T>(
  rows: R[],
  size: number,
  afterGiven: boolean,
  totalCount: number,
  edge: (row: R) => T & { cursor: string },
): Page<T> {
  const edges = rows.slice(0, size).map(edge);
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: afterGiven,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** A connection ordered by (name, id): the shape every plain list query shares. */
export async function nameOrderedConnection<T extends { id: string; name: string }>(
  args: PageArgs,
  fetch: (size: number, after: [string, string] | null) => Promise<{ rows: T[]; total: number }>,
): Promise<Page<{ node: T }>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, ['string', 'string']) as [string, string] | null;
  const { rows, total } = await fetch(size, after);
  return toPage(rows, size, after !== null, total, (node) => ({ node, cursor: encodeCursor([node.name, node.id]) }));
}

/** The forward paging arguments every list takes. */
export const pageArgDescriptions = {
  first: `How many to return, from 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
  after: 'Return the items after this cursor (an endCursor from the previous page).',
};
