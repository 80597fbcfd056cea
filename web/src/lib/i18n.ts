// Dutch and English labels. The language is the user's last choice, else the browser's (Dutch for nl-*). Numbers,
// dates and plurals come from the message catalogue the API words its reasons with (src/messages/), so both agree.
import { countOf, localeOf, numberInWords, type Forms } from '../../../src/messages/format';
import type { Language } from '../../../src/messages/language';
import { TIME_ZONE } from './amsterdam';

export type Lang = Language;
const KEY = 'expertise-graph.lang';

export function currentLang(): Lang {
  const chosen = localStorage.getItem(KEY);
  if (chosen === 'en' || chosen === 'nl') return chosen;
  // Older browsers have no navigator.languages, only navigator.language.
  const languages = navigator.languages as readonly string[] | undefined;
  return (languages ?? [navigator.language]).some((tag) => /^nl\b/i.test(tag)) ? 'nl' : 'en';
}

export function setLang(lang: Lang): void {
  localStorage.setItem(KEY, lang);
}

/** A label table in both languages; `t(key)` picks the current one. */
export function labels<T extends Record<string, string>>(table: {
  en: T;
  nl: { [K in keyof T]: string };
}): (key: keyof T) => string {
  const lang = currentLang();
  document.documentElement.lang = lang;
  return (key) => table[lang][key];
}

/** The Dutch name where there is one and the page is in Dutch. */
export const localName = (item: { name: string; nameNl?: string | null }): string =>
  currentLang() === 'nl' && item.nameNl ? item.nameNl : item.name;

/**
 * Text the graph holds in English and maybe in Dutch (a headline): the page's language where there is one, and
 * whether what is shown is English on a Dutch page (to be marked `lang="en"`, so that a screen reader reads it so).
 */
export function localText(english: string | null | undefined, dutch: string | null | undefined) {
  const text = currentLang() === 'nl' && dutch ? dutch : (english ?? null);
  return { text, lang: currentLang() === 'nl' && text !== null && text === english ? 'en' : undefined };
}

/** Attributes for text that is English whatever the page's language (an API message): `lang="en"` on a Dutch page. */
export const englishOnly = (): { lang?: string } => (currentLang() === 'nl' ? { lang: 'en' } : {});

/** A number in the page's language: "1.234,5" on a Dutch page. */
export const formatNumber = (value: number, options?: Intl.NumberFormatOptions): string =>
  numberInWords(currentLang(), value, options);

/** "3 experts", "1 expert": the count with the form the page's language takes for it. */
export const formatCount = (count: number, forms: { en: Forms; nl: Forms }): string =>
  countOf(currentLang(), count, forms[currentLang()]);

export const formatDate = (iso: string | null | undefined): string =>
  iso
    ? new Date(iso).toLocaleDateString(localeOf(currentLang()), {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        timeZone: TIME_ZONE,
      })
    : '';
