import type { AuditedWork } from '../audit/service.js';
import { INQUIRY_VISIBLE, inquiryViewerParams } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Params, Queries, Row } from '../db/database.js';
import { FULLTEXT } from '../db/migrations.js';
import { alignToIds, nodesByIds } from '../db/nodes.js';
import { isErasedExpertId, type ExpertRecord } from '../experts/repository.js';
import { INSTITUTION, type InstitutionRecord } from '../institutions/repository.js';
import type { NetworkRecord } from '../networks/repository.js';
import type { CountryRecord } from '../places/repository.js';
import type { ThemeRecord } from '../themes/repository.js';
import type { InquiryStatus } from './status.js';

export type InquiryKind = 'EXPERTISE_REQUEST' | 'KNOWLEDGE_SECURITY';
export type Visibility = 'INTERNAL' | 'SHAREABLE';
export type ConsultationOutcome = 'ANSWERED' | 'DECLINED' | 'REFERRED';

export interface InquiryRecord {
  id: string;
  kind: InquiryKind;
  question: string;
  context: string | null;
  status: InquiryStatus;
  contactName: string | null;
  contactEmail: string | null;
  riskCategories: string[];
  receivedAt: string;
  dueAt: string;
  answeredAt: string | null;
  closedAt: string | null;
  answerSummary: string | null;
  visibility: Visibility;
  version: number;
  /** The token subject who filed it; null for inquiries recorded before sign-in existed. */
  filedBy: string | null;
  /** The network or desk handling it: decides who may see and handle it. */
  routedTo: string | null;
}

export interface StatusChangeRecord {
  status: InquiryStatus;
  at: string;
  by: string | null;
  note: string | null;
  ministryIds: string[];
}

export interface ConsultationRecord {
  /** Null once the expert was erased on request: the consultation still counts. */
  expert: ExpertRecord | null;
  outcome: ConsultationOutcome;
  note: string | null;
  at: string | null;
  by: string | null;
  referredTo: string | null;
}

/** An inquiry's relationships, fetched for a whole page in one round trip. */
export interface InquiryLinks {
  askedBy: InstitutionRecord | null;
  routedTo: NetworkRecord | null;
  partner: InstitutionRecord | null;
  themes: ThemeRecord[];
  countries: CountryRecord[];
  followUpOf: string | null;
  followUps: string[];
  consultations: ConsultationRecord[];
  history: StatusChangeRecord[];
}

export const inquiriesByIds = (queries: Queries, ids: readonly string[]) =>
  nodesByIds<InquiryRecord>(queries, 'Inquiry', ids, `n {.*, filedBy: n.filedBy, routedTo: [(n)-[:ROUTED_TO]->(r:Network) | r.id][0]}`);

export async function linksOfInquiries(queries: Queries, ids: readonly string[]): Promise<InquiryLinks[]> {
  const rows = await queries.read<{ id: string } & InquiryLinks>(
    `UNWIND $ids AS id
     MATCH (i:Inquiry {id: id})
     RETURN id,
       [(i)-[:ASKED_BY]->(n:Institution) | n ${INSTITUTION}][0] AS askedBy,
       [(i)-[:ROUTED_TO]->(n:Network) | n {.*}][0] AS routedTo,
       [(i)-[:CONCERNS_PARTNER]->(n:Institution) | n ${INSTITUTION}][0] AS partner,
       [(i)-[:ABOUT]->(t:Theme) | t {.*}] AS themes,
       [(i)-[:CONCERNS]->(c:Country) | c {.*}] AS countries,
       [(i)-[:FOLLOW_UP_OF]->(f:Inquiry) | f.id][0] AS followUpOf,
       [(f:Inquiry)-[:FOLLOW_UP_OF]->(i) | f.id] AS followUps,
       [(i)-[c:CONSULTED]->(e) WHERE e:Expert OR e:ErasedExpert |
          {expert: CASE WHEN e:Expert THEN e {.*} END, outcome: c.outcome, note: c.note, at: c.at, by: c.by,
           referredTo: CASE WHEN ${isErasedExpertId('c.referredTo')} THEN null ELSE c.referredTo END}] AS consultations,
       [(i)-[:HAS_STATUS_CHANGE]->(s:StatusChange) | s {.*, ministryIds: coalesce(s.ministryIds, [])}] AS history`,
    { ids },
  );
  const empty: InquiryLinks = {
    askedBy: null, routedTo: null, partner: null, themes: [], countries: [], followUpOf: null, followUps: [], consultations: [], history: [],
  };
  return alignToIds<InquiryLinks>(ids, rows, (row) => row, empty).map((links) => ({
    ...links,
    themes: [...links.themes].sort((a, b) => a.name.localeCompare(b.name)),
    countries: [...links.countries].sort((a, b) => a.name.localeCompare(b.name)),
    consultations: [...links.consultations].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '')),
    history: [...links.history].sort((a, b) => a.at.localeCompare(b.at)),
  }));
}

export interface InquiryFilter {
  statuses: InquiryStatus[] | null;
  kind: InquiryKind | null;
  networkId: string | null;
  themeId: string | null;
  countryIds: string[] | null;
  overdue: boolean | null;
}

/** Open and past its due moment; the same rule as `overdue` on the type. */
const OVERDUE = `(i.status IN ['RECEIVED', 'IN_PROGRESS', 'COORDINATING'] AND i.dueAt < datetime())`;

const MATCHES_FILTER = `
  ($statuses IS NULL OR i.status IN $statuses)
  AND ($kind IS NULL OR i.kind = $kind)
  AND ($networkId IS NULL OR EXISTS { (i)-[:ROUTED_TO]->(:Network {id: $networkId}) })
  AND ($themeId IS NULL OR EXISTS { (i)-[:ABOUT]->(:Theme)-[:BROADER*0..10]->(:Theme {id: $themeId}) })
  AND ($countryIds IS NULL OR EXISTS { (i)-[:CONCERNS]->(c:Country) WHERE c.id IN $countryIds })
  AND ($overdue IS NULL OR ${OVERDUE} = $overdue)
  AND ${INQUIRY_VISIBLE}`;

/** A page of inquiries first come, first served: by receipt, then id. */
export async function pageOfInquiries(
  queries: Queries,
  viewer: Viewer,
  filter: InquiryFilter,
  size: number,
  after: [string, string] | null,
): Promise<{ rows: InquiryRecord[]; total: number }> {
  const [result] = await queries.read<{ rows: InquiryRecord[]; total: number }>(
    `CALL () {
       MATCH (i:Inquiry)
       WHERE ${MATCHES_FILTER}
         AND ($after IS NULL OR i.receivedAt > datetime($after[0]) OR (i.receivedAt = datetime($after[0]) AND i.id > $after[1]))
       WITH i ORDER BY i.receivedAt, i.id LIMIT $limit
       RETURN collect(i {.*, filedBy: i.filedBy, routedTo: [(i)-[:ROUTED_TO]->(r:Network) | r.id][0]}) AS rows
     }
     RETURN rows, COUNT { MATCH (i:Inquiry) WHERE ${MATCHES_FILTER} } AS total`,
    { ...filter, ...inquiryViewerParams(viewer), after, limit: size + 1 },
  );
  return result ?? { rows: [], total: 0 };
}

/** Which of the referenced institutions, networks and inquiries exist: all checked in one round trip (experts: src/experts/resolve.ts). */
export async function existingReferences(
  queries: Queries,
  refs: Partial<{ institutionIds: string[]; networkIds: string[]; inquiryIds: string[] }>,
): Promise<ExistingReferences> {
  const [row] = await queries.read<ExistingReferences>(
    `CALL () { UNWIND $institutionIds AS id MATCH (n:Institution {id: id}) RETURN collect(n {.id, .name, .kind}) AS institutions }
     CALL () {
       UNWIND $networkIds AS id MATCH (n:Network {id: id})
       RETURN collect(n {.id, .name, kind: coalesce(n.kind, 'KNOWLEDGE_NETWORK')}) AS networks
     }
     CALL () { UNWIND $inquiryIds AS id MATCH (n:Inquiry {id: id}) RETURN collect(n {.id, .receivedAt}) AS inquiries }
     RETURN institutions, networks, inquiries`,
    { institutionIds: [], networkIds: [], inquiryIds: [], ...refs },
  );
  return row ?? { institutions: [], networks: [], inquiries: [] };
}

export interface ExistingReferences {
  institutions: Array<{ id: string; name: string; kind: string }>;
  networks: Array<{ id: string; name: string; kind: string }>;
  inquiries: Array<{ id: string; receivedAt: string }>;
}

export interface NewInquiry {
  id: string;
  kind: InquiryKind;
  question: string;
  context: string | null;
  contactName: string | null;
  contactEmail: string | null;
  riskCategories: string[];
  receivedAt: string;
  dueAt: string;
  askedBy: string;
  routedTo: string;
  partner: string | null;
  themeIds: string[];
  countryIds: string[];
  followUpOf: string | null;
  filedBy: string;
  by: string;
  note: string | null;
}

export async function createInquiry(tx: AuditedWork, inquiry: NewInquiry): Promise<void> {
  await tx.run(
    `CREATE (i:Inquiry {id: $id, kind: $kind, question: $question, context: $context, contactName: $contactName,
                        contactEmail: $contactEmail, riskCategories: $riskCategories, status: 'RECEIVED', filedBy: $filedBy,
                        receivedAt: datetime($receivedAt), dueAt: datetime($dueAt), visibility: 'INTERNAL', version: 1})
     CREATE (i)-[:HAS_STATUS_CHANGE]->(:StatusChange {id: $id + '#1', status: 'RECEIVED', at: i.receivedAt, by: $by, note: $note})
     WITH i
     CALL (i) { MATCH (n:Institution {id: $askedBy}) CREATE (i)-[:ASKED_BY]->(n) }
     CALL (i) { MATCH (n:Network {id: $routedTo}) CREATE (i)-[:ROUTED_TO]->(n) }
     CALL (i) { MATCH (n:Institution {id: $partner}) CREATE (i)-[:CONCERNS_PARTNER]->(n) }
     CALL (i) { MATCH (n:Inquiry {id: $followUpOf}) CREATE (i)-[:FOLLOW_UP_OF]->(n) }
     CALL (i) { UNWIND $themeIds AS themeId MATCH (t:Theme {id: themeId}) CREATE (i)-[:ABOUT]->(t) }
     CALL (i) { UNWIND $countryIds AS countryId MATCH (c:Country {id: countryId}) CREATE (i)-[:CONCERNS]->(c) }`,
    { ...inquiry },
  );
}

/** The state a change is checked against, read under the inquiry's write lock. */
export interface LockedInquiry {
  id: string;
  status: InquiryStatus;
  answerSummary: string | null;
  receivedAt: string;
  routedTo: string | null;
}

/** A write to apply to the locked inquiry `i` (a code constant) with its parameters. */
export interface InquiryWrite {
  cypher: string;
  params: Params;
}

/**
 * Changes an inquiry only if nobody changed it since `expectedVersion`: tracking takes the node's write
 * lock before it reads the version (so two concurrent changes cannot both see the same version), and
 * records the change. `decide` checks the locked state and returns the write, or throws to change nothing.
 */
export async function changeInquiry(
  tx: AuditedWork,
  id: string,
  expectedVersion: number,
  decide: (current: LockedInquiry) => InquiryWrite,
): Promise<void> {
  await tx.track('Inquiry', id, { expectedVersion, noun: 'inquiry' });
  const [locked] = (await tx.run(
    `MATCH (i:Inquiry {id: $id})
     RETURN i {.id, .status, .answerSummary, .receivedAt, routedTo: [(i)-[:ROUTED_TO]->(r:Network) | r.id][0]} AS inquiry`,
    { id },
  )) as Array<Row & { inquiry: LockedInquiry }>;
  const write = decide(locked!.inquiry);
  await tx.run(`MATCH (i:Inquiry {id: $id}) ${write.cypher}`, { ...write.params, id });
}

/** Writes for changeInquiry; a status change is recorded as `<inquiry id>#<version it creates>`. */
export const writes = {
  status(status: InquiryStatus, at: string, by: string, note: string | null, ministryIds: string[]): InquiryWrite {
    return {
      cypher: `SET i.status = $status,
                   i.closedAt = CASE WHEN $status = 'CLOSED' THEN datetime($at) ELSE null END
               CREATE (i)-[:HAS_STATUS_CHANGE]->(:StatusChange {id: i.id + '#' + (i.version + 1), status: $status, at: datetime($at), by: $by,
                                                                 note: $note, ministryIds: $ministryIds})`,
      params: { status, at, by, note, ministryIds },
    };
  },
  answer(answerSummary: string, visibility: Visibility, at: string, by: string, note: string | null): InquiryWrite {
    return {
      cypher: `SET i.status = 'ANSWERED', i.answerSummary = $answerSummary, i.visibility = $visibility,
                   i.answeredAt = datetime($at), i.closedAt = null
               CREATE (i)-[:HAS_STATUS_CHANGE]->(:StatusChange {id: i.id + '#' + (i.version + 1), status: 'ANSWERED', at: datetime($at), by: $by,
                                                                 note: $note, ministryIds: []})`,
      params: { answerSummary, visibility, at, by, note },
    };
  },
  consultation(expertId: string, outcome: ConsultationOutcome, at: string, by: string, note: string | null, referredTo: string | null): InquiryWrite {
    return {
      cypher: `MATCH (e:Expert {id: $expertId})
               MERGE (i)-[c:CONSULTED]->(e)
               SET c.outcome = $outcome, c.at = datetime($at), c.by = $by, c.note = $note, c.referredTo = $referredTo`,
      params: { expertId, outcome, at, by, note, referredTo },
    };
  },
  followUp(earlierId: string): InquiryWrite {
    return {
      cypher: `MATCH (earlier:Inquiry {id: $earlierId})
               OPTIONAL MATCH (i)-[old:FOLLOW_UP_OF]->()
               DELETE old
               MERGE (i)-[:FOLLOW_UP_OF]->(earlier)`,
      params: { earlierId },
    };
  },
};

export interface SimilarityQuery {
  luceneQuery: string;
  themeIds: string[];
  countryIds: string[];
  partnerId: string | null;
  /** Inquiries this one follows up or is followed up by: always candidates, and weighed most. */
  linkedIds: string[];
  excludeId: string | null;
  receivedBefore: string | null;
  limit: number;
}

export interface SimilarRow {
  inquiry: InquiryRecord;
  score: number;
  textScore: number;
  sharedThemes: string[];
  sharedCountries: string[];
  sharedPartner: string | null;
  linked: boolean;
  answeredBy: ExpertRecord[];
}

/**
 * Earlier inquiries like a question: by text (English and Dutch stemming) and by shared themes, countries
 * and partner institution. Candidates come from the text indexes and the shared themes and partner only,
 * so the work follows the matches, not the number of inquiries.
 */
export async function similarInquiries(queries: Queries, viewer: Viewer, query: SimilarityQuery, weights: Record<string, number>, hitLimit: number): Promise<SimilarRow[]> {
  return queries.read<SimilarRow>(
    `CALL () {
       WITH 1 AS go WHERE $q <> ''
       CALL db.index.fulltext.queryNodes($textEn, $q, {limit: $hitLimit}) YIELD node, score
       RETURN node AS i, score
       UNION ALL
       WITH 1 AS go WHERE $q <> ''
       CALL db.index.fulltext.queryNodes($textNl, $q, {limit: $hitLimit}) YIELD node, score
       RETURN node AS i, score
       UNION ALL
       UNWIND $themeIds AS themeId
       MATCH (i:Inquiry)-[:ABOUT]->(:Theme {id: themeId})
       RETURN i, 0.0 AS score
       UNION ALL
       MATCH (i:Inquiry)-[:CONCERNS_PARTNER]->(:Institution {id: $partnerId})
       RETURN i, 0.0 AS score
       UNION ALL
       UNWIND $linkedIds AS linkedId
       MATCH (i:Inquiry {id: linkedId})
       RETURN i, 0.0 AS score
     }
     WITH i, max(score) AS textScore
     WHERE ($excludeId IS NULL OR i.id <> $excludeId) AND ($receivedBefore IS NULL OR i.receivedAt < datetime($receivedBefore))
       AND ${INQUIRY_VISIBLE}
     WITH i, textScore,
          [(i)-[:ABOUT]->(t:Theme) WHERE t.id IN $themeIds | t.name] AS sharedThemes,
          [(i)-[:CONCERNS]->(c:Country) WHERE c.id IN $countryIds | c.name] AS sharedCountries,
          [(i)-[:CONCERNS_PARTNER]->(p:Institution) WHERE p.id = $partnerId | p.name][0] AS sharedPartner,
          i.id IN $linkedIds AS linked
     WITH i, textScore, sharedThemes, sharedCountries, sharedPartner, linked,
          round(textScore * $weights.text + size(sharedThemes) * $weights.theme + size(sharedCountries) * $weights.country
                + CASE WHEN sharedPartner IS NULL THEN 0 ELSE $weights.partner END
                + CASE WHEN linked THEN $weights.followUp ELSE 0 END, 2) AS score
     ORDER BY score DESC, i.receivedAt DESC, i.id
     LIMIT $limit
     RETURN i {.*, filedBy: i.filedBy, routedTo: [(i)-[:ROUTED_TO]->(r:Network) | r.id][0]} AS inquiry, score, textScore, sharedThemes, sharedCountries, sharedPartner, linked,
            [(i)-[:CONSULTED {outcome: 'ANSWERED'}]->(e:Expert) | e {.*}] AS answeredBy`,
    {
      q: query.luceneQuery,
      themeIds: query.themeIds,
      countryIds: query.countryIds,
      partnerId: query.partnerId,
      linkedIds: query.linkedIds,
      excludeId: query.excludeId,
      receivedBefore: query.receivedBefore,
      limit: query.limit,
      weights,
      hitLimit,
      textEn: FULLTEXT.inquiryTextEn,
      textNl: FULLTEXT.inquiryTextNl,
      ...inquiryViewerParams(viewer),
    },
  );
}
