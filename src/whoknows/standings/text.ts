/**
 * whoKnows's paths with words (FULL_TEXT, THEME_AND_TEXT) from the stored standings (the Cypher is in
 * text-repository.ts): a page, or null when the standings cannot give it and the caller ranks from scratch.
 */
import type { Queries } from '../../db/database.js';
import { present } from '../../errors.js';
import type { RankedPage, TextMatch, ThemeMatch, ThemeStanding } from '../repository.js';
import { requestStandingsRebuild, standingsKnownStale } from './keeper.js';
import { readTextStandings, textQuestion, type HitRow, type Place, type TextQuestion } from './text-repository.js';

/** The stored-standings read behind both seams: null when the caller must rank from scratch. */
async function fromStandings(
  queries: Queries,
  question: TextQuestion | null,
  options: { assumeFresh?: boolean },
): Promise<RankedPage<HitRow> | null> {
  if (question === null || standingsKnownStale()) return null;
  const { ranked, stale } = await readTextStandings(queries, question, options);
  if (stale) requestStandingsRebuild();
  return ranked ?? null;
}

/** The place's part of a hit the words alone found, as the from-scratch ranking reports it (rootId null). */
const placeStanding = (place: NonNullable<HitRow['place']>): ThemeStanding => ({
  rootId: null,
  score: place.score,
  facts: place.facts,
});

/**
 * The seam for whoKnows's free text (FULL_TEXT): a page from the stored standings, or null (rank from scratch).
 * `assumeFresh`: for tests on fixtures whose standings they keep themselves (the API always checks).
 */
export async function rankTextFromStandings(
  queries: Queries,
  textQuery: string,
  place: Place,
  after: [number, string] | null,
  limit: number,
  options: { assumeFresh?: boolean } = {},
): Promise<RankedPage<TextMatch> | null> {
  const ranked = await fromStandings(queries, textQuestion([], place, textQuery, after, limit), options);
  if (!ranked) return null;
  return {
    total: ranked.total,
    page: ranked.page.map((hit) => {
      // The words found every hit, and each has its one standing or, found by the words alone, its place's part.
      const standing =
        hit.facts.standings[0] ?? placeStanding(present(hit.facts.place, 'the place part of a hit the words found'));
      return {
        ...hit,
        facts: {
          text: present(hit.facts.text, 'the text part of a hit the words found'),
          standing: { score: standing.score, facts: standing.facts },
          adjustment: hit.facts.adjustment ?? 0,
        },
      };
    }),
  };
}

/**
 * The seam for whoKnows's themes with words beside them (THEME_AND_TEXT): a page from the stored standings, or null.
 */
export async function rankThemeAndTextFromStandings(
  queries: Queries,
  themeIds: string[],
  textQuery: string,
  place: Place,
  after: [number, string] | null,
  limit: number,
  options: { assumeFresh?: boolean } = {},
): Promise<RankedPage<ThemeMatch> | null> {
  const ranked = await fromStandings(queries, textQuestion(themeIds, place, textQuery, after, limit), options);
  if (!ranked) return null;
  return {
    total: ranked.total,
    page: ranked.page.map((hit) => ({
      ...hit,
      facts: {
        standings: hit.facts.place ? [placeStanding(hit.facts.place)] : hit.facts.standings,
        text: hit.facts.text,
      },
    })),
  };
}
