import { searchTermsOf } from '../text/compounds.js';
import type { Queries, Row, Run } from './database.js';

/**
 * The texts of each full-text searched label whose Dutch compounds are split into `searchTerms`, a property
 * the Dutch full-text index of the label covers too (src/text/compounds.ts says why it is done here).
 */
export const SEARCH_TEXT = {
  Expert: ['headline', 'headlineNl', 'bio', 'bioNl'],
  Contribution: ['title', 'summary'],
  Inquiry: ['question', 'context', 'answerSummary'],
} as const;

export type SearchedLabel = keyof typeof SEARCH_TEXT;
export const SEARCHED_LABELS = Object.keys(SEARCH_TEXT) as SearchedLabel[];

function termsOf(label: SearchedLabel, rows: Row[]): Array<{ id: unknown; terms: string }> {
  return rows.map((row) => ({
    id: row.id,
    terms: searchTermsOf(...SEARCH_TEXT[label].map((p) => row[p] as string | null)),
  }));
}

const textProjection = (label: SearchedLabel) => SEARCH_TEXT[label].map((p) => `n.${p} AS ${p}`).join(', ');

async function store(run: Run, label: SearchedLabel, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  await run(`UNWIND $rows AS row MATCH (n:${label} {id: row.id}) SET n.searchTerms = row.terms`, {
    rows: termsOf(label, rows),
  });
}

/**
 * Works out `searchTerms` again for the given nodes (ids of nodes that no longer exist are skipped). Every
 * write of their texts calls it in its own transaction: audited writes through the change hook
 * (src/hooks.ts), the seed and the graph import directly.
 */
export async function refreshSearchTerms(run: Run, label: SearchedLabel, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await run(`UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n.id AS id, ${textProjection(label)}`, {
    ids,
  });
  await store(run, label, rows);
}

const BACKFILL_BATCH = 2_000;

/**
 * Gives every node written without `searchTerms` (before this property existed, or by a tool that writes
 * around the app) its terms, a batch per transaction. Run with the migrations on every start: when all
 * nodes have them, it costs one scan per label.
 */
export async function backfillSearchTerms(queries: Queries): Promise<number> {
  let filled = 0;
  for (const label of SEARCHED_LABELS) {
    for (;;) {
      const count = await queries.writeTransaction(async (run) => {
        const rows = await run(
          `MATCH (n:${label}) WHERE n.searchTerms IS NULL ` +
            `RETURN n.id AS id, ${textProjection(label)} LIMIT ${BACKFILL_BATCH}`,
        );
        await store(run, label, rows);
        return rows.length;
      });
      filled += count;
      if (count < BACKFILL_BATCH) break;
    }
  }
  return filled;
}
