import { builder } from '../graphql/builder.js';
import { costOfWork, WORK_WEIGHTS } from '../graphql/limits.js';
import { statisticsPeriod } from '../inquiries/statistics.js';
import { resolveNetworkId } from '../networks/resolve.js';
import { CountryNode } from '../places/types.js';
import { ThemeNode } from '../themes/types.js';
import { BadInputError } from '../errors.js';
import { mostAsked, type AskedCount } from './most-asked-repository.js';

/** The longest ranking a dashboard's bar chart shows. */
const MAX_MOST_ASKED = 50;

const ThemeCount = builder.objectRef<AskedCount>('AskedTheme').implement({
  description: 'A theme and how many inquiries of the period named it.',
  fields: (t) => ({
    theme: t.field({ type: ThemeNode, description: 'The theme.', resolve: (c) => c.id }),
    count: t.exposeInt('count', { description: 'Inquiries naming it (not its narrower themes), each once.' }),
  }),
});

const CountryCount = builder.objectRef<AskedCount>('AskedCountry').implement({
  description: 'A country and how many inquiries of the period concern it.',
  fields: (t) => ({
    country: t.field({ type: CountryNode, description: 'The country.', resolve: (c) => c.id }),
    count: t.exposeInt('count', { description: 'Inquiries concerning it, each once.' }),
  }),
});

const MostAsked = builder.objectRef<{ themes: AskedCount[]; countries: AskedCount[] }>('MostAsked').implement({
  description: 'The themes and countries asked about most in a period: counts, open to every role.',
  fields: (t) => ({
    themes: t.field({ type: [ThemeCount], description: 'Most asked first, then by name.', resolve: (m) => m.themes }),
    countries: t.field({
      type: [CountryCount],
      description: 'Most asked first, then by name.',
      resolve: (m) => m.countries,
    }),
  }),
});

builder.queryField('mostAsked', (t) =>
  t.field({
    complexity: costOfWork(WORK_WEIGHTS.aggregate),
    type: MostAsked,
    description:
      'The themes and countries the inquiries received in a period name most (those coverage counts as demand: ' +
      'not recorded in error; routed to the network, if given). Counts, open to every role.',
    args: {
      network: t.arg.string({
        required: false,
        description: 'Only the inquiries routed to that network (slug, acronym or name).',
      }),
      from: t.arg({
        type: 'DateTime',
        required: false,
        description: 'Received from (inclusive); default 365 days before `to`.',
      }),
      to: t.arg({ type: 'DateTime', required: false, description: 'Received until (exclusive); default now.' }),
      first: t.arg.int({
        required: false,
        defaultValue: 10,
        description: `How many themes and how many countries, from 1 to ${MAX_MOST_ASKED}.`,
      }),
    },
    resolve: async (_root, args, ctx) => {
      const limit = args.first ?? 10;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MOST_ASKED)
        throw new BadInputError(`first must be from 1 to ${MAX_MOST_ASKED} (got ${limit}).`, { argument: 'first' });
      const { from, to } = statisticsPeriod(args);
      return mostAsked(ctx.queries, {
        networkId: await resolveNetworkId(ctx.queries, args.network, 'network'),
        from: from.toISOString(),
        to: to.toISOString(),
        limit,
      });
    },
  }),
);
