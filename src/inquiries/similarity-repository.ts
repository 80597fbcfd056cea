import { INQUIRY_VISIBLE, inquiryViewerParams } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { FULLTEXT } from '../db/migrations.js';
import type { ExpertRecord } from '../experts/repository.js';
import type { InquiryRecord } from './repository.js';

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
