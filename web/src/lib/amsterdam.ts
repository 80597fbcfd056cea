// Calendar dates as the API counts them: in Europe/Amsterdam, whatever time zone the browser is set to.
export const TIME_ZONE = 'Europe/Amsterdam';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A moment's calendar date and time in Amsterdam (month 1–12). */
export function amsterdamParts(moment: Date) {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(PARTS.formatToParts(moment).find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment's date in Amsterdam, as YYYY-MM-DD (what a date input holds). */
export function amsterdamDay(moment: Date): string {
  const { year, month, day } = amsterdamParts(moment);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** How far Amsterdam's clock is ahead of UTC at a moment, in milliseconds. */
function offsetAt(time: number): number {
  const p = amsterdamParts(new Date(time));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(time / 1000) * 1000;
}

/** The moment a day (YYYY-MM-DD) begins in Amsterdam. */
export function amsterdamMidnight(day: string): Date {
  const asUtc = Date.parse(`${day}T00:00:00Z`);
  // The offset at the guess settles it: midnight is never inside a summer-time switch (those are at 02:00/03:00).
  return new Date(asUtc - offsetAt(asUtc - offsetAt(asUtc)));
}

/** The day after a day (YYYY-MM-DD). */
export const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
