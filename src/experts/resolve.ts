import type { Queries, Run } from '../db/database.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { lookupOf } from '../names/service.js';
import type { ExistingNode } from '../writes/node-repository.js';
import type { GivenReference, ReferenceKind } from '../writes/references.js';
import { expertFacts, type ExpertFacts } from './repository.js';
import { lockExpertVersion } from './write-repository.js';

/**
 * The one rule for every input that names an expert (update, retire, merge, erase, contribution authors,
 * event speakers, consultations, the CSV import): a global id or slug, and an old id of a merged expert
 * names the expert it was merged into, the kept one. Its `expectedVersion` is then the kept expert's.
 * `history(id:)` follows the same Cypher (CURRENT_EXPERT) to decide who may read a merged id's records.
 */

/**
 * Locks the expert and refuses (CONFLICT) when it moved on from the version the caller read; for an
 * operation that cannot track the expert under its id (an erasure gives it a new one).
 */
export async function checkExpertVersion(run: Run, expertId: string, expectedVersion: number): Promise<void> {
  const version = await lockExpertVersion(run, expertId);
  if (version === null)
    throw new NotFoundError(`Expert "${expertId}" was merged or erased meanwhile: reload it and try again.`);
  if (version !== expectedVersion) {
    throw new ConflictError(
      `Someone else changed this expert since you read it (you had version ${expectedVersion}, it is now at ` +
        `${version}): reload it, check the change, and try again.`,
      { currentVersion: version },
    );
  }
}

/** The stored id a reference names as given: a global id of an Expert decoded, anything else as a slug. */
export const expertIdOf = (text: string) => lookupOf(text.trim(), 'Expert').id ?? text.trim();

/** An expert an input names, merges followed. */
export type ResolvedExpert = ExpertFacts;

/**
 * Resolves the references in one round trip: at each index, the expert it names now (`id`; `askedAs` is the
 * stored id asked for), or null when it names none. Reads through `source` (a transaction's `run` to see
 * its own writes).
 */
export async function resolveExperts(
  source: Queries | Run,
  texts: readonly string[],
): Promise<Array<ResolvedExpert | null>> {
  const ids = texts.map(expertIdOf);
  const found = await expertFacts(source, [...new Set(ids)]);
  const byAsked = new Map(found.map((facts) => [facts.askedAs, facts]));
  return ids.map((id) => byAsked.get(id) ?? null);
}

/** The current (not erased) expert a reference names, merges followed; NOT_FOUND otherwise. */
export async function expertNamed(source: Queries | Run, text: string): Promise<ResolvedExpert> {
  const [expert] = await resolveExperts(source, [text]);
  if (!expert) throw new NotFoundError(`No expert has id "${text}": pass a global id or slug as the API returned it.`);
  if (expert.erased) throw new NotFoundError(`Expert "${text}" was erased on request: their data is gone.`);
  return expert;
}

/** Experts as every input names them: an old id of a merged expert gives the kept one; an erased one names none. */
async function namedExperts(queries: Queries, given: GivenReference[]): Promise<Array<ExistingNode | null>> {
  const experts = await resolveExperts(
    queries,
    given.map(({ text }) => text),
  );
  return experts.map((expert) =>
    expert && !expert.erased
      ? { id: expert.id, name: expert.name ?? expert.id, retired: expert.retired, networkIds: expert.networkIds }
      : null,
  );
}

/** Experts, as writes/references.ts takes them (contribution authors, event speakers). */
export const EXPERT_REFERENCES: ReferenceKind = {
  label: 'Expert',
  noun: 'expert',
  list: 'experts',
  resolve: namedExperts,
};
