// The pages' calendar in Amsterdam time, whatever zone the browser is in: midnight in winter and summer time and
// on the days the clocks change, and a moment's date there.
import { describe, expect, it } from 'vitest';
import { amsterdamDay, amsterdamMidnight, nextDay } from '../../../web/src/lib/amsterdam.js';

describe('Amsterdam dates', () => {
  it('begins a day at midnight in Amsterdam: 23:00 UTC in winter, 22:00 UTC in summer, on the switch days too', () => {
    expect(amsterdamMidnight('2024-11-01').toISOString()).toBe('2024-10-31T23:00:00.000Z');
    expect(amsterdamMidnight('2025-07-01').toISOString()).toBe('2025-06-30T22:00:00.000Z');
    expect(amsterdamMidnight('2025-03-30').toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(amsterdamMidnight('2025-03-31').toISOString()).toBe('2025-03-30T22:00:00.000Z');
    expect(amsterdamMidnight('2025-10-26').toISOString()).toBe('2025-10-25T22:00:00.000Z');
    expect(amsterdamMidnight('2025-10-27').toISOString()).toBe('2025-10-26T23:00:00.000Z');
  });

  it('names the date a moment falls on in Amsterdam, and the day after a date', () => {
    expect(amsterdamDay(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(amsterdamDay(new Date('2025-06-30T21:59:59Z'))).toBe('2025-06-30');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
  });
});
