import { randomUUID } from 'node:crypto';
import { audited } from '../audit/service.js';
import { canCurateExpert, curatedNetworks } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { forbidden, InputProblems, notFound } from '../graphql/errors.js';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page, type PageArgs } from '../graphql/paging.js';
import type { ScoredPair } from './duplicate-scoring.js';
import { expertNamed, resolveExperts } from '../experts/resolve.js';
import {
  eraseData,
  erasureScope,
  rekeyErased,
  checkVersion,
  mergeInto,
  pageOfDuplicateCandidates,
  type ErasureCounts,
  type IdentityFacts,
} from './identity-repository.js';

const MAX_NOTE = 2000;

function noteText(problems: InputProblems, field: string, value: string | null | undefined, required: boolean): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    if (required) problems.add(field, 'must not be empty');
    return null;
  }
  if (trimmed.length > MAX_NOTE) problems.add(field, `must be at most ${MAX_NOTE} characters`);
  return trimmed;
}

/**
 * Likely duplicate experts, best first: the pairs stored when experts were written (each scored within
 * its surname group by how alike the names are and what else they share), read a page at a time. A
 * secretariat sees the pairs in which it may curate at least one of the two.
 */
export async function duplicateExperts(queries: Queries, viewer: Viewer, args: PageArgs): Promise<Page<{ node: ScoredPair }>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, ['number', 'string', 'string']) as [number, string, string] | null;
  const { rows, total } = await pageOfDuplicateCandidates(queries, curatedNetworks(viewer), size, after);
  return toPage(rows, size, after !== null, total, (node) => ({ node, cursor: encodeCursor([node.score, ...node.expertIds]) }));
}

/** Why an expert cannot take part in a merge, or null when it can. An old id of a merged expert names the kept one. */
function unmergeable(facts: IdentityFacts | null, asked: string): string | null {
  if (!facts) return `no expert has id "${asked}"`;
  if (facts.erased) return `expert "${asked}" was erased on request`;
  if (facts.retired) return `expert "${asked}" is retired: only current experts are merged`;
  return null;
}

export interface MergeExpertsInput {
  keep: string;
  remove: string;
  keepVersion: number;
  removeVersion: number;
  note?: string | null;
}

/**
 * Merges a duplicate into the expert to keep, in one audited transaction: every relationship of the
 * removed expert moves to the kept one, the kept expert's values win and the removed one's fill the
 * gaps, and the removed id goes on naming the kept expert. Both must be current, at the versions read,
 * and curatable by the viewer. Returns the kept expert's id.
 */
export async function mergeExperts(queries: Queries, viewer: Viewer, input: MergeExpertsInput): Promise<string> {
  const problems = new InputProblems();
  const note = noteText(problems, 'note', input.note, false);
  const [keep = null, remove = null] = await resolveExperts(queries, [input.keep, input.remove]);
  for (const [field, fact, asked] of [['keep', keep, input.keep], ['remove', remove, input.remove]] as const) {
    const problem = unmergeable(fact, asked);
    if (problem) problems.add(field, problem);
  }
  if (keep && remove && keep.id === remove.id) {
    const self = keep.askedAs === remove.askedAs;
    problems.add('remove', self ? 'is the expert to keep: an expert cannot be merged with itself' : `names the expert to keep ("${keep.id}"): it was merged into it already`);
  }
  problems.throwIfAny('The experts were not merged');
  const [keepId, removeId] = [keep!.id, remove!.id];
  if (!canCurateExpert(viewer, keep!.networkIds) || !canCurateExpert(viewer, remove!.networkIds)) {
    throw forbidden('Merging experts is for administrators and for a secretariat that may curate both: ask the secretariat of the other expert’s network, or an administrator.');
  }
  await audited(queries, viewer, 'mergeExperts', note, async (tx) => {
    await tx.track('Expert', keepId, { expectedVersion: input.keepVersion, noun: 'expert to keep' });
    await tx.track('Expert', removeId, { expectedVersion: input.removeVersion, noun: 'expert to remove' });
    await mergeInto(tx, keepId, removeId);
  });
  return keepId;
}

export interface ErasureReceipt {
  erasedAt: string;
  anonymousId: string;
  keptCounts: ErasureCounts;
}

/**
 * Erasure on request (GDPR art. 17), in one audited transaction: the expert's personal data goes, from
 * the graph and from the values of every earlier change record (theirs, of ids merged into them, and of
 * contributions by them alone); the erasure is recorded without values. The anonymous node keeps its
 * expertise, country focus, memberships and consultations, so that counts stay right.
 */
export async function eraseExpert(
  queries: Queries,
  viewer: Viewer,
  input: { id: string; expectedVersion: number; reason: string },
): Promise<ErasureReceipt> {
  const problems = new InputProblems();
  const reason = noteText(problems, 'reason', input.reason, true);
  problems.throwIfAny('The expert was not erased');
  const facts = await expertNamed(queries, input.id);
  if (!canCurateExpert(viewer, facts.networkIds)) {
    throw forbidden('Erasing an expert is for administrators and the secretariats of the expert’s networks.');
  }
  const anonymousId = `erased-${randomUUID()}`;
  return audited(queries, viewer, 'eraseExpert', reason, async (tx) => {
    // Irreversible: only the version the caller read may be erased (under the expert's lock).
    await checkVersion(tx.run, facts.id, input.expectedVersion);
    const scope = await erasureScope(tx.run, facts.id);
    for (const id of [facts.id, ...scope.mergedIds, ...scope.soleContributionIds]) await tx.redactHistory(id);
    // First the new id, so that nothing recorded from here on names the old one.
    await rekeyErased(tx.run, facts.id, scope.mergedIds, anonymousId);
    await tx.track('Expert', anonymousId, { withoutData: true });
    for (const id of scope.soleContributionIds) await tx.track('Contribution', id, { withoutData: true });
    for (const node of scope.unlinked) await tx.track(node.label, node.id);
    const erased = await eraseData(tx.run, anonymousId, scope.soleContributionIds);
    if (!erased) throw notFound(`Expert "${input.id}" was merged or erased meanwhile: reload it and try again.`);
    const { erasedAt, ...keptCounts } = erased;
    return { erasedAt, anonymousId, keptCounts };
  });
}
