import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { idOf } from '../names/service.js';
import { HANDLING_MESSAGES as M } from '../messages/handling.js';
import type { ClosingReason } from './closing-repository.js';
import { applyChange, checkedChange, refuse } from './handling.js';
import type { closeFields } from './handling-inputs.js';
import type { InquiryChange } from './inputs.js';
import { existingReferences } from './repository.js';
import type { InquiryRecord } from './model.js';
import { refusedTransition } from './status.js';
import { writes } from './write-repository.js';

/**
 * Closes an inquiry with a reason. Without one (the clients from before reasons existed), an answered inquiry is
 * closed as ANSWERED, and an unanswered one needs a note saying why (as before) and is closed without a recorded
 * reason. DUPLICATE links the inquiry it duplicates; RECORDED_IN_ERROR takes it out of every statistic.
 */
export async function closeInquiry(
  queries: Queries,
  viewer: Viewer,
  change: InquiryChange<ReturnType<typeof closeFields>>,
  now = new Date(),
): Promise<InquiryRecord> {
  const { note, problems } = checkedChange(change);
  const reason: ClosingReason | null = change.reason ?? null;
  const duplicateOf = change.duplicateOf?.trim() ? idOf(change.duplicateOf.trim(), 'Inquiry') : null;
  if (reason === 'DUPLICATE' && !duplicateOf) problems.add('duplicateOf', M.duplicateNeedsOriginal);
  if (reason !== 'DUPLICATE' && duplicateOf) problems.add('duplicateOf', M.duplicateOfOnlyForDuplicate);
  if (reason === 'DUPLICATE' && duplicateOf) {
    const found = await existingReferences(queries, { inquiryIds: [duplicateOf] });
    if (found.inquiries.length === 0)
      problems.add('duplicateOf', `no inquiry has id "${change.duplicateOf ?? ''}": give an existing inquiry`);
  }
  problems.throwIfAny(M.notClosed);
  return applyChange(queries, viewer, 'closeInquiry', change, note, (current) => {
    const answered = current.answerSummary !== null;
    if (reason === 'DUPLICATE' && duplicateOf === current.id) refuse('duplicateOf', M.duplicateOfItself, M.notClosed);
    if (reason === 'ANSWERED' && !answered) refuse('reason', M.answeredNeedsAnswer, M.notClosed);
    // A stated reason says why, as a note would.
    refuse(
      'status',
      refusedTransition({ from: current.status, to: 'CLOSED', note: note ?? reason, ministryCount: 0, answered }),
      M.notClosed,
    );
    return writes.status('CLOSED', now.toISOString(), viewer.name, note, [], {
      reason: reason ?? (answered ? 'ANSWERED' : null),
      duplicateOf,
    });
  });
}
