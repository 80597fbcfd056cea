import { audited } from '../../audit/service.js';
import { canCurateExpert, curatedNetworks } from '../../auth/policy.js';
import type { Viewer } from '../../auth/viewer.js';
import type { Queries } from '../../db/database.js';
import { ForbiddenError, InputProblems, present } from '../../errors.js';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page, type PageArgs } from '../../graphql/paging.js';
import { checkedText, TEXT_LIMITS } from '../../writes/checks.js';
import type { ExpertFacts } from '../repository.js';
import { resolveExperts } from '../resolve.js';
import { mergeInto } from './merge-repository.js';
import { pageOfDuplicateCandidates } from './repository.js';
import type { ScoredPair } from './scoring.js';

/** The longest note a merge takes, and the longest reason an erasure takes. */

/**
 * Likely duplicate experts, best first: the pairs stored when experts were written (each scored within
 * its surname group by how alike the names are and what else they share), read a page at a time. A
 * secretariat sees the pairs in which it may curate at least one of the two.
 */
export async function duplicateExperts(
  queries: Queries,
  viewer: Viewer,
  args: PageArgs,
): Promise<Page<{ node: ScoredPair }>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, ['number', 'string', 'string']) as [number, string, string] | null;
  const { rows, total } = await pageOfDuplicateCandidates(queries, curatedNetworks(viewer), size, after);
  return toPage(rows, size, after !== null, total, (node) => ({
    node,
    cursor: encodeCursor([node.score, ...node.expertIds]),
  }));
}

/** Why an expert cannot take part in a merge, or null when it can. An old id of a merged expert names the kept one. */
function unmergeable(facts: ExpertFacts | null, asked: string): string | null {
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
  const note = checkedText(problems, 'note', input.note, { max: TEXT_LIMITS.text });
  const [keep = null, remove = null] = await resolveExperts(queries, [input.keep, input.remove]);
  for (const [field, fact, asked] of [
    ['keep', keep, input.keep],
    ['remove', remove, input.remove],
  ] as const) {
    const problem = unmergeable(fact, asked);
    if (problem) problems.add(field, problem);
  }
  if (keep && remove && keep.id === remove.id) {
    const self = keep.askedAs === remove.askedAs;
    problems.add(
      'remove',
      self
        ? 'is the expert to keep: an expert cannot be merged with itself'
        : `names the expert to keep ("${keep.id}"): it was merged into it already`,
    );
  }
  problems.throwIfAny('The experts were not merged');
  // Both were found: a missing one is a problem reported above.
  const [kept, removed] = [present(keep, 'the expert to keep'), present(remove, 'the expert to remove')];
  const [keepId, removeId] = [kept.id, removed.id];
  if (!canCurateExpert(viewer, kept.networkIds) || !canCurateExpert(viewer, removed.networkIds)) {
    throw new ForbiddenError(
      'Merging experts is for administrators and for a secretariat that may curate both: ask the secretariat of ' +
        'the other expert’s network, or an administrator.',
    );
  }
  await audited(queries, viewer, 'mergeExperts', note, async (tx) => {
    await tx.track('Expert', keepId, { expectedVersion: input.keepVersion, noun: 'expert to keep' });
    await tx.track('Expert', removeId, { expectedVersion: input.removeVersion, noun: 'expert to remove' });
    await mergeInto(tx, keepId, removeId);
  });
  return keepId;
}
