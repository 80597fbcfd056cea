import type { Queries } from '../db/database.js';
import type { ExpertRecord } from '../experts/model.js';
import { BadInputError } from '../errors.js';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page } from '../graphql/paging.js';
import { interpretQuestion } from '../names/interpret.js';
import { resolveNames, unknownPlace, wordingIn, type NamedRef, type PlaceRef } from '../names/service.js';
import type { Language } from '../messages/language.js';
import type { AffiliationFlag } from './flags-repository.js';
import { luceneTerms } from '../text.js';
import { rankByText, rankByTheme, type RankedPage, type TextMatch, type ThemeMatch } from './repository.js';
import {
  inferredStandingReasons,
  standingReasons,
  textReasons,
  withCountryLinesOnce,
  wordsOnlyReason,
  reason,
  type Reason,
} from './scoring.js';
import { rankFromStandings } from './standings/read.js';
import { rankTextFromStandings, rankThemeAndTextFromStandings } from './standings/text.js';

export interface WhoKnowsArgs {
  about: string;
  country?: string | null;
  first?: number | null;
  after?: string | null;
  /** The language of the reasons. */
  language: Language;
  /** Whether to say where an expert's current affiliation is flagged (staff only: flags are theirs to read). */
  screeningFlags?: boolean;
}

export interface ExpertMatch {
  node: ExpertRecord;
  score: number;
  reasons: Reason[];
  /** Set for staff: the language to say in where the expert's current affiliation is flagged. */
  flagsIn?: Language;
}

export type MatchedBy = 'THEME' | 'THEME_AND_TEXT' | 'FULL_TEXT';

export interface WhoKnowsResult extends Page<ExpertMatch> {
  matchedBy: MatchedBy;
  /** The themes ranked on (asked by name, or recognised in the text). */
  themeIds: string[];
  countryIds: string[];
  regionId: string | null;
  /**
   * The words searched as text: all of `about` (FULL_TEXT) or those beside the themes (THEME_AND_TEXT); null otherwise.
   */
  searchedText: string | null;
  /** Foreign institutions named in `about` (possible partners): their files are offered beside the experts. */
  partnerIds?: string[];
}

const MAX_ABOUT_LENGTH = 200;
const EMAIL_ADDRESS = /\S+@\S+/g;
const MAX_COUNTRY_LENGTH = 100;

function checkedAbout(about: string): string {
  const trimmed = about.trim();
  if (trimmed === '')
    throw new BadInputError(
      'about is empty: name a theme (e.g. "semiconductors" or "halfgeleiders") or some words to search for.',
      { argument: 'about' },
    );
  if (trimmed.length > MAX_ABOUT_LENGTH)
    throw new BadInputError(`about is longer than ${MAX_ABOUT_LENGTH} characters: name a theme or a few keywords.`, {
      argument: 'about',
    });
  return trimmed;
}

function checkedCountry(country: string | null | undefined): string | null {
  if (country === null || country === undefined) return null;
  const trimmed = country.trim();
  if (trimmed === '')
    throw new BadInputError(
      'country is empty: give an ISO code, a country or region name, or leave it out to search everywhere.',
      { argument: 'country' },
    );
  if (trimmed.length > MAX_COUNTRY_LENGTH)
    throw new BadInputError(
      `country is longer than ${MAX_COUNTRY_LENGTH} characters: give an ISO code or a country or region name.`,
      { argument: 'country' },
    );
  return trimmed;
}

/**
 * What to rank experts on: themes (narrower ones included) and words to search beside or instead of them; and where.
 */
export interface Subject {
  themes: NamedRef[];
  text: string | null;
  place: PlaceRef | null;
  /** Foreign institutions recognised in the text: not ranked on, offered beside the experts. */
  partners?: NamedRef[];
}

/** One place for several recognised in a text: their countries together; the region only when it was the one place. */
function onePlace(places: PlaceRef[]): PlaceRef | null {
  if (places.length <= 1) return places[0] ?? null;
  const countries = new Map(places.flatMap((p) => p.countries).map((c) => [c.id, c]));
  return { countries: [...countries.values()], region: null };
}

/**
 * Words of the question searched beside the recognised names: partner institutions (whoKnows has no partner
 * of its own), and a compound a name was found inside ("chipfabrikanten" for Semiconductors), whole, so that
 * texts holding the compound itself are found.
 */
function wordsToSearchBeside(text: string, recognised: Array<{ text: string; kind: string }>): string[] {
  const names = recognised.map((r) => r.text.toLowerCase());
  const compounds = text.split(/[^\p{Letter}\p{Number}]+/u).filter((word) => {
    const lower = word.toLowerCase();
    return (
      !names.some((name) => name.split(' ').includes(lower)) &&
      names.some((name) => !name.includes(' ') && lower.includes(name))
    );
  });
  return [...recognised.filter((r) => r.kind === 'partner').map((r) => r.text), ...compounds];
}

/**
 * "Who knows about X in country Y?": `about` is read as themes and places (by name or alias, either language)
 * with the words left over; experts are then ranked as for a theme question with those words as text
 * evidence, or, when no theme is named, by what the words find. An explicit `country` wins over a place in the text.
 */
export async function whoKnows(queries: Queries, args: WhoKnowsArgs): Promise<WhoKnowsResult> {
  const { subject, size, after } = await interpretWhoKnows(queries, args);
  const result = await rankExperts(queries, subject, size, args.language, after);
  // Staff are told where an expert's current affiliation is flagged (the edge's reasons add it, see flagReason).
  const edges = args.screeningFlags ? result.edges.map((edge) => ({ ...edge, flagsIn: args.language })) : result.edges;
  return { ...result, edges, partnerIds: (subject.partners ?? []).map((p) => p.id) };
}

/**
 * The reason said to staff where an expert's current affiliation has a confirmed screening flag: no points, so the
 * score stays the sum of the other reasons. The flags come with the page's other expert relations (flags-repository).
 */
export const flagReason = (flag: AffiliationFlag, language: Language): Reason =>
  reason(
    'SCREENING',
    0,
    {
      key: 'flaggedAffiliation',
      institutionName: language === 'nl' && flag.institutionNameNl ? flag.institutionNameNl : flag.institutionName,
      listName: flag.listName,
      programme: flag.programme,
      listedSince: flag.listedSince,
    },
    { language },
  );

/**
 * What whoKnows ranks on, its page size and cursor: the arguments checked and their names resolved (the bench ranks
 * these alone).
 */
export async function interpretWhoKnows(
  queries: Queries,
  args: Omit<WhoKnowsArgs, 'language'>,
): Promise<{ subject: Subject; size: number; after: [number, string] | null }> {
  const about = checkedAbout(args.about);
  const country = checkedCountry(args.country);
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, ['number', 'string']) as [number, string] | null;

  // A theme's id, name or alias as the whole of `about` (and the country) in one round trip; only other text is read
  // for names, with the vocabulary brought up to date in that same round trip.
  const names = await resolveNames(
    queries,
    { themes: [about], places: country === null ? [] : [country] },
    { withVocabulary: true },
  );
  const {
    themes: [named = null],
    places: [asked = null],
  } = names;
  if (country !== null && asked === null) throw await unknownPlace(queries, 'country', country);
  if (named !== null) return { subject: { themes: [named], text: null, place: asked }, size, after };

  // An e-mail address is never read for names (nor split into searchable words): contact details are not searchable.
  const readable = about.replace(EMAIL_ADDRESS, ' ').trim();
  if (readable === '') return { subject: { themes: [], text: null, place: asked }, size, after };
  const question = await interpretQuestion(queries, readable, names.vocabularyFingerprint);
  const words = [question.remainingText, ...wordsToSearchBeside(readable, question.recognised)]
    .filter((w) => w.trim() !== '')
    .join(' ');
  const text = luceneTerms(words) === '' ? null : words;
  const place = asked ?? onePlace(question.places);
  if (question.themes.length === 0 && text === null) {
    if (question.places.length === 0)
      throw new BadInputError('about has no words to search for: name a theme or use letters or digits.', {
        argument: 'about',
      });
    // Only a place was named ("Kazakhstan"): its name is the words to search, the place where.
    return { subject: { themes: [], text: about, place, partners: question.partners }, size, after };
  }
  return { subject: { themes: question.themes, text, place, partners: question.partners }, size, after };
}

/**
 * One page of experts for a resolved subject, with reasons in `language`; `after` is the (score, id) of the last expert
 * of the previous page.
 */
export async function rankExperts(
  queries: Queries,
  subject: Subject,
  size: number,
  language: Language,
  after: [number, string] | null = null,
): Promise<WhoKnowsResult> {
  const countryIds = subject.place ? subject.place.countries.map((c) => c.id) : null;
  const wording = await wordingIn(queries, language);
  const placeNames = subject.place
    ? (subject.place.region ? [subject.place.region] : subject.place.countries).map(wording.names.place)
    : [];
  const pageParams = { countryIds, after, limit: size + 1 };
  const textQuery = subject.text === null ? null : luceneTerms(subject.text);
  const context = {
    size,
    afterGiven: after !== null,
    themeIds: subject.themes.map((t) => t.id),
    countryIds: countryIds ?? [],
    regionId: subject.place?.region?.id ?? null,
    searchedText: textQuery === null || textQuery === '' ? null : subject.text,
  };
  if (subject.themes.length > 0) {
    const names = new Map(subject.themes.map((t) => [t.id, wording.names.theme(t)]));
    // Issue 12: questions read the stored standings best first (src/whoknows/standings/), from scratch when they
    // cannot.
    const ranked =
      // Words are searched only when there are terms to search for (searchedText is null otherwise).
      (context.searchedText === null || textQuery === null
        ? await rankFromStandings(queries, context.themeIds, subject.place, after, size + 1)
        : await rankThemeAndTextFromStandings(queries, context.themeIds, textQuery, subject.place, after, size + 1)) ??
      (await rankByTheme(queries, context.themeIds, pageParams, context.searchedText === null ? null : textQuery));
    const themeNames = [...names.values()];
    const explain = (match: ThemeMatch) =>
      withCountryLinesOnce([
        ...(match.standings.some((s) => s.rootId === null)
          ? [wordsOnlyReason(themeNames, subject.text ?? '', wording)]
          : []),
        ...match.standings.flatMap((s) =>
          standingReasons(
            s.facts,
            { themeName: s.rootId === null ? null : (names.get(s.rootId) ?? null), text: null, placeNames },
            wording,
          ),
        ),
        ...(match.text ? textReasons(match.text.facts, subject.text ?? '', wording) : []),
      ]);
    return toResult(context.searchedText === null ? 'THEME' : 'THEME_AND_TEXT', ranked, explain, context);
  }
  // Nothing left to search (an e-mail address only): no one matches.
  if (context.searchedText === null) return toResult('FULL_TEXT', { total: 0, page: [] }, () => [], context);
  const ranked =
    (await rankTextFromStandings(queries, textQuery ?? '', subject.place, after, size + 1)) ??
    (await rankByText(queries, textQuery ?? '', pageParams));
  const explain = (match: TextMatch) => [
    ...textReasons(match.text.facts, subject.text ?? '', wording),
    ...inferredStandingReasons(
      match.standing.facts,
      match.adjustment,
      { themeName: null, text: subject.text, placeNames },
      wording,
    ),
  ];
  return toResult('FULL_TEXT', ranked, explain, context);
}

function toResult<F>(
  matchedBy: MatchedBy,
  ranked: RankedPage<F>,
  explain: (facts: F) => Reason[],
  context: {
    size: number;
    afterGiven: boolean;
    themeIds: string[];
    countryIds: string[];
    regionId: string | null;
    searchedText: string | null;
  },
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
