/** How the reasons put numbers, quotes and dates into words. */

export const round = (value: number) => Math.round(value * 100) / 100;
export const signed = (value: number) => `+${round(value)}`;
export const quote = (text: string) => `“${text}”`;
export const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const DAY_IN_WORDS = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});

/** "3 March 2026". */
export function dayInWords(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DAY_IN_WORDS.format(date);
}
