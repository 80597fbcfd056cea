// Dutch and English labels. The language is the user's last choice, else the browser's (Dutch for nl-*).
import { TIME_ZONE } from './amsterdam';

export type Lang = 'en' | 'nl';
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

export const formatDate = (iso: string | null | undefined): string =>
  iso
    ? new Date(iso).toLocaleDateString(currentLang() === 'nl' ? 'nl-NL' : 'en-GB', {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        timeZone: TIME_ZONE,
      })
    : '';
