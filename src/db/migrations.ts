import type { Queries } from './database.js';
import { handlersToPeople } from './handlers-to-people.js';
import { backfillSearchTerms } from './search-terms.js';

/** Labels whose nodes carry a unique, stable `id`. */
const IDENTIFIED_LABELS = [
  'Expert',
  'Institution',
  'Network',
  'Country',
  'Region',
  'Theme',
  'Contribution',
  'Inquiry',
  'StatusChange',
  'Event',
  'Change',
  'MergedExpert',
  'ErasedExpert',
  'Operation',
  'FaqArticle',
] as const;

/** Labels that curation can retire. */
const RETIRABLE_LABELS = ['Expert', 'Institution', 'Theme', 'Contribution', 'Event'] as const;

/** Labels whose lists are ordered by name. */
const NAMED_LABELS = ['Expert', 'Institution', 'Network', 'Country', 'Region', 'Theme', 'Event'] as const;

interface FulltextIndex {
  name: string;
  label: string;
  properties: string[];
  analyzer: 'english' | 'dutch' | 'standard-no-stop-words';
}

/** Every full-text index, as `fulltext()` below creates it; `migrate` recreates one whose properties changed. */
const FULLTEXT_INDEXES: FulltextIndex[] = [];

function fulltext(name: string, label: string, properties: string[], analyzer: FulltextIndex['analyzer']): string {
  FULLTEXT_INDEXES.push({ name, label, properties, analyzer });
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
  screeningEntryNames: 'screening_entry_names',
  institutionNames: 'institution_names',
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
  // The Dutch indexes cover `searchTerms` too: the parts of the Dutch compounds in the texts (src/db/search-terms.ts).
  fulltext(FULLTEXT.expertProfileNl, 'Expert', ['headlineNl', 'bioNl', 'searchTerms'], 'dutch'),
  fulltext(FULLTEXT.contributionTextEn, 'Contribution', ['title', 'summary'], 'english'),
  // Neo4j allows one full-text index per label and property list: the Dutch one lists them in another order.
  fulltext(FULLTEXT.contributionTextNl, 'Contribution', ['summary', 'title', 'searchTerms'], 'dutch'),
  fulltext(FULLTEXT.inquiryTextEn, 'Inquiry', ['question', 'context', 'answerSummary'], 'english'),
  fulltext(FULLTEXT.inquiryTextNl, 'Inquiry', ['answerSummary', 'context', 'question', 'searchTerms'], 'dutch'),
  // Screening: list entries are matched to institutions by their names (src/screening/), and institutions to each
  // other for likely duplicates; names in any language and script, so without stemming or stop words.
  fulltext(FULLTEXT.screeningEntryNames, 'ScreeningEntry', ['name', 'namesText'], 'standard-no-stop-words'),
  fulltext(
    FULLTEXT.institutionNames,
    'Institution',
    ['name', 'nameNl', 'originalName', 'otherNamesText'],
    'standard-no-stop-words',
  ),
  'CREATE CONSTRAINT screening_entry_id IF NOT EXISTS FOR (n:ScreeningEntry) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT screening_list_id IF NOT EXISTS FOR (n:ScreeningList) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT screening_list_version_id IF NOT EXISTS FOR (n:ScreeningListVersion) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX screening_entry_list IF NOT EXISTS FOR (n:ScreeningEntry) ON (n.listId)',
  // Inquiries are listed first come, first served.
  'CREATE INDEX inquiry_received IF NOT EXISTS FOR (n:Inquiry) ON (n.receivedAt)',
  // The work queues and their counts read the open inquiries only.
  'CREATE INDEX inquiry_status IF NOT EXISTS FOR (n:Inquiry) ON (n.status)',
  // Events are listed by start.
  'CREATE INDEX event_starts IF NOT EXISTS FOR (n:Event) ON (n.startsAt)',
  // Likely duplicate experts are looked for among those sharing a surname key.
  'CREATE INDEX expert_surname IF NOT EXISTS FOR (n:Expert) ON (n.surnameKey)',
  // …and listed from precomputed pairs, most likely first.
  'CREATE INDEX possibly_same_score IF NOT EXISTS FOR ()-[r:POSSIBLY_SAME]-() ON (r.score)',
  // One node records with which scoring they were all last worked out (src/experts/duplicates/upkeep.ts).
  'CREATE CONSTRAINT duplicate_pairs_state_id IF NOT EXISTS FOR (n:DuplicatePairsState) REQUIRE n.id IS UNIQUE',
  // Lists count their retired nodes (few) through an index instead of counting every node.
  ...RETIRABLE_LABELS.map(
    (label) => `CREATE INDEX ${label.toLowerCase()}_retired IF NOT EXISTS FOR (n:${label}) ON (n.retiredAt)`,
  ),
  // history(id) reads one subject's change records, newest first.
  'CREATE INDEX change_subject IF NOT EXISTS FOR (n:Change) ON (n.subjectId)',
  // whoKnows reads a theme's stored standings best first (src/whoknows/standings/): one key, in score order, by seek;
  // a key's hub counts them (its degree), and one state node says whether they reflect the graph.
  'CREATE INDEX ranks_order IF NOT EXISTS FOR ()-[r:RANKS]-() ON (r.key, r.negScore, r.expertId)',
  // …and an expert's standings at given keys by look-up (the experts free text finds, a candidate's sum over several
  // themes), not by walking all of the expert's standings.
  'CREATE INDEX ranks_of_expert IF NOT EXISTS FOR ()-[r:RANKS]-() ON (r.expertId, r.key)',
  'CREATE CONSTRAINT standing_key_key IF NOT EXISTS FOR (n:StandingKey) REQUIRE n.key IS UNIQUE',
  'CREATE INDEX faq_reads_article IF NOT EXISTS FOR (n:FaqReads) ON (n.articleId)',
  'CREATE CONSTRAINT standings_state_id IF NOT EXISTS FOR (n:StandingsState) REQUIRE n.id IS UNIQUE',
  // Notifications (src/notifications/): the persons seen from their tokens, their inbox newest first, its unread count
  // by index, the mail still to send, pruning by age; and one daily run per day, whichever process creates it.
  'CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT notification_id IF NOT EXISTS FOR (n:Notification) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX notification_inbox IF NOT EXISTS FOR (n:Notification) ON (n.recipientId, n.createdAt)',
  'CREATE INDEX notification_unread IF NOT EXISTS FOR (n:Notification) ON (n.recipientId, n.unread)',
  'CREATE INDEX notification_mail IF NOT EXISTS FOR (n:Notification) ON (n.mailPending)',
  'CREATE INDEX notification_created IF NOT EXISTS FOR (n:Notification) ON (n.createdAt)',
  'CREATE CONSTRAINT scheduler_run_day IF NOT EXISTS FOR (n:SchedulerRun) REQUIRE n.day IS UNIQUE',
  // The persons are also the handlers (src/notifications/people-repository.ts); the `Handler` nodes of older
  // databases become persons in `migrate` below (src/db/handlers-to-people.ts), under this lock node's constraint.
  // FAQ articles' reads are counted per article and month, one node each (src/faq/reads-repository.ts).
  'CREATE CONSTRAINT faq_reads_key IF NOT EXISTS FOR (n:FaqReads) REQUIRE n.key IS UNIQUE',
  'CREATE CONSTRAINT migration_lock_id IF NOT EXISTS FOR (n:MigrationLock) REQUIRE n.id IS UNIQUE',
  // The pages' sessions and sign-ins under way (src/auth/session-repository.ts), by the hash of their cookie's id.
  'CREATE CONSTRAINT session_id_hash IF NOT EXISTS FOR (n:Session) REQUIRE n.idHash IS UNIQUE',
  'CREATE INDEX session_expires IF NOT EXISTS FOR (n:Session) ON (n.expiresAt)',
  'CREATE CONSTRAINT pending_sign_in_id_hash IF NOT EXISTS FOR (n:PendingSignIn) REQUIRE n.idHash IS UNIQUE',
];

/**
 * Drops the full-text indexes whose label, properties or analyzer differ from their definition here, so
 * that the statements create them anew (`IF NOT EXISTS` keeps an index by its name, whatever it covers).
 */
async function dropChangedFulltextIndexes(queries: Queries): Promise<void> {
  const existing = await queries.read<{
    name: string;
    labels: string[];
    properties: string[];
    analyzer: string | null;
  }>(
    `SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options
     RETURN name, labelsOrTypes AS labels, properties, options.indexConfig.\`fulltext.analyzer\` AS analyzer`,
  );
  for (const index of existing) {
    const wanted = FULLTEXT_INDEXES.find((f) => f.name === index.name);
    if (!wanted) continue;
    const same =
      index.labels.join() === wanted.label &&
      index.properties.join() === wanted.properties.join() &&
      index.analyzer === wanted.analyzer;
    if (!same) await queries.write(`DROP INDEX ${wanted.name} IF EXISTS`);
  }
}

export async function migrate(queries: Queries): Promise<void> {
  await dropChangedFulltextIndexes(queries);
  for (const statement of MIGRATIONS) await queries.write(statement);
  // Data steps, after the constraints they rely on (person_id, migration_lock_id); each is idempotent and safe to run
  // from several processes at once.
  await handlersToPeople(queries);
  // Nodes written before `searchTerms` existed (or around the app) get theirs before searches rely on them.
  await backfillSearchTerms(queries);
  // Indexes build in the background; searches must not run against a half-built one.
  await queries.read('CALL db.awaitIndexes(300)');
}
