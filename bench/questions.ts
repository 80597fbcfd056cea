/**
 * The five questions every target answers, as a policy officer asks them, resolved once beforehand for
 * the targets that cannot resolve names themselves: the ranking Cypher straight through the driver
 * (subject) and the @neo4j/graphql peer (theme ids with their narrower themes, country ids).
 */
import type { Queries } from '../src/db/database.js';
import { resolveNames } from '../src/names/service.js';
import type { Subject } from '../src/whoknows/service.js';

export interface Question {
  key: string;
  label: string;
  about: string;
  country: string | null;
  /** The asked theme and every narrower one; null for free text. */
  themeIds: string[] | null;
  /** The country, or a region's countries; null when none was asked. */
  countryIds: string[] | null;
  /** What the service ranks on, as whoKnows resolves it. */
  subject: Subject;
}

export const QUESTIONS: ReadonlyArray<Pick<Question, 'key' | 'label' | 'about' | 'country'>> = [
  { key: 'broad', label: 'broad theme "technology" (with its narrower themes)', about: 'technology', country: null },
  { key: 'narrow', label: 'narrow theme "lithography"', about: 'lithography', country: null },
  { key: 'country', label: '"semiconductors" in Taiwan', about: 'semiconductors', country: 'TW' },
  { key: 'region', label: '"sanctions" in Central Asia', about: 'sanctions', country: 'Central Asia' },
  { key: 'text', label: 'free text "rare earth refining"', about: 'rare earth refining', country: null },
];

/** Resolves each question's names as whoKnows does, and the theme's narrower set for the peer. */
export async function resolveQuestions(queries: Queries): Promise<Question[]> {
  const resolved: Question[] = [];
  for (const question of QUESTIONS) {
    const { themes, places } = await resolveNames(queries, { themes: [question.about], places: question.country ? [question.country] : [] });
    const [theme = null] = themes;
    const [place = null] = places;
    if (question.country && !place) throw new Error(`the bench's place "${question.country}" is not in the graph`);
    let themeIds: string[] | null = null;
    if (theme) {
      const rows = await queries.read<{ id: string }>(
        'MATCH (t:Theme)-[:BROADER*0..10]->(:Theme {id: $id}) WHERE t.retiredAt IS NULL RETURN DISTINCT t.id AS id',
        { id: theme.id },
      );
      themeIds = rows.map((row) => row.id);
    }
    resolved.push({
      ...question,
      themeIds,
      countryIds: place ? place.countries.map((c) => c.id) : null,
      subject: { themes: theme ? [theme] : [], text: theme ? null : question.about, place },
    });
  }
  return resolved;
}
