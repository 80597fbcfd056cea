// "My inquiries" on the search page, for whoever may file: what they filed (filedByMe), with status and due date, after
// the filing form.
import { MyInquiriesDocument } from './gql/graphql';
import { request } from './lib/client';
import { h, render } from './lib/dom';
import { failureNotice } from './lib/failure';
import { formatDate } from './lib/i18n';
import type { SearchLabel } from './search-text';

export async function mountMyInquiries(container: HTMLElement, t: (key: SearchLabel) => string): Promise<void> {
  render(container, h('h2', {}, t('myInquiries')), h('p', { class: 'loading' }, t('searching')));
  try {
    const { data } = await request(MyInquiriesDocument, { first: 50 });
    const { edges, totalCount } = data.inquiries;
    render(
      container,
      h('h2', {}, t('myInquiries'), ' ', h('span', { class: 'meta' }, `(${totalCount})`)),
      edges.length
        ? h(
            'ol',
            { class: 'my-inquiry-list' },
            edges.map(({ node }) =>
              h(
                'li',
                { class: 'my-inquiry', id: `inquiry-${node.slug}`, dataset: { slug: node.slug, status: node.status } },
                h('p', { class: 'asked' }, node.question),
                h(
                  'p',
                  { class: 'meta' },
                  [
                    node.slug,
                    node.routedTo?.acronym ?? '',
                    t(`status_${node.status}`),
                    `${t('received')} ${formatDate(node.receivedAt)}`,
                    `${t('due')} ${formatDate(node.dueAt)}`,
                    node.overdue ? t('overdue') : '',
                  ]
                    .filter(Boolean)
                    .join(' · '),
                ),
              ),
            ),
          )
        : h('p', { class: 'empty' }, t('noMyInquiries')),
    );
  } catch (error) {
    render(
      container,
      h('h2', {}, t('myInquiries')),
      failureNotice(error, () => void mountMyInquiries(container, t)),
    );
  }
}
