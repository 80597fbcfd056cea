/**
 * The five questions every target answers, as a policy officer asks them, resolved once beforehand for
 * the targets that cannot resolve names themselves: the ranking Cypher straight through the driver
 * (subject) and the @neo4j/graphql peer (theme ids with their narrower themes, country ids).
 */
import type { Queries } from '../src/db/database.js';
import { interpretWhoKnows, type Subject } from '../src/whoknows/service.js';

export interface Question {
  key: string;
  label: string;
  about: string;
  country: string | null;
  /** The themes whoKnows recognised and every narrower one; null when it recognised none (free text). */
  themeIds: string[] | null;
  /** The country, or a region's countries; null when none was asked. */
  countryIds: string[] | null;
  /** What the service ranks on, as whoKnows reads the question. */
  subject: Subject;
}

export const QUESTIONS: ReadonlyArray<Pick<Question, 'key' | 'label' | 'about' | 'country'>> = [
  { key: 'broad', label: 'broad theme "technology" (with its narrower themes)', about: 'technology', country: null },
  { key: 'narrow', label: 'narrow theme "lithography"', about: 'lithography', country: null },
  { key: 'country', label: '"semiconductors" in Taiwan', about: 'semiconductors', country: 'TW' },
  { key: 'region', label: '"sanctions" in Central Asia', about: 'sanctions', country: 'Central Asia' },
  { key: 'text', label: 'free text "rare earth refining"', about: 'rare earth refining', country: null },
];

/** Reads each question as whoKnows does, and works out the themes' narrower set for the peer. */
export async function resolveQuestions(queries: Queries): Promise<Question[]> {
  const resolved: Question[] = [];
  for (const question of QUESTIONS) {
    const { subject } = await interpretWhoKnows(queries, { about: question.about, country: question.country });
    let themeIds: string[] | null = null;
    if (subject.themes.length > 0) {
      const rows = await queries.read<{ id: string }>(
        'MATCH (t:Theme)-[:BROADER*0..10]->(root:Theme) WHERE root.id IN $ids AND t.retiredAt IS NULL ' +
          'RETURN DISTINCT t.id AS id',
        { ids: subject.themes.map((t) => t.id) },
      );
      themeIds = rows.map((row) => row.id);
    }
    resolved.push({
      ...question,
      themeIds,
      countryIds: subject.place ? subject.place.countries.map((c) => c.id) : null,
      subject,
    });
  }
  return resolved;
}
