// The language of a name in its original script, for its `lang` attribute (so that a screen reader reads it in
// that language and the browser picks a suitable font). Known from the script, with the country where the script
// alone does not say (Arabic script in Iran is Persian); undefined when not known.
const SCRIPTS: Array<[RegExp, (country: string | null) => string]> = [
  [/[\u3040-\u30ff]/u, () => 'ja'],
  [/\p{Script=Hangul}/u, () => 'ko'],
  [/\p{Script=Han}/u, (country) => (country === 'JP' ? 'ja' : 'zh')],
  [/\p{Script=Cyrillic}/u, (country) => (country === 'BY' ? 'be' : country === 'UA' ? 'uk' : 'ru')],
  [/\p{Script=Arabic}/u, (country) => (country === 'IR' ? 'fa' : country === 'PK' ? 'ur' : 'ar')],
  [/\p{Script=Hebrew}/u, () => 'he'],
  [/\p{Script=Greek}/u, () => 'el'],
  [/\p{Script=Thai}/u, () => 'th'],
];

/** The BCP 47 language of `text` as far as its script (and the country it is from) tells, else undefined. */
export function scriptLang(text: string, country: string | null = null): string | undefined {
  for (const [pattern, lang] of SCRIPTS) if (pattern.test(text)) return lang(country?.toUpperCase() ?? null);
  return undefined;
}
