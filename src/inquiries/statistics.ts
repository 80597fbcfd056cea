import { builder } from '../graphql/builder.js';
import { badUserInput } from '../graphql/errors.js';
import { lookupOf } from '../names/service.js';
import { NetworkNode } from '../networks/types.js';
import { inquiryFlow, type InquiryFlowRow } from './statistics-repository.js';
import { INQUIRY_STATUSES, isOpen } from './status.js';
import { workingDaysBetween } from './working-days.js';

const DAY_MS = 86_400_000;
/** A dashboard's default period: the last year. */
const DEFAULT_PERIOD_DAYS = 365;
/** Longer periods would make one request read more inquiries than a dashboard needs. */
const MAX_PERIOD_DAYS = 5 * 366;

export interface InquiryStatistics {
  from: Date;
  to: Date;
  received: number;
  open: number;
  overdue: number;
  answered: number;
  answeredOnTime: number;
  medianWorkingDaysToAnswer: number | null;
  byStatus: Array<{ status: string; count: number }>;
  byNetwork: Array<{ networkId: string; received: number; answered: number; answeredOnTime: number }>;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function onTime(row: InquiryFlowRow): boolean {
  return row.answeredAt !== null && new Date(row.answeredAt) <= new Date(row.dueAt);
}

/** Counts only: dashboards (viewers) may read these, because no inquiry can be recognised from them. */
export function summarise(rows: InquiryFlowRow[], from: Date, to: Date, now = new Date()): InquiryStatistics {
  const answered = rows.filter((row) => row.answeredAt !== null);
  const networks = new Map<string, InquiryStatistics['byNetwork'][number]>();
  for (const row of rows) {
    if (!row.network) continue;
    const entry = networks.get(row.network) ?? { networkId: row.network, received: 0, answered: 0, answeredOnTime: 0 };
    entry.received += 1;
    if (row.answeredAt) entry.answered += 1;
    if (onTime(row)) entry.answeredOnTime += 1;
    networks.set(row.network, entry);
  }
  return {
    from,
    to,
    received: rows.length,
    open: rows.filter((row) => isOpen(row.status)).length,
    overdue: rows.filter((row) => isOpen(row.status) && new Date(row.dueAt) < now).length,
    answered: answered.length,
    answeredOnTime: answered.filter(onTime).length,
    medianWorkingDaysToAnswer: median(answered.map((row) => workingDaysBetween(new Date(row.receivedAt), new Date(row.answeredAt!)))),
    byStatus: INQUIRY_STATUSES.map((status) => ({ status, count: rows.filter((row) => row.status === status).length })),
    byNetwork: [...networks.values()].sort((a, b) => a.networkId.localeCompare(b.networkId)),
  };
}

const StatusCount = builder.objectRef<InquiryStatistics['byStatus'][number]>('InquiryStatusCount').implement({
  description: 'How many inquiries have a status.',
  fields: (t) => ({
    status: t.exposeString('status', { description: 'The status (see InquiryStatus).' }),
    count: t.exposeInt('count', { description: 'How many.' }),
  }),
});

const NetworkFlow = builder.objectRef<InquiryStatistics['byNetwork'][number]>('NetworkInquiryFlow').implement({
  description: 'Inquiries routed to one network or the desk in the period.',
  fields: (t) => ({
    network: t.field({ type: NetworkNode, description: 'The network or desk.', resolve: (n) => n.networkId }),
    received: t.exposeInt('received', { description: 'Received in the period.' }),
    answered: t.exposeInt('answered', { description: 'Of those, answered.' }),
    answeredOnTime: t.exposeInt('answeredOnTime', { description: 'Of those, answered within three working days.' }),
  }),
});

const InquiryStatisticsRef = builder.objectRef<InquiryStatistics>('InquiryStatistics').implement({
  description: 'Inquiry flow in a period, as counts only: for dashboards.',
  fields: (t) => ({
    from: t.expose('from', { type: 'DateTime', description: 'Start of the period (inclusive).' }),
    to: t.expose('to', { type: 'DateTime', description: 'End of the period (exclusive).' }),
    received: t.exposeInt('received', { description: 'Inquiries received in the period.' }),
    open: t.exposeInt('open', { description: 'Of those, still open.' }),
    overdue: t.exposeInt('overdue', { description: 'Of those, open past their due moment.' }),
    answered: t.exposeInt('answered', { description: 'Of those, answered.' }),
    answeredOnTime: t.exposeInt('answeredOnTime', { description: 'Of those, answered by the end of the third working day.' }),
    medianWorkingDaysToAnswer: t.exposeFloat('medianWorkingDaysToAnswer', { nullable: true, description: 'Median working days from receipt to answer; null when none was answered.' }),
    byStatus: t.field({ type: [StatusCount], description: 'Counts per status.', resolve: (s) => s.byStatus }),
    byNetwork: t.field({ type: [NetworkFlow], description: 'Counts per network or desk.', resolve: (s) => s.byNetwork }),
  }),
});

builder.queryFields((t) => ({
  inquiryStatistics: t.field({
    type: InquiryStatisticsRef,
    description: 'Inquiry flow and time to answer in a period (default: the last 365 days), as counts: open to every role, dashboards included.',
    args: {
      from: t.arg({ type: 'DateTime', required: false, description: 'Start (inclusive); default 365 days before `to`.' }),
      to: t.arg({ type: 'DateTime', required: false, description: 'End (exclusive); default now.' }),
      network: t.arg.string({ required: false, description: 'Only inquiries routed to this network or desk (id or slug).' }),
    },
    resolve: async (_root, args, ctx) => {
      const to = args.to ?? new Date();
      const from = args.from ?? new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
      if (from >= to) throw badUserInput('from must lie before to.', { argument: 'from' });
      if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
        throw badUserInput(`The period is longer than ${MAX_PERIOD_DAYS} days: ask for a shorter one, or several.`, { argument: 'from' });
      }
      const networkId = args.network ? (lookupOf(args.network.trim(), 'Network').id ?? args.network) : null;
      const rows = await inquiryFlow(ctx.queries, from.toISOString(), to.toISOString(), networkId);
      return summarise(rows, from, to);
    },
  }),
}));
