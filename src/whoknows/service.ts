import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Queries } from '../db/database.js';
import type { ExpertRecord } from '../experts/repository.js';
import { badUserInput } from '../graphql/errors.js';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page } from '../graphql/paging.js';
import { suggestPlaces } from '../places/repository.js';
import { luceneTerms, nameKey } from '../text.js';
import { rankByText, rankByTheme, resolveQuestion, type RankedPage } from './repository.js';
import { textReasons, themeReasons, type Asked, type Reason } from './scoring.js';

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

/** A theme's global id (as the API hands out) or its slug, if `about` is one. */
function themeIdOf(about: string): string | null {
  try {
    const { typename, id } = decodeGlobalID(about);
    if (typename === 'Theme') return id;
  } catch {
    // Not a global id: it is a name, an alias, a slug or free text.
  }
  return about;
}

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

/** "Who knows about X in country Y?": experts ranked by declared expertise, country focus and evidence. */
export async function whoKnows(queries: Queries, args: WhoKnowsArgs): Promise<WhoKnowsResult> {
  const about = checkedAbout(args.about);
  const country = checkedCountry(args.country);
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, ['number', 'string']) as [number, string] | null;

  const resolution = await resolveQuestion(queries, { id: themeIdOf(about), key: nameKey(about) }, country === null ? null : nameKey(country));
  if (country !== null && resolution.countries.length === 0) {
    const suggestions = await suggestPlaces(queries, country);
    const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    throw badUserInput(`Unknown country or region "${country}".${hint} Use an ISO code (e.g. "CN" or "CHN"), an English or Dutch name, or a region such as "Central Asia".`, {
      argument: 'country',
      suggestions,
    });
  }

  const countryIds = country === null ? null : resolution.countries.map((c) => c.id);
  const placeLabel = country === null ? null : (resolution.region?.name ?? resolution.countries[0]!.name);
  const pageParams = { countryIds, after, limit: size + 1 };

  const context = {
    size,
    afterGiven: after !== null,
    themeId: resolution.theme?.id ?? null,
    countryIds: countryIds ?? [],
    regionId: resolution.region?.id ?? null,
  };
  if (resolution.theme) {
    const asked: Asked = { themeName: resolution.theme.name, text: null, placeLabel };
    const ranked = await rankByTheme(queries, resolution.theme.id, pageParams);
    return toResult('THEME', ranked, (facts) => themeReasons(facts, asked), context);
  }
  const terms = luceneTerms(about);
  if (terms === '') throw badUserInput('about has no words to search for: name a theme or use letters or digits.', { argument: 'about' });
  const asked: Asked = { themeName: null, text: about, placeLabel };
  const ranked = await rankByText(queries, terms, pageParams);
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
