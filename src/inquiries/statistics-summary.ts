import { RISK_CATEGORIES, type RiskCategory } from '../names/service.js';
import type { InquiryFlowRow } from './statistics-repository.js';
import { INQUIRY_STATUSES, isOpen } from './status.js';
import { workingDaysBetween } from './working-days.js';

/**
 * The inquiry kinds counted per breakdown (the GraphQL enum's values); risk categories are counted by RISK_CATEGORIES.
 */
export const INQUIRY_KINDS = ['EXPERTISE_REQUEST', 'KNOWLEDGE_SECURITY'] as const;

/** Counts over a group of inquiries received together (a period, or a bucket of a series). */
export interface FlowCounts {
  received: number;
  open: number;
  overdue: number;
  answered: number;
  answeredOnTime: number;
  medianWorkingDaysToAnswer: number | null;
  waitedOnMinistries: number;
  /** Rerouted from another team before ending up where they are counted. */
  rerouted: number;
  byStatus: Array<{ status: string; count: number }>;
  byKind: Array<{ kind: string; count: number }>;
  byRiskCategory: Array<{ riskCategory: RiskCategory; count: number }>;
  byNetwork: Array<{ networkId: string; received: number; answered: number; answeredOnTime: number }>;
}

export function median(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  // None only when there are no values.
  if (upper === undefined) return null;
  const lower = sorted[middle - 1];
  return sorted.length % 2 === 1 || lower === undefined ? upper : (lower + upper) / 2;
}

export function answeredOnTime(row: InquiryFlowRow): boolean {
  return row.answeredAt !== null && new Date(row.answeredAt) <= new Date(row.dueAt);
}

/**
 * Whether an inquiry was open and past due at a moment. At or after `now` that is its current status; at an
 * earlier moment, it had been received, its due moment had passed, and it had not been answered or closed.
 */
export function overdueAt(row: InquiryFlowRow, moment: Date, now: Date): boolean {
  const at = moment.getTime();
  if (new Date(row.receivedAt).getTime() >= at || new Date(row.dueAt).getTime() >= at) return false;
  if (at >= now.getTime()) return isOpen(row.status);
  const endedBy = (instant: string | null) => instant !== null && new Date(instant).getTime() <= at;
  return !endedBy(row.answeredAt) && !endedBy(row.closedAt);
}

/** Counts only: dashboards (viewers) may read these, because no inquiry can be recognised from them. */
export function flowCounts(rows: InquiryFlowRow[], now: Date): FlowCounts {
  const answered = rows.filter((row): row is InquiryFlowRow & { answeredAt: string } => row.answeredAt !== null);
  const networks = new Map<string, FlowCounts['byNetwork'][number]>();
  for (const row of rows) {
    if (!row.network) continue;
    const entry = networks.get(row.network) ?? { networkId: row.network, received: 0, answered: 0, answeredOnTime: 0 };
    entry.received += 1;
    if (row.answeredAt) entry.answered += 1;
    if (answeredOnTime(row)) entry.answeredOnTime += 1;
    networks.set(row.network, entry);
  }
  return {
    received: rows.length,
    open: rows.filter((row) => isOpen(row.status)).length,
    overdue: rows.filter((row) => overdueAt(row, now, now)).length,
    answered: answered.length,
    answeredOnTime: answered.filter(answeredOnTime).length,
    medianWorkingDaysToAnswer: median(
      answered.map((row) => workingDaysBetween(new Date(row.receivedAt), new Date(row.answeredAt))),
    ),
    waitedOnMinistries: rows.filter((row) => row.waitedOnMinistries).length,
    rerouted: rows.filter((row) => row.rerouted).length,
    byStatus: INQUIRY_STATUSES.map((status) => ({ status, count: rows.filter((row) => row.status === status).length })),
    byKind: INQUIRY_KINDS.map((kind) => ({ kind, count: rows.filter((row) => row.kind === kind).length })),
    byRiskCategory: RISK_CATEGORIES.map((riskCategory) => ({
      riskCategory,
      count: rows.filter((row) => row.riskCategories.includes(riskCategory)).length,
    })),
    byNetwork: [...networks.values()].sort((a, b) => a.networkId.localeCompare(b.networkId)),
  };
}
