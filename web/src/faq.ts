// The FAQ (/faq and /faq/<slug>): the published answers grouped by topic, a search in Dutch or English, and one
// article per address, in the page's language. Anyone may read them; the API decides what is published.
import { FaqArticleDocument, FaqArticlesDocument, RecordFaqReadDocument, type FaqArticleQuery } from './gql/graphql';
import { request } from './lib/client';
import { elementById, h, render } from './lib/dom';
import { formatDate, labels, localName } from './lib/i18n';
import { mountHeader, pageOptions } from './lib/signin';
import { FAQ_TEXT } from './faq-text';
import './pages.css';
import './faq.css';

const t = labels(FAQ_TEXT);
const main = elementById('app');
mountHeader(elementById('header'), { ...pageOptions(), current: 'faq' });

export const FAQ_PREFIX = '/faq/';
const articlePath = (slug: string) => `${FAQ_PREFIX}${encodeURIComponent(slug)}`;

const status = (text: string) => h('p', { class: 'status', role: 'status' }, text);

function failed(error: unknown) {
  render(main, h('h1', {}, t('heading')), h('p', { class: 'error', role: 'alert' }, `${t('failed')} ${String(error)}`));
}

/** The list (grouped by topic), or the articles that answer `search`. */
async function showList(search: string): Promise<void> {
  const input = h('input', {
    type: 'search',
    id: 'faq-search',
    name: 'q',
    value: search,
    'aria-describedby': 'faq-search-hint',
  });
  const form = h(
    'form',
    {
      class: 'faq-search',
      role: 'search',
      on: {
        submit: (event) => {
          event.preventDefault();
          const q = input.value.trim();
          history.pushState(null, '', q ? `/faq?q=${encodeURIComponent(q)}` : '/faq');
          void showList(q);
        },
      },
    },
    h('label', { for: 'faq-search' }, t('searchLabel')),
    h('div', { class: 'faq-search-row' }, input, h('button', { type: 'submit' }, t('search'))),
    h('p', { id: 'faq-search-hint', class: 'hint' }, t('searchHint')),
  );
  const results = h('div', { class: 'faq-results' }, status(t('loading')));
  render(main, h('h1', {}, t('heading')), h('p', { class: 'intro' }, t('intro')), form, results);
  try {
    const { data } = await request(FaqArticlesDocument, { search: search || null });
    const { topics, recognised } = data.faqArticles;
    render(
      results,
      search ? h('h2', {}, t('results')) : null,
      recognised.length > 0
        ? h(
            'p',
            { class: 'recognised' },
            `${t('recognised')}: ${recognised.map((r) => `${r.text} → ${r.name}`).join(', ')}`,
          )
        : null,
      topics.length === 0 ? status(t('none')) : null,
      topics.map((group, i) =>
        h(
          'section',
          { class: 'faq-topic', 'aria-labelledby': `topic-${i}` },
          h(search ? 'h3' : 'h2', { id: `topic-${i}` }, group.topic),
          h(
            'ul',
            {},
            group.articles.map((a) => h('li', {}, h('a', { href: articlePath(a.slug) }, a.question))),
          ),
        ),
      ),
      search ? h('p', {}, h('a', { href: '/faq' }, t('clear'))) : null,
    );
  } catch (error) {
    failed(error);
  }
}

type Article = NonNullable<FaqArticleQuery['faqArticle']>;

function articleView(a: Article) {
  const topics = [
    ...a.labels.map((label) => (document.documentElement.lang === 'nl' ? label.nl : label.en)),
    ...a.themes.map(localName),
    ...a.countries.map(localName),
  ];
  return h(
    'article',
    { class: 'faq-article' },
    h('p', {}, h('a', { href: '/faq' }, `← ${t('back')}`)),
    h('h1', {}, a.question),
    a.status !== 'PUBLISHED' ? h('p', { class: 'not-published' }, t('notPublished')) : null,
    a.answer.split(/\n{2,}/).map((paragraph) => h('p', { class: 'answer' }, paragraph)),
    h(
      'dl',
      { class: 'faq-meta' },
      h('dt', {}, t('topics')),
      h('dd', {}, topics.join(' · ')),
      a.publishedAt ? [h('dt', {}, t('published')), h('dd', {}, formatDate(a.publishedAt))] : null,
    ),
  );
}

async function showArticle(slug: string): Promise<void> {
  render(main, status(t('loading')));
  try {
    const { data } = await request(FaqArticleDocument, { slug });
    const article = data.faqArticle;
    if (!article) {
      render(
        main,
        h('h1', {}, t('notFoundTitle')),
        h('p', {}, t('notFound')),
        h('p', {}, h('a', { href: '/faq' }, t('back'))),
      );
      return;
    }
    document.title = `${article.question} — ${t('heading')}`;
    render(main, articleView(article));
    if (article.status === 'PUBLISHED') void request(RecordFaqReadDocument, { slug }).catch(() => undefined);
  } catch (error) {
    failed(error);
  }
}

function route(): void {
  const path = location.pathname;
  if (path.startsWith(FAQ_PREFIX) && path.length > FAQ_PREFIX.length) {
    let slug: string;
    try {
      slug = decodeURIComponent(path.slice(FAQ_PREFIX.length));
    } catch {
      slug = '';
    }
    void showArticle(slug);
  } else {
    void showList(new URLSearchParams(location.search).get('q') ?? '');
  }
}

window.addEventListener('popstate', route);
route();
