import { builder } from '../graphql/builder.js';
import { costOfWork, WORK_WEIGHTS } from '../graphql/limits.js';
import { BadInputError } from '../errors.js';
import { resolveNetworkId } from '../networks/resolve.js';
import { NetworkNode } from '../networks/types.js';
import { inquiryBacklog, inquiryFlow, type InquiryFlowRow } from './statistics-repository.js';
import { type INTERVALS, series, type SeriesBucket } from './statistics-series.js';
import { flowCounts, type FlowCounts } from './statistics-summary.js';
import { InquiryKindEnum, RiskCategoryEnum } from './types.js';

const DAY_MS = 86_400_000;
/** A dashboard's default period: the last year. */
const DEFAULT_PERIOD_DAYS = 365;
/** Longer periods would make one request read more inquiries than a dashboard needs. */
const MAX_PERIOD_DAYS = 5 * 366;

export interface InquiryStatistics extends FlowCounts {
  from: Date;
  to: Date;
  networkId: string | null;
  /** The period's rows, kept for the series. */
  rows: InquiryFlowRow[];
  now: Date;
}

/**
 * The dates a period may span: the calendar arithmetic of series and working days is defined for these years,
 * and a date in year 10000 (what 9999-12-31T23:59:59Z is in Amsterdam) has no ISO calendar date to compute with.
 */
export const PERIOD_RANGE = { min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z') };

/** A period from optional `from` and `to` (default: the 365 days before now), checked for range, order and length. */
export function statisticsPeriod(
  args: { from?: Date | null; to?: Date | null },
  now = new Date(),
): { from: Date; to: Date } {
  for (const argument of ['from', 'to'] as const) {
    const date = args[argument];
    if (date && (date < PERIOD_RANGE.min || date > PERIOD_RANGE.max)) {
      throw new BadInputError(
        `${argument} must lie between ${PERIOD_RANGE.min.toISOString()} and ${PERIOD_RANGE.max.toISOString()} ` +
          `(you sent ${date.toISOString()}): ask for a period in that range.`,
        { argument },
      );
    }
  }
  const to = args.to ?? now;
  const from = args.from ?? new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
  if (from >= to) throw new BadInputError('from must lie before to.', { argument: 'from' });
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    throw new BadInputError(`The period is longer than ${MAX_PERIOD_DAYS} days: ask for a shorter one, or several.`, {
      argument: 'from',
    });
  }
  return { from, to };
}

/** Counts only: dashboards (viewers) may read these, because no inquiry can be recognised from them. */
export function summarise(
  rows: InquiryFlowRow[],
  from: Date,
  to: Date,
  now = new Date(),
  networkId: string | null = null,
): InquiryStatistics {
  return { from, to, networkId, rows, now, ...flowCounts(rows, now) };
}

const IntervalEnum = builder.enumType('StatisticsInterval', {
  description:
    'The length of one bucket of a time series: calendar weeks (from Monday), months or quarters, in ' +
    'Europe/Amsterdam time.',
  values: {
    WEEK: { description: 'Calendar weeks, Monday 00:00 to Monday 00:00.' },
    MONTH: { description: 'Calendar months.' },
    QUARTER: { description: 'Calendar quarters (January, April, July, October).' },
  } satisfies Record<(typeof INTERVALS)[number], { description: string }>,
});

const StatusCount = builder.objectRef<FlowCounts['byStatus'][number]>('InquiryStatusCount').implement({
  description: 'How many inquiries have a status.',
  fields: (t) => ({
    status: t.exposeString('status', { description: 'The status (see InquiryStatus).' }),
    count: t.exposeInt('count', { description: 'How many.' }),
  }),
});

const KindCount = builder.objectRef<FlowCounts['byKind'][number]>('InquiryKindCount').implement({
  description: 'How many inquiries are of a kind.',
  fields: (t) => ({
    kind: t.field({ type: InquiryKindEnum, description: 'The kind.', resolve: (c) => c.kind as 'EXPERTISE_REQUEST' }),
    count: t.exposeInt('count', { description: 'How many.' }),
  }),
});

const RiskCategoryCount = builder.objectRef<FlowCounts['byRiskCategory'][number]>('RiskCategoryCount').implement({
  description: 'How many inquiries name a risk category (an inquiry naming two counts under both).',
  fields: (t) => ({
    riskCategory: t.field({
      type: RiskCategoryEnum,
      description: 'The risk category.',
      resolve: (c) => c.riskCategory,
    }),
    count: t.exposeInt('count', { description: 'How many.' }),
  }),
});

const NetworkFlow = builder.objectRef<FlowCounts['byNetwork'][number]>('NetworkInquiryFlow').implement({
  description: 'Inquiries routed to one network or the desk in the period.',
  fields: (t) => ({
    network: t.field({ type: NetworkNode, description: 'The network or desk.', resolve: (n) => n.networkId }),
    received: t.exposeInt('received', { description: 'Received in the period.' }),
    answered: t.exposeInt('answered', { description: 'Of those, answered.' }),
    answeredOnTime: t.exposeInt('answeredOnTime', { description: 'Of those, answered within three working days.' }),
  }),
});

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

const InquiryFlowCounts = builder.interfaceRef<FlowCounts>('InquiryFlowCounts').implement({
  description:
    'Counts over the inquiries received in a period or in one bucket of a time series: counts only, for dashboards.',
  fields: (t) => ({
    received: t.exposeInt('received', { description: 'Inquiries received.' }),
    open: t.exposeInt('open', { description: 'Of those, still open now.' }),
    overdue: t.exposeInt('overdue', { description: 'Of those, open now and past their due moment.' }),
    answered: t.exposeInt('answered', { description: 'Of those, answered (by now).' }),
    answeredOnTime: t.exposeInt('answeredOnTime', {
      description: 'Of those, answered by the end of the third working day.',
    }),
    answeredOnTimeShare: t.float({
      nullable: true,
      description: 'answeredOnTime / received, from 0 to 1; null when none was received.',
      resolve: (s) => share(s.answeredOnTime, s.received),
    }),
    medianWorkingDaysToAnswer: t.exposeFloat('medianWorkingDaysToAnswer', {
      nullable: true,
      description: 'Median working days from receipt to answer of those answered; null when none was answered.',
    }),
    waitedOnMinistries: t.exposeInt('waitedOnMinistries', {
      description:
        'Of those, how many waited on ministries: went through COORDINATING (changeInquiryStatus with ' +
        'ministries) at some point.',
    }),
    rerouted: t.exposeInt('rerouted', {
      description:
        'Of those, how many were rerouted between the desk, CKN and REKA (rerouteInquiry); each counts once, for ' +
        'the team it is routed to now.',
    }),
    waitedOnMinistriesShare: t.float({
      nullable: true,
      description: 'waitedOnMinistries / received, from 0 to 1; null when none was received.',
      resolve: (s) => share(s.waitedOnMinistries, s.received),
    }),
    byStatus: t.field({
      type: [StatusCount],
      description: 'Counts per current status, every status listed.',
      resolve: (s) => s.byStatus,
    }),
    byKind: t.field({
      type: [KindCount],
      description: 'Counts per kind, every kind listed.',
      resolve: (s) => s.byKind,
    }),
    byRiskCategory: t.field({
      type: [RiskCategoryCount],
      description: 'Counts per risk category, every category listed; an inquiry naming several counts under each.',
      resolve: (s) => s.byRiskCategory,
    }),
    byNetwork: t.field({
      type: [NetworkFlow],
      description: 'Counts per network or desk routed to (those with inquiries).',
      resolve: (s) => s.byNetwork,
    }),
  }),
});

const SeriesBucketRef = builder.objectRef<SeriesBucket>('InquiryStatisticsBucket').implement({
  description:
    'One bucket of a time series: the inquiries received in [start, end), counted as inquiryStatistics counts ' +
    'its period, and the overdue backlog at its end.',
  interfaces: [InquiryFlowCounts],
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'overdueAtEnd' in value,
  fields: (t) => ({
    start: t.expose('start', {
      type: 'DateTime',
      description: "Start (inclusive): 00:00 Amsterdam time of a Monday, a month or a quarter, or the period's start.",
    }),
    end: t.expose('end', {
      type: 'DateTime',
      description: "End (exclusive): the next bucket's start, or the period's end.",
    }),
    current: t.exposeBoolean('current', {
      description: 'The bucket reaches now (or later): overdueAtEnd is counted now.',
    }),
    overdueAtEnd: t.exposeInt('overdueAtEnd', {
      description:
        "Inquiries, received at any time before, that were open and past their due moment at the bucket's end " +
        '(now, for the current bucket): the overdue backlog, not only those received in the bucket.',
    }),
  }),
});

const InquiryStatisticsRef = builder.objectRef<InquiryStatistics>('InquiryStatistics').implement({
  description: 'Inquiry flow in a period, as counts only: for dashboards.',
  interfaces: [InquiryFlowCounts],
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'rows' in value,
  fields: (t) => ({
    from: t.expose('from', { type: 'DateTime', description: 'Start of the period (inclusive).' }),
    to: t.expose('to', { type: 'DateTime', description: 'End of the period (exclusive).' }),
    series: t.field({
      type: [SeriesBucketRef],
      description:
        'The period in calendar buckets (Europe/Amsterdam), oldest first; the first and last are cut to the ' +
        'period. Each counts the inquiries received in it; the sums of received, answered and answeredOnTime ' +
        "over the buckets are the period's.",
      args: {
        interval: t.arg({
          type: IntervalEnum,
          required: true,
          defaultValue: 'MONTH',
          description: 'WEEK, MONTH or QUARTER.',
        }),
      },
      resolve: async (s, args, ctx) => {
        const backlog = await inquiryBacklog(ctx.queries, s.from.toISOString(), s.networkId);
        return series(s.rows, backlog, s.from, s.to, args.interval, s.now);
      },
    }),
  }),
});

builder.queryFields((t) => ({
  inquiryStatistics: t.field({
    complexity: costOfWork(WORK_WEIGHTS.aggregate),
    type: InquiryStatisticsRef,
    description:
      'Inquiry flow and time to answer in a period (default: the last 365 days), as counts: open to every role, ' +
      'dashboards included.',
    args: {
      from: t.arg({
        type: 'DateTime',
        required: false,
        description: 'Start (inclusive); default 365 days before `to`.',
      }),
      to: t.arg({ type: 'DateTime', required: false, description: 'End (exclusive); default now.' }),
      network: t.arg.string({
        required: false,
        description: 'Only inquiries routed to this network or desk (slug, acronym or name, e.g. "LKV").',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const now = new Date();
      const { from, to } = statisticsPeriod(args, now);
      const networkId = await resolveNetworkId(ctx.queries, args.network, 'network');
      const rows = await inquiryFlow(ctx.queries, from.toISOString(), to.toISOString(), networkId);
      return summarise(rows, from, to, now, networkId);
    },
  }),
}));
