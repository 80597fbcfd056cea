import type { InquiryFlowRow } from './statistics-repository.js';
import { flowCounts, overdueAt, type FlowCounts } from './statistics-summary.js';
import { isOpen } from './status.js';
import { amsterdamDate, startOfAmsterdamDate } from './working-days.js';

export const INTERVALS = ['WEEK', 'MONTH', 'QUARTER'] as const;
export type Interval = (typeof INTERVALS)[number];

export interface Bucket {
  start: Date;
  end: Date;
}

export interface SeriesBucket extends Bucket, FlowCounts {
  /** The bucket reaches now: its overdue backlog is counted now rather than at its end. */
  current: boolean;
  /** Inquiries (received at any time) open and past due at the bucket's end, or now for the current one. */
  overdueAtEnd: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Amsterdam calendar date (YYYY-MM-DD) on which the interval containing `date` begins. */
export function intervalStart(date: string, interval: Interval): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (interval === 'MONTH') return `${year}-${pad(month)}-01`;
  if (interval === 'QUARTER') return `${year}-${pad(month - ((month - 1) % 3))}-01`;
  const utc = new Date(Date.UTC(year, month - 1, day));
  const sinceMonday = (utc.getUTCDay() + 6) % 7;
  return new Date(utc.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/** The Amsterdam calendar date on which the next interval after the one beginning at `start` begins. */
function nextIntervalStart(start: string, interval: Interval): string {
  const [year, month, day] = start.split('-').map(Number) as [number, number, number];
  const next = new Date(
    Date.UTC(
      year,
      month - 1 + (interval === 'MONTH' ? 1 : interval === 'QUARTER' ? 3 : 0),
      day + (interval === 'WEEK' ? 7 : 0),
    ),
  );
  return next.toISOString().slice(0, 10);
}

/**
 * Calendar weeks (Monday to Monday), months or quarters in Europe/Amsterdam time, covering [from, to): the
 * first and last are cut to the period, so every inquiry of the period falls in exactly one bucket.
 */
export function buckets(from: Date, to: Date, interval: Interval): Bucket[] {
  const out: Bucket[] = [];
  let start = intervalStart(amsterdamDate(from), interval);
  while (startOfAmsterdamDate(start) < to) {
    const next = nextIntervalStart(start, interval);
    const begins = startOfAmsterdamDate(start);
    const ends = startOfAmsterdamDate(next);
    out.push({ start: begins < from ? from : begins, end: ends > to ? to : ends });
    start = next;
  }
  return out;
}

/**
 * A time series: each bucket counts the inquiries received in it (as `inquiryStatistics` counts the
 * period's), and its overdue backlog at its end from those and the earlier `backlog` still open at `from`.
 * Rows are sorted by receipt once, so each bucket takes its slice instead of scanning them all.
 */
export function series(
  rows: InquiryFlowRow[],
  backlog: InquiryFlowRow[],
  from: Date,
  to: Date,
  interval: Interval,
  now = new Date(),
): SeriesBucket[] {
  const received = rows.map((row) => ({ row, at: Date.parse(row.receivedAt) })).sort((a, b) => a.at - b.at);
  // Only inquiries that can be overdue at some bucket's end: open now, or answered or closed after their due moment.
  const candidates = [...backlog, ...rows].filter((row) => {
    const due = Date.parse(row.dueAt);
    const endedAt = Math.min(
      ...[row.answeredAt, row.closedAt].filter((at): at is string => at !== null).map(Date.parse),
    );
    return isOpen(row.status) || !(endedAt <= due);
  });
  let next = 0;
  return buckets(from, to, interval).map(({ start, end }) => {
    const inBucket: InquiryFlowRow[] = [];
    for (let entry = received[next]; entry && entry.at < end.getTime(); entry = received[next]) {
      if (entry.at >= start.getTime()) inBucket.push(entry.row);
      next += 1;
    }
    const current = end >= now;
    const moment = current ? now : end;
    return {
      start,
      end,
      current,
      ...flowCounts(inBucket, now),
      overdueAtEnd: candidates.filter((row) => overdueAt(row, moment, now)).length,
    };
  });
}
