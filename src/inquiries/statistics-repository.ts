import type { Queries } from '../db/database.js';
import { answerCounts, countsInStatistics } from './closing-repository.js';
import { OPEN_STATUSES } from './status.js';

export interface InquiryFlowRow {
  network: string | null;
  kind: string;
  status: string;
  riskCategories: string[];
  receivedAt: string;
  dueAt: string;
  answeredAt: string | null;
  closedAt: string | null;
  /** Went through COORDINATING (waited on ministries) at some point. */
  waitedOnMinistries: boolean;
  /** Was rerouted from another team (it counts once, for the team it is routed to now). */
  rerouted: boolean;
}

const FLOW_ROW = `network, i.kind AS kind, i.status AS status, coalesce(i.riskCategories, []) AS riskCategories,
  i.receivedAt AS receivedAt, i.dueAt AS dueAt,
  CASE WHEN ${answerCounts('i')} THEN i.answeredAt END AS answeredAt, i.closedAt AS closedAt,
  EXISTS { (i)-[:HAS_STATUS_CHANGE]->(:StatusChange {status: 'COORDINATING'}) } AS waitedOnMinistries,
  EXISTS { (i)-[:ROUTED_FROM]->(:Network) } AS rerouted`;

const ROUTED = `WITH i, [(i)-[:ROUTED_TO]->(n:Network) | n.id][0] AS network
     WHERE ($networkId IS NULL OR network = $networkId) AND ${countsInStatistics('i')}`;

/**
 * The few facts per inquiry that flow statistics need, for inquiries received in [from, to): a range
 * seek on the receipt index, so the cost follows the period asked for, not all inquiries ever.
 * No question text, contact or answer leaves this function.
 */
export function inquiryFlow(
  queries: Queries,
  from: string,
  to: string,
  networkId: string | null,
): Promise<InquiryFlowRow[]> {
  return queries.read<InquiryFlowRow>(
    `MATCH (i:Inquiry)
     WHERE i.receivedAt >= datetime($from) AND i.receivedAt < datetime($to)
     ${ROUTED}
     RETURN ${FLOW_ROW}`,
    { from, to, networkId },
  );
}

/**
 * Inquiries received before `from` that were still open then (not yet answered or closed, or open now):
 * the backlog a time series counts as overdue at its buckets' ends. A range seek on the receipt index
 * below `from`; it reads the facts of earlier inquiries, never their text.
 */
export function inquiryBacklog(queries: Queries, from: string, networkId: string | null): Promise<InquiryFlowRow[]> {
  return queries.read<InquiryFlowRow>(
    `MATCH (i:Inquiry)
     WHERE i.receivedAt < datetime($from)
       AND (i.status IN $openStatuses OR i.answeredAt >= datetime($from) OR i.closedAt >= datetime($from))
     ${ROUTED}
     RETURN ${FLOW_ROW}`,
    { from, networkId, openStatuses: OPEN_STATUSES },
  );
}
