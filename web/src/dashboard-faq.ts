// The dashboard's FAQ panel: the published articles by reads in the period, and the themes and countries asked about
// that no published article covers.
import { FaqDemandDocument } from './gql/graphql';
import { request } from './lib/client';
import { h, render } from './lib/dom';
import { errorContent } from './lib/errors';
import { formatNumber, labels, localName } from './lib/i18n';

const t = labels({
  en: {
    heading: 'FAQ: read, and missing',
    reads: 'Reads of published answers',
    read: 'reads',
    gaps: 'Asked about, with no published answer',
    inquiries: 'inquiries',
    none: 'None.',
  },
  nl: {
    heading: 'Veelgestelde vragen: gelezen, en ontbrekend',
    reads: 'Gelezen gepubliceerde antwoorden',
    read: 'keer gelezen',
    gaps: 'Gevraagd, zonder gepubliceerd antwoord',
    inquiries: 'vragen',
    none: 'Geen.',
  },
});

export function faqPanel(): {
  element: HTMLElement;
  load: (filter: { network: string | null; from?: string | null; to?: string | null }) => Promise<void>;
} {
  const body = h('div', { class: 'faq-demand' });
  const element = h('section', { class: 'panel' }, h('h2', {}, t('heading')), body);
  async function load(filter: { network: string | null; from?: string | null; to?: string | null }): Promise<void> {
    try {
      const { data } = await request(FaqDemandDocument, filter);
      const { articles, themesWithoutArticle, countriesWithoutArticle } = data.faqDemand;
      const gaps = [
        ...themesWithoutArticle.map((g) => ({ name: localName(g.theme), count: g.count })),
        ...countriesWithoutArticle.map((g) => ({ name: localName(g.country), count: g.count })),
      ].sort((a, b) => b.count - a.count);
      const list = (items: Array<{ text: Node | string; count: string }>) =>
        items.length === 0
          ? h('p', { class: 'empty' }, t('none'))
          : h(
              'ul',
              {},
              items.map((item) => h('li', {}, item.text, ` — ${item.count}`)),
            );
      render(
        body,
        h('h3', {}, t('reads')),
        list(
          articles.map((a) => ({
            text: h('a', { href: `/faq/${encodeURIComponent(a.article.slug)}` }, a.article.question),
            count: `${formatNumber(a.reads)} ${t('read')}`,
          })),
        ),
        h('h3', {}, t('gaps')),
        list(gaps.map((g) => ({ text: g.name, count: `${formatNumber(g.count)} ${t('inquiries')}` }))),
      );
    } catch (error) {
      render(body, h('p', { class: 'error', role: 'alert' }, errorContent(error)));
    }
  }
  return { element, load };
}
