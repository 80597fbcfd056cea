import { canEditFaq } from '../auth/policy.js';
import { NotFoundError } from '../errors.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { describedValues } from '../graphql/described-values.js';
import { languageArgs, reasonLanguage } from '../graphql/language.js';
import { costOfWork, WORK_WEIGHTS } from '../graphql/limits.js';
import { HANDLERS } from '../graphql/scopes.js';
import { InquiryNode, RiskCategoryEnum } from '../inquiries/types.js';
import type { Language } from '../messages/language.js';
import { CountryNode } from '../places/types.js';
import { ThemeNode } from '../themes/types.js';
import { lifecycleFields } from '../writes/retirable.js';
import { amsterdamToday, findArticles } from './find.js';
import { faqLinks } from './loaders.js';
import { FAQ_STATUSES, FAQ_TEXTS, type FaqArticleRecord } from './model.js';
import { privacyFindings, type PrivacyFinding } from './privacy.js';
import { articlesByIds, sourceNamesOf, type ListedArticle } from './repository.js';

/** Published articles are anyone's; the others are the handlers' (to anyone else they do not exist). */
export const FaqArticleNode = builder.loadableNodeRef<FaqArticleRecord>('FaqArticle', {
  id: { resolve: (article) => article.id },
  load: async (ids: string[], ctx) =>
    (await articlesByIds(ctx.queries, ids)).map((article) =>
      article instanceof Error || article.status === 'PUBLISHED' || canEditFaq(ctx.viewer)
        ? article
        : new NotFoundError(`No published FAQ article has id "${article.id}".`),
    ),
});

export const FaqStatusEnum = builder.enumType('FaqStatus', {
  description: 'Where an FAQ article is in its life: draft, in review, published, retired.',
  values: describedValues(FAQ_STATUSES),
});

const links = (ctx: Context, id: string) => ctx.load(faqLinks).load(id);
const inLanguage = (language: Language, en: string, nl: string) => (language === 'nl' ? nl : en);

const FaqLabel = builder.objectRef<{ en: string; nl: string }>('FaqLabel').implement({
  description: 'A free topic label in both languages.',
  fields: (t) => ({
    en: t.exposeString('en', { description: 'In English.' }),
    nl: t.exposeString('nl', { description: 'In Dutch.' }),
  }),
});

const PrivacyFindingRef = builder.objectRef<PrivacyFinding>('FaqPrivacyFinding').implement({
  description: 'A personal or confidential detail in the text that would be published: remove it before publishing.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The text it is in: questionEn, answerNl, …' }),
    found: t.exposeString('found', { description: 'What was found, as it stands.' }),
    kind: t.exposeString('kind', {
      description: "EMAIL, PHONE or SOURCE_NAME (the asker's or the asking institution's name).",
    }),
  }),
});

interface Preview {
  article: FaqArticleRecord;
  language: Language;
}

const FaqPreview = builder.objectRef<Preview>('FaqPreview').implement({
  description: 'Exactly what would be published in one language, and the details that must go first.',
  fields: (t) => ({
    question: t.string({
      description: 'The question.',
      resolve: ({ article: a, language }) => inLanguage(language, a.questionEn, a.questionNl),
    }),
    answer: t.string({
      description: 'The answer.',
      resolve: ({ article: a, language }) => inLanguage(language, a.answerEn, a.answerNl),
    }),
    labels: t.stringList({
      description: 'The topic labels.',
      resolve: ({ article: a, language }) => (language === 'nl' ? a.labelsNl : a.labelsEn),
    }),
    findings: t.field({
      type: [PrivacyFindingRef],
      description:
        'E-mail addresses, phone numbers and the sources’ names in either language: publishing is refused while ' +
        'any remain.',
      resolve: async ({ article }, _args, ctx) =>
        privacyFindings(
          Object.fromEntries(FAQ_TEXTS.map((field) => [field, article[field]])),
          await sourceNamesOf(ctx.queries, article.id),
        ),
    }),
  }),
});

FaqArticleNode.implement({
  description:
    'A question and its answer, in Dutch and English, drawn from answered inquiries and published for anyone to ' +
    'read once a second handler reviewed it.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Readable identifier, as in /faq/<slug>.' }),
    status: t.field({
      type: FaqStatusEnum,
      description: 'Draft, in review, published or retired.',
      resolve: (a) => a.status,
    }),
    question: t.string({
      description: 'The question in the language asked for.',
      args: languageArgs(t),
      resolve: (a, args, ctx) => inLanguage(reasonLanguage(args.language, ctx), a.questionEn, a.questionNl),
    }),
    answer: t.string({
      description: 'The answer in the language asked for.',
      args: languageArgs(t),
      resolve: (a, args, ctx) => inLanguage(reasonLanguage(args.language, ctx), a.answerEn, a.answerNl),
    }),
    questionEn: t.exposeString('questionEn', { description: 'The question in English.' }),
    answerEn: t.exposeString('answerEn', { description: 'The answer in English.' }),
    questionNl: t.exposeString('questionNl', { description: 'The question in Dutch.' }),
    answerNl: t.exposeString('answerNl', { description: 'The answer in Dutch.' }),
    labels: t.field({
      type: [FaqLabel],
      description: 'Free topic labels, e.g. "Cooperation with Russia and Belarus".',
      resolve: (a) => a.labelsEn.map((en, i) => ({ en, nl: a.labelsNl[i] ?? en })),
    }),
    riskCategories: t.field({
      type: [RiskCategoryEnum],
      description: 'The risks it speaks of.',
      resolve: (a) => a.riskCategories,
    }),
    themes: t.field({
      type: [ThemeNode],
      description: 'Themes it is about.',
      resolve: async (a, _args, ctx) => (await links(ctx, a.id)).themes,
    }),
    countries: t.field({
      type: [CountryNode],
      description: 'Countries it concerns.',
      resolve: async (a, _args, ctx) => (await links(ctx, a.id)).countries,
    }),
    reviewBy: t.expose('reviewBy', { type: 'Date', description: 'Review it by this day.' }),
    reviewDue: t.boolean({
      description: 'Published and past its review date: it shows in the handlers’ queue.',
      resolve: (a) => a.status === 'PUBLISHED' && a.reviewBy < amsterdamToday(),
    }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true, description: 'When it was published.' }),
    author: t.exposeString('authorName', { authScopes: HANDLERS, description: 'Who drafted it (handlers only).' }),
    reviewer: t.exposeString('reviewerName', {
      nullable: true,
      authScopes: HANDLERS,
      description: 'The second handler who reviewed and published it (handlers only).',
    }),
    sources: t.field({
      type: [InquiryNode],
      authScopes: HANDLERS,
      description: 'The answered inquiries it was drawn from (handlers only).',
      resolve: async (a, _args, ctx) => (await links(ctx, a.id)).sourceIds,
    }),
    preview: t.field({
      type: FaqPreview,
      authScopes: HANDLERS,
      description: 'Exactly what would be published in a language, with what must go first (handlers only).',
      args: languageArgs(t),
      resolve: (article, args, ctx) => ({ article, language: reasonLanguage(args.language, ctx) }),
    }),
    ...lifecycleFields(t, 'FAQ article'),
  }),
});

const FaqTopic = builder.objectRef<{ topic: string; items: ListedArticle[] }>('FaqTopic').implement({
  description: 'The articles under one topic.',
  fields: (t) => ({
    topic: t.exposeString('topic', { description: 'A topic label, or a theme’s name, in the language asked for.' }),
    articles: t.field({ type: [FaqArticleNode], description: 'Its articles.', resolve: (g) => g.items }),
  }),
});

const FaqRecognised = builder.objectRef<{ text: string; name: string }>('FaqRecognised').implement({
  description: 'A word of the search that named a theme, country, region or partner.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The words as given.' }),
    name: t.exposeString('name', { description: 'What they named.' }),
  }),
});

const FaqResult = builder.objectRef<Awaited<ReturnType<typeof findArticles>>>('FaqArticles').implement({
  description: 'FAQ articles found, best first, and the same grouped by topic.',
  fields: (t) => ({
    articles: t.field({ type: [FaqArticleNode], description: 'Best first.', resolve: (r) => r.articles }),
    topics: t.field({
      type: [FaqTopic],
      description: 'By topic (an article under each of its topics).',
      resolve: (r) => r.groups,
    }),
    recognised: t.field({ type: [FaqRecognised], description: 'What the search named.', resolve: (r) => r.recognised }),
  }),
});

builder.queryFields((t) => ({
  faqArticle: t.field({
    type: FaqArticleNode,
    nullable: true,
    description: 'The FAQ article with this slug; null when none (or, for all but handlers, none published) has it.',
    args: { slug: t.arg.string({ required: true, description: 'Its slug, as in /faq/<slug>.' }) },
    resolve: async (_root, args, ctx) => {
      const article = await FaqArticleNode.getDataloader(ctx)
        .load(args.slug)
        .catch((error: unknown) => {
          if (error instanceof NotFoundError) return null;
          throw error;
        });
      return article;
    },
  }),
  faqArticles: t.field({
    complexity: costOfWork(WORK_WEIGHTS.textSearch),
    type: FaqResult,
    description:
      'FAQ articles, open to anyone for the published ones: with search, those that answer a question in Dutch or ' +
      'English (themes, countries, risks and compounds read as whoKnows reads them), best first. Handlers may ' +
      'ask for other statuses, and for the published ones past their review date (reviewDue).',
    args: {
      search: t.arg.string({ required: false, description: 'A question or words, in Dutch or English.' }),
      statuses: t.arg({ type: [FaqStatusEnum], required: false, description: 'Default: published only.' }),
      reviewDue: t.arg.boolean({ required: false, description: 'Only published ones past their review date.' }),
      limit: t.arg.int({ required: false, description: 'At most this many, from 1 to 100 (default 100).' }),
      ...languageArgs(t),
    },
    resolve: (_root, args, ctx) =>
      findArticles(ctx.queries, ctx.viewer, { ...args, language: reasonLanguage(args.language, ctx) }),
  }),
}));
