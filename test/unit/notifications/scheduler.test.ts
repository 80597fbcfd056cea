import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_CALENDAR as calendar } from '../../../src/inquiries/notification-calendar.js';
import { addDays, dayWindows, nextRunAt, nextWorkingDay } from '../../../src/notifications/scheduler.js';

describe('the next working day', () => {
  it.each([
    ['2026-12-07', '2026-12-08'], // Monday: Tuesday
    ['2026-12-11', '2026-12-14'], // Friday: over the weekend
    ['2026-12-24', '2026-12-28'], // before Christmas Day, Boxing Day (a Saturday) and a Sunday
    ['2027-04-26', '2027-04-28'], // King's Day 2027 is Tuesday 27 April
    ['2027-05-04', '2027-05-07'], // Liberation Day (every year for the central government), then Ascension Day
  ])('after %s is %s', (day, next) => {
    expect(nextWorkingDay(calendar, day)).toBe(next);
  });

  it('is always a working day, after the day, with only days off between', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 }), (offset) => {
        const day = addDays('2026-01-01', offset);
        const next = nextWorkingDay(calendar, day);
        expect(calendar.isWorkingDay(next)).toBe(true);
        expect(next > day).toBe(true);
        for (let between = addDays(day, 1); between < next; between = addDays(between, 1))
          expect(calendar.isWorkingDay(between)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe("a day's windows", () => {
  it('due tomorrow on Thursday 24 December 2026: anything due from the 25th to the end of Monday the 28th', () => {
    const windows = dayWindows(calendar, '2026-12-24');
    expect(windows.tomorrow).toBe('2026-12-28');
    // Amsterdam is UTC+1 in winter.
    expect(windows.dueTomorrow.from.toISOString()).toBe('2026-12-24T23:00:00.000Z');
    expect(windows.dueTomorrow.to.toISOString()).toBe('2026-12-28T23:00:00.000Z');
    expect(windows.overdue.to.toISOString()).toBe('2026-12-23T23:00:00.000Z');
    expect(windows.overdue.to.getTime() - windows.overdue.from.getTime()).toBe(90 * 86_400_000);
  });

  it('in summer time, the day begins at 22:00 UTC', () => {
    const windows = dayWindows(calendar, '2026-07-03'); // a Friday
    expect(windows.tomorrow).toBe('2026-07-06');
    expect(windows.dueTomorrow.to.toISOString()).toBe('2026-07-06T22:00:00.000Z');
  });
});

describe('the time of the daily run', () => {
  const at = { hour: 7, minute: 30 };
  it('is today when the time has not passed, else tomorrow', () => {
    expect(nextRunAt(calendar, at, new Date('2026-12-07T05:00:00Z')).toISOString()).toBe('2026-12-07T06:30:00.000Z');
    expect(nextRunAt(calendar, at, new Date('2026-12-07T06:30:00Z')).toISOString()).toBe('2026-12-08T06:30:00.000Z');
    expect(nextRunAt(calendar, at, new Date('2026-12-07T23:30:00Z')).toISOString()).toBe('2026-12-08T06:30:00.000Z');
  });
});
