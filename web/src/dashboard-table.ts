// The coverage heatmap as a table: the same numbers, each cell a button that opens its detail, each theme and
// region that can be expanded a button too. The keyboard's and the screen reader's way through the heatmap,
// and the heatmap itself on a small screen.
import type { CoverageQuery } from './gql/graphql';
import { h } from './lib/dom';
import { localName } from './lib/i18n';
import { cellCounts, columnName } from './dashboard-charts';
import type { DashboardLabel } from './dashboard-text';

type T = (key: DashboardLabel) => string;
type Coverage = CoverageQuery['coverage'];
type Row = Coverage['rows'][number];
type Column = Coverage['columns'][number];

export interface TableActions {
  openCell(themeSlug: string, columnId: string): void;
  expandTheme(row: Row): void;
  expandRegion(column: Column): void;
}

const expandButton = (label: string, t: T, expand: () => void) =>
  h('button', { type: 'button', class: 'expand', title: `${label}: ${t('expand')}`, on: { click: expand } }, label);

export function coverageTable(coverage: Coverage, t: T, actions: TableActions): HTMLTableElement {
  return h(
    'table',
    { class: 'coverage-table' },
    h('caption', {}, t('tableCaption')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('theme')),
        coverage.columns.map((column) =>
          h(
            'th',
            { scope: 'col' },
            column.region && column.region.countries.length > 1
              ? expandButton(columnName(column), t, () => actions.expandRegion(column))
              : columnName(column),
          ),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      coverage.rows.map((row) =>
        h(
          'tr',
          {},
          h(
            'th',
            { scope: 'row' },
            row.hasNarrower
              ? expandButton(localName(row.theme), t, () => actions.expandTheme(row))
              : localName(row.theme),
          ),
          row.cells.map((cell, x) => {
            // Every row has a cell per column, in the columns' order.
            const column = coverage.columns[x];
            if (!column) return null;
            const name = `${localName(row.theme)} × ${columnName(column)}`;
            return h(
              'td',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: cell.gap ? 'cell gap' : 'cell',
                  dataset: { theme: row.theme.slug, column: column.id },
                  on: { click: () => actions.openCell(row.theme.slug, column.id) },
                },
                // Read out in words, shown as the heatmap's digits.
                h('span', { 'aria-hidden': 'true' }, `${cell.expertCount} / ${cell.demand}`),
                h(
                  'span',
                  { class: 'visually-hidden' },
                  `${name}: ${cellCounts(t, cell.expertCount, cell.demand, cell.gap)}`,
                ),
              ),
            );
          }),
        ),
      ),
    ),
  );
}
