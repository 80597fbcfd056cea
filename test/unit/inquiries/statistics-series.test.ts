import { describe, expect, it } from 'vitest';
import type { InquiryFlowRow } from '../../../src/inquiries/statistics-repository.js';
import { buckets, intervalStart, series } from '../../../src/inquiries/statistics-series.js';
import { overdueAt } from '../../../src/inquiries/statistics-summary.js';

const row = (change: Partial<InquiryFlowRow>): InquiryFlowRow => ({
  network: 'ckn',
  kind: 'EXPERTISE_REQUEST',
  status: 'RECEIVED',
  riskCategories: [],
  receivedAt: '2026-03-02T09:00:00.000Z',
  dueAt: '2026-03-05T22:59:59.999Z',
  answeredAt: null,
  closedAt: null,
  waitedOnMinistries: false,
  rerouted: false,
  ...change,
});
const iso = (b: { start: Date; end: Date }) => [b.start.toISOString(), b.end.toISOString()];

describe('intervalStart', () => {
  it('finds the Monday, the first of the month and the first of the quarter', () => {
    expect(intervalStart('2026-03-01', 'WEEK')).toBe('2026-02-23'); // a Sunday
    expect(intervalStart('2026-03-02', 'WEEK')).toBe('2026-03-02'); // a Monday
    expect(intervalStart('2026-01-01', 'WEEK')).toBe('2025-12-29');
    expect(intervalStart('2026-03-31', 'MONTH')).toBe('2026-03-01');
    expect(intervalStart('2026-06-30', 'QUARTER')).toBe('2026-04-01');
    expect(intervalStart('2026-12-01', 'QUARTER')).toBe('2026-10-01');
  });
});

describe('buckets', () => {
  it('are calendar months in Amsterdam time across the change to summer time, cut to the period', () => {
    const months = buckets(new Date('2026-02-15T00:00:00Z'), new Date('2026-04-15T00:00:00Z'), 'MONTH');
    expect(months.map(iso)).toEqual([
      ['2026-02-15T00:00:00.000Z', '2026-02-28T23:00:00.000Z'],
      ['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'],
      ['2026-03-31T22:00:00.000Z', '2026-04-15T00:00:00.000Z'],
    ]);
  });
  it('are Monday-to-Monday weeks, and one bucket when the period lies inside one', () => {
    const weeks = buckets(new Date('2026-03-04T12:00:00Z'), new Date('2026-03-20T12:00:00Z'), 'WEEK');
    expect(weeks.map((b) => b.start.toISOString())).toEqual([
      '2026-03-04T12:00:00.000Z',
      '2026-03-08T23:00:00.000Z',
      '2026-03-15T23:00:00.000Z',
    ]);
    expect(buckets(new Date('2026-03-04T12:00:00Z'), new Date('2026-03-05T12:00:00Z'), 'QUARTER')).toHaveLength(1);
  });
});

describe('overdueAt', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  it('at an earlier moment: received, past due, and neither answered nor closed by then', () => {
    const answeredLater = row({ status: 'ANSWERED', answeredAt: '2026-03-20T10:00:00Z' });
    expect(overdueAt(answeredLater, new Date('2026-03-10T00:00:00Z'), now)).toBe(true);
    expect(overdueAt(answeredLater, new Date('2026-03-21T00:00:00Z'), now)).toBe(false);
    expect(
      overdueAt(row({ status: 'CLOSED', closedAt: '2026-03-06T10:00:00Z' }), new Date('2026-03-10T00:00:00Z'), now),
    ).toBe(false);
    expect(overdueAt(row({}), new Date('2026-03-05T00:00:00Z'), now)).toBe(false); // not yet due
  });
  it('now: by its current status', () => {
    // Reopened:
    expect(overdueAt(row({ status: 'IN_PROGRESS', answeredAt: '2026-03-03T10:00:00Z' }), now, now)).toBe(true);
    expect(overdueAt(row({ status: 'ANSWERED', answeredAt: '2026-03-20T10:00:00Z' }), now, now)).toBe(false);
  });
});

describe('series', () => {
  it('puts each inquiry in the bucket of its receipt and counts the backlog at each end', () => {
    const rows = [
      row({}),
      row({
        receivedAt: '2026-04-01T09:00:00Z',
        dueAt: '2026-04-06T21:59:59.999Z',
        status: 'ANSWERED',
        answeredAt: '2026-04-02T09:00:00Z',
      }),
    ];
    const backlog = [row({ receivedAt: '2025-12-01T09:00:00Z', dueAt: '2025-12-04T22:59:59.999Z' })];
    const result = series(
      rows,
      backlog,
      new Date('2026-02-28T23:00:00Z'),
      new Date('2026-04-30T22:00:00Z'),
      'MONTH',
      new Date('2026-04-10T00:00:00Z'),
    );
    expect(result.map((b) => [b.received, b.answered, b.answeredOnTime, b.overdueAtEnd, b.current])).toEqual([
      [1, 0, 0, 2, false],
      [1, 1, 1, 2, true],
    ]);
  });
});
