import { onChange, onTransactionChanges } from './audit/service.js';
import { refreshSearchTerms, SEARCHED_LABELS } from './db/search-terms.js';
import { refreshDuplicateCandidates } from './experts/duplicates/repository.js';
import { invalidateVocabulary } from './names/service.js';
import { refreshOtherNames } from './institutions/repository.js';
import { keepStandingsCurrent } from './whoknows/standings/maintain.js';

let registered = false;

/**
 * Registers the upkeep of data derived from audited changes, once per process. Every entry point (server,
 * CLIs, seed, bench, tests writing fixtures) calls it, so they all keep the derived data the same way.
 */
export function registerHooks(): void {
  if (registered) return;
  registered = true;
  // Every audited change of experts (create, update, retire, merge, erase, CSV import) rescores their pairs.
  onChange('Expert', refreshDuplicateCandidates);
  // Every audited write of profiles, contributions and inquiries splits their Dutch compounds for full-text search.
  for (const label of SEARCHED_LABELS) onChange(label, (run, ids) => refreshSearchTerms(run, label, ids));
  // An institution's other names are one text for the full-text index of names (duplicates, screening).
  onChange('Institution', refreshOtherNames);
  // Names recognised in free text (interpretQuestion) are loaded again after themes or institutions change (a rename
  // included, which the counts the name resolution compares do not show).
  for (const label of ['Theme', 'Institution'] as const) {
    onChange(label, () => {
      invalidateVocabulary();
      return Promise.resolve();
    });
  }
  // Every audited change of experts, contributions, inquiries and themes rewrites the stored whoKnows standings it
  // moves.
  onTransactionChanges(keepStandingsCurrent);
}
