import type { Queries } from './database.js';

/** Labels whose nodes carry a unique, stable `id`. */
const IDENTIFIED_LABELS = ['Expert', 'Institution', 'Network', 'Country', 'Region', 'Theme', 'Contribution', 'Inquiry', 'StatusChange', 'Event', 'Change', 'MergedExpert', 'ErasedExpert', 'Operation'] as const;

/** Labels that curation can retire. */
const RETIRABLE_LABELS = ['Expert', 'Institution', 'Theme', 'Contribution', 'Event'] as const;

/** Labels whose lists are ordered by name. */
const NAMED_LABELS = ['Expert', 'Institution', 'Network', 'Country', 'Region', 'Theme', 'Event'] as const;

function fulltext(name: string, label: string, properties: string[], analyzer: 'english' | 'dutch'): string {
  const on = properties.map((p) => `n.${p}`).join(', ');
  return `CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON EACH [${on}]
          OPTIONS { indexConfig: { \`fulltext.analyzer\`: '${analyzer}' } }`;
}

/** Full-text index names, one per analyzer, used by the areas that search text. */
export const FULLTEXT = {
  themeNamesEn: 'theme_names_en',
  themeNamesNl: 'theme_names_nl',
  expertProfileEn: 'expert_profile_en',
  expertProfileNl: 'expert_profile_nl',
  contributionTextEn: 'contribution_text_en',
  contributionTextNl: 'contribution_text_nl',
  inquiryTextEn: 'inquiry_text_en',
  inquiryTextNl: 'inquiry_text_nl',
} as const;

/** Idempotent schema statements: safe to run on every start. */
export const MIGRATIONS: string[] = [
  ...IDENTIFIED_LABELS.map(
    (label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  ),
  // Lists are ordered by name: an index keeps a page's cost independent of the graph's size.
  ...NAMED_LABELS.map((label) => `CREATE INDEX ${label.toLowerCase()}_name IF NOT EXISTS FOR (n:${label}) ON (n.name)`),
  fulltext(FULLTEXT.themeNamesEn, 'Theme', ['name', 'aliasText'], 'english'),
  fulltext(FULLTEXT.themeNamesNl, 'Theme', ['nameNl', 'aliasText'], 'dutch'),
  fulltext(FULLTEXT.expertProfileEn, 'Expert', ['name', 'headline', 'bio'], 'english'),
  fulltext(FULLTEXT.expertProfileNl, 'Expert', ['headlineNl', 'bioNl'], 'dutch'),
  fulltext(FULLTEXT.contributionTextEn, 'Contribution', ['title', 'summary'], 'english'),
  // Neo4j allows one full-text index per label and property list: the Dutch one lists them in another order.
  fulltext(FULLTEXT.contributionTextNl, 'Contribution', ['summary', 'title'], 'dutch'),
  fulltext(FULLTEXT.inquiryTextEn, 'Inquiry', ['question', 'context', 'answerSummary'], 'english'),
  fulltext(FULLTEXT.inquiryTextNl, 'Inquiry', ['answerSummary', 'context', 'question'], 'dutch'),
  // Inquiries are listed first come, first served.
  'CREATE INDEX inquiry_received IF NOT EXISTS FOR (n:Inquiry) ON (n.receivedAt)',
  // Events are listed by start.
  'CREATE INDEX event_starts IF NOT EXISTS FOR (n:Event) ON (n.startsAt)',
  // Likely duplicate experts are looked for among those sharing a surname key.
  'CREATE INDEX expert_surname IF NOT EXISTS FOR (n:Expert) ON (n.surnameKey)',
  // …and listed from precomputed pairs, most likely first.
  'CREATE INDEX possibly_same_score IF NOT EXISTS FOR ()-[r:POSSIBLY_SAME]-() ON (r.score)',
  // Lists count their retired nodes (few) through an index instead of counting every node.
  ...RETIRABLE_LABELS.map((label) => `CREATE INDEX ${label.toLowerCase()}_retired IF NOT EXISTS FOR (n:${label}) ON (n.retiredAt)`),
  // history(id) reads one subject's change records, newest first.
  'CREATE INDEX change_subject IF NOT EXISTS FOR (n:Change) ON (n.subjectId)',
  // whoKnows reads a theme's stored standings best first (src/whoknows/standings/): one key, in score order, by seek;
  // a key's hub counts them (its degree), and one state node says whether they reflect the graph.
  'CREATE INDEX ranks_order IF NOT EXISTS FOR ()-[r:RANKS]-() ON (r.key, r.negScore, r.expertId)',
  'CREATE CONSTRAINT standing_key_key IF NOT EXISTS FOR (n:StandingKey) REQUIRE n.key IS UNIQUE',
  'CREATE CONSTRAINT standings_state_id IF NOT EXISTS FOR (n:StandingsState) REQUIRE n.id IS UNIQUE',
];

export async function migrate(queries: Queries): Promise<void> {
  for (const statement of MIGRATIONS) await queries.write(statement);
  // Indexes build in the background; searches must not run against a half-built one.
  await queries.read('CALL db.awaitIndexes(300)');
}
