import { DESK_NETWORK_ID, INQUIRY_VISIBLE, inquiryViewerParams } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { FULLTEXT } from '../db/migrations.js';
import { int, obj, parseRows, str } from '../db/rows.js';
import { OPEN_STATUSES } from './status.js';

/** The work queues of the people who handle inquiries; each holds open inquiries only. */
export const INQUIRY_QUEUES = [
  'MINE',
  'UNASSIGNED',
  'MY_TEAMS',
  'DUE_SOON',
  'OVERDUE',
  'WAITING_ON_MINISTRIES',
  'WAITING_ON_EXPERTS',
  'FILED_BY_ME',
] as const;
export type InquiryQueue = (typeof INQUIRY_QUEUES)[number];

/** Routed to a team the viewer belongs to (administrators: every team). Parameters: inquiryViewerParams. */
const MY_TEAM = `($viewer.admin OR EXISTS { (i)-[:ROUTED_TO]->(r:Network)
  WHERE (r.id = '${DESK_NETWORK_ID}' AND $viewer.desk) OR ($viewer.secretariat AND r.id IN $viewer.networks) })`;

const OPEN = `i.status IN $openStatuses`;

/**
 * Waiting on an expert: a consultation asked and not yet answered (no outcome yet, or an outcome that says it is
 * waiting). Keep in step with the consultations' life (issue 20).
 */
const WAITING_ON_EXPERTS = `EXISTS { (i)-[c:CONSULTED]->()
  WHERE c.outcome IS NULL OR c.outcome IN ['ASKED', 'WAITING'] }`;

/**
 * Each queue as a Cypher predicate on `i` (code constants). Parameters: inquiryViewerParams, `$openStatuses`, `$now`
 * and `$dueSoonBy` (the end of the last working day counted as "soon").
 */
export const QUEUE_PREDICATES: Record<InquiryQueue, string> = {
  MINE: `(${OPEN} AND i.handlerId = $viewer.id)`,
  UNASSIGNED: `(${OPEN} AND i.handlerId IS NULL AND ${MY_TEAM})`,
  MY_TEAMS: `(${OPEN} AND ${MY_TEAM})`,
  DUE_SOON: `(${OPEN} AND ${MY_TEAM} AND i.dueAt >= datetime($now) AND i.dueAt <= datetime($dueSoonBy))`,
  OVERDUE: `(${OPEN} AND ${MY_TEAM} AND i.dueAt < datetime($now))`,
  WAITING_ON_MINISTRIES: `(i.status = 'COORDINATING' AND ${MY_TEAM})`,
  WAITING_ON_EXPERTS: `(${OPEN} AND ${MY_TEAM} AND ${WAITING_ON_EXPERTS})`,
  FILED_BY_ME: `(${OPEN} AND i.filedBy = $viewer.id)`,
};

/** The parameters the queue predicates read besides the viewer's. */
export function queueParams(now: Date, dueSoonBy: Date) {
  return { openStatuses: OPEN_STATUSES, now: now.toISOString(), dueSoonBy: dueSoonBy.toISOString() };
}

/**
 * How many inquiries the viewer may see are in each queue: one pass over the open inquiries (an index on status),
 * counts only.
 */
export async function countQueues(
  queries: Queries,
  viewer: Viewer,
  now: Date,
  dueSoonBy: Date,
): Promise<Array<{ queue: InquiryQueue; count: number }>> {
  const sums = INQUIRY_QUEUES.map((queue) => `sum(CASE WHEN ${QUEUE_PREDICATES[queue]} THEN 1 ELSE 0 END)`);
  const rows = await queries.read(
    `MATCH (i:Inquiry) WHERE i.status IN $openStatuses AND ${INQUIRY_VISIBLE}
     WITH [${sums.join(',\n           ')}] AS counts
     UNWIND range(0, size($queues) - 1) AS n
     RETURN $queues[n] AS queue, counts[n] AS count`,
    { ...inquiryViewerParams(viewer), ...queueParams(now, dueSoonBy), queues: [...INQUIRY_QUEUES] },
  );
  return parseRows(rows, obj({ queue: str, count: int })) as Array<{ queue: InquiryQueue; count: number }>;
}

/** The most inquiries a free-text filter finds per index: a filter narrows a list, it does not rank it. */
export const TEXT_FILTER_HITS = 1000;

/** The ids of inquiries whose text holds every term of a Lucene query (English and Dutch stemming). */
export async function inquiriesWithText(queries: Queries, lucene: string): Promise<string[]> {
  const rows = await queries.read(
    `CALL () {
       CALL db.index.fulltext.queryNodes($textEn, $q, {limit: $limit}) YIELD node RETURN node.id AS id
       UNION
       CALL db.index.fulltext.queryNodes($textNl, $q, {limit: $limit}) YIELD node RETURN node.id AS id
     }
     RETURN id`,
    { q: lucene, limit: TEXT_FILTER_HITS, textEn: FULLTEXT.inquiryTextEn, textNl: FULLTEXT.inquiryTextNl },
  );
  return parseRows(rows, obj({ id: str })).map((row) => row.id);
}
