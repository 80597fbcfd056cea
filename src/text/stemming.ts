import snowball from 'snowball-stemmers';

/**
 * Word stems from the Snowball algorithms (the same family as the English and Dutch analyzers of the
 * full-text indexes), through the `snowball-stemmers` port: plain JavaScript, no dependencies.
 */
const english = snowball.newStemmer('english');
const dutch = snowball.newStemmer('dutch');

/** Lower case, accents off, ligatures spelt out: "Azië" and "azie" are one word, and so are "bedrĳf" and "bedrijf". */
export function plainWord(word: string): string {
  // Most words are plain ASCII: no need to decompose them.
  const lower = word.toLowerCase();
  return /^\p{ASCII}*$/u.test(lower) ? lower : lower.normalize('NFKD').replace(/\p{Diacritic}/gu, '');
}

export const stemDutch = (word: string): string => dutch.stem(plainWord(word));

/**
 * One form for a word in either language: English stemming, then Dutch. Names and questions go through the
 * same function, so "semiconductors" meets "semiconductor", "halfgeleiders" meets "halfgeleider" and
 * "Russische" meets "Russisch" without knowing which language a word is in.
 */
export function matchForm(word: string): string {
  const plain = plainWord(word);
  return dutch.stem(english.stem(plain));
}
