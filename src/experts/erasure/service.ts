import { randomUUID } from 'node:crypto';
import { audited } from '../../audit/service.js';
import { canCurateExpert } from '../../auth/policy.js';
import type { Viewer } from '../../auth/viewer.js';
import type { Queries } from '../../db/database.js';
import { ForbiddenError, InputProblems, NotFoundError } from '../../errors.js';
import { checkedText, TEXT_LIMITS } from '../../writes/checks.js';
import { checkExpertVersion, expertNamed } from '../resolve.js';
import { eraseData, erasureScope, rekeyErased, type ErasureCounts } from './repository.js';

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
  const reason = checkedText(problems, 'reason', input.reason, { max: TEXT_LIMITS.text, required: true });
  problems.throwIfAny('The expert was not erased');
  const facts = await expertNamed(queries, input.id);
  if (!canCurateExpert(viewer, facts.networkIds)) {
    throw new ForbiddenError('Erasing an expert is for administrators and the secretariats of the expert’s networks.');
  }
  const anonymousId = `erased-${randomUUID()}`;
  return audited(queries, viewer, 'eraseExpert', reason, async (tx) => {
    // Irreversible: only the version the caller read may be erased (under the expert's lock).
    await checkExpertVersion(tx.run, facts.id, input.expectedVersion);
    const scope = await erasureScope(tx.run, facts.id);
    for (const id of [facts.id, ...scope.mergedIds, ...scope.soleContributionIds]) await tx.redactHistory(id);
    // First the new id, so that nothing recorded from here on names the old one.
    await rekeyErased(tx.run, facts.id, scope.mergedIds, anonymousId);
    await tx.track('Expert', anonymousId, { withoutData: true });
    for (const id of scope.soleContributionIds) await tx.track('Contribution', id, { withoutData: true });
    for (const node of scope.unlinked) await tx.track(node.label, node.id);
    const erased = await eraseData(tx.run, anonymousId, scope.soleContributionIds);
    if (!erased)
      throw new NotFoundError(`Expert "${input.id}" was merged or erased meanwhile: reload it and try again.`);
    const { erasedAt, ...keptCounts } = erased;
    return { erasedAt, anonymousId, keptCounts };
  });
}
