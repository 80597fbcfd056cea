// A coverage cell's detail on the dashboard: its counts, the experts it counts with what covers it, and the
// inquiries it counts that the reader may see (with how many others there are, which a viewer may not see).
import type { CoverageCellQuery } from './gql/graphql';
import { h } from './lib/dom';
import { formatDate, localName } from './lib/i18n';
import { cellCounts } from './dashboard-charts';
import type { DashboardLabel } from './dashboard-text';

type T = (key: DashboardLabel) => string;
type Cell = CoverageCellQuery['coverageCell'];
type ExpertEdge = Cell['experts']['edges'][number];

const names = (places: ReadonlyArray<{ name: string; nameNl?: string | null }>) => places.map(localName).join(', ');

/** "level 4 (verified) · focus: China · contributions on: Taiwan": why an expert counts in the cell. */
function coverageOf(edge: ExpertEdge, t: T): string {
  return [
    `${t('level').replace('{n}', String(edge.level ?? '–'))} (${t(edge.provenance)})`,
    edge.focusCountries.length ? `${t('focus')}: ${names(edge.focusCountries)}` : null,
    edge.contributionCountries.length ? `${t('contributions')}: ${names(edge.contributionCountries)}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

const more = (t: T, key: 'moreExperts' | 'moreInquiries', n: number) =>
  n > 0 ? h('p', { class: 'meta' }, t(key).replace('{n}', String(n))) : null;

function expertList(cell: Cell, t: T): HTMLElement[] {
  const { edges, totalCount } = cell.experts;
  if (!edges.length) return [h('p', { class: 'empty' }, t('noExperts'))];
  return [
    h(
      'ol',
      { class: 'cell-experts' },
      edges.map((edge) =>
        h('li', { dataset: { slug: edge.node.slug } }, h('strong', {}, edge.node.name), ' — ', coverageOf(edge, t)),
      ),
    ),
    ...[more(t, 'moreExperts', totalCount - edges.length)].filter((p) => p !== null),
  ];
}

function inquiryList(cell: Cell, t: T): HTMLElement[] {
  const { edges, totalCount } = cell.inquiries;
  if (cell.demand === 0) return [h('p', { class: 'empty' }, t('noInquiries'))];
  if (totalCount === 0) return [h('p', { class: 'empty' }, t('inquiriesHidden'))];
  const hidden = cell.demand - totalCount;
  return [
    h(
      'ol',
      { class: 'cell-inquiries' },
      edges.map(({ node }) =>
        h(
          'li',
          { dataset: { slug: node.slug } },
          node.question,
          h(
            'span',
            { class: 'meta' },
            ` (${formatDate(node.receivedAt)}, ${t(`status_${node.status}` as 'status_RECEIVED')})`,
          ),
        ),
      ),
    ),
    ...[
      more(t, 'moreInquiries', totalCount - edges.length),
      hidden > 0 ? h('p', { class: 'meta' }, t('notOpen').replace('{n}', String(hidden))) : null,
    ].filter((p) => p !== null),
  ];
}

/** The detail's content: a heading (focusable, so that the detail can take focus when it opens) and the lists. */
export function cellDetail(cell: Cell, t: T, close: () => void): { heading: HTMLElement; content: HTMLElement[] } {
  const column = cell.column.region ?? cell.column.country;
  const heading = h(
    'h2',
    { id: 'cell-detail-title', tabIndex: -1 },
    `${localName(cell.theme)} × ${column ? localName(column) : cell.column.id}`,
  );
  const byProvenance = cell.expertsByProvenance.map((p) => `${t(p.provenance)}: ${p.count}`).join(', ');
  return {
    heading,
    content: [
      h(
        'div',
        { class: 'detail-head' },
        heading,
        h('button', { type: 'button', class: 'close', on: { click: close } }, t('close')),
      ),
      h('p', { class: 'meta counts' }, cellCounts(t, cell.expertCount, cell.demand, cell.gap)),
      h(
        'p',
        { class: 'meta' },
        `${t('byLevel')}: ${cell.expertsByLevel.map((l) => `${l.level}: ${l.count}`).join(', ') || t('none')}`,
        ' · ',
        `${t('byProvenance')}: ${byProvenance || t('none')}`,
      ),
      h(
        'div',
        { class: 'two' },
        h('div', {}, h('h3', {}, t('whoCovers')), expertList(cell, t)),
        h('div', {}, h('h3', {}, t('whatAsked')), inquiryList(cell, t)),
      ),
    ],
  };
}
