/**
 * The stored standings worked out from scratch, and the drift between what is stored and what should be:
 * in batches of experts (one transaction each, in id order), so memory stays bounded at any graph size.
 */
import { randomUUID } from 'node:crypto';
import type { Queries, Run } from '../../db/database.js';
import { progressLines } from '../../logging.js';
import {
  deleteOrphanStandings,
  deleteUnusedKeys,
  driftOf,
  expertCount,
  expertIdsAfter,
  orphanStandingCount,
  recomputeStandings,
  storedCountsPerKey,
  type StandingsDrift,
} from './store-repository.js';
import { beginRebuild, endRebuild, standingsFresh } from './state-repository.js';

/** Experts per transaction: each has a few dozen standings, each worked out by STANDING_SCORE. */
export const BATCH_EXPERTS = 250;

/** Expert ids in id order, a batch at a time. */
async function* expertBatches(queries: Queries, size: number): AsyncGenerator<string[]> {
  let after = '';
  for (;;) {
    const ids = await expertIdsAfter(queries, after, size);
    const last = ids.at(-1);
    if (last === undefined) return;
    yield ids;
    after = last;
  }
}

/**
 * Works out every expert's standings again, a batch per transaction, while the API may go on writing:
 * each batch locks its experts as a change would. Marks the standings incomplete meanwhile (reads rank
 * from scratch) and complete at the end, unless another rebuild started meanwhile. Returns the experts done.
 */
export async function rebuildStandings(
  queries: Queries,
  log: (line: string) => void = () => {},
  stopRequested: () => boolean = () => false,
  pace: { batch: number; pauseMs: number } = { batch: BATCH_EXPERTS, pauseMs: 0 },
): Promise<{ complete: boolean; experts: number }> {
  const rebuildId = randomUUID();
  await queries.writeTransaction((run) => beginRebuild(run, rebuildId));
  await queries.writeTransaction((run) => deleteOrphanStandings(run));
  let count = 0;
  const total = await expertCount(queries);
  const progress = progressLines(
    (done) => `  standings of ${done} of ${total} experts worked out (${Math.round((100 * done) / total)} %)…`,
    log,
  );
  for await (const ids of expertBatches(queries, pace.batch)) {
    if (pace.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pace.pauseMs));
    // Stopped half-way, the state stays incomplete: the next start rebuilds.
    if (stopRequested()) return { complete: false, experts: count };
    await queries.writeTransaction((run) => recomputeStandings(run, ids));
    count += ids.length;
    progress(count);
  }
  await queries.writeTransaction((run) => deleteUnusedKeys(run));
  const finished = await queries.writeTransaction((run) => endRebuild(run, rebuildId));
  return { complete: finished, experts: count };
}

export interface DriftReport extends Omit<StandingsDrift, 'expectedPerKey'> {
  experts: number;
  /** Keys whose count (their hub's degree) differs from the number of experts that should stand there. */
  wrongCounts: number;
  /** Standings on nodes that are not experts any more. */
  orphans: number;
  /** Whether the state says the standings reflect the graph (formula, signature, complete). */
  fresh: boolean;
}

const EXAMPLES = 10;

/** Compares every stored standing with a from-scratch one, a batch of experts at a time; writes nothing. */
export async function checkStandings(queries: Queries): Promise<DriftReport> {
  const report: DriftReport = {
    experts: 0,
    missing: 0,
    extra: 0,
    wrongScore: 0,
    wrongFacts: 0,
    examples: [],
    wrongCounts: 0,
    orphans: 0,
    fresh: false,
  };
  const expectedPerKey = new Map<string, number>();
  const read = <T>(work: (run: Run) => Promise<T>) => queries.writeTransaction(work);
  for await (const ids of expertBatches(queries, BATCH_EXPERTS)) {
    // A read-only transaction: STANDING_SCORE and the comparison write nothing.
    const drift = await read((run) => driftOf(run, ids, EXAMPLES));
    report.experts += ids.length;
    report.missing += drift.missing;
    report.extra += drift.extra;
    report.wrongScore += drift.wrongScore;
    report.wrongFacts += drift.wrongFacts;
    report.examples.push(...drift.examples.slice(0, EXAMPLES - report.examples.length));
    for (const [key, count] of Object.entries(drift.expectedPerKey))
      expectedPerKey.set(key, (expectedPerKey.get(key) ?? 0) + count);
  }
  const storedPerKey = await storedCountsPerKey(queries);
  for (const key of new Set([...expectedPerKey.keys(), ...storedPerKey.keys()])) {
    const expected = expectedPerKey.get(key) ?? 0;
    const actual = storedPerKey.get(key) ?? 0;
    if (expected === actual) continue;
    report.wrongCounts += 1;
    if (report.examples.length < EXAMPLES)
      report.examples.push(`count of ${key}: stored ${actual}, should be ${expected}`);
  }
  report.orphans = await orphanStandingCount(queries);
  report.fresh = await queries.writeTransaction((run) => standingsFresh(run));
  return report;
}

export const hasDrift = (report: DriftReport) =>
  report.missing + report.extra + report.wrongScore + report.wrongFacts + report.wrongCounts + report.orphans > 0;
