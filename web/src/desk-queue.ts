// The desk page's left side: the queues with their counts, the filters and sort, and one paged list of
// inquiries (the API's cursor, a "more" button). Every queue and inquiry is a real link to its address.
import { DeskQueueDocument, type DeskQueueQuery } from './gql/graphql';
import { request } from './lib/client';
import { h, render } from './lib/dom';
import { formatDate } from './lib/i18n';
import type { DeskT } from './desk-text';
import {
  type DeskState,
  FILTER_KEYS,
  type FilterKey,
  filterOf,
  KINDS,
  QUEUES,
  STATUSES,
  stateUrl,
  TEAMS,
} from './desk-state';
import { errorContent } from './lib/errors';

const PAGE_SIZE = 25;
type Row = DeskQueueQuery['inquiries']['edges'][number]['node'];

export interface QueueView {
  element: HTMLElement;
  /** Lists the state's queue from its first page (and counts the queues again). */
  reload(): Promise<void>;
  /** Marks the opened inquiry in the list. */
  mark(slug: string | null): void;
}

/**
 * Mounts the queues, filters and list. `navigate` is called with a new state (a queue, filters or an inquiry
 * chosen); the page then writes it into the address and calls reload or opens the inquiry.
 */
export function mountQueue(t: DeskT, getState: () => DeskState, navigate: (next: DeskState) => void): QueueView {
  const queueNav = h('nav', { class: 'desk-queues', 'aria-label': t('queues') });
  const status = h('p', { class: 'status', role: 'status' });
  const list = h('ol', { class: 'desk-list', 'aria-label': t('list') });
  const more = h('button', { type: 'button', class: 'desk-more', hidden: true }, t('more'));
  let after: string | null = null;

  const link = (state: DeskState, ...children: Array<Node | string>) =>
    h(
      'a',
      {
        href: stateUrl(state),
        on: {
          click: (event) => {
            const mouse = event as MouseEvent;
            if (mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.button !== 0) return;
            event.preventDefault();
            navigate(state);
          },
        },
      },
      ...children,
    );

  // The filters: a small form whose submit navigates to the state with them.
  const field = (key: FilterKey, label: string, control: HTMLInputElement | HTMLSelectElement) => {
    control.name = key;
    control.value = getState().filters[key] ?? '';
    return h('label', {}, h('span', {}, label), control);
  };
  const options = (values: Array<[string, string]>) => [
    h('option', { value: '' }, t('any')),
    ...values.map(([value, label]) => h('option', { value }, label)),
  ];
  const sort = h(
    'select',
    { name: 'sort' },
    (['RECEIVED', 'DUE'] as const).map((value) => h('option', { value }, t(`sort_${value}`))),
  );
  sort.value = getState().sort;
  const filterForm = h(
    'form',
    {
      class: 'desk-filters',
      on: {
        submit: (event) => {
          event.preventDefault();
          const data = new FormData(filterForm);
          const filters: DeskState['filters'] = {};
          for (const key of FILTER_KEYS) {
            const raw = data.get(key);
            const value = typeof raw === 'string' ? raw.trim() : '';
            if (value) filters[key] = value;
          }
          navigate({ ...getState(), filters, sort: sort.value === 'DUE' ? 'DUE' : 'RECEIVED', inquiry: null });
        },
        reset: () => {
          setTimeout(() => navigate({ ...getState(), filters: {}, sort: 'RECEIVED', inquiry: null }));
        },
      },
    },
    field('network', t('network'), h('select', {}, options(TEAMS.map((team) => [team.slug, team.label])))),
    field('status', t('status'), h('select', {}, options(STATUSES.map((s) => [s, t(`status_${s}`)])))),
    field('kind', t('kind'), h('select', {}, options(KINDS.map((k) => [k, t(`kind_${k}`)])))),
    field('theme', t('theme'), h('input', { type: 'text', maxLength: 100 })),
    field('country', t('country'), h('input', { type: 'text', maxLength: 100 })),
    field('handler', t('handler'), h('input', { type: 'text', maxLength: 200 })),
    field('text', t('text'), h('input', { type: 'search', maxLength: 300 })),
    field('due', t('dueWithin'), h('input', { type: 'number', min: 0, max: 20 })),
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: 'flagged', value: '1', checked: getState().filters.flagged === '1' }),
      h('span', {}, t('flaggedOnly')),
    ),
    h('label', {}, h('span', {}, t('sort')), sort),
    h(
      'span',
      { class: 'desk-filter-buttons' },
      h('button', { type: 'submit' }, t('apply')),
      h('button', { type: 'reset' }, t('clear')),
    ),
  );

  function row(item: Row): HTMLElement {
    const state = getState();
    return h(
      'li',
      { class: 'desk-row', dataset: { slug: item.slug } },
      link(
        { ...state, inquiry: item.slug },
        h('span', { class: 'desk-row-slug' }, item.slug),
        h('span', { class: 'desk-row-question' }, item.question),
        h(
          'span',
          { class: 'desk-row-meta' },
          [
            item.routedTo?.acronym ?? '',
            t(`status_${item.status}`),
            `${t('due')} ${formatDate(item.dueAt)}`,
            item.overdue ? t('overdue') : '',
            item.handler ? item.handler.name : t('unassigned'),
          ]
            .filter(Boolean)
            .join(' · '),
        ),
      ),
    );
  }

  async function load(reset: boolean): Promise<void> {
    const state = getState();
    if (reset) after = null;
    more.disabled = true;
    render(status, t('loading'));
    const due = state.filters.due && /^\d+$/.test(state.filters.due) ? Number(state.filters.due) : null;
    try {
      const { data } = await request(DeskQueueDocument, {
        filter: filterOf(state),
        orderBy: state.sort,
        first: PAGE_SIZE,
        after,
        dueWithin: due,
      });
      const counts = new Map(data.inquiryQueues.map((q) => [q.queue, q.count]));
      render(
        queueNav,
        h(
          'ul',
          {},
          QUEUES.map((queue) => {
            const current = state.queue === queue;
            const a = link(
              { ...state, queue, inquiry: null },
              h('span', {}, t(`queue_${queue}`)),
              ' ',
              h('span', { class: 'count', dataset: { queue } }, String(counts.get(queue) ?? 0)),
            );
            a.dataset.queue = queue;
            if (current) a.setAttribute('aria-current', 'page');
            return h('li', {}, a);
          }),
        ),
      );
      const { edges, pageInfo, totalCount } = data.inquiries;
      if (reset) render(list);
      list.append(...edges.map(({ node }) => row(node)));
      after = pageInfo.endCursor ?? null;
      more.hidden = !pageInfo.hasNextPage;
      more.disabled = false;
      render(status, list.children.length ? `${list.children.length} ${t('shown')} ${totalCount}` : t('empty'));
      mark(state.inquiry);
    } catch (error) {
      render(status, h('span', { class: 'error' }, errorContent(error)));
      more.disabled = false;
    }
  }

  function mark(slug: string | null): void {
    for (const item of list.querySelectorAll<HTMLElement>('.desk-row')) {
      const link = item.querySelector('a');
      if (item.dataset.slug === slug) link?.setAttribute('aria-current', 'true');
      else link?.removeAttribute('aria-current');
    }
  }

  more.addEventListener('click', () => void load(false));
  const element = h(
    'section',
    { class: 'desk-queue' },
    h('h2', {}, t('queues')),
    queueNav,
    h(
      'details',
      { class: 'desk-filter-box', open: Object.keys(getState().filters).length > 0 },
      h('summary', {}, t('filters')),
      filterForm,
    ),
    status,
    list,
    more,
  );
  return { element, reload: () => load(true), mark };
}
