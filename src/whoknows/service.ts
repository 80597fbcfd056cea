import type { Queries } from '../db/database.js';
import type { ExpertRecord } from '../experts/repository.js';
import { badUserInput } from '../graphql/errors.js';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page } from '../graphql/paging.js';
import { resolveNames, unknownPlace, type NamedRef, type PlaceRef } from '../names/service.js';
import { luceneTerms } from '../text.js';
import { rankByText, rankByTheme, type RankedPage, type ThemeStanding } from './repository.js';
import { standingReasons, textReasons, type Asked, type Reason } from './scoring.js';
import { readStandings, standingsQuestion } from './standings/read.js';
import { requestStandingsRebuild } from './standings/keeper.js';

export interface WhoKnowsArgs {
  about: string;
  country?: string | null;
  first?: number | null;
  after?: string | null;
}

export interface ExpertMatch {
  node: ExpertRecord;
  score: number;
  reasons: Reason[];
}

export type MatchedBy = 'THEME' | 'FULL_TEXT';

export interface WhoKnowsResult extends Page<ExpertMatch> {
  matchedBy: MatchedBy;
  themeId: string | null;
  countryIds: string[];
  regionId: string | null;
}

const MAX_ABOUT_LENGTH = 200;
const MAX_COUNTRY_LENGTH = 100;

function checkedAbout(about: string): string {
  const trimmed = about.trim();
  if (trimmed === '') throw badUserInput('about is empty: name a theme (e.g. "semiconductors" or "halfgeleiders") or some words to search for.', { argument: 'about' });
  if (trimmed.length > MAX_ABOUT_LENGTH) throw badUserInput(`about is longer than ${MAX_ABOUT_LENGTH} characters: name a theme or a few keywords.`, { argument: 'about' });
  return trimmed;
}

function checkedCountry(country: string | null | undefined): string | null {
  if (country === null || country === undefined) return null;
  const trimmed = country.trim();
  if (trimmed === '') throw badUserInput('country is empty: give an ISO code, a country or region name, or leave it out to search everywhere.', { argument: 'country' });
  if (trimmed.length > MAX_COUNTRY_LENGTH) throw badUserInput(`country is longer than ${MAX_COUNTRY_LENGTH} characters: give an ISO code or a country or region name.`, { argument: 'country' });
  return trimmed;
}

/** What to rank experts on: themes (narrower ones included), or else words to search; and where. */
export interface Subject {
  themes: NamedRef[];
  text: string | null;
  place: PlaceRef | null;
}

/** "Who knows about X in country Y?": experts ranked by declared expertise, country focus and evidence. */
export async function whoKnows(queries: Queries, args: WhoKnowsArgs): Promise<WhoKnowsResult> {
  const about = checkedAbout(args.about);
  const country = checkedCountry(args.country);
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, ['number', 'string']) as [number, string] | null;

  const { themes, places } = await resolveNames(queries, { themes: [about], places: country === null ? [] : [country] });
  const [place = null] = places;
  if (country !== null && place === null) throw await unknownPlace(queries, 'country', country);
  const [theme = null] = themes;
  if (theme === null && luceneTerms(about) === '') {
    throw badUserInput('about has no words to search for: name a theme or use letters or digits.', { argument: 'about' });
  }
  return rankExperts(queries, { themes: theme ? [theme] : [], text: theme ? null : about, place }, size, after);
}

/** One page of experts for a resolved subject; `after` is the (score, id) of the last expert of the previous page. */
export async function rankExperts(queries: Queries, subject: Subject, size: number, after: [number, string] | null = null): Promise<WhoKnowsResult> {
  const countryIds = subject.place ? subject.place.countries.map((c) => c.id) : null;
  const placeLabel = subject.place ? (subject.place.region?.name ?? subject.place.countries[0]?.name ?? null) : null;
  const pageParams = { countryIds, after, limit: size + 1 };
  const context = {
    size,
    afterGiven: after !== null,
    themeId: subject.themes[0]?.id ?? null,
    countryIds: countryIds ?? [],
    regionId: subject.place?.region?.id ?? null,
  };
  if (subject.themes.length > 0) {
    const names = new Map(subject.themes.map((t) => [t.id, t.name]));
    const themeIds = subject.themes.map((t) => t.id);
    // Issue 12: the stored standings, read best first (src/whoknows/standings/); from scratch only when they cannot be trusted.
    const question = standingsQuestion(themeIds, subject.place, after, size + 1);
    const stored = question ? await readStandings(queries, question) : null;
    if (stored?.stale) requestStandingsRebuild();
    const ranked = stored?.ranked ?? (await rankByTheme(queries, themeIds, pageParams));
    const explain = (standings: ThemeStanding[]) =>
      standings.flatMap((s) => standingReasons(s.facts, { themeName: names.get(s.rootId) ?? null, text: null, placeLabel }));
    return toResult('THEME', ranked, explain, context);
  }
  const asked: Asked = { themeName: null, text: subject.text, placeLabel };
  const ranked = await rankByText(queries, luceneTerms(subject.text ?? ''), pageParams);
  return toResult('FULL_TEXT', ranked, (facts) => textReasons(facts, asked), context);
}
function toResult<F>(
  matchedBy: MatchedBy,
  ranked: RankedPage<F>,
  explain: (facts: F) => Reason[],
  context: { size: number; afterGiven: boolean; themeId: string | null; countryIds: string[]; regionId: string | null },
): WhoKnowsResult {
  const { size, afterGiven, ...interpretation } = context;
  return {
    ...toPage(ranked.page, size, afterGiven, ranked.total, (match) => ({
      node: match.expert,
      score: match.score,
      reasons: explain(match.facts),
      cursor: encodeCursor([match.score, match.expert.id]),
    })),
    matchedBy,
    ...interpretation,
  };
}
