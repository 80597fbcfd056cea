import { INQUIRY_VISIBLE, inquiryViewerParams } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { FULLTEXT } from '../db/migrations.js';
import { expertProjection, type ExpertRecord } from '../experts/model.js';
import type { NamedRef } from '../names/service.js';
import { inquiryProjection, type InquiryRecord } from './model.js';

/** What a question is compared by: its words and the concepts it was given or recognised to concern. */
export interface SimilarityQuery {
  luceneQuery: string;
  themeIds: string[];
  countryIds: string[];
  partnerId: string | null;
  riskCategories: string[];
  /** Inquiries this one follows up or is followed up by: always candidates, and weighed most. */
  linkedIds: string[];
  excludeId: string | null;
  receivedBefore: string | null;
}

/**
 * A candidate's text relevance and concepts (given and recognised alike), to be scored in src/inquiries/similarity.ts.
 */
export interface CandidateRow {
  id: string;
  receivedAt: string;
  textScore: number;
  themes: NamedRef[];
  /** Its themes one step broader or narrower than a theme of the question (`of`), not themselves of the question. */
  relatedThemes: Array<NamedRef & { of: string }>;
  countries: NamedRef[];
  partner: NamedRef | null;
  riskCategories: string[];
  linked: boolean;
}

/**
 * At most this many candidates come from each shared theme, country or partner (the most recent): the work follows the
 * matches.
 */
export const CONCEPT_CANDIDATES = 200;

/**
 * Earlier inquiries that may be like a question: hits of the text indexes (English and Dutch stemming,
 * compounds split) and inquiries sharing a theme (or one a step broader or narrower), a country or the
 * partner, each bounded, so the work does not grow with the number of inquiries.
 */
export async function similarityCandidates(
  queries: Queries,
  viewer: Viewer,
  query: SimilarityQuery,
  hitLimit: number,
): Promise<CandidateRow[]> {
  return queries.read<CandidateRow>(
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
       CALL (themeId) {
         MATCH (i:Inquiry)-[:ABOUT]->(:Theme)-[:BROADER*0..1]-(:Theme {id: themeId})
         RETURN DISTINCT i ORDER BY i.receivedAt DESC LIMIT $conceptLimit
       }
       RETURN i, 0.0 AS score
       UNION ALL
       UNWIND $countryIds AS countryId
       CALL (countryId) {
         MATCH (i:Inquiry)-[:CONCERNS]->(:Country {id: countryId})
         RETURN i ORDER BY i.receivedAt DESC LIMIT $conceptLimit
       }
       RETURN i, 0.0 AS score
       UNION ALL
       CALL () {
         MATCH (i:Inquiry)-[:CONCERNS_PARTNER]->(:Institution {id: $partnerId})
         RETURN i ORDER BY i.receivedAt DESC LIMIT $conceptLimit
       }
       RETURN i, 0.0 AS score
       UNION ALL
       UNWIND $linkedIds AS linkedId
       MATCH (i:Inquiry {id: linkedId})
       RETURN i, 0.0 AS score
     }
     WITH i, max(score) AS textScore
     WHERE ($excludeId IS NULL OR i.id <> $excludeId)
       AND ($receivedBefore IS NULL OR i.receivedAt < datetime($receivedBefore))
       AND ${INQUIRY_VISIBLE}
     RETURN i.id AS id, toString(i.receivedAt) AS receivedAt, textScore,
            [(i)-[:ABOUT]->(t:Theme) | t {.id, .name}] AS themes,
            [(i)-[:ABOUT]->(t:Theme)-[:BROADER]-(q:Theme) WHERE q.id IN $themeIds AND NOT t.id IN $themeIds
             | t {.id, .name, of: q.id}] AS relatedThemes,
            [(i)-[:CONCERNS]->(c:Country) | c {.id, .name}] AS countries,
            [(i)-[:CONCERNS_PARTNER]->(p:Institution) | p {.id, .name}][0] AS partner,
            coalesce(i.riskCategories, []) + coalesce(i.inferredRiskCategories, []) AS riskCategories,
            i.id IN $linkedIds AS linked`,
    {
      q: query.luceneQuery,
      themeIds: query.themeIds,
      countryIds: query.countryIds,
      partnerId: query.partnerId,
      linkedIds: query.linkedIds,
      excludeId: query.excludeId,
      receivedBefore: query.receivedBefore,
      hitLimit,
      conceptLimit: CONCEPT_CANDIDATES,
      textEn: FULLTEXT.inquiryTextEn,
      textNl: FULLTEXT.inquiryTextNl,
      ...inquiryViewerParams(viewer),
    },
  );
}

export interface SimilarInquiryRow {
  inquiry: InquiryRecord;
  answeredBy: ExpertRecord[];
}

/** The chosen inquiries with the experts who answered them, in the order given. */
export async function similarInquiryRows(queries: Queries, ids: string[]): Promise<SimilarInquiryRow[]> {
  const rows = await queries.read<SimilarInquiryRow & { id: string }>(
    `UNWIND $ids AS id
     MATCH (i:Inquiry {id: id})
     RETURN id, ${inquiryProjection('i')} AS inquiry,
            [(i)-[:CONSULTED {outcome: 'ANSWERED'}]->(e:Expert) | ${expertProjection('e')}] AS answeredBy`,
    { ids },
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
