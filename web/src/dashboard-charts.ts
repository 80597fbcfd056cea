// The dashboard's echarts (bundled, SVG renderer): the coverage heatmap, inquiries over time, the share
// answered on time and the most-asked lists. Each function turns API data into one chart's option.
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { CoverageQuery, DashboardQuery } from './gql/graphql';
import { amsterdamDay, amsterdamParts } from './lib/amsterdam';
import { tooltipLines } from './lib/dom';
import { formatNumber, localName } from './lib/i18n';
import { countOf, type DashboardLabel } from './dashboard-text';

echarts.use([
  HeatmapChart,
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  LegendComponent,
  SVGRenderer,
]);

export type Chart = echarts.ECharts;
type T = (key: DashboardLabel) => string;
type Coverage = CoverageQuery['coverage'];
type Bucket = DashboardQuery['inquiryStatistics']['series'][number];

export const STATUSES = ['RECEIVED', 'IN_PROGRESS', 'COORDINATING', 'ANSWERED', 'CLOSED'] as const;
const STATUS_COLOURS = ['#9db4cf', '#4c7fb8', '#e0a030', '#2a9d6f', '#5b6b7d'];
const GAP = '#d7191c';

export function createChart(element: HTMLElement): Chart {
  const chart = echarts.init(element, null, { renderer: 'svg' });
  new ResizeObserver(() => chart.resize()).observe(element);
  return chart;
}

export function columnName(column: Coverage['columns'][number]): string {
  return column.region ? localName(column.region) : column.country ? localName(column.country) : column.id;
}

/** "1 expert · 4 inquiries · gap": a cell's counts in words. */
export const cellCounts = (t: T, experts: number, demand: number, gap: boolean): string =>
  [countOf(t, experts, 'expert'), countOf(t, demand, 'inquiry'), ...(gap ? [t('gap')] : [])].join(' · ');

/** The coverage grid's margins: the top, and the rotated column labels and the colour scale below. */
const COVERAGE_MARGIN = { top: 10, bottom: 90 };
/** Height a coverage row needs for its label to be read and clicked (12 px text, 11 px cell labels). */
const COVERAGE_ROW_PX = 24;

/** The coverage chart's height: every row keeps room for its label, however many themes there are; at least 30rem. */
export const coverageHeight = (rows: number) =>
  `max(30rem, ${COVERAGE_MARGIN.top + COVERAGE_MARGIN.bottom + rows * COVERAGE_ROW_PX}px)`;

/** The row and column of a mark of the coverage chart, from its value ([column, row, …]): always in the grid. */
export function cellAt(coverage: Coverage, [x, y]: readonly [number, number, ...number[]]) {
  const row = coverage.rows[y];
  const column = coverage.columns[x];
  if (!row || !column) throw new RangeError(`The coverage grid has no cell at column ${x}, row ${y}`);
  return { row, column };
}

/** One mark per cell: [column, row, experts, demand]; gaps outlined in red. */
export function coverageOption(coverage: Coverage, t: T): echarts.EChartsCoreOption {
  const data = coverage.rows.flatMap((row, y) =>
    row.cells.map((cell, x) => ({
      value: [x, y, cell.expertCount, cell.demand],
      gap: cell.gap,
      itemStyle: cell.gap ? { borderColor: GAP, borderWidth: 3 } : { borderColor: '#fff', borderWidth: 1 },
    })),
  );
  const max = Math.max(1, ...coverage.rows.flatMap((row) => row.cells.map((cell) => cell.expertCount)));
  return {
    tooltip: {
      // echarts puts a formatter's string into the page as HTML: theme and place names are text, escaped.
      formatter: (p: { value: [number, number, number, number]; data: { gap: boolean } }) => {
        const { row, column } = cellAt(coverage, p.value);
        return tooltipLines(
          `${localName(row.theme)} × ${columnName(column)}`,
          cellCounts(t, p.value[2], p.value[3], p.data.gap),
        );
      },
    },
    grid: { left: 170, right: 20, ...COVERAGE_MARGIN },
    xAxis: {
      type: 'category',
      data: coverage.columns.map(columnName),
      axisLabel: { rotate: 35, interval: 0 },
      triggerEvent: true,
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: coverage.rows.map((row) => localName(row.theme)),
      inverse: true,
      axisLabel: { interval: 0, width: 160, overflow: 'truncate' },
      triggerEvent: true,
    },
    visualMap: {
      min: 0,
      max,
      dimension: 2,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#f4f7fb', '#9ec5e8', '#2b6cb0', '#123a66'] },
    },
    series: [
      {
        type: 'heatmap',
        name: 'coverage',
        data,
        label: { show: true, formatter: (p: { value: number[] }) => `${p.value[2]}/${p.value[3]}`, fontSize: 11 },
        emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,0.4)' } },
      },
    ],
  };
}

/** A bucket by its start in Amsterdam, where the API cuts the calendar, whatever the browser's time zone. */
export const bucketLabel = (bucket: Pick<Bucket, 'start'>, interval: string): string => {
  const start = new Date(bucket.start);
  const { year, month } = amsterdamParts(start);
  if (interval === 'QUARTER') return `${year} Q${Math.floor((month - 1) / 3) + 1}`;
  if (interval === 'WEEK') return amsterdamDay(start);
  return `${year}-${String(month).padStart(2, '0')}`;
};

/** Stacked bars: per bucket, the inquiries received in it by their current status; a line for the overdue backlog. */
export function flowOption(series: readonly Bucket[], interval: string, t: T): echarts.EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 20, top: 10, bottom: 60 },
    xAxis: { type: 'category', data: series.map((b) => bucketLabel(b, interval)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      ...STATUSES.map((status, i) => ({
        type: 'bar',
        stack: 'status',
        name: t(`status_${status}`),
        itemStyle: { color: STATUS_COLOURS[i] },
        data: series.map((b) => b.byStatus.find((s) => s.status === status)?.count ?? 0),
      })),
      { type: 'line', name: t('overdueAtEnd'), itemStyle: { color: GAP }, data: series.map((b) => b.overdueAtEnd) },
    ],
  };
}

/** Per bucket, the share (in %) of the inquiries received in it that were answered within 3 working days. */
export function shareOption(series: readonly Bucket[], interval: string): echarts.EChartsCoreOption {
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) =>
        typeof v === 'number' ? formatNumber(v / 100, { style: 'percent', maximumFractionDigits: 0 }) : '–',
    },
    grid: { left: 45, right: 20, top: 10, bottom: 30 },
    xAxis: { type: 'category', data: series.map((b) => bucketLabel(b, interval)) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'line',
        name: 'share',
        connectNulls: true,
        itemStyle: { color: '#2a9d6f' },
        data: series.map((b) => (b.answeredOnTimeShare == null ? null : b.answeredOnTimeShare * 100)),
      },
    ],
  };
}

/** A ranked list as horizontal bars, most first. */
export function rankingOption(items: ReadonlyArray<{ label: string; count: number }>): echarts.EChartsCoreOption {
  return {
    tooltip: {},
    grid: { left: 160, right: 30, top: 5, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((i) => i.label),
      axisLabel: { width: 150, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: 'ranking',
        itemStyle: { color: '#4c7fb8' },
        label: { show: true, position: 'right' },
        data: items.map((i) => i.count),
      },
    ],
  };
}
