/**
 * whoKnows's theme path from the stored standings (the Cypher is in read-repository.ts): a page, or null when
 * the standings cannot give it and the caller ranks from scratch.
 */
import type { Queries } from '../../db/database.js';
import type { RankedPage, ThemeMatch } from '../repository.js';
import { requestStandingsRebuild, standingsKnownStale } from './keeper.js';
import { readStandings, standingsQuestion } from './read-repository.js';

/**
 * The seam for whoKnows's theme path: a page from the stored standings, or null when they cannot give it
 * (stale: a background rebuild is asked for; a place they do not keep; too deep a read), and the caller ranks from
 * scratch.
 */
export async function rankFromStandings(
  queries: Queries,
  themeIds: string[],
  place: Parameters<typeof standingsQuestion>[1],
  after: [number, string] | null,
  limit: number,
): Promise<RankedPage<ThemeMatch> | null> {
  const question = standingsQuestion(themeIds, place, after, limit);
  if (question === null || standingsKnownStale()) return null;
  const { ranked, stale } = await readStandings(queries, question);
  if (stale) requestStandingsRebuild();
  if (!ranked) return null;
  return {
    total: ranked.total,
    page: ranked.page.map((hit) => ({ ...hit, facts: { standings: hit.facts, text: null } })),
  };
}
