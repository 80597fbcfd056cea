// The experts a search found: how many of how many are shown, the cards, "more" (the API's cursor: the next page
// below the current ones), and the results taken elsewhere (CSV of all found, a link that asks again, print).
import type { WhoKnowsQuery } from './gql/graphql';
import type { Result } from './lib/client';
import { h, render } from './lib/dom';
import { failureNotice } from './lib/failure';
import { type ExpertEdge, expertCard } from './expert-card';
import { downloadCsv } from './results-export';
import type { SearchLabel } from './search-text';

export interface MoreResults {
  /** The question, for the CSV's file name. */
  question: string;
  /** The next page, after `cursor`. */
  after(cursor: string): Promise<Result<WhoKnowsQuery>>;
  /** The address that shows `shown` experts of this search again. */
  address(shown: number): string;
  /** Called when more experts are shown (the page keeps the count in its address). */
  shown(count: number): void;
}

/** The most experts a CSV holds: every one a search finds, up to this many (a few requests of a page each). */
export const EXPORT_LIMIT = 500;

/** Shows the experts of `first` in `container`, with "more" while the API has more. */
export function showResults(
  container: HTMLElement,
  first: Result<WhoKnowsQuery>,
  more: MoreResults,
  t: (key: SearchLabel) => string,
): void {
  const result = first.data.whoKnows;
  if (result.edges.length === 0) {
    render(container, h('h2', {}, t('experts')), h('p', { class: 'empty' }, t('noExperts')));
    return;
  }
  const edges: ExpertEdge[] = [...result.edges];
  let cursor = result.pageInfo.endCursor ?? null;
  let hasMore = result.pageInfo.hasNextPage && cursor !== null;

  const count = h('p', { class: 'result-count', 'aria-live': 'polite' });
  const list = h(
    'ol',
    { class: 'expert-list' },
    result.edges.map((edge, index) => expertCard(edge, index, first.errors, t)),
  );
  const link = h('a', { class: 'result-link' }, t('resultLink'));
  const copied = h('span', { class: 'copied', role: 'status' });
  const moreButton = h('button', { type: 'button', class: 'more', on: { click: () => void loadMore() } }, t('more'));
  const moreOutcome = h('div', { class: 'more-outcome' });
  const exportOutcome = h('div', { class: 'export-outcome' });
  const update = () => {
    count.textContent = t('shownOf')
      .replace('{shown}', String(edges.length))
      .replace('{total}', String(result.totalCount));
    link.href = more.address(edges.length);
    moreButton.hidden = !hasMore;
  };

  async function loadMore(): Promise<void> {
    if (!cursor) return;
    moreButton.disabled = true;
    moreButton.setAttribute('aria-busy', 'true');
    render(moreOutcome);
    try {
      const page = await more.after(cursor);
      const next = page.data.whoKnows;
      const cards = next.edges.map((edge, index) => expertCard(edge, index, page.errors, t));
      list.append(...cards);
      edges.push(...next.edges);
      cursor = next.pageInfo.endCursor ?? null;
      hasMore = next.pageInfo.hasNextPage && cursor !== null;
      update();
      more.shown(edges.length);
      // The keyboard goes on where the new experts begin.
      cards[0]?.querySelector<HTMLElement>('a.profile')?.focus();
    } catch (error) {
      render(
        moreOutcome,
        failureNotice(error, () => void loadMore()),
      );
    } finally {
      moreButton.disabled = false;
      moreButton.removeAttribute('aria-busy');
    }
  }

  /** The CSV holds every expert found (to EXPORT_LIMIT), not only those shown: the pages after them are asked first. */
  async function exportAll(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    render(exportOutcome);
    try {
      const all = [...edges];
      let next = hasMore ? cursor : null;
      while (next !== null && all.length < EXPORT_LIMIT) {
        const page = (await more.after(next)).data.whoKnows;
        all.push(...page.edges);
        next = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
      }
      downloadCsv(all.slice(0, EXPORT_LIMIT), more.question, t);
    } catch (error) {
      render(
        exportOutcome,
        failureNotice(error, () => void exportAll(button)),
      );
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }

  const copyLink = () =>
    navigator.clipboard.writeText(link.href).then(
      () => (copied.textContent = t('linkCopied')),
      () => (copied.textContent = t('linkNotCopied')),
    );
  update();
  render(
    container,
    h('h2', {}, t('experts')),
    count,
    h(
      'p',
      { class: 'result-tools' },
      h(
        'button',
        {
          type: 'button',
          class: 'csv',
          on: { click: (event: Event) => void exportAll(event.currentTarget as HTMLButtonElement) },
        },
        t('csv'),
      ),
      link,
      // The clipboard is there on https and on localhost only; elsewhere the link is there to copy by hand.
      'clipboard' in navigator
        ? h('button', { type: 'button', class: 'copy-link', on: { click: () => void copyLink() } }, t('copyLink'))
        : null,
      h('button', { type: 'button', class: 'print', on: { click: () => window.print() } }, t('print')),
      copied,
    ),
    exportOutcome,
    list,
    moreButton,
    moreOutcome,
  );
}
