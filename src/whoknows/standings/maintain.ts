import type { Run } from '../../db/database.js';
/**
 * Keeps the stored standings current in every audited transaction (registered in src/hooks.ts): one
 * hook sees all of the transaction's changes, works out which experts they touch, locks those experts
 * in one sorted order, rewrites their standings and adds the changes to the state's signature.
 */
import type { Snapshot } from '../../audit/repository.js';
import type { SubjectChange } from '../../audit/service.js';
import { expertsClaiming, expertsUnderTheme, recomputeStandings } from './store-repository.js';
import { addToSignature, markStale, signatureDelta } from './state-repository.js';

/** The ids a snapshot's `→TYPE` links point at (a link with properties is stored as `{to, …}`). */
function linked(snapshot: Snapshot | null, type: string): string[] {
  const entries = (snapshot?.[`→${type}`] as unknown[] | undefined) ?? [];
  return entries.map((entry) => (typeof entry === 'string' ? entry : String((entry as { to: unknown }).to)));
}

/**
 * Fields of a theme whose change moves experts' standings: its place in the hierarchy, its retirement, its existence.
 */
const THEME_FIELDS = new Set(['→BROADER', 'retiredAt']);

/** The experts whose standings a transaction's changes may move. */
export async function touchedExperts(run: Run, changes: SubjectChange[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const change of changes) {
    const { before, after } = change;
    switch (change.label) {
      case 'Expert':
        ids.add(change.id);
        break;
      case 'Contribution':
        for (const id of [...linked(before, 'BY'), ...linked(after, 'BY')]) ids.add(id);
        break;
      case 'Inquiry':
        for (const id of [...linked(before, 'CONSULTED'), ...linked(after, 'CONSULTED')]) ids.add(id);
        break;
      case 'Theme':
        if (before === null || after === null || change.fields.some((field) => THEME_FIELDS.has(field))) {
          for (const id of await expertsUnderTheme(run, change.id)) ids.add(id);
          // The broader themes it joined or left: their claimants' claims count for the themes just below.
          for (const id of await expertsClaiming(run, [...linked(before, 'BROADER'), ...linked(after, 'BROADER')]))
            ids.add(id);
        }
        break;
      default:
        // Institutions, networks and events play no part in the score.
        break;
    }
  }
  return [...ids].sort();
}

/**
 * How much of the standings a transaction rewrites itself, beside its own change: the experts it reads
 * (batch by batch, see writeStandings) and the standings it writes. Each written standing holds its facts
 * (about 0.6 kB) in Neo4j's transaction state, a few kB in all: in the bench's graph, where an expert has
 * some 130 standings, a 1,000-row CSV import that shifts every level would write 130,000 and ran out of
 * the transaction memory of a 1 GiB heap (70 % of it). 25,000 stays well inside the default 512 MiB heap's.
 * Curation writes and imports of a few hundred rows fit; a bigger import, or moving a broad theme in the
 * hierarchy (every expert below it), leaves the rewrite to the background rebuild, whoKnows ranking from
 * scratch meanwhile (correct, at the old cost).
 */
export const MAX_EXPERTS_IN_TRANSACTION = 2_000;
export const MAX_STANDINGS_IN_TRANSACTION = 25_000;

/**
 * The transaction hook: rewrites the standings of the experts the changes touch, and records the changes in the
 * signature.
 */
export async function keepStandingsCurrent(run: Run, changes: SubjectChange[]): Promise<void> {
  const experts = await touchedExperts(run, changes);
  if (
    experts.length > MAX_EXPERTS_IN_TRANSACTION ||
    !(await recomputeStandings(run, experts, MAX_STANDINGS_IN_TRANSACTION))
  ) {
    await markStale(run);
    return;
  }
  await addToSignature(run, signatureDelta(changes));
}
