import type { Queries } from '../db/database.js';

export interface InquiryFlowRow {
  network: string | null;
  kind: string;
  status: string;
  receivedAt: string;
  dueAt: string;
  answeredAt: string | null;
}

/**
 * The few facts per inquiry that flow statistics need, for inquiries received in [from, to): a range
 * seek on the receipt index, so the cost follows the period asked for, not all inquiries ever.
 * No question text, contact or answer leaves this function.
 */
export function inquiryFlow(queries: Queries, from: string, to: string, networkId: string | null): Promise<InquiryFlowRow[]> {
  return queries.read<InquiryFlowRow>(
    `MATCH (i:Inquiry)
     WHERE i.receivedAt >= datetime($from) AND i.receivedAt < datetime($to)
     WITH i, [(i)-[:ROUTED_TO]->(n:Network) | n.id][0] AS network
     WHERE $networkId IS NULL OR network = $networkId
     RETURN network, i.kind AS kind, i.status AS status, i.receivedAt AS receivedAt, i.dueAt AS dueAt, i.answeredAt AS answeredAt`,
    { from, to, networkId },
  );
}
