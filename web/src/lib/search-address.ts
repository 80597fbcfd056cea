// A search in the page's address: the question, the country or region chosen, and how many experts are shown. Opening
// such an address (a reload, a link someone shared) asks the question again and shows as many experts.
export interface SearchAddress {
  question: string;
  country: string;
  shown: number;
}

/** The first page's size, and the most experts a link may ask for at once (whoKnows's `first`). */
export const PAGE_SIZE = 10;
const MOST_SHOWN = 100;

export function readAddress(search: string): SearchAddress {
  const params = new URLSearchParams(search);
  const shown = Number(params.get('shown'));
  return {
    question: params.get('q')?.trim() ?? '',
    country: params.get('country')?.trim() ?? '',
    shown: Number.isInteger(shown) && shown > PAGE_SIZE ? Math.min(shown, MOST_SHOWN) : PAGE_SIZE,
  };
}

/** The page's address for a search: opening it asks the question again and shows as many experts. */
export function addressOf(search: SearchAddress, base: string): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  url.searchParams.set('q', search.question);
  if (search.country) url.searchParams.set('country', search.country);
  if (search.shown > PAGE_SIZE) url.searchParams.set('shown', String(Math.min(search.shown, MOST_SHOWN)));
  return url.toString();
}
