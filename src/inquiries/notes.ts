import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { InputProblems, present } from '../errors.js';
import { HANDLING_MESSAGES as M } from '../messages/handling.js';
import { checkedText, TEXT_LIMITS } from '../writes/checks.js';
import { applyChange, checkedChange, refuse } from './handling.js';
import type { askerMessageFields, noteFields } from './handling-inputs.js';
import type { InquiryChange } from './inputs.js';
import { recordWrites } from './notes-repository.js';
import type { InquiryRecord } from './model.js';

/** A clock may run a little ahead of ours: how far in the future a moment given may lie. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** A moment given for something that already happened: not in the future; null when none was given. */
export function checkedPast(problems: InputProblems, field: string, value: Date | null | undefined, now: Date) {
  if (value === null || value === undefined) return null;
  if (Number.isNaN(value.getTime())) problems.add(field, 'is not a valid date and time');
  else if (value.getTime() > now.getTime() + CLOCK_SKEW_MS) problems.add(field, M.inFuture);
  return value;
}

/** An internal note, at any time and in any status: it changes nothing else. Only the handlers read notes. */
export async function addInquiryNote(
  queries: Queries,
  viewer: Viewer,
  change: InquiryChange<ReturnType<typeof noteFields>>,
  now = new Date(),
): Promise<InquiryRecord> {
  const problems = new InputProblems();
  const text = checkedText(problems, 'text', change.text, { max: TEXT_LIMITS.text, required: true });
  const { note } = checkedChange(change);
  problems.throwIfAny(M.noteNotAdded);
  const body = present(text, 'the note');
  return applyChange(queries, viewer, 'addInquiryNote', change, note, () =>
    recordWrites.note(body, now.toISOString(), viewer.name, viewer.id),
  );
}

/** What the asker was told, how and when (by the viewer): kept apart from the internal notes. */
export async function recordAskerMessage(
  queries: Queries,
  viewer: Viewer,
  change: InquiryChange<ReturnType<typeof askerMessageFields>>,
  now = new Date(),
): Promise<InquiryRecord> {
  const { note, problems } = checkedChange(change);
  const summary = checkedText(problems, 'summary', change.summary, { max: TEXT_LIMITS.text, required: true });
  const at = checkedPast(problems, 'at', change.at, now) ?? now;
  problems.throwIfAny(M.messageNotRecorded);
  const text = present(summary, 'the summary');
  return applyChange(queries, viewer, 'recordAskerMessage', change, note, (current) => {
    if (at.getTime() < new Date(current.receivedAt).getTime()) refuse('at', M.beforeReceipt, M.messageNotRecorded);
    return recordWrites.askerMessage(
      { channel: change.channel, at: at.toISOString(), summary: text },
      now.toISOString(),
      viewer.name,
      viewer.id,
    );
  });
}
