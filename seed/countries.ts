import { createRequire } from 'node:module';
import countries, { type LocaleData } from 'i18n-iso-countries';
import { nameKeys } from '../src/text.js';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as LocaleData);
countries.registerLocale(require('i18n-iso-countries/langs/nl.json') as LocaleData);

export interface CountrySeed {
  id: string;
  alpha3: string;
  numeric: string;
  name: string;
  nameNl: string;
  keys: string[];
}

/** Where the package's shortest name is not the one people use. */
const ENGLISH_DISPLAY_NAME: Record<string, string> = { GB: 'United Kingdom' };

/**
 * The name people use: the shortest that is neither an abbreviation nor inverted ("Korea, Republic of");
 * when only inverted forms exist, the part before the comma ("Moldova").
 */
function displayName(names: string[]): string {
  const words = names.filter((n) => !/^[A-Z.]+$/.test(n));
  const upright = words.filter((n) => !n.includes(', '));
  const candidates = upright.length > 0 ? upright : words.map((n) => n.split(', ')[0] ?? n);
  return candidates.reduce((best, n) => (n.length < best.length ? n : best));
}

function allNames(code: string, lang: 'en' | 'nl'): string[] {
  const names = countries.getName<{ select: 'all' }>(code, lang, { select: 'all' });
  return names && names.length > 0 ? names : [code];
}

/** Every ISO 3166-1 country with English and Dutch names from the maintained i18n-iso-countries package. */
export function isoCountries(): CountrySeed[] {
  return Object.keys(countries.getAlpha2Codes())
    .sort()
    .map((id) => {
      const en = allNames(id, 'en');
      const nl = allNames(id, 'nl');
      const alpha3 = countries.alpha2ToAlpha3(id) ?? id;
      const name = ENGLISH_DISPLAY_NAME[id] ?? displayName(en);
      const nameNl = displayName(nl);
      return {
        id,
        alpha3,
        numeric: countries.alpha2ToNumeric(id) ?? '',
        name,
        nameNl,
        keys: nameKeys(id, alpha3, name, nameNl, ...en, ...nl),
      };
    });
}
