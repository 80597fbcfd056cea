import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/errors.js';
import type { InquiryFlowRow } from '../../../src/inquiries/statistics-repository.js';
import { buckets } from '../../../src/inquiries/statistics-series.js';
import { PERIOD_RANGE, statisticsPeriod, summarise } from '../../../src/inquiries/statistics.js';

// Mon 2 March 2026 at 10:00 CET; due at the end of Thu 5 March (three working days later).
const receivedAt = '2026-03-02T09:00:00.000Z';
const dueAt = '2026-03-05T22:59:59.999Z';
const row = (change: Partial<InquiryFlowRow>): InquiryFlowRow => ({
  network: 'ckn',
  kind: 'EXPERTISE_REQUEST',
  status: 'RECEIVED',
  riskCategories: [],
  receivedAt,
  dueAt,
  answeredAt: null,
  closedAt: null,
  waitedOnMinistries: false,
  rerouted: false,
  ...change,
});
const from = new Date('2026-01-01T00:00:00Z');
const to = new Date('2026-12-31T00:00:00Z');
const now = new Date('2026-03-10T12:00:00Z');

describe('summarise', () => {
  const rows = [
    row({ status: 'RECEIVED' }),
    row({ status: 'COORDINATING', dueAt: '2026-03-20T22:59:59.999Z' }),
    row({ status: 'ANSWERED', answeredAt: '2026-03-03T12:00:00Z' }), // 1 working day, on time
    row({ status: 'CLOSED', answeredAt: '2026-03-09T12:00:00Z', network: 'reka' }), // 5 working days, late
    row({ status: 'CLOSED', network: null }),
  ];
  const stats = summarise(rows, from, to, now);

  it('counts open and overdue inquiries by the open statuses and the due moment', () => {
    expect(stats.received).toBe(5);
    expect(stats.open).toBe(2);
    expect(stats.overdue).toBe(1);
  });
  it('counts answers, answers on time and the median working days to answer', () => {
    expect(stats.answered).toBe(2);
    expect(stats.answeredOnTime).toBe(1);
    expect(stats.medianWorkingDaysToAnswer).toBe(3);
  });
  it('counts every status, in their order, including those with none', () => {
    expect(stats.byStatus).toEqual([
      { status: 'RECEIVED', count: 1 },
      { status: 'IN_PROGRESS', count: 0 },
      { status: 'COORDINATING', count: 1 },
      { status: 'ANSWERED', count: 1 },
      { status: 'CLOSED', count: 2 },
    ]);
  });
  it('groups by network, sorted, leaving out inquiries routed nowhere', () => {
    expect(stats.byNetwork).toEqual([
      { networkId: 'ckn', received: 3, answered: 1, answeredOnTime: 1 },
      { networkId: 'reka', received: 1, answered: 1, answeredOnTime: 0 },
    ]);
  });
  it('has no median without answers', () => {
    expect(summarise([row({})], from, to, now).medianWorkingDaysToAnswer).toBeNull();
  });
});

describe('statisticsPeriod', () => {
  it('refuses dates outside the calendar it can compute with as the client’s mistake, naming the range', () => {
    for (const args of [
      { to: new Date('9999-12-31T23:59:59Z') },
      { from: new Date('0001-01-01T00:00:00Z'), to: new Date('0001-06-01T00:00:00Z') },
    ]) {
      let thrown: unknown;
      try {
        statisticsPeriod(args, now);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(BadInputError);
      expect((thrown as BadInputError).details.argument).toBe(args.from ? 'from' : 'to');
      expect((thrown as BadInputError).message).toMatch(
        /must lie between 1900-01-01T00:00:00.000Z and 2100-01-01T00:00:00.000Z/,
      );
    }
  });

  it('gives every interval’s buckets up to the range’s end', () => {
    const period = statisticsPeriod({ to: PERIOD_RANGE.max }, now);
    for (const interval of ['WEEK', 'MONTH', 'QUARTER'] as const)
      expect(buckets(period.from, period.to, interval).at(-1)!.end).toEqual(PERIOD_RANGE.max);
  });
});
