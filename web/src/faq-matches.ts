// "Perhaps already answered": the published FAQ articles that match a question, shown before the similar earlier
// inquiries on the search page and at the top of the filing form. Nothing is shown when none match or the request
// fails (the inquiries below still come).
import { MatchingFaqArticlesDocument } from './gql/graphql';
import { request } from './lib/client';
import { h } from './lib/dom';
import { labels } from './lib/i18n';

const t = labels({
  en: { heading: 'Perhaps already answered', intro: 'Published answers to questions like this one:' },
  nl: { heading: 'Misschien al beantwoord', intro: 'Gepubliceerde antwoorden op vragen zoals deze:' },
});

/** A box of the articles matching `question`, or null when none do. */
export async function faqMatches(question: string): Promise<HTMLElement | null> {
  if (!question.trim()) return null;
  const articles = await request(MatchingFaqArticlesDocument, { search: question }).then(
    ({ data }) => data.faqArticles.articles,
    () => [],
  );
  if (articles.length === 0) return null;
  return h(
    'aside',
    { class: 'faq-matches', 'aria-label': t('heading') },
    h('h2', {}, t('heading')),
    h('p', {}, t('intro')),
    h(
      'ul',
      {},
      articles.map((a) => h('li', {}, h('a', { href: `/faq/${encodeURIComponent(a.slug)}` }, a.question))),
    ),
  );
}
