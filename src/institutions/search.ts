import type { Queries } from '../db/database.js';
import { BadInputError } from '../errors.js';
import { nameOrderedConnection, type PageArgs } from '../graphql/paging.js';
import { TEXT_LIMITS } from '../writes/checks.js';
import { pageOfInstitutionsNamed, pageOfInstitutions } from './repository.js';

/** Words a search by name may hold: more say nothing a form's field needs, and each costs a comparison per node. */
export const MAX_SEARCH_WORDS = 8;

/**
 * The words of a search by name, lower case: letters and digits, so "TU-Delft" and "tu delft" are the same search.
 * Refuses a search too long, or with nothing to search for, saying what to send.
 */
export function searchWords(text: string): string[] {
  if (text.length > TEXT_LIMITS.line)
    throw new BadInputError(
      `search is ${text.length} characters long; the limit is ${TEXT_LIMITS.line}: give part of a name.`,
      { argument: 'search' },
    );
  const words = [...new Set(text.toLowerCase().split(/[^\p{Letter}\p{Number}]+/u))].filter((w) => w.length > 0);
  if (words.length === 0)
    throw new BadInputError('search holds no letters or digits: give part of a name, e.g. "delft".', {
      argument: 'search',
    });
  if (words.length > MAX_SEARCH_WORDS)
    throw new BadInputError(
      `search has ${words.length} words; the limit is ${MAX_SEARCH_WORDS}: give fewer, e.g. the distinctive ones.`,
      { argument: 'search' },
    );
  return words;
}

/** A page of the institutions, by English name: all, or those a search by name finds. */
export function institutionsPage(queries: Queries, args: PageArgs & { search?: string | null }) {
  const words = args.search === undefined || args.search === null ? null : searchWords(args.search);
  return nameOrderedConnection(args, (size, after) =>
    words ? pageOfInstitutionsNamed(queries, words, size, after) : pageOfInstitutions(queries, size, after),
  );
}
