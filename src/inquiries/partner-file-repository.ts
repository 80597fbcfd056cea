/**
 * What the graph knows about a foreign partner from the inquiries about it (given or recognised as partner): the
 * Cypher of the partner file (src/inquiries/partner-file.ts). Every read keeps to the inquiries the viewer may see
 * (INQUIRY_VISIBLE), so an officer's file holds only what the officer may read anyway.
 */
import { INQUIRY_VISIBLE } from '../auth/policy.js';
import type { Queries } from '../db/database.js';
import { countsInStatistics } from './closing-repository.js';
import { OPEN_STATUSES } from './status.js';

/** At most this many inquiries in a partner's file, answered and open each. */
export const PARTNER_FILE_LIMIT = 50;

export interface PartnerInquiries {
  answered: string[];
  open: string[];
  riskCategories: Array<{ category: string; count: number }>;
}

/** The visible inquiries about a partner: answered ones (newest answer first), open ones (oldest first), and risks. */
export async function partnerInquiries(
  queries: Queries,
  institutionId: string,
  viewer: Record<string, unknown>,
): Promise<PartnerInquiries> {
  const rows = await queries.read<{ id: string; answered: boolean; risks: string[] }>(
    `MATCH (:Institution {id: $institutionId})<-[:CONCERNS_PARTNER]-(i:Inquiry)
     WHERE ${INQUIRY_VISIBLE} AND ${countsInStatistics('i')}
     WITH DISTINCT i
     WITH i, i.answeredAt IS NOT NULL AS answered
     WHERE answered OR i.status IN $open
     RETURN i.id AS id, answered,
            coalesce(i.riskCategories, []) + coalesce(i.inferredRiskCategories, []) AS risks
     ORDER BY answered DESC,
              CASE WHEN answered THEN i.answeredAt END DESC,
              CASE WHEN NOT answered THEN i.receivedAt END ASC
     LIMIT $cap`,
    { institutionId, ...viewer, open: OPEN_STATUSES, cap: 2 * PARTNER_FILE_LIMIT },
  );
  const counts = new Map<string, number>();
  for (const r of rows) for (const risk of new Set(r.risks)) counts.set(risk, (counts.get(risk) ?? 0) + 1);
  return {
    answered: rows
      .filter((r) => r.answered)
      .map((r) => r.id)
      .slice(0, PARTNER_FILE_LIMIT),
    open: rows
      .filter((r) => !r.answered)
      .map((r) => r.id)
      .slice(0, PARTNER_FILE_LIMIT),
    riskCategories: [...counts]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
  };
}

/**
 * The other open inquiries, visible to the viewer, about the partner of an inquiry (given or recognised), oldest
 * first: what a handler recording or editing it should know is open elsewhere.
 */
export const alsoOpenAbout = (queries: Queries, inquiryId: string, viewer: Record<string, unknown>) =>
  queries
    .read<{ id: string }>(
      `MATCH (:Inquiry {id: $inquiryId})-[:CONCERNS_PARTNER]->(:Institution)<-[:CONCERNS_PARTNER]-(i:Inquiry)
       WHERE i.id <> $inquiryId AND i.status IN $open AND ${INQUIRY_VISIBLE} AND ${countsInStatistics('i')}
       RETURN DISTINCT i.id AS id, i.receivedAt AS receivedAt ORDER BY receivedAt LIMIT 20`,
      { inquiryId, ...viewer, open: OPEN_STATUSES },
    )
    .then((rows) => rows.map((r) => r.id));
