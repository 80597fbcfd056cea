// Type declarations for the two language packages that ship none.

declare module 'snowball-stemmers' {
  interface Stemmer {
    stem(word: string): string;
  }
  const snowball: { newStemmer(language: string): Stemmer; algorithms(): string[] };
  export = snowball;
}

declare module 'stopword' {
  /** Stop word lists by ISO 639-3 code. */
  export const eng: string[];
  export const nld: string[];
}
