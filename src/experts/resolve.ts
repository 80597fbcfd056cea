import type { Queries, Run } from '../db/database.js';
import { bool, obj, optStr, parseRows, str, strList, type Parser } from '../db/rows.js';
import { conflict, notFound } from '../graphql/errors.js';
import { lookupOf } from '../names/service.js';
import type { ExistingNode } from '../writes/node-store.js';
import type { GivenReference, ReferenceKind } from '../writes/references.js';
import { CURRENT_EXPERT } from './repository.js';

/**
 * The one rule for every input that names an expert (update, retire, merge, erase, contribution authors,
 * event speakers, consultations, the CSV import): a global id or slug, and an old id of a merged expert
 * names the expert it was merged into, the kept one. Its `expectedVersion` is then the kept expert's.
 * `history(id:)` follows the same Cypher (CURRENT_EXPERT) to decide who may read a merged id's records.
 */

/** The state of an expert an id names: missing, current, or erased on request; retired or not; whose networks. */
export interface ExpertFacts {
  /** The id as asked. */
  askedAs: string;
  /** The id of the expert it names now: another one when the asked id was merged into it. */
  id: string;
  /** Null once erased. */
  name: string | null;
  erased: boolean;
  retired: boolean;
  networkIds: string[];
}

const EXPERT_FACTS: Parser<ExpertFacts> = obj({
  askedAs: str,
  id: str,
  name: optStr,
  erased: bool,
  retired: bool,
  networkIds: strList,
});

/**
 * Facts of the experts the ids name, following merges (CURRENT_EXPERT); ids that name no expert are left
 * out. Reads through `source`: a transaction's `run` sees that transaction's own writes.
 */
export async function expertFacts(source: Queries | Run, ids: string[]): Promise<ExpertFacts[]> {
  const cypher = `UNWIND $ids AS id
     ${CURRENT_EXPERT}
     RETURN id AS askedAs, n.id AS id, n.name AS name, n:ErasedExpert AS erased, n.retiredAt IS NOT NULL AS retired,
            [(n)-[:MEMBER_OF]->(x:Network) | x.id] AS networkIds`;
  return typeof source === 'function'
    ? parseRows(await source(cypher, { ids }), EXPERT_FACTS)
    : source.read(cypher, { ids }, EXPERT_FACTS);
}

/**
 * Locks the expert and refuses (CONFLICT) when it moved on from the version the caller read; for an
 * operation that cannot track the expert under its id (an erasure gives it a new one).
 */
export async function checkExpertVersion(run: Run, expertId: string, expectedVersion: number): Promise<void> {
  const [row] = await run(
    'MATCH (e:Expert {id: $expertId}) SET e.lockedForUpdate = true RETURN coalesce(e.version, 1) AS version',
    { expertId },
  );
  if (!row) throw notFound(`Expert "${expertId}" was merged or erased meanwhile: reload it and try again.`);
  const version = row.version as number;
  if (version !== expectedVersion) {
    throw conflict(
      `Someone else changed this expert since you read it (you had version ${expectedVersion}, it is now at ${version}): reload it, check the change, and try again.`,
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
  if (!expert) throw notFound(`No expert has id "${text}": pass a global id or slug as the API returned it.`);
  if (expert.erased) throw notFound(`Expert "${text}" was erased on request: their data is gone.`);
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
