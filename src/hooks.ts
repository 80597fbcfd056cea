import { onChange, onTransactionChanges } from './audit/service.js';
import { refreshDuplicateCandidates } from './experts/duplicates/repository.js';
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
  // Every audited change of experts, contributions, inquiries and themes rewrites the stored whoKnows standings it moves.
  onTransactionChanges(keepStandingsCurrent);
}
