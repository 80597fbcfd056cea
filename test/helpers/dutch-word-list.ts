import { beforeAll } from 'vitest';
import { isDutchWord } from '../../src/text/dutch-lexicon.js';

/**
 * Reads the Dutch word list (once per process) before the file's tests, under a timeout of its own: it takes
 * a few hundred milliseconds, but seconds on a loaded machine, which the first test to split a compound
 * would otherwise pay inside its 5-second timeout.
 */
export function readDutchWordListFirst(): void {
  beforeAll(() => {
    isDutchWord('kennis');
  }, 60_000);
}
