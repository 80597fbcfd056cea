// The dashboard (/dashboard): coverage heatmap with gaps (click a cell: who covers it, what was asked), the same
// as a table for the keyboard, screen readers and small screens, inquiries over time, the share answered within
// 3 working days, overdue now, the most-asked themes and countries, per network and period. The filters, the
// expanded rows and columns and the open cell are kept in the address. Dates are Amsterdam's, as the API counts.
// It reads only the public GraphQL API, with the typed operations.
import {
  CoverageCellDocument,
  CoverageDocument,
  DashboardDocument,
  NetworksDocument,
  type CoverageQuery,
  type DashboardQuery,
  type StatisticsInterval,
} from './gql/graphql';
import { request } from './lib/client';
import { amsterdamDay, amsterdamMidnight, nextDay } from './lib/amsterdam';
import { elementById, h, render } from './lib/dom';
import { labels, localName } from './lib/i18n';
import { mountHeader, pageOptions } from './lib/signin';
import { cellDetail } from './dashboard-cell';
import {
  cellAt,
  columnName,
  coverageHeight,
  coverageOption,
  createChart,
  flowOption,
  rankingOption,
  shareOption,
  type Chart,
} from './dashboard-charts';
import { coverageTable } from './dashboard-table';
import { countOf, DASHBOARD_TEXT } from './dashboard-text';
import { errorContent } from './lib/errors';
import './pages.css';
import './dashboard.css';
import { faqPanel } from './dashboard-faq';

const t = labels(DASHBOARD_TEXT);
mountHeader(elementById('header'), { ...pageOptions(), current: 'dashboard' });

const params = new URLSearchParams(location.search);
const yearAgo = amsterdamDay(new Date(Date.now() - 365 * 86_400_000));
const filters = {
  network: h('select', { name: 'network' }, h('option', { value: '' }, t('allNetworks'))),
  from: h('input', { type: 'date', name: 'from', value: params.get('from') ?? yearAgo }),
  to: h('input', { type: 'date', name: 'to', value: params.get('to') ?? '' }),
  minExperts: h('input', {
    type: 'number',
    name: 'minExperts',
    min: 1,
    max: 1000,
    value: params.get('minExperts') ?? '2',
  }),
  interval: h(
    'select',
    { name: 'interval' },
    (['WEEK', 'MONTH', 'QUARTER'] as const).map((i) =>
      h('option', { value: i, selected: (params.get('interval') ?? 'MONTH') === i }, t(i)),
    ),
  ),
};
/** A list kept in the address as comma-separated slugs or codes (null: none given). */
const listParam = (name: string) => params.get(name)?.split(',').filter(Boolean) ?? null;
/** The rows and columns asked for (null: the defaults, top-level themes × regions), kept in the address. */
let drill: { themes: string[] | null; countries: string[] | null } = {
  themes: listParam('themes'),
  countries: listParam('countries'),
};
/** The cell whose detail is open, kept in the address. */
let openCell: { theme: string; column: string } | null =
  params.get('theme') && params.get('column')
    ? { theme: params.get('theme') ?? '', column: params.get('column') ?? '' }
    : null;

/** Puts the filters, the expanded rows and columns and the open cell in the address: a link or reload reopens them. */
function keepInAddress(): void {
  const url = new URL(location.href);
  const values: Record<string, string | null> = {
    ...Object.fromEntries(Object.entries(filters).map(([name, input]) => [name, input.value || null])),
    themes: drill.themes?.join(',') ?? null,
    countries: drill.countries?.join(',') ?? null,
    theme: openCell?.theme ?? null,
    column: openCell?.column ?? null,
  };
  for (const [name, value] of Object.entries(values)) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  history.replaceState(null, '', url);
}

const status = h('p', { class: 'status', role: 'status' });
const tiles = h('div', { class: 'tiles' });
const chartBox = (name: string, extra = '') => h('div', { class: `chart ${extra}`.trim(), dataset: { chart: name } });
const boxes = {
  coverage: h('div', { class: 'chart heatmap', dataset: { chart: 'coverage' }, 'aria-hidden': 'true' }),
  flow: chartBox('flow'),
  share: chartBox('share'),
  themes: chartBox('themes'),
  countries: chartBox('countries'),
};
const coverageHint = h('p', { class: 'intro' });
const resetDrill = h(
  'button',
  {
    type: 'button',
    class: 'reset-drill',
    hidden: true,
    on: {
      click: () => {
        drill = { themes: null, countries: null };
        keepInAddress();
        void loadCoverage();
      },
    },
  },
  t('reset'),
);
const detail = h('section', { class: 'panel cell-detail', 'aria-labelledby': 'cell-detail-title' });
const tableBox = h('div', { class: 'table-scroll', role: 'region', 'aria-label': t('table'), tabIndex: 0 });
// On a small screen the table is the heatmap (the chart is hidden there: its digits would overlap).
const tableDetails = h(
  'details',
  { class: 'coverage-table-box', open: matchMedia('(max-width: 40rem)').matches },
  h('summary', {}, t('table')),
  tableBox,
);
const gapList = h('ol', { class: 'gap-list' });
const networks = h('div', {
  class: 'networks table-scroll',
  role: 'region',
  'aria-label': t('networkTable'),
  tabIndex: 0,
});

const charts = Object.fromEntries(Object.entries(boxes).map(([name, box]) => [name, createChart(box)])) as Record<
  keyof typeof boxes,
  Chart
>;
// The browser tests read the drawn series from here and compare them with the API's numbers.
(globalThis as { dashboardCharts?: unknown }).dashboardCharts = charts;

/** The period as the API takes it: from the start of the first day to the end of the last (exclusive), in Amsterdam. */
function period(): { from: string | null; to: string | null } {
  const from = filters.from.value ? amsterdamMidnight(filters.from.value).toISOString() : null;
  const to = filters.to.value ? amsterdamMidnight(nextDay(filters.to.value)).toISOString() : null;
  return { from, to };
}
const networkFilter = () => filters.network.value || null;
const minExperts = () => Math.min(1000, Math.max(1, Number.parseInt(filters.minExperts.value, 10) || 2));
const percent = (share: number | null | undefined) => (share == null ? t('none') : `${Math.round(share * 100)}%`);

function tile(key: string, value: string | number, label: string): HTMLElement {
  return h(
    'div',
    { class: 'tile', dataset: { tile: key } },
    h('div', { class: 'value' }, String(value)),
    h('div', { class: 'label' }, label),
  );
}

function showFigures(data: DashboardQuery, interval: string): void {
  const stats = data.inquiryStatistics;
  const current = stats.series.find((bucket) => bucket.current);
  render(
    tiles,
    tile('received', stats.received, t('received')),
    tile('on-time', percent(stats.answeredOnTimeShare), t('onTime')),
    tile('overdue-now', current?.overdueAtEnd ?? stats.overdue, t('overdueNow')),
    tile('open', stats.open, t('open')),
    tile('median', stats.medianWorkingDaysToAnswer ?? t('none'), t('median')),
    tile('ministries', percent(stats.waitedOnMinistriesShare), t('ministries')),
  );
  charts.flow.setOption(flowOption(stats.series, interval, t), true);
  charts.share.setOption(shareOption(stats.series, interval), true);
  charts.themes.setOption(
    rankingOption(data.mostAsked.themes.map(({ theme, count }) => ({ label: localName(theme), count }))),
    true,
  );
  charts.countries.setOption(
    rankingOption(data.mostAsked.countries.map(({ country, count }) => ({ label: localName(country), count }))),
    true,
  );
  render(
    networks,
    h(
      'table',
      { class: 'network-table' },
      h('caption', { class: 'visually-hidden' }, t('networkTable')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [t('network'), t('activeExperts'), t('consenting'), t('events'), t('routed'), t('answered')].map((c) =>
            h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        data.networkStatistics.map((n) =>
          h(
            'tr',
            { dataset: { network: n.network.slug } },
            h('th', { scope: 'row' }, n.network.acronym),
            [n.activeExperts, n.consentingExperts, n.eventsHeld, n.inquiriesRouted, n.inquiriesAnswered].map((v) =>
              h('td', {}, v),
            ),
          ),
        ),
      ),
    ),
  );
}

let coverage: CoverageQuery['coverage'] | null = null;

function closeCell(): void {
  const opener = openCell && gapOrTableButton(openCell.theme, openCell.column);
  openCell = null;
  keepInAddress();
  render(detail);
  opener?.focus();
}

/** The table's (or else the gap list's) button of a cell, to give focus back to when its detail closes. */
const gapOrTableButton = (theme: string, column: string) =>
  document.querySelector<HTMLElement>(
    `.coverage-table button[data-theme="${CSS.escape(theme)}"][data-column="${CSS.escape(column)}"], ` +
      `.gap-list button[data-theme="${CSS.escape(theme)}"][data-column="${CSS.escape(column)}"]`,
  );

/** Opens a cell's detail, keeps it in the address, and brings it into view with the focus on its heading. */
async function showCell(themeSlug: string, columnId: string): Promise<void> {
  openCell = { theme: themeSlug, column: columnId };
  keepInAddress();
  render(detail, h('p', { role: 'status' }, t('loading')));
  detail.dataset.theme = themeSlug;
  detail.dataset.column = columnId;
  try {
    const { data } = await request(CoverageCellDocument, {
      theme: themeSlug,
      column: columnId,
      network: networkFilter(),
      ...period(),
      minExperts: minExperts(),
    });
    const { heading, content } = cellDetail(data.coverageCell, t, closeCell);
    render(detail, content);
    heading.focus();
    detail.scrollIntoView({ block: 'start' });
  } catch (error) {
    render(detail, h('p', { class: 'error', role: 'alert' }, errorContent(error)));
  }
}

function expandTheme(row: { narrower: ReadonlyArray<{ slug: string }> }): void {
  drill = { ...drill, themes: row.narrower.map((n) => n.slug) };
  keepInAddress();
  void loadCoverage();
}

function expandRegion(column: { region?: { countries: ReadonlyArray<{ code: string }> } | null }): void {
  if (!column.region) return;
  drill = { ...drill, countries: column.region.countries.map((c) => c.code) };
  keepInAddress();
  void loadCoverage();
}

async function loadCoverage(): Promise<void> {
  try {
    const { data } = await request(CoverageDocument, {
      themes: drill.themes,
      countries: drill.countries,
      network: networkFilter(),
      ...period(),
      minExperts: minExperts(),
    });
    coverage = data.coverage;
    resetDrill.hidden = drill.themes === null && drill.countries === null;
    render(coverageHint, t('coverageHint').replace('{n}', String(coverage.minExperts)));
    // Taller with more rows (the chart follows its box): crowded labels overlap and cannot be read or clicked.
    boxes.coverage.style.height = coverageHeight(coverage.rows.length);
    charts.coverage.setOption(coverageOption(coverage, t), true);
    render(
      tableBox,
      coverageTable(coverage, t, {
        openCell: (theme, column) => void showCell(theme, column),
        expandTheme,
        expandRegion,
      }),
    );
    const current = coverage;
    render(
      gapList,
      current.gaps.length
        ? current.gaps.map((gap) => {
            return h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: 'gap',
                  dataset: { theme: gap.theme.slug, column: gap.column.id },
                  on: { click: () => void showCell(gap.theme.slug, gap.column.id) },
                },
                `${localName(gap.theme)} × ${gap.column.country ? localName(gap.column.country) : gap.column.id}: ` +
                  `${countOf(t, gap.demand, 'inquiry')}, ${countOf(t, gap.expertCount, 'expert')}`,
              ),
            );
          })
        : [h('li', { class: 'empty' }, t('noGaps'))],
    );
  } catch (error) {
    render(coverageHint, h('span', { class: 'error', role: 'alert' }, errorContent(error)));
  }
}

charts.coverage.on('click', (event: { componentType: string; value?: unknown; dataIndex?: number }) => {
  if (!coverage) return;
  if (event.componentType === 'series' && Array.isArray(event.value)) {
    const { row, column } = cellAt(coverage, event.value as [number, number]);
    void showCell(row.theme.slug, column.id);
  } else if (event.componentType === 'yAxis') {
    const row = coverage.rows.find((r) => localName(r.theme) === event.value);
    if (row?.hasNarrower) expandTheme(row);
  } else if (event.componentType === 'xAxis') {
    const column = coverage.columns.find((c) => columnName(c) === event.value);
    if (column) expandRegion(column);
  }
});

const faq = faqPanel();

async function load(): Promise<void> {
  keepInAddress();
  render(status, t('loading'));
  document.body.dataset.loading = 'true';
  const interval = filters.interval.value as StatisticsInterval;
  const figures = request(DashboardDocument, { network: networkFilter(), ...period(), interval }).then(
    ({ data }) => showFigures(data, interval),
    (error: unknown) => render(status, h('span', { class: 'error' }, errorContent(error))),
  );
  await Promise.all([
    figures,
    faq.load({ network: networkFilter(), ...period() }),
    loadCoverage().then(() => openCell && showCell(openCell.theme, openCell.column)),
  ]);
  if (!status.querySelector('.error')) render(status);
  delete document.body.dataset.loading;
  document.body.dataset.loaded = 'true';
}

const form = h(
  'form',
  {
    class: 'filters',
    on: {
      submit: (event) => {
        event.preventDefault();
        openCell = null;
        render(detail);
        void load();
      },
    },
  },
  h('label', {}, t('network'), filters.network),
  h('label', {}, t('from'), filters.from),
  h('label', {}, t('to'), filters.to),
  h('label', {}, t('minExperts'), filters.minExperts),
  h('label', {}, t('interval'), filters.interval),
  h('button', { type: 'submit' }, t('apply')),
);

render(
  elementById('app'),
  h('h1', {}, t('title')),
  form,
  status,
  tiles,
  h('section', { class: 'panel' }, h('h2', {}, t('coverage')), coverageHint, resetDrill, boxes.coverage, tableDetails),
  detail,
  h('section', { class: 'panel' }, h('h2', {}, t('gaps')), gapList),
  h(
    'div',
    { class: 'two' },
    h('section', { class: 'panel' }, h('h2', {}, t('flow')), boxes.flow),
    h('section', { class: 'panel' }, h('h2', {}, t('share')), boxes.share),
  ),
  h(
    'div',
    { class: 'two' },
    h('section', { class: 'panel' }, h('h2', {}, t('topThemes')), boxes.themes),
    h('section', { class: 'panel' }, h('h2', {}, t('topCountries')), boxes.countries),
  ),
  h('section', { class: 'panel' }, h('h2', {}, t('networks')), networks),
  faq.element,
);

request(NetworksDocument, {}).then(
  ({ data }) => {
    filters.network.append(
      ...data.networks.edges.map(({ node }) =>
        h(
          'option',
          { value: node.slug, selected: params.get('network') === node.slug },
          `${node.acronym} — ${localName(node)}`,
        ),
      ),
    );
    return load();
  },
  () => load(),
);
