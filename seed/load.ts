import { seedScreening } from './screening.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { refreshDuplicateCandidates } from '../src/experts/duplicates/repository.js';
import type { Queries } from '../src/db/database.js';
import { refreshSearchTerms } from '../src/db/search-terms.js';
import { tagUntaggedInquiries } from '../src/inquiries/tagging.js';
import { dueAt } from '../src/inquiries/working-days.js';
import { nameKeys, surnameKey } from '../src/text.js';
import { isoCountries } from './countries.js';
import { FAQ_STATEMENT, faqRows, type FaqSeed } from './faq.js';

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

interface RegionSeed {
  id: string;
  name: string;
  nameNl: string;
  aliases: string[];
  countries: string[];
}
interface ThemeSeed {
  id: string;
  name: string;
  nameNl: string;
  aliases: string[];
  broader: string[];
  description?: string;
}
interface InstitutionSeed {
  id: string;
  name: string;
  nameNl: string;
  acronym: string | null;
  kind: string;
  country: string;
  city?: string;
  url?: string;
  originalName?: string;
  transliterations?: string[];
  aliases?: string[];
}
interface NetworkSeed {
  id: string;
  kind?: string;
  acronym: string;
  name: string;
  nameNl: string;
  /** Other names it goes by: any of them names it wherever the API takes a network. */
  aliases?: string[];
  founded: number;
  secretariat: string[];
  description?: string;
}
interface ContributionSeed {
  id: string;
  kind: string;
  title: string;
  summary?: string;
  date: string;
  url?: string;
  themes: string[];
  countries: string[];
}
interface ExpertSeed {
  id: string;
  name: string;
  email: string;
  phone: string;
  contactConsent: boolean;
  headline?: string;
  headlineNl?: string;
  bio?: string;
  bioNl?: string;
  languages?: string[];
  affiliations: Array<{ institution: string; role?: string; since?: string | null; until?: string | null }>;
  networks: string[];
  expertise: Array<{ theme: string; level: number }>;
  focus: Array<{ country: string; level: number }>;
  contributions: ContributionSeed[];
}

interface InquirySeed {
  id: string;
  kind: string;
  question: string;
  context?: string;
  language?: string;
  askedBy: string;
  contact?: { name?: string; email?: string };
  routedTo: string;
  themes: string[];
  countries: string[];
  riskCategories?: string[];
  partner?: string;
  receivedAt: string;
  history: Array<{ status: string; at: string; by?: string; note?: string; ministries?: string[] }>;
  consulted?: Array<{
    expert: string;
    /** Left out while WAITING. */
    outcome?: string;
    at?: string;
    note?: string;
    referredTo?: string;
    by?: string;
    /** WAITING for one asked and not answered yet (then `outcome` is left out); otherwise the outcome. */
    status?: string;
    askedAt?: string;
    channel?: string;
  }>;
  /** What the handlers recorded (issue 20): internal notes, messages to the asker, one line per ministry. */
  notes?: Array<{ text: string; at: string; by: string }>;
  askerMessages?: Array<{ channel: string; at: string; summary: string; by: string }>;
  ministries?: Array<{ ministry: string; askedAt: string; answeredAt?: string; outcome?: string; by?: string }>;
  expectedAnswerAt?: string;
  closingReason?: string;
  duplicateOf?: string;
  answerSummary?: string;
  visibility?: string;
  followUpOf?: string;
  /** Who handles it (a token subject and display name of its team), since when. */
  handler?: { id: string; name: string; at: string };
  /** Teams it was rerouted from before it reached `routedTo`, oldest first. */
  reroutes?: Array<{ from: string; at: string; by: string; reason: string }>;
}

/**
 * A person of the desk or a secretariat, as their token would describe them: a `Person`, like those the API records
 * when someone acts (src/notifications/people-repository.ts), so that they can be assigned inquiries and hear of their
 * teams' notifications.
 */
interface PersonSeed {
  id: string;
  name: string;
  email?: string;
  roles: string[];
  networks: string[];
}

export interface SeedData {
  regions: RegionSeed[];
  themes: ThemeSeed[];
  institutions: InstitutionSeed[];
  networks: NetworkSeed[];
  experts: ExpertSeed[];
  inquiries: InquirySeed[];
  people: PersonSeed[];
  faq: FaqSeed[];
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(DATA_DIR, file), 'utf8')) as T;
}

export async function readSeedData(): Promise<SeedData> {
  const [regions, themes, institutions, networks, experts, inquiries, people, faq] = await Promise.all([
    readJson<RegionSeed[]>('regions.json'),
    readJson<ThemeSeed[]>('themes.json'),
    readJson<InstitutionSeed[]>('institutions.json'),
    readJson<NetworkSeed[]>('networks.json'),
    readJson<ExpertSeed[]>('experts.json'),
    readJson<InquirySeed[]>('inquiries.json'),
    readJson<PersonSeed[]>('people.json'),
    readJson<FaqSeed[]>('faq.json'),
  ]);
  return { regions, themes, institutions, networks, experts, inquiries, people, faq };
}

/** Statements in dependency order; each UNWINDs one list, so the whole seed is a handful of round trips. */
const STATEMENTS: Array<[string, (data: SeedData) => unknown[]]> = [
  [
    `UNWIND $rows AS row MERGE (n:Country {id: row.id})
     SET n.alpha3 = row.alpha3, n.numeric = row.numeric, n.name = row.name, n.nameNl = row.nameNl, n.keys = row.keys`,
    () => isoCountries(),
  ],
  [
    `UNWIND $rows AS row MERGE (r:Region {id: row.id})
     SET r.name = row.name, r.nameNl = row.nameNl, r.aliases = row.aliases, r.keys = row.keys
     WITH r, row UNWIND row.countries AS code
     MATCH (c:Country {id: code}) MERGE (c)-[:IN_REGION]->(r)`,
    (data) => data.regions.map((r) => ({ ...r, keys: nameKeys(r.id, r.name, r.nameNl, ...r.aliases) })),
  ],
  [
    `UNWIND $rows AS row MERGE (t:Theme {id: row.id})
     SET t.name = row.name, t.nameNl = row.nameNl, t.aliases = row.aliases, t.aliasText = row.aliasText,
         t.description = row.description, t.keys = row.keys`,
    (data) =>
      data.themes.map((t) => ({
        ...t,
        description: t.description ?? null,
        aliasText: t.aliases.join(' | '),
        keys: nameKeys(t.id, t.name, t.nameNl, ...t.aliases),
      })),
  ],
  [
    `UNWIND $rows AS row MATCH (t:Theme {id: row.id})
     UNWIND row.broader AS broaderId MATCH (b:Theme {id: broaderId}) MERGE (t)-[:BROADER]->(b)`,
    (data) => data.themes,
  ],
  [
    `UNWIND $rows AS row MERGE (i:Institution {id: row.id})
     SET i.name = row.name, i.nameNl = row.nameNl, i.acronym = row.acronym, i.kind = row.kind, i.city = row.city,
       i.url = row.url, i.originalName = row.originalName, i.transliterations = row.transliterations,
       i.aliases = row.aliases,
       i.otherNamesText = reduce(s = '', name IN row.transliterations + row.aliases | s + ' | ' + name)
     WITH i, row MATCH (c:Country {id: row.country}) MERGE (i)-[:LOCATED_IN]->(c)`,
    (data) =>
      data.institutions.map((i) => ({
        ...i,
        acronym: i.acronym ?? null,
        city: i.city ?? null,
        url: i.url ?? null,
        originalName: i.originalName ?? null,
        transliterations: i.transliterations ?? [],
        aliases: i.aliases ?? [],
      })),
  ],
  [
    `UNWIND $rows AS row MERGE (n:Network {id: row.id})
     SET n.kind = row.kind, n.acronym = row.acronym, n.name = row.name, n.nameNl = row.nameNl,
       n.aliases = row.aliases, n.founded = row.founded, n.description = row.description
     WITH n, row UNWIND row.secretariat AS institutionId
     MATCH (i:Institution {id: institutionId}) MERGE (i)-[:SECRETARIAT_OF]->(n)`,
    (data) =>
      data.networks.map((n) => ({
        ...n,
        kind: n.kind ?? 'KNOWLEDGE_NETWORK',
        aliases: n.aliases ?? [],
        description: n.description ?? null,
      })),
  ],
  [
    `UNWIND $rows AS row MERGE (e:Expert {id: row.id})
     SET e.name = row.name, e.headline = row.headline, e.headlineNl = row.headlineNl, e.bio = row.bio,
         e.bioNl = row.bioNl,
         e.languages = row.languages, e.email = row.email, e.phone = row.phone, e.contactConsent = row.contactConsent,
         e.surnameKey = row.surnameKey, e.version = coalesce(e.version, 1)
     WITH e, row
     CALL (e, row) {
       UNWIND row.affiliations AS a MATCH (i:Institution {id: a.institution})
       MERGE (e)-[r:AFFILIATED_WITH]->(i) SET r.role = a.role, r.since = date(a.since), r.until = date(a.until)
     }
     CALL (e, row) { UNWIND row.networks AS networkId MATCH (n:Network {id: networkId}) MERGE (e)-[:MEMBER_OF]->(n) }
     CALL (e, row) {
       UNWIND row.expertise AS x MATCH (t:Theme {id: x.theme}) MERGE (e)-[r:EXPERT_IN]->(t) SET r.level = x.level,
         r.provenance = 'DECLARED'
     }
     CALL (e, row) {
       UNWIND row.focus AS f MATCH (c:Country {id: f.country}) MERGE (e)-[r:FOCUSES_ON]->(c) SET r.level = f.level,
         r.provenance = 'DECLARED'
     }`,
    (data) =>
      data.experts.map((e) => ({
        id: e.id,
        name: e.name,
        surnameKey: surnameKey(e.name),
        email: e.email,
        phone: e.phone,
        contactConsent: e.contactConsent,
        headline: e.headline ?? null,
        headlineNl: e.headlineNl ?? null,
        bio: e.bio ?? null,
        bioNl: e.bioNl ?? null,
        languages: e.languages ?? [],
        affiliations: e.affiliations.map((a) => ({
          institution: a.institution,
          role: a.role ?? null,
          since: a.since ?? null,
          until: a.until ?? null,
        })),
        networks: e.networks,
        expertise: e.expertise,
        focus: e.focus,
      })),
  ],
  [
    `UNWIND $rows AS row MERGE (k:Contribution {id: row.id})
     SET k.kind = row.kind, k.title = row.title, k.summary = row.summary, k.date = date(row.date), k.url = row.url
     WITH k, row
     CALL (k, row) { MATCH (e:Expert {id: row.expert}) MERGE (k)-[:BY]->(e) }
     CALL (k, row) { UNWIND row.themes AS themeId MATCH (t:Theme {id: themeId}) MERGE (k)-[:ABOUT]->(t) }
     CALL (k, row) { UNWIND row.countries AS code MATCH (c:Country {id: code}) MERGE (k)-[:CONCERNS]->(c) }`,
    (data) =>
      data.experts.flatMap((e) =>
        e.contributions.map((k) => ({ ...k, summary: k.summary ?? null, url: k.url ?? null, expert: e.id })),
      ),
  ],
  [
    `UNWIND $rows AS row MERGE (i:Inquiry {id: row.id})
     SET i.kind = row.kind, i.question = row.question, i.context = row.context, i.language = row.language,
         i.contactName = row.contactName, i.contactEmail = row.contactEmail, i.riskCategories = row.riskCategories,
         i.status = row.status, i.receivedAt = datetime(row.receivedAt), i.dueAt = datetime(row.dueAt),
         i.answeredAt = datetime(row.answeredAt), i.closedAt = datetime(row.closedAt),
         i.answerSummary = row.answerSummary, i.visibility = row.visibility, i.version = row.version,
         i.closingReason = row.closingReason, i.expectedAnswerAt = datetime(row.expectedAnswerAt)
     WITH i, row
     CALL (i, row) { MATCH (n:Institution {id: row.askedBy}) MERGE (i)-[:ASKED_BY]->(n) }
     CALL (i, row) { MATCH (n:Network {id: row.routedTo}) MERGE (i)-[:ROUTED_TO]->(n) }
     CALL (i, row) { MATCH (n:Institution {id: row.partner}) MERGE (i)-[:CONCERNS_PARTNER]->(n) }
     CALL (i, row) { UNWIND row.themes AS themeId MATCH (t:Theme {id: themeId}) MERGE (i)-[:ABOUT]->(t) }
     CALL (i, row) { UNWIND row.countries AS code MATCH (c:Country {id: code}) MERGE (i)-[:CONCERNS]->(c) }
     CALL (i, row) {
       UNWIND row.history AS h
       MERGE (s:StatusChange {id: h.id})
       SET s.status = h.status, s.at = datetime(h.at), s.by = h.by, s.note = h.note, s.ministryIds = h.ministryIds
       MERGE (i)-[:HAS_STATUS_CHANGE]->(s)
     }
     CALL (i, row) {
       UNWIND row.consulted AS c MATCH (e:Expert {id: c.expert})
       OPTIONAL MATCH (i)-[old:CONSULTED]->(e) WHERE old.id IS NULL
       DELETE old
       MERGE (i)-[r:CONSULTED {id: c.id}]->(e)
       SET r.outcome = c.outcome, r.status = c.status, r.channel = c.channel, r.askedAt = datetime(c.askedAt),
           r.at = datetime(c.at), r.by = c.by, r.note = c.note, r.referredTo = c.referredTo
     }
     CALL (i, row) {
       UNWIND row.notes AS n
       MERGE (i)-[:HAS_NOTE]->(note:InquiryNote {id: n.id})
       SET note.text = n.text, note.at = datetime(n.at), note.by = n.by
     }
     CALL (i, row) {
       UNWIND row.askerMessages AS m
       MERGE (i)-[:HAS_ASKER_MESSAGE]->(message:AskerMessage {id: m.id})
       SET message.channel = m.channel, message.at = datetime(m.at), message.summary = m.summary, message.by = m.by,
           message.recordedAt = datetime(m.at)
     }
     CALL (i, row) {
       UNWIND row.ministries AS line MATCH (m:Institution {id: line.ministry})
       MERGE (i)-[k:COORDINATED_WITH]->(m)
       SET k.askedAt = datetime(line.askedAt), k.answeredAt = datetime(line.answeredAt), k.outcome = line.outcome,
           k.by = line.by
     }`,
    (data) => data.inquiries.map(inquiryRow),
  ],
  [
    `UNWIND $rows AS row MATCH (i:Inquiry {id: row.id}), (earlier:Inquiry {id: row.followUpOf})
     MERGE (i)-[:FOLLOW_UP_OF]->(earlier)`,
    (data) => data.inquiries.filter((q) => q.followUpOf),
  ],
  [
    `UNWIND $rows AS row MERGE (p:Person {id: row.id})
     SET p.name = row.name, p.email = coalesce(row.email, p.email), p.roles = row.roles, p.networks = row.networks,
         p.seenAt = coalesce(p.seenAt, datetime('2026-11-20T09:00:00Z'))`,
    (data) => data.people.map((person) => ({ ...person, email: person.email ?? null })),
  ],
  [
    // An inquiry's handler, and the teams it was rerouted from (each reroute once: MERGE on its moment).
    `UNWIND $rows AS row MATCH (i:Inquiry {id: row.id})
     SET i.handlerId = row.handlerId, i.handlerName = row.handlerName, i.assignedAt = datetime(row.assignedAt)
     WITH i, row
     CALL (i, row) {
       UNWIND row.reroutes AS r MATCH (from:Network {id: r.from})
       MERGE (i)-[x:ROUTED_FROM {at: datetime(r.at)}]->(from)
       SET x.to = r.to, x.by = r.by, x.byId = null, x.reason = r.reason
     }`,
    (data) =>
      data.inquiries
        .filter((q) => q.handler ?? q.reroutes)
        .map((q) => {
          const reroutes = q.reroutes ?? [];
          return {
            id: q.id,
            handlerId: q.handler?.id ?? null,
            handlerName: q.handler?.name ?? null,
            assignedAt: utc(q.handler?.at),
            // Each reroute went to the next one's team, the last to where it is routed now.
            reroutes: reroutes.map((r, n) => ({ ...r, at: utc(r.at), to: reroutes[n + 1]?.from ?? q.routedTo })),
          };
        }),
  ],
  [
    `UNWIND $rows AS row MATCH (i:Inquiry {id: row.id}), (original:Inquiry {id: row.duplicateOf})
     MERGE (i)-[:DUPLICATE_OF]->(original)`,
    (data) => data.inquiries.filter((q) => q.duplicateOf),
  ],
  // FAQ articles drawn from the answered inquiries above (seed/faq.ts).
  [FAQ_STATEMENT, (data) => faqRows(data.faq, data.people)],
];

const utc = (iso: string | undefined) => (iso ? new Date(iso).toISOString() : null);

/** An inquiry as stored: status and dates derived from its history, the due moment from the working-day rule. */
function inquiryRow(q: InquirySeed) {
  const history = [
    {
      status: 'RECEIVED',
      at: q.receivedAt,
      by: null as string | null,
      note: null as string | null,
      ministries: [] as string[],
    },
    ...q.history,
  ];
  const last = (status: string) => [...history].reverse().find((h) => h.status === status);
  const status = q.history.at(-1)?.status ?? 'RECEIVED';
  return {
    id: q.id,
    kind: q.kind,
    question: q.question,
    context: q.context ?? null,
    language: q.language ?? null,
    contactName: q.contact?.name ?? null,
    contactEmail: q.contact?.email ?? null,
    riskCategories: q.riskCategories ?? [],
    status,
    receivedAt: utc(q.receivedAt),
    dueAt: dueAt(new Date(q.receivedAt)).toISOString(),
    answeredAt: utc(last('ANSWERED')?.at),
    closedAt: status === 'CLOSED' ? utc(last('CLOSED')?.at) : null,
    answerSummary: q.answerSummary ?? null,
    visibility: q.visibility ?? 'INTERNAL',
    version:
      history.length +
      (q.consulted?.length ?? 0) +
      (q.notes?.length ?? 0) +
      (q.askerMessages?.length ?? 0) +
      (q.ministries?.length ?? 0),
    closingReason: q.closingReason ?? null,
    expectedAnswerAt: utc(q.expectedAnswerAt),
    notes: (q.notes ?? []).map((n, index) => ({ ...n, id: `${q.id}#n${index + 1}`, at: utc(n.at) })),
    askerMessages: (q.askerMessages ?? []).map((m, index) => ({ ...m, id: `${q.id}#m${index + 1}`, at: utc(m.at) })),
    ministries: (q.ministries ?? []).map((line) => ({
      ministry: line.ministry,
      askedAt: utc(line.askedAt),
      answeredAt: utc(line.answeredAt),
      outcome: line.outcome ?? null,
      by: line.by ?? null,
    })),
    askedBy: q.askedBy,
    routedTo: q.routedTo,
    partner: q.partner ?? null,
    themes: q.themes,
    countries: q.countries,
    history: history.map((h, index) => ({
      id: `${q.id}#${index + 1}`,
      status: h.status,
      at: utc(h.at),
      by: h.by ?? null,
      note: h.note ?? null,
      ministryIds: h.ministries ?? [],
    })),
    consulted: (q.consulted ?? []).map((c, index) => ({
      id: `${q.id}#c${index + 1}`,
      expert: c.expert,
      status: c.status ?? c.outcome ?? 'WAITING',
      outcome: c.status === 'WAITING' ? null : (c.outcome ?? null),
      channel: c.channel ?? null,
      askedAt: utc(c.askedAt ?? c.at ?? q.receivedAt),
      at: c.status === 'WAITING' ? null : utc(c.at ?? q.receivedAt),
      by: c.by ?? null,
      note: c.note ?? null,
      referredTo: c.referredTo ?? null,
    })),
  };
}

/**
 * Writes the seed graph in one all-or-nothing transaction. MERGE on ids and SET of the same values make
 * a second run leave the graph as it was. The experts were written without `audited`, so their likely
 * duplicate pairs are worked out in the same transaction (the same pairs again on a second run): only for
 * the seed's experts and their surname groups, so that re-seeding a national graph stays cheap; so are the
 * full-text `searchTerms` of its experts, contributions and inquiries.
 */
export async function seedGraph(
  queries: Queries,
  data: SeedData,
  progress: (line: string) => void = () => {},
): Promise<void> {
  await queries.writeTransaction(async (run) => {
    progress(
      `  seed: ${data.themes.length} themes, ${data.institutions.length} institutions, ${data.experts.length} ` +
        `experts with their contributions, ${data.inquiries.length} inquiries…`,
    );
    for (const [cypher, rows] of STATEMENTS) await run(cypher, { rows: rows(data) });
    progress('  seed: likely duplicate pairs and the search terms of experts, contributions and inquiries…');
    await refreshDuplicateCandidates(
      run,
      data.experts.map((e) => e.id),
    );
    await refreshSearchTerms(
      run,
      'Expert',
      data.experts.map((e) => e.id),
    );
    await refreshSearchTerms(
      run,
      'Contribution',
      data.experts.flatMap((e) => e.contributions.map((k) => k.id)),
    );
    await refreshSearchTerms(
      run,
      'Inquiry',
      data.inquiries.map((q) => q.id),
    );
  });
  // What the seed inquiries' texts name beyond their given themes and countries, linked as inferred.
  progress('  seed: the themes and countries the inquiries name…');
  await tagUntaggedInquiries(queries);
  // The sample screening lists, imported and matched (seed/screening.ts): after the institutions are stored.
  await seedScreening(queries, progress);
}

export async function isEmpty(queries: Queries): Promise<boolean> {
  const rows = await queries.read('MATCH (n) RETURN n.id AS id LIMIT 1');
  return rows.length === 0;
}
