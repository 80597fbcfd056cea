/**
 * Numbers, counts, days and lists as each language writes them (Intl with en-GB and nl-NL): shared by the API's
 * catalogues and the pages, so that "1.234,5", "3 maart 2026" and "1 bijdrage" read the same everywhere.
 */
import type { Language } from './language.js';

const LOCALES: Record<Language, string> = { en: 'en-GB', nl: 'nl-NL' };

/** The locale Intl writes a language in. */
export const localeOf = (language: Language): string => LOCALES[language];

/** The two forms a count takes in English and Dutch: 1 (`one`) and every other number (`other`). */
export interface Forms {
  one: string;
  other: string;
}

const PLURAL_RULES = {
  en: new Intl.PluralRules(LOCALES.en),
  nl: new Intl.PluralRules(LOCALES.nl),
} satisfies Record<Language, Intl.PluralRules>;

/** The form of a noun for `count` ("inquiry" or "inquiries"), as the language's plural rules choose it. */
export const pluralForm = (language: Language, count: number, forms: Forms): string =>
  PLURAL_RULES[language].select(count) === 'one' ? forms.one : forms.other;

/** A number as the language writes it: "1,234.5", "1.234,5". */
export const numberInWords = (language: Language, value: number, options?: Intl.NumberFormatOptions): string =>
  new Intl.NumberFormat(LOCALES[language], options).format(value);

/** "3 contributions", "1 bijdrage": the number with the form its count takes. */
export const countOf = (language: Language, count: number, forms: Forms): string =>
  `${numberInWords(language, count)} ${pluralForm(language, count, forms)}`;

const DAYS = {
  en: new Intl.DateTimeFormat(LOCALES.en, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }),
  nl: new Intl.DateTimeFormat(LOCALES.nl, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }),
} satisfies Record<Language, Intl.DateTimeFormat>;

/** "3 March 2026", "3 maart 2026": the day in Dutch time (where the networks work), whatever the reader's zone. */
export function dayInWords(language: Language, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DAYS[language].format(date);
}

/** A date a list gives, which may be a year alone: "2001", or "3 March 2001" for a day. */
export const sinceInWords = (language: Language, value: string): string =>
  /^\d{4}$/.test(value) ? value : dayInWords(language, value);

/** "Taiwan or China", "Taiwan of China" (`disjunction`); "A, B and C", "A, B en C" (`conjunction`). */
export const listInWords = (language: Language, items: string[], type: 'conjunction' | 'disjunction'): string =>
  new Intl.ListFormat(LOCALES[language], { type }).format(items);
