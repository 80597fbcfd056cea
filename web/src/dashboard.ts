// The dashboard (/dashboard): coverage heatmap with gaps (click a cell: who covers it, what was asked),
// inquiries over time, the share answered within 3 working days, overdue now, the most-asked themes and
// countries, per network and period. It reads only the public GraphQL API, with the typed operations.
import {
  CoverageCellDocument,
  CoverageDocument,
  DashboardDocument,
  NetworksDocument,
  type CoverageQuery,
  type DashboardQuery,
  type StatisticsInterval,
} from './gql/graphql';
import { errorAt, request } from './lib/client';
import { elementById, h, render } from './lib/dom';
import { formatDate, formatNumber, labels, localName } from './lib/i18n';
import { mountHeader, pageOptions } from './lib/signin';
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
import { countExperts, countInquiries, DASHBOARD_TEXT } from './dashboard-text';
import './pages.css';
import { errorContent } from './lib/errors';

const t = labels(DASHBOARD_TEXT);
mountHeader(elementById('header'), { ...pageOptions(), current: 'dashboard' });

const params = new URLSearchParams(location.search);
const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
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
/** The rows and columns asked for (null: the defaults, top-level themes × regions). */
let drill: { themes: string[] | null; countries: string[] | null } = { themes: null, countries: null };

const status = h('p', { class: 'status', role: 'status' });
const tiles = h('div', { class: 'tiles' });
const chartBox = (name: string, extra = '') => h('div', { class: `chart ${extra}`.trim(), dataset: { chart: name } });
const boxes = {
  coverage: chartBox('coverage', 'heatmap'),
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
        void loadCoverage();
      },
    },
  },
  t('reset'),
);
const detail = h('section', { class: 'panel cell-detail', 'aria-live': 'polite' });
const gapList = h('ol', { class: 'gap-list' });
const networks = h('div', { class: 'networks' });

const charts = Object.fromEntries(Object.entries(boxes).map(([name, box]) => [name, createChart(box)])) as Record<
  keyof typeof boxes,
  Chart
>;
// The browser tests read the drawn series from here and compare them with the API's numbers.
(globalThis as { dashboardCharts?: unknown }).dashboardCharts = charts;

/** The period as the API takes it: from the start of the first day to the end of the last (exclusive). */
function period(): { from: string | null; to: string | null } {
  const from = filters.from.value ? new Date(`${filters.from.value}T00:00:00`).toISOString() : null;
  const to = filters.to.value
    ? new Date(new Date(`${filters.to.value}T00:00:00`).getTime() + 86_400_000).toISOString()
    : null;
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
  const themes = data.themes.edges
    .map(({ node }) => ({ label: localName(node), count: node.inquiryCount }))
    .filter((i) => i.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, 10);
  charts.themes.setOption(rankingOption(themes), true);
  const countries = new Map(
    data.regions
      .flatMap((region) => region.countries)
      .map((c) => [c.code, { label: localName(c), count: c.inquiryCount }]),
  );
  charts.countries.setOption(
    rankingOption(
      [...countries.values()]
        .filter((i) => i.count > 0)
        .sort((a, b) => b.count - a.count)
        .slice(0, 10),
    ),
    true,
  );
  render(
    networks,
    h(
      'table',
      { class: 'network-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['', t('activeExperts'), t('consenting'), t('events'), t('routed'), t('answered')].map((c) => h('th', {}, c)),
        ),
      ),
      h(
        'tbody',
        {},
        data.networkStatistics.map((n) =>
          h(
            'tr',
            { dataset: { network: n.network.slug } },
            h('th', {}, n.network.acronym),
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

async function showCell(themeSlug: string, columnId: string): Promise<void> {
  render(detail, t('loading'));
  detail.dataset.theme = themeSlug;
  detail.dataset.column = columnId;
  try {
    const { data, errors } = await request(CoverageCellDocument, {
      theme: themeSlug,
      column: columnId,
      network: networkFilter(),
      ...period(),
      minExperts: minExperts(),
    });
    const cell = data.coverageCell;
    const column = cell.column.region ?? cell.column.country;
    const inquiriesHidden = errorAt(errors, ['coverageCell', 'inquiries']);
    const inquiries = cell.inquiries.edges;
    const byProvenance = cell.expertsByProvenance
      .map((p) => `${t(`provenance_${p.provenance}`)}: ${formatNumber(p.count)}`)
      .join(', ');
    render(
      detail,
      h(
        'h2',
        {},
        `${localName(cell.theme)} × ${column ? localName(column) : cell.column.id}`,
        ' ',
        h('button', { type: 'button', class: 'close', on: { click: () => render(detail) } }, t('close')),
      ),
      h(
        'p',
        { class: 'meta' },
        `${countExperts(cell.expertCount)} · ${countInquiries(cell.demand)}${cell.gap ? ` · ${t('gap')}` : ''}`,
        ' · ',
        `${t('byLevel')}: ${cell.expertsByLevel.map((l) => `${l.level}: ${l.count}`).join(', ') || t('none')}`,
        ' · ',
        `${t('byProvenance')}: ${byProvenance || t('none')}`,
      ),
      h(
        'div',
        { class: 'two' },
        h(
          'div',
          {},
          h('h3', {}, t('whoCovers')),
          cell.experts.edges.length
            ? h(
                'ol',
                { class: 'cell-experts' },
                cell.experts.edges.map((e) =>
                  h(
                    'li',
                    { dataset: { slug: e.node.slug } },
                    h('strong', {}, e.node.name),
                    ' — ',
                    e.reasons.map((r) => r.text).join('; '),
                  ),
                ),
              )
            : h('p', { class: 'empty' }, t('noExperts')),
        ),
        h(
          'div',
          {},
          h('h3', {}, t('whatAsked')),
          inquiries.length
            ? h(
                'ol',
                { class: 'cell-inquiries' },
                inquiries.map(({ node }) =>
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
              )
            : h(
                'p',
                { class: 'empty' },
                inquiriesHidden || (cell.demand > 0 && cell.inquiries.totalCount === 0)
                  ? t('inquiriesHidden')
                  : t('noInquiries'),
              ),
        ),
      ),
    );
  } catch (error) {
    render(detail, h('p', { class: 'error' }, errorContent(error)));
  }
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
    const current = coverage;
    render(
      gapList,
      current.gaps.length
        ? current.gaps.map((gap) => {
            const column = current.columns.find((c) => c.id === gap.column.id);
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
                `${localName(gap.theme)} × ${column ? columnName(column) : gap.column.id}: ` +
                  `${countInquiries(gap.demand)}, ${countExperts(gap.expertCount)}`,
              ),
            );
          })
        : [h('li', { class: 'empty' }, t('noGaps'))],
    );
  } catch (error) {
    render(coverageHint, h('span', { class: 'error' }, errorContent(error)));
  }
}

charts.coverage.on('click', (event: { componentType: string; value?: unknown; dataIndex?: number }) => {
  if (!coverage) return;
  if (event.componentType === 'series' && Array.isArray(event.value)) {
    const { row, column } = cellAt(coverage, event.value as [number, number]);
    void showCell(row.theme.slug, column.id);
  } else if (event.componentType === 'yAxis') {
    const row = coverage.rows.find((r) => localName(r.theme) === event.value);
    if (row?.hasNarrower) {
      drill = { ...drill, themes: row.narrower.map((n) => n.slug) };
      void loadCoverage();
    }
  } else if (event.componentType === 'xAxis') {
    const column = coverage.columns.find((c) => columnName(c) === event.value);
    if (column?.region) {
      drill = { ...drill, countries: column.region.countries.map((c) => c.code) };
      void loadCoverage();
    }
  }
});

async function load(): Promise<void> {
  const url = new URL(location.href);
  for (const [name, input] of Object.entries(filters)) {
    if (input.value) url.searchParams.set(name, input.value);
    else url.searchParams.delete(name);
  }
  history.replaceState(null, '', url);
  render(status, t('loading'));
  document.body.dataset.loading = 'true';
  const interval = filters.interval.value as StatisticsInterval;
  const figures = request(DashboardDocument, { network: networkFilter(), ...period(), interval }).then(
    ({ data }) => showFigures(data, interval),
    (error: unknown) => render(status, h('span', { class: 'error' }, errorContent(error))),
  );
  await Promise.all([figures, loadCoverage()]);
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
  h('section', { class: 'panel' }, h('h2', {}, t('coverage')), coverageHint, resetDrill, boxes.coverage),
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
