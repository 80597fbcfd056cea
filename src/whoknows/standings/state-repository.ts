import type { Run } from '../../db/database.js';
/**
 * Whether the stored standings can be trusted: the `StandingsState` node records the formula they were
 * worked out with and a signature of the graph they reflect, counts read from Neo4j's count store (and
 * a few index counts), one look-up each:
 *
 * - audited transactions add their own changes to it (worked out from their before/after snapshots),
 *   under the node's write lock, in the transaction that keeps the standings current;
 * - anything that writes around `audited()` (a fixture written with plain Cypher, a tool) changes the
 *   counts but not the signature, so the read path sees the difference, answers from scratch, and asks
 *   for a rebuild;
 * - a rebuild records the counts it starts from, and is complete only if no later rebuild took over.
 *
 * Changes of properties alone (a level, a retirement) outside `audited()` are not seen: the rebuild
 * command (`npm run rankings -- --check`) finds those.
 */
import { createHash } from 'node:crypto';
import type { Snapshot } from '../../audit/repository.js';
import type { SubjectChange } from '../../audit/service.js';
import { RANKING_WEIGHTS, STANDING_SCORE } from './formula.js';

export const STANDINGS_STATE = 'StandingsState';
const STATE_ID = 'standings';

/**
 * What is stored with each standing beside its score (facts.ts): standings stored in another shape are stale
 * (a database whose standings predate the stored facts is rebuilt, not read).
 */
const STORED_SHAPE = 'facts-json-v2-theme-points';

/** Fingerprint of the formula, its weights and the stored shape: standings worked out with another one are stale. */
export const FORMULA = createHash('sha256')
  .update(STANDING_SCORE)
  .update(JSON.stringify(RANKING_WEIGHTS))
  .update(STORED_SHAPE)
  .digest('hex')
  .slice(0, 16);

interface Counted {
  name: string;
  cypher: string;
  /** This count's change made by one audited subject change. */
  delta: (change: SubjectChange) => number;
}

const present = (snapshot: Snapshot | null) => (snapshot === null ? 0 : 1);
const links = (snapshot: Snapshot | null, type: string) =>
  ((snapshot?.[`→${type}`] as unknown[] | undefined) ?? []).length;
const retired = (snapshot: Snapshot | null) => (snapshot !== null && snapshot.retiredAt != null ? 1 : 0);

const nodes = (label: SubjectChange['label']): Counted => ({
  name: `n${label}`,
  cypher: `MATCH (n:${label}) RETURN count(n) AS value`,
  delta: (c) => (c.label === label ? present(c.after) - present(c.before) : 0),
});
const rels = (label: SubjectChange['label'] | 'Country', type: string): Counted => ({
  name: `r${label}${type}`,
  cypher: `MATCH (:${label})-[r:${type}]->() RETURN count(r) AS value`,
  delta: (c) => (c.label === label ? links(c.after, type) - links(c.before, type) : 0),
});
const retirements = (label: SubjectChange['label']): Counted => ({
  name: `retired${label}`,
  cypher: `MATCH (n:${label}) WHERE n.retiredAt IS NOT NULL RETURN count(n) AS value`,
  delta: (c) => (c.label === label ? retired(c.after) - retired(c.before) : 0),
});

/** What the standings are worked out from, as counts. */
const SIGNATURE: Counted[] = [
  nodes('Expert'),
  nodes('Contribution'),
  nodes('Inquiry'),
  nodes('Theme'),
  rels('Expert', 'EXPERT_IN'),
  rels('Expert', 'FOCUSES_ON'),
  rels('Contribution', 'BY'),
  rels('Contribution', 'ABOUT'),
  rels('Contribution', 'CONCERNS'),
  rels('Inquiry', 'CONSULTED'),
  rels('Inquiry', 'ABOUT'),
  rels('Inquiry', 'CONCERNS'),
  rels('Theme', 'BROADER'),
  rels('Country', 'IN_REGION'),
  retirements('Expert'),
  retirements('Contribution'),
  retirements('Theme'),
];

/** Cypher returning `counts`, a map of the signature's counts as the graph has them now (a look-up each). */
export const CURRENT_COUNTS = `
  CALL () {
    ${SIGNATURE.map((c, i) => `CALL () { ${c.cypher.replace('AS value', `AS c${i}`)} }`).join('\n    ')}
    RETURN {${SIGNATURE.map((c, i) => `${c.name}: c${i}`).join(', ')}} AS counts
  }`;

/**
 * Cypher returning `fresh`: whether the stored standings reflect the graph (the state is complete, of this
 * formula, and its signature equals the counts now). Needs `$formula`.
 */
export const STANDINGS_FRESH = `
  ${CURRENT_COUNTS}
  OPTIONAL MATCH (state:${STANDINGS_STATE} {id: '${STATE_ID}'})
  WITH coalesce(state.complete, false) AND state.formula = $formula
       AND all(name IN keys(counts) WHERE state['c_' + name] = counts[name]) AS fresh`;

/** The signature's changes made by an audited transaction's changes, non-zero ones only. */
export function signatureDelta(changes: SubjectChange[]): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const counted of SIGNATURE) {
    const sum = changes.reduce((total, change) => total + counted.delta(change), 0);
    if (sum !== 0) delta[counted.name] = sum;
  }
  return delta;
}

/**
 * Adds an audited transaction's changes to the signature, under the state's write lock (taken before it
 * is read, so that concurrent transactions add up instead of overwriting each other). Nothing to do
 * before the first build.
 */
export async function addToSignature(run: Run, delta: Record<string, number>): Promise<void> {
  if (Object.keys(delta).length === 0) return;
  await run(
    `MATCH (state:${STANDINGS_STATE} {id: '${STATE_ID}'})
     SET state.lockedForUpdate = true
     REMOVE state.lockedForUpdate
     WITH state
     UNWIND keys($delta) AS name
     WITH state, 'c_' + name AS property, $delta[name] AS change
     SET state[property] = coalesce(state[property], 0) + change`,
    { delta },
  );
}

/**
 * Marks the standings as not reflecting the graph (a change too wide to rewrite in its own transaction):
 * reads rank from scratch until the rebuild the read path then asks for has finished.
 */
export async function markStale(run: Run): Promise<void> {
  await run(`MATCH (state:${STANDINGS_STATE} {id: '${STATE_ID}'}) SET state.complete = false, state.rebuildId = null`);
}

/** Starts a rebuild: records the counts now and the rebuild's id, and marks the standings incomplete. */
export async function beginRebuild(run: Run, rebuildId: string): Promise<void> {
  // The lock first: a transaction adding its changes to the old signature commits before the counts are read.
  await run(
    `MERGE (state:${STANDINGS_STATE} {id: '${STATE_ID}'})
     SET state.lockedForUpdate = true
     REMOVE state.lockedForUpdate`,
  );
  await run(
    `${CURRENT_COUNTS}
     MATCH (state:${STANDINGS_STATE} {id: '${STATE_ID}'})
     SET state.complete = false, state.rebuildId = $rebuildId, state.formula = $formula, state.startedAt = datetime()
     WITH state, counts
     UNWIND keys(counts) AS name
     WITH state, 'c_' + name AS property, counts[name] AS value
     SET state[property] = value`,
    { rebuildId, formula: FORMULA },
  );
}

/** Ends a rebuild: complete, unless another rebuild began meanwhile (that one finishes the job). Says which. */
export async function endRebuild(run: Run, rebuildId: string): Promise<boolean> {
  const [row] = await run(
    `MATCH (state:${STANDINGS_STATE} {id: '${STATE_ID}'})
     SET state.lockedForUpdate = true
     REMOVE state.lockedForUpdate
     WITH state, state.rebuildId = $rebuildId AS mine
     SET state.complete = CASE WHEN mine THEN true ELSE state.complete END,
         state.builtAt = CASE WHEN mine THEN datetime() ELSE state.builtAt END
     RETURN mine`,
    { rebuildId },
  );
  return row?.mine === true;
}

/** Whether the stored standings reflect the graph now (see STANDINGS_FRESH). */
export async function standingsFresh(run: Run): Promise<boolean> {
  const [row] = await run(`${STANDINGS_FRESH} RETURN fresh`, { formula: FORMULA });
  return row?.fresh === true;
}
