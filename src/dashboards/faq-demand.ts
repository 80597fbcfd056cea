import { builder } from '../graphql/builder.js';
import { costOfWork, WORK_WEIGHTS } from '../graphql/limits.js';
import { FaqArticleNode } from '../faq/types.js';
import { monthOf } from '../faq/model.js';
import { readsPerArticle } from '../faq/reads-repository.js';
import { statisticsPeriod } from '../inquiries/statistics.js';
import { resolveNetworkId } from '../networks/resolve.js';
import { CountryNode } from '../places/types.js';
import { ThemeNode } from '../themes/types.js';
import { topicsWithoutArticle, type UnansweredTopic } from './faq-demand-repository.js';

const MonthReads = builder.objectRef<{ month: string; reads: number }>('FaqMonthReads').implement({
  description: 'Reads of an article in one month.',
  fields: (t) => ({
    month: t.exposeString('month', { description: 'YYYY-MM.' }),
    reads: t.exposeInt('reads', { description: 'How many times it was read that month.' }),
  }),
});

const ArticleReads = builder
  .objectRef<{ id: string; reads: number; months: Array<{ month: string; reads: number }> }>('FaqArticleReads')
  .implement({
    description: 'How often a published article was read in a period.',
    fields: (t) => ({
      article: t.field({ type: FaqArticleNode, description: 'The article.', resolve: (r) => r.id }),
      reads: t.exposeInt('reads', { description: 'Reads in the period.' }),
      months: t.field({ type: [MonthReads], description: 'Per month, oldest first.', resolve: (r) => r.months }),
    }),
  });

const topicCount = (name: string, type: typeof ThemeNode | typeof CountryNode, what: string) =>
  builder.objectRef<UnansweredTopic>(name).implement({
    description: `A ${what} asked about in the period that no published FAQ article covers.`,
    fields: (t) => ({
      [what]: t.field({ type, description: `The ${what}.`, resolve: (c: UnansweredTopic) => c.id }),
      count: t.exposeInt('count', { description: 'Inquiries of the period naming it, each once.' }),
    }),
  });
const ThemeGap = topicCount('FaqThemeGap', ThemeNode, 'theme');
const CountryGap = topicCount('FaqCountryGap', CountryNode, 'country');

const FaqDemand = builder
  .objectRef<{
    reads: Awaited<ReturnType<typeof readsPerArticle>>;
    gaps: { themes: UnansweredTopic[]; countries: UnansweredTopic[] };
  }>('FaqDemand')
  .implement({
    description: 'Which FAQ articles are read, and which asked topics have none: counts, open to every role.',
    fields: (t) => ({
      articles: t.field({
        type: [ArticleReads],
        description: 'Published articles, most read first.',
        resolve: (d) => d.reads,
      }),
      themesWithoutArticle: t.field({
        type: [ThemeGap],
        description: 'Most asked first.',
        resolve: (d) => d.gaps.themes,
      }),
      countriesWithoutArticle: t.field({
        type: [CountryGap],
        description: 'Most asked first.',
        resolve: (d) => d.gaps.countries,
      }),
    }),
  });

builder.queryField('faqDemand', (t) =>
  t.field({
    complexity: costOfWork(WORK_WEIGHTS.aggregate),
    type: FaqDemand,
    description:
      'Reads of the published FAQ articles (counted per article and month) and the themes and countries the ' +
      'period’s inquiries name most that no published article covers. Counts, open to every role.',
    args: {
      network: t.arg.string({ required: false, description: 'Only inquiries routed to that network (for the gaps).' }),
      from: t.arg({
        type: 'DateTime',
        required: false,
        description: 'From (inclusive); default 365 days before `to`.',
      }),
      to: t.arg({ type: 'DateTime', required: false, description: 'Until (exclusive); default now.' }),
    },
    resolve: async (_root, args, ctx) => {
      const { from, to } = statisticsPeriod(args);
      // Before either read starts: an unknown network must not leave a read behind, rejecting unheard.
      const networkId = await resolveNetworkId(ctx.queries, args.network, 'network');
      const [reads, gaps] = await Promise.all([
        readsPerArticle(ctx.queries, monthOf(from), monthOf(new Date(to.getTime() - 1))),
        topicsWithoutArticle(ctx.queries, {
          networkId,
          from: from.toISOString(),
          to: to.toISOString(),
          limit: 10,
        }),
      ]);
      return { reads, gaps };
    },
  }),
);
