import type { Queries } from '../db/database.js';
import { answerCounts, countsInStatistics } from '../inquiries/closing-repository.js';

export interface NetworkStatisticsRow {
  networkId: string;
  activeExperts: number;
  retiredExperts: number;
  consentingExperts: number;
  institutions: number;
  eventsHeld: number;
  inquiriesRouted: number;
  inquiriesAnswered: number;
  inquiriesAnsweredOnTime: number;
}

/**
 * Counts per network (or only `networkId`), by acronym, in one round trip. The work per network follows
 * its members (their affiliations), its events and the inquiries routed to it.
 */
export function networkStatistics(
  queries: Queries,
  params: { networkId: string | null; from: string | null; to: string | null },
): Promise<NetworkStatisticsRow[]> {
  return queries.read<NetworkStatisticsRow>(
    `MATCH (n:Network) WHERE $networkId IS NULL OR n.id = $networkId
     CALL (n) {
       OPTIONAL MATCH (n)<-[:MEMBER_OF]-(e:Expert)
       RETURN count(CASE WHEN e.retiredAt IS NULL THEN e END) AS activeExperts,
              count(CASE WHEN e.retiredAt IS NOT NULL THEN e END) AS retiredExperts,
              count(CASE WHEN e.retiredAt IS NULL AND e.contactConsent = true THEN e END) AS consentingExperts
     }
     CALL (n) {
       OPTIONAL MATCH (n)<-[:MEMBER_OF]-(e:Expert)-[a:AFFILIATED_WITH]->(institution:Institution)
       WHERE e.retiredAt IS NULL AND (a.since IS NULL OR a.since <= date()) AND (a.until IS NULL OR a.until >= date())
       RETURN count(DISTINCT institution) AS institutions
     }
     CALL (n) {
       OPTIONAL MATCH (n)<-[:ORGANISED_BY]-(v:Event)
       WHERE v.retiredAt IS NULL AND v.startsAt < datetime()
         AND ($from IS NULL OR v.startsAt >= datetime($from)) AND ($to IS NULL OR v.startsAt < datetime($to))
       RETURN count(v) AS eventsHeld
     }
     CALL (n) {
       OPTIONAL MATCH (n)<-[:ROUTED_TO]-(i:Inquiry)
       WHERE ($from IS NULL OR i.receivedAt >= datetime($from)) AND ($to IS NULL OR i.receivedAt < datetime($to))
         AND ${countsInStatistics('i')}
       WITH i, CASE WHEN ${answerCounts('i')} THEN i.answeredAt END AS answeredAt
       RETURN count(i) AS inquiriesRouted, count(answeredAt) AS inquiriesAnswered,
              count(CASE WHEN answeredAt <= i.dueAt THEN i END) AS inquiriesAnsweredOnTime
     }
     RETURN n.id AS networkId, activeExperts, retiredExperts, consentingExperts, institutions, eventsHeld,
            inquiriesRouted, inquiriesAnswered, inquiriesAnsweredOnTime
     ORDER BY n.acronym`,
    params,
  );
}
