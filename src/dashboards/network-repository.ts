import type { Queries } from '../db/database.js';

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

/** Counts per network, by acronym. */
export async function networkStatistics(
  _queries: Queries,
  _period: { networkId: string | null; from: string | null; to: string | null },
): Promise<NetworkStatisticsRow[]> {
  return [];
}
