/**
 * The stored likely duplicate pairs at start: audited writes keep them in step (the change hook in src/hooks.ts) and
 * the seed works out those of its experts, so every pair is worked out again only when the graph says they were
 * never all worked out (a database from before they were stored, a restore of one) or were worked out with another
 * scoring. A marker node records when that was last done; nothing is redone on an ordinary start.
 */
import { createHash } from 'node:crypto';
import type { Queries } from '../../db/database.js';
import { duplicatePairsState, recordDuplicatePairsWorkedOut, refreshAllDuplicateCandidates } from './repository.js';
import { DUPLICATE_POINTS } from './scoring.js';

/** Raise it when `likelyDuplicates` decides otherwise with the same points: the next start redoes the pairs. */
const SCORING_REVISION = 1;

/** Fingerprint of the scoring: pairs worked out with another one are stale. */
export const DUPLICATE_SCORING = createHash('sha256')
  .update(JSON.stringify(DUPLICATE_POINTS))
  .update(String(SCORING_REVISION))
  .digest('hex')
  .slice(0, 16);

export interface DuplicatePairsState {
  hasExperts: boolean;
  /** The scoring every pair was last worked out with; null when they never all were. */
  workedOutWith: string | null;
}

/** Why every pair must be worked out again, in words for the start's log; null when the stored pairs hold. */
export function whyRedoDuplicatePairs(state: DuplicatePairsState, scoring = DUPLICATE_SCORING): string | null {
  if (!state.hasExperts) return null;
  if (state.workedOutWith === null)
    return 'never all worked out for this graph (a database from before they were stored, or restored from one)';
  if (state.workedOutWith !== scoring) return 'worked out with another scoring';
  return null;
}

/** Records that every pair reflects the experts now (after a seed into an empty database, which works out all). */
export function markDuplicatePairsCurrent(queries: Queries): Promise<void> {
  return recordDuplicatePairsWorkedOut(queries, DUPLICATE_SCORING);
}

/** Works every pair out again when they do not hold (whyRedoDuplicatePairs), saying why and how long it took. */
export async function keepDuplicatePairs(queries: Queries, log: (line: string) => void): Promise<void> {
  const why = whyRedoDuplicatePairs(await duplicatePairsState(queries));
  if (why === null) return;
  log(`Likely duplicate pairs ${why}: working them out…`);
  const started = performance.now();
  await refreshAllDuplicateCandidates(queries);
  await markDuplicatePairsCurrent(queries);
  log(`Likely duplicate pairs worked out in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
