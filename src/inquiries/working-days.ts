// Working-day arithmetic for the knowledge security desk's answer term: a question is due at the end of the
// third Dutch working day after the day it was received, all in Europe/Amsterdam time.
import Holidays from 'date-holidays';

const TIME_ZONE = 'Europe/Amsterdam';
const DAY_MS = 86_400_000;
const DEFAULT_WORKING_DAYS = 3;

/**
 * The calendar of the central-government collective agreement (CAO Rijk), under which the desk (RVO) and the
 * networks work: the public holidays of date-holidays' 'public' type (New Year's Day, Easter Sunday and
 * Monday, King's Day (26 April when the 27th is a Sunday), Ascension Day, Whit Sunday and Monday, Christmas
 * Day and Boxing Day), and Liberation Day, 5 May, every year (date-holidays types it 'school', as most
 * agreements give it only every fifth year). Good Friday ('school' too) is a working day, as are New Year's
 * Eve ('bank') and 'observance' days.
 */
const DAY_OFF_TYPES: ReadonlySet<string> = new Set(['public']);
const CENTRAL_GOVERNMENT_DAYS_OFF = ['05-05'];

/** Changes for an organisation whose calendar differs (WORKING_DAY_CALENDAR, read in src/config.ts). */
export interface CalendarChanges {
  /** Days off besides the central-government ones: MM-DD every year, YYYY-MM-DD once, or good-friday. */
  off: string[];
  /** Days that are working days after all, written the same way. */
  on: string[];
}

let changes: CalendarChanges = { off: [], on: [] };

/**
 * Uses a changed calendar from now on (the server and the command-line tools call it with the configured
 * changes at start). Due dates already stored keep the date they were given: that date was promised.
 */
export function useCalendarChanges(next: CalendarChanges): void {
  changes = { off: [...next.off], on: [...next.on] };
  daysOffByYear.clear();
}

/** The dates of a year that a list of days (MM-DD, YYYY-MM-DD, good-friday) names. */
function datesIn(year: number, days: string[], goodFriday: string): string[] {
  return days.flatMap((day) =>
    day === 'good-friday'
      ? [goodFriday]
      : /^\d{4}-/.test(day)
        ? day.startsWith(`${year}-`)
          ? [day]
          : []
        : [`${year}-${day}`],
  );
}

const dateFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The numbers of an instant's date and time in `format` (0 for what the format leaves out). */
function parts(format: Intl.DateTimeFormat, instant: Date) {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const { type, value } of format.formatToParts(instant)) {
    if (type in out) out[type as keyof typeof out] = Number(value);
  }
  return out;
}

function checkInstant(instant: Date, what: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime()))
    throw new RangeError(`${what} is not a valid date`);
}

/** Days since 1970-01-01 of a YYYY-MM-DD calendar date; throws on anything else. */
function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const time = Date.UTC(year, month - 1, day);
    const check = new Date(time);
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return time / DAY_MS;
    }
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
}

function dateOfDayNumber(dayNum: number): string {
  return new Date(dayNum * DAY_MS).toISOString().slice(0, 10);
}

let holidayCalendar: Holidays | undefined;
const daysOffByYear = new Map<number, ReadonlySet<string>>();

/** The YYYY-MM-DD dates of the days off in a year, computed once per year. */
function daysOff(year: number): ReadonlySet<string> {
  let dates = daysOffByYear.get(year);
  if (!dates) {
    holidayCalendar ??= new Holidays('NL');
    // `date` is the local calendar date, "YYYY-MM-DD hh:mm:ss".
    const holidays = holidayCalendar.getHolidays(year);
    const goodFriday = holidays.find((holiday) => holiday.rule === 'easter -2')?.date.slice(0, 10) ?? '';
    const off = new Set([
      ...holidays.filter((holiday) => DAY_OFF_TYPES.has(holiday.type)).map((holiday) => holiday.date.slice(0, 10)),
      ...datesIn(year, [...CENTRAL_GOVERNMENT_DAYS_OFF, ...changes.off], goodFriday),
    ]);
    for (const date of datesIn(year, changes.on, goodFriday)) off.delete(date);
    dates = off;
    daysOffByYear.set(year, dates);
  }
  return dates;
}

function isWorkingDayNumber(dayNum: number): boolean {
  const weekday = (dayNum + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday, 6 = Saturday
  if (weekday === 0 || weekday === 6) return false;
  const date = dateOfDayNumber(dayNum);
  return !daysOff(Number(date.slice(0, 4))).has(date);
}

/** Amsterdam's offset from UTC (ms, local minus UTC) at an instant. */
function amsterdamOffset(time: number): number {
  const p = parts(dateTimeFormat, new Date(time));
  const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return local - Math.floor(time / 1000) * 1000;
}

/** The instant of 23:59:59.999 Amsterdam time on a day. */
function endOfAmsterdamDay(dayNum: number): Date {
  const localTime = (dayNum + 1) * DAY_MS - 1; // the wall-clock reading, as if it were UTC
  let time = localTime - amsterdamOffset(localTime);
  // A second look settles the case where the first guess lay on the other side of a DST change.
  time = localTime - amsterdamOffset(time);
  return new Date(time);
}

/** The Europe/Amsterdam calendar date (YYYY-MM-DD) of an instant. */
export function amsterdamDate(instant: Date): string {
  checkInstant(instant, 'instant');
  const p = parts(dateFormat, instant);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Whether a calendar date (YYYY-MM-DD) is a working day of the central government (and its configured changes). */
export function isWorkingDay(date: string): boolean {
  return isWorkingDayNumber(dayNumber(date));
}

/**
 * The instant a question received at `receivedAt` is due: the end (23:59:59.999 Amsterdam time) of the third working
 * day after the day of receipt.
 */
export function dueAt(receivedAt: Date, workingDays: number = DEFAULT_WORKING_DAYS): Date {
  if (!Number.isSafeInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`workingDays must be a non-negative integer, got ${workingDays}`);
  }
  let day = dayNumber(amsterdamDate(receivedAt));
  for (let counted = 0; counted < workingDays;) {
    day += 1;
    if (isWorkingDayNumber(day)) counted += 1;
  }
  return endOfAmsterdamDay(day);
}

/**
 * Working days from the day of receipt (exclusive) to the day of `until` (inclusive), both in Amsterdam time; 0 when
 * answered on the day of receipt (or on a non-working day right after it).
 */
export function workingDaysBetween(receivedAt: Date, until: Date): number {
  const first = dayNumber(amsterdamDate(receivedAt));
  const last = dayNumber(amsterdamDate(until));
  // An `until` before the day of receipt gives an empty range: 0.
  let count = 0;
  for (let day = first + 1; day <= last; day += 1) {
    if (isWorkingDayNumber(day)) count += 1;
  }
  return count;
}

/** The instant a calendar date (YYYY-MM-DD) begins in Amsterdam: 00:00 local time. */
export function startOfAmsterdamDate(date: string): Date {
  return new Date(endOfAmsterdamDay(dayNumber(date) - 1).getTime() + 1);
}
