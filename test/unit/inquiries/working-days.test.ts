import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarChanges } from '../../../src/config.js';
import {
  amsterdamDate,
  dueAt,
  isWorkingDay,
  startOfAmsterdamDate,
  useCalendarChanges,
  workingDaysBetween,
} from '../../../src/inquiries/working-days.js';

// Every instant is written in UTC so the machine's time zone cannot matter. Amsterdam is UTC+1 (CET) in winter
// and UTC+2 (CEST) in summer: the end of a day is 22:59:59.999Z in CET and 21:59:59.999Z in CEST.
// Weekdays in the comments were checked against a real calendar.
const due = (receivedAt: string, workingDays?: number): string =>
  dueAt(new Date(receivedAt), workingDays).toISOString();
const between = (receivedAt: string, until: string): number =>
  workingDaysBetween(new Date(receivedAt), new Date(until));
const instant = fc.date({
  min: new Date('2025-01-01T00:00:00Z'),
  max: new Date('2030-12-31T23:59:59Z'),
  noInvalidDate: true,
});

describe('amsterdamDate', () => {
  it('gives the Amsterdam calendar date, not the UTC one', () => {
    expect(amsterdamDate(new Date('2026-03-02T22:59:59.999Z'))).toBe('2026-03-02'); // Mon 23:59:59.999 CET
    expect(amsterdamDate(new Date('2026-03-02T23:00:00.000Z'))).toBe('2026-03-03'); // Tue 00:00 CET
    expect(amsterdamDate(new Date('2026-03-02T23:30:00Z'))).toBe('2026-03-03'); // Tue 00:30 CET, still Monday in UTC
    expect(amsterdamDate(new Date('2026-06-30T21:59:59.999Z'))).toBe('2026-06-30'); // Tue 23:59:59.999 CEST
    expect(amsterdamDate(new Date('2026-06-30T22:00:00.000Z'))).toBe('2026-07-01'); // Wed 00:00 CEST
    expect(amsterdamDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01'); // Fri 00:00 CET, new year
  });
  it('rejects an invalid date', () => {
    expect(() => amsterdamDate(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it('excludes weekends', () => {
    expect(isWorkingDay('2026-03-02')).toBe(true); // Mon
    expect(isWorkingDay('2026-03-06')).toBe(true); // Fri
    expect(isWorkingDay('2026-03-07')).toBe(false); // Sat
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sun
  });
  it("excludes the public holidays, King's Day on the 26th when the 27th is a Sunday", () => {
    expect(isWorkingDay('2026-01-01')).toBe(false); // Thu, New Year's Day
    expect(isWorkingDay('2026-04-06')).toBe(false); // Mon, Easter Monday
    expect(isWorkingDay('2026-04-27')).toBe(false); // Mon, King's Day
    expect(isWorkingDay('2026-05-14')).toBe(false); // Thu, Ascension Day
    expect(isWorkingDay('2026-05-25')).toBe(false); // Mon, Whit Monday
    expect(isWorkingDay('2026-12-25')).toBe(false); // Fri, Christmas Day
    expect(isWorkingDay('2025-12-26')).toBe(false); // Fri, Boxing Day
    expect(isWorkingDay('2028-04-27')).toBe(false); // Thu, King's Day
    // 27 April 2025 was a Sunday, so King's Day was Saturday 26 April; Monday 28 April was an ordinary working day.
    expect(isWorkingDay('2025-04-28')).toBe(true); // Mon
  });
  it('counts Good Friday and New Year’s Eve as working days (central-government agreement)', () => {
    expect(isWorkingDay('2026-04-03')).toBe(true); // Fri, Good Friday
    expect(isWorkingDay('2025-04-18')).toBe(true); // Fri, Good Friday
    expect(isWorkingDay('2027-03-26')).toBe(true); // Fri, Good Friday
    expect(isWorkingDay('2026-12-31')).toBe(true); // Thu, New Year's Eve
  });
  it('rejects what is not a calendar date', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('2026-3-2')).toThrow(RangeError);
    expect(() => isWorkingDay('')).toThrow(RangeError);
  });
});

describe('dueAt', () => {
  it('is the end of the third working day after the day of receipt', () => {
    // Mon 2 March 2026 09:30 CET → Tue 3, Wed 4, Thu 5 → Thu 5 March 23:59:59.999 CET
    expect(due('2026-03-02T08:30:00Z')).toBe('2026-03-05T22:59:59.999Z');
    // Mon 9 March 2026 → Tue 10, Wed 11, Thu 12
    expect(due('2026-03-09T10:00:00Z')).toBe('2026-03-12T22:59:59.999Z');
  });

  it('skips the weekend', () => {
    // Fri 6 March 2026 → Mon 9, Tue 10, Wed 11 → Wed 11 March
    expect(due('2026-03-06T15:00:00Z')).toBe('2026-03-11T22:59:59.999Z');
    // Sat 7 March 2026: the day of receipt is Saturday → Mon 9, Tue 10, Wed 11 → Wed 11 March
    expect(due('2026-03-07T11:00:00Z')).toBe('2026-03-11T22:59:59.999Z');
    // Sun 8 March 2026 → Mon 9, Tue 10, Wed 11 → Wed 11 March
    expect(due('2026-03-08T11:00:00Z')).toBe('2026-03-11T22:59:59.999Z');
  });

  it('takes the day of receipt in Amsterdam time, not UTC', () => {
    // 2026-03-02T23:30Z is Monday in UTC but Tue 3 March 00:30 CET → Wed 4, Thu 5, Fri 6 → Fri 6 March
    expect(due('2026-03-02T23:30:00Z')).toBe('2026-03-06T22:59:59.999Z');
    // The last millisecond of Monday 2 March in Amsterdam is still Monday → Thu 5 March
    expect(due('2026-03-02T22:59:59.999Z')).toBe('2026-03-05T22:59:59.999Z');
    // Sun 8 March 23:30 CET (22:30Z) → Mon 9, Tue 10, Wed 11 → Wed 11 March
    expect(due('2026-03-08T22:30:00Z')).toBe('2026-03-11T22:59:59.999Z');
    // Sunday 23:30Z is already Mon 9 March 00:30 CET → Tue 10, Wed 11, Thu 12 → Thu 12 March
    expect(due('2026-03-08T23:30:00Z')).toBe('2026-03-12T22:59:59.999Z');
    // Summer: Tue 30 June 23:59:59.999 CEST → Wed 1, Thu 2, Fri 3 July → Fri 3 July 23:59:59.999 CEST
    expect(due('2026-06-30T21:59:59.999Z')).toBe('2026-07-03T21:59:59.999Z');
    // Summer: 2026-06-30T22:30Z is Wed 1 July 00:30 CEST → Thu 2, Fri 3, Mon 6 → Mon 6 July
    expect(due('2026-06-30T22:30:00Z')).toBe('2026-07-06T21:59:59.999Z');
  });

  it('counts Good Friday but not Easter Monday', () => {
    // Thu 2 April 2026 → Fri 3 (Good Friday, counts), Sat 4, Sun 5 (Easter), Mon 6 (Easter Monday, not),
    // Tue 7, Wed 8 → Wed 8 April 23:59:59.999 CEST
    expect(due('2026-04-02T08:00:00Z')).toBe('2026-04-08T21:59:59.999Z');
    // Wed 1 April 2026 → Thu 2, Fri 3, Tue 7 → Tue 7 April
    expect(due('2026-04-01T08:00:00Z')).toBe('2026-04-07T21:59:59.999Z');
    // Thu 17 April 2025 → Fri 18 (Good Friday), Mon 21 (Easter Monday, not), Tue 22, Wed 23 → Wed 23 April 2025
    expect(due('2025-04-17T08:00:00Z')).toBe('2025-04-23T21:59:59.999Z');
    // Wed 2 April 2025 (no holiday near) → Thu 3, Fri 4, Mon 7 → Mon 7 April 2025
    expect(due('2025-04-02T08:00:00Z')).toBe('2025-04-07T21:59:59.999Z');
    // Thu 25 March 2027 10:00 CET → Fri 26 (Good Friday), Mon 29 (Easter Monday, not), Tue 30, Wed 31 →
    // Wed 31 March 2027, after the switch to summer time on Sun 28 March
    expect(due('2027-03-25T09:00:00Z')).toBe('2027-03-31T21:59:59.999Z');
  });

  it("skips King's Day, Liberation Day, Ascension Day and Whit Monday", () => {
    // Fri 24 April 2026 → Mon 27 (King's Day, not), Tue 28, Wed 29, Thu 30 → Thu 30 April 2026
    expect(due('2026-04-24T08:00:00Z')).toBe('2026-04-30T21:59:59.999Z');
    // Thu 24 April 2025 → Fri 25, Sat 26 (King's Day on a Saturday), Sun 27, Mon 28, Tue 29 → Tue 29 April 2025
    expect(due('2025-04-24T08:00:00Z')).toBe('2025-04-29T21:59:59.999Z');
    // Mon 4 May 2026 → Tue 5 (Liberation Day, not), Wed 6, Thu 7, Fri 8 → Fri 8 May 2026
    expect(due('2026-05-04T08:00:00Z')).toBe('2026-05-08T21:59:59.999Z');
    // Wed 13 May 2026 → Thu 14 (Ascension Day, not), Fri 15, Mon 18, Tue 19 → Tue 19 May 2026
    expect(due('2026-05-13T08:00:00Z')).toBe('2026-05-19T21:59:59.999Z');
    // Fri 22 May 2026 → Sun 24 (Whit Sunday), Mon 25 (Whit Monday, not), Tue 26, Wed 27, Thu 28 → Thu 28 May 2026
    expect(due('2026-05-22T08:00:00Z')).toBe('2026-05-28T21:59:59.999Z');
  });

  it('skips Christmas and New Year', () => {
    // Wed 23 Dec 2026 → Thu 24, Fri 25 (Christmas), Sat 26 (Boxing Day), Sun 27, Mon 28, Tue 29 → Tue 29 Dec 2026
    expect(due('2026-12-23T09:00:00Z')).toBe('2026-12-29T22:59:59.999Z');
    // Tue 29 Dec 2026 → Wed 30, Thu 31 (New Year's Eve counts), Fri 1 Jan (New Year), Mon 4 Jan 2027
    expect(due('2026-12-29T09:00:00Z')).toBe('2027-01-04T22:59:59.999Z');
    // Wed 24 Dec 2025 → Thu 25, Fri 26 (holidays), Mon 29, Tue 30, Wed 31 → Wed 31 Dec 2025
    expect(due('2025-12-24T09:00:00Z')).toBe('2025-12-31T22:59:59.999Z');
    // Wed 31 Dec 2025 → Thu 1 Jan (New Year), Fri 2, Mon 5, Tue 6 → Tue 6 Jan 2026
    expect(due('2025-12-31T09:00:00Z')).toBe('2026-01-06T22:59:59.999Z');
    // Wed 31 Dec 2025 23:30 CET is still the 31st → Tue 6 Jan 2026; 00:30 CET on Thu 1 Jan (a holiday) → Fri 2,
    // Mon 5, Tue 6 → Tue 6 Jan as well
    expect(due('2025-12-31T22:30:00Z')).toBe('2026-01-06T22:59:59.999Z');
    expect(due('2025-12-31T23:30:00Z')).toBe('2026-01-06T22:59:59.999Z');
    // Thu 23 Dec 2027 → Fri 24, Sat 25 and Sun 26 (Christmas on the weekend, no substitute), Mon 27, Tue 28
    expect(due('2027-12-23T09:00:00Z')).toBe('2027-12-28T22:59:59.999Z');
  });

  it('ends the day in CET after the October switch to winter time', () => {
    // Fri 23 Oct 2026 17:00 CEST; summer time ends Sun 25 Oct → Mon 26, Tue 27, Wed 28 → Wed 28 Oct 23:59:59.999 CET
    expect(due('2026-10-23T15:00:00Z')).toBe('2026-10-28T22:59:59.999Z');
    // Sat 24 Oct 2026 23:30 CEST (21:30Z) → Wed 28 Oct
    expect(due('2026-10-24T21:30:00Z')).toBe('2026-10-28T22:59:59.999Z');
    // Sun 25 Oct 2026 02:30 happens twice, in CEST (00:30Z) and in CET (01:30Z); both are Sunday → Wed 28 Oct
    expect(due('2026-10-25T00:30:00Z')).toBe('2026-10-28T22:59:59.999Z');
    expect(due('2026-10-25T01:30:00Z')).toBe('2026-10-28T22:59:59.999Z');
    // Sun 25 Oct 23:59:59 CET is 22:59:59Z; a second later it is Mon 26 Oct → Tue 27, Wed 28, Thu 29
    expect(due('2026-10-25T22:59:59Z')).toBe('2026-10-28T22:59:59.999Z');
    expect(due('2026-10-25T23:00:00Z')).toBe('2026-10-29T22:59:59.999Z');
  });

  it('ends the day in CEST after the March switch to summer time', () => {
    // Thu 26 March 2026 10:00 CET; summer time starts Sun 29 March → Fri 27, Mon 30, Tue 31 →
    // Tue 31 March 23:59:59.999 CEST
    expect(due('2026-03-26T09:00:00Z')).toBe('2026-03-31T21:59:59.999Z');
    // Fri 27 March 23:30 CET (22:30Z) → Mon 30, Tue 31, Wed 1 April
    expect(due('2026-03-27T22:30:00Z')).toBe('2026-04-01T21:59:59.999Z');
    // Sun 29 March 01:59:59 CET and 03:00 CEST, either side of the switch → Mon 30, Tue 31, Wed 1 April
    expect(due('2026-03-29T00:59:59Z')).toBe('2026-04-01T21:59:59.999Z');
    expect(due('2026-03-29T01:00:00Z')).toBe('2026-04-01T21:59:59.999Z');
  });

  it('takes another number of working days', () => {
    // Mon 2 March 2026: 0 → the end of the day of receipt; 1 → Tue 3; 5 → Mon 9 March
    expect(due('2026-03-02T08:30:00Z', 0)).toBe('2026-03-02T22:59:59.999Z');
    expect(due('2026-03-02T08:30:00Z', 1)).toBe('2026-03-03T22:59:59.999Z');
    expect(due('2026-03-02T08:30:00Z', 5)).toBe('2026-03-09T22:59:59.999Z');
    // Thu 23 Dec 2027 + 10 → Fri 24, Mon 27, Tue 28, Wed 29, Thu 30, Fri 31, (Sat 1 Jan) Mon 3, Tue 4, Wed 5, Thu 6
    expect(due('2027-12-23T09:00:00Z', 10)).toBe('2028-01-06T22:59:59.999Z');
    expect(() => dueAt(new Date('2026-03-02T08:30:00Z'), -1)).toThrow(RangeError);
    expect(() => dueAt(new Date('2026-03-02T08:30:00Z'), 1.5)).toThrow(RangeError);
    expect(() => dueAt(new Date('nonsense'))).toThrow(RangeError);
  });

  it('is the last millisecond of the n-th working day after the day of receipt, for any instant and n', () => {
    // Random instants over six years (both DST switches every year) and terms from the default to a fortnight.
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 10 }), (receivedAt, workingDays) => {
        const end = dueAt(receivedAt, workingDays);
        const day = amsterdamDate(end);
        expect(isWorkingDay(day)).toBe(true);
        expect(amsterdamDate(new Date(end.getTime() + 1))).not.toBe(day);
        // Counting the working days up to it gives n back, and the day before is one short.
        expect(workingDaysBetween(receivedAt, end)).toBe(workingDays);
        expect(workingDaysBetween(receivedAt, new Date(startOfAmsterdamDate(day).getTime() - 1))).toBe(workingDays - 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('workingDaysBetween', () => {
  it('is 0 on the day of receipt', () => {
    // Mon 2 March 2026, morning and night
    expect(between('2026-03-02T08:00:00Z', '2026-03-02T08:00:00Z')).toBe(0);
    expect(between('2026-03-02T08:00:00Z', '2026-03-02T22:59:59.999Z')).toBe(0);
  });
  it('is 1 on the next working day', () => {
    // Mon 2 March → Tue 3 March (00:00 CET is 23:00Z on the 2nd)
    expect(between('2026-03-02T08:00:00Z', '2026-03-02T23:00:00Z')).toBe(1);
    expect(between('2026-03-02T08:00:00Z', '2026-03-03T16:00:00Z')).toBe(1);
  });
  it('does not count the weekend', () => {
    // Fri 6 March → Sat 7, Sun 8: 0; Mon 9: 1; Tue 10: 2
    expect(between('2026-03-06T15:00:00Z', '2026-03-07T10:00:00Z')).toBe(0);
    expect(between('2026-03-06T15:00:00Z', '2026-03-08T10:00:00Z')).toBe(0);
    expect(between('2026-03-06T15:00:00Z', '2026-03-09T10:00:00Z')).toBe(1);
    expect(between('2026-03-06T15:00:00Z', '2026-03-10T10:00:00Z')).toBe(2);
    // Sat 7 March → Mon 9: 1
    expect(between('2026-03-07T10:00:00Z', '2026-03-09T10:00:00Z')).toBe(1);
  });
  it('does not count Christmas', () => {
    // Wed 23 Dec 2026 → Thu 24 (1), Fri 25, Sat 26, Sun 27, Mon 28 (2), Tue 29 (3), Wed 30 (4)
    expect(between('2026-12-23T09:00:00Z', '2026-12-24T09:00:00Z')).toBe(1);
    expect(between('2026-12-23T09:00:00Z', '2026-12-27T09:00:00Z')).toBe(1);
    expect(between('2026-12-23T09:00:00Z', '2026-12-28T09:00:00Z')).toBe(2);
    expect(between('2026-12-23T09:00:00Z', '2026-12-29T09:00:00Z')).toBe(3);
    expect(between('2026-12-23T09:00:00Z', '2026-12-30T09:00:00Z')).toBe(4);
    // Wed 23 Dec 2026 → Mon 4 Jan 2027: Thu 24, Mon 28, Tue 29, Wed 30, Thu 31, Mon 4 (Fri 1 Jan is New Year)
    expect(between('2026-12-23T09:00:00Z', '2027-01-04T09:00:00Z')).toBe(6);
  });
  it('is 3 on the due day and 4 the working day after', () => {
    // Mon 2 March 2026 → due Thu 5 March 23:59:59.999 CET; a millisecond later it is Fri 6 March
    const receivedAt = new Date('2026-03-02T08:30:00Z');
    const end = dueAt(receivedAt);
    expect(end.toISOString()).toBe('2026-03-05T22:59:59.999Z');
    expect(workingDaysBetween(receivedAt, end)).toBe(3);
    expect(workingDaysBetween(receivedAt, new Date(end.getTime() + 1))).toBe(4);
  });
  it('is 0 when `until` comes before the day of receipt', () => {
    expect(between('2026-03-05T08:00:00Z', '2026-03-02T08:00:00Z')).toBe(0);
  });
});

describe('Liberation Day (central-government agreement: off every year)', () => {
  // 5 May on a weekday in 2025-2030: Mon 2025, Tue 2026, Wed 2027, Fri 2028, Mon 2030 (Sat 2029).
  it.each(['2025-05-05', '2026-05-05', '2027-05-05', '2028-05-05', '2030-05-05'])('%s is a day off', (date) => {
    expect(isWorkingDay(date)).toBe(false);
  });
  it('moves due dates across it', () => {
    // Mon 4 May 2026 (CEST) → Tue 5 off, Wed 6 (1), Thu 7 (2), Fri 8 (3)
    expect(due('2026-05-04T08:00:00Z')).toBe('2026-05-08T21:59:59.999Z');
    // Fri 2 May 2025 → Mon 5 off, Tue 6 (1), Wed 7 (2), Thu 8 (3)
    expect(due('2025-05-02T08:00:00Z')).toBe('2025-05-08T21:59:59.999Z');
    // Wed 3 May 2028 → Thu 4 (1), Fri 5 off, Mon 8 (2), Tue 9 (3)
    expect(due('2028-05-03T08:00:00Z')).toBe('2028-05-09T21:59:59.999Z');
    expect(between('2026-05-04T08:00:00Z', '2026-05-06T08:00:00Z')).toBe(1);
  });
  it('keeps Good Friday a working day in a due date', () => {
    // Wed 1 April 2026 → Thu 2 (1), Fri 3 Good Friday (2), Easter Monday 6 off, Tue 7 (3)
    expect(due('2026-04-01T08:00:00Z')).toBe('2026-04-07T21:59:59.999Z');
    // Wed 16 April 2025 → Thu 17 (1), Fri 18 Good Friday (2), Easter Monday 21 off, Tue 22 (3)
    expect(due('2025-04-16T08:00:00Z')).toBe('2025-04-22T21:59:59.999Z');
  });
});

describe('WORKING_DAY_CALENDAR: an organisation whose calendar differs', () => {
  afterEach(() => useCalendarChanges({ off: [], on: [] }));

  it('makes days off working days and the other way round, every year or once', () => {
    useCalendarChanges(calendarChanges({ WORKING_DAY_CALENDAR: 'on:05-05, off:good-friday, off:2026-12-24' }));
    expect(isWorkingDay('2026-05-05')).toBe(true);
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2027-03-26')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-12-24')).toBe(false);
    expect(isWorkingDay('2027-12-24')).toBe(true);
    // Wed 1 April 2026 → Thu 2 (1), Fri 3 off, Mon 6 off, Tue 7 (2), Wed 8 (3)
    expect(due('2026-04-01T08:00:00Z')).toBe('2026-04-08T21:59:59.999Z');
  });
  it('refuses what it cannot read, saying how to write it', () => {
    expect(() => calendarChanges({ WORKING_DAY_CALENDAR: 'off:5 May' })).toThrow(/off:<day> or on:<day>/);
    expect(() => calendarChanges({ WORKING_DAY_CALENDAR: 'holiday:05-05' })).toThrow(/WORKING_DAY_CALENDAR/);
    expect(() => calendarChanges({ WORKING_DAY_CALENDAR: 'off:13-01' })).toThrow(/WORKING_DAY_CALENDAR/);
    expect(calendarChanges({})).toEqual({ off: [], on: [] });
  });
});

describe('the calendar: properties', () => {
  it('starts each Amsterdam date at local midnight, which belongs to it and the millisecond before does not', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const date = amsterdamDate(at);
        const start = startOfAmsterdamDate(date);
        expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(amsterdamDate(start)).toBe(date);
        expect(amsterdamDate(new Date(start.getTime() - 1))).not.toBe(date);
        // A day is 23, 24 or 25 hours long.
        const next = startOfAmsterdamDate(amsterdamDate(new Date(start.getTime() + 25 * 3_600_000)));
        expect([23, 24, 25]).toContain((next.getTime() - start.getTime()) / 3_600_000);
      }),
      { numRuns: 200 },
    );
  });

  it('counts working days additively: a to c is a to b plus b to c', () => {
    // b and c up to two months on: long enough to cross holidays and DST switches, short enough to count fast.
    const later = fc.integer({ min: 0, max: 60 * 86_400_000 });
    fc.assert(
      fc.property(instant, later, later, (a, toB, toC) => {
        const [b, c] = [new Date(a.getTime() + toB), new Date(a.getTime() + toB + toC)];
        expect(workingDaysBetween(a, c)).toBe(workingDaysBetween(a, b) + workingDaysBetween(b, c));
      }),
      { numRuns: 100 },
    );
  });

  it('gives the end of the day of receipt for a term of 0, and later due dates for longer terms', () => {
    fc.assert(
      fc.property(instant, fc.nat(8), (receivedAt, workingDays) => {
        expect(amsterdamDate(dueAt(receivedAt, 0))).toBe(amsterdamDate(receivedAt));
        expect(dueAt(receivedAt, workingDays + 1).getTime()).toBeGreaterThan(dueAt(receivedAt, workingDays).getTime());
      }),
      { numRuns: 100 },
    );
  });

  it('has from three to five working days in any seven days in a row (2025–2030)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-05T12:00:00Z'), max: new Date('2030-12-20T12:00:00Z'), noInvalidDate: true }),
        (at) => {
          // Seven calendar dates from the Amsterdam date of `at`: stepping 24 hours instead would skip a date when
          // the run crosses the switch to summer time late in the evening.
          const first = Date.parse(`${amsterdamDate(at)}T00:00:00Z`);
          const days = Array.from({ length: 7 }, (_, i) => new Date(first + i * 86_400_000).toISOString().slice(0, 10));
          const working = days.filter(isWorkingDay).length;
          expect(working).toBeLessThanOrEqual(5);
          expect(working).toBeGreaterThanOrEqual(3);
        },
      ),
      { numRuns: 200, examples: [[new Date('2029-03-21T22:00:00.000Z')]] },
    );
  });
});
