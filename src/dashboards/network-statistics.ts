import { builder } from '../graphql/builder.js';
import { costOfWork, WORK_WEIGHTS } from '../graphql/limits.js';
import { BadInputError } from '../errors.js';
import { resolveNetworkId } from '../networks/resolve.js';
import { NetworkNode } from '../networks/types.js';
import { networkStatistics, type NetworkStatisticsRow } from './network-repository.js';

interface NetworkStatistics extends NetworkStatisticsRow {
  from: Date | null;
  to: Date | null;
}

const NetworkStatisticsRef = builder.objectRef<NetworkStatistics>('NetworkStatistics').implement({
  description: 'One network’s (or the desk’s) people and work, as counts: for dashboards.',
  fields: (t) => ({
    network: t.field({ type: NetworkNode, description: 'The network or desk.', resolve: (s) => s.networkId }),
    from: t.expose('from', {
      type: 'DateTime',
      nullable: true,
      description: 'Start of the period events and inquiries are counted in; null: from the beginning.',
    }),
    to: t.expose('to', {
      type: 'DateTime',
      nullable: true,
      description: 'End of that period (exclusive); null: until now.',
    }),
    activeExperts: t.exposeInt('activeExperts', { description: 'Current (not retired) member experts.' }),
    retiredExperts: t.exposeInt('retiredExperts', { description: 'Retired member experts.' }),
    consentingExperts: t.exposeInt('consentingExperts', {
      description: 'Current member experts who consented to direct contact.',
    }),
    institutions: t.exposeInt('institutions', {
      description: 'Distinct institutions current member experts are affiliated with now.',
    }),
    eventsHeld: t.exposeInt('eventsHeld', {
      description: 'Current events the network organised that started in the period and before now.',
    }),
    inquiriesRouted: t.exposeInt('inquiriesRouted', { description: 'Inquiries routed to it, received in the period.' }),
    inquiriesAnswered: t.exposeInt('inquiriesAnswered', { description: 'Of those, answered.' }),
    inquiriesAnsweredOnTime: t.exposeInt('inquiriesAnsweredOnTime', {
      description: 'Of those, answered by the end of the third working day.',
    }),
  }),
});

builder.queryField('networkStatistics', (t) =>
  t.field({
    complexity: costOfWork(WORK_WEIGHTS.aggregate),
    type: [NetworkStatisticsRef],
    description:
      'Per network and the desk, by acronym: experts (active, retired, consenting to contact), institutions, ' +
      'events held, inquiries routed and answered. Counts only: open to every role.',
    args: {
      network: t.arg.string({
        required: false,
        description: 'Only this network or desk (slug, acronym or name, e.g. "LKV"); default all.',
      }),
      from: t.arg({
        type: 'DateTime',
        required: false,
        description: 'Count events and inquiries from (inclusive); default: from the beginning.',
      }),
      to: t.arg({
        type: 'DateTime',
        required: false,
        description: 'Count events and inquiries until (exclusive); default: now.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const from = args.from ?? null;
      const to = args.to ?? null;
      if (from && to && from >= to) throw new BadInputError('from must lie before to.', { argument: 'from' });
      const networkId = await resolveNetworkId(ctx.queries, args.network, 'network');
      const rows = await networkStatistics(ctx.queries, {
        networkId,
        from: from?.toISOString() ?? null,
        to: to?.toISOString() ?? null,
      });
      return rows.map((row) => ({ ...row, from, to }));
    },
  }),
);
