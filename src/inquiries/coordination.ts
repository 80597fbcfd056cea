import { notify } from '../notifications/service.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { InputProblems, present } from '../errors.js';
import { HANDLING_MESSAGES as M } from '../messages/handling.js';
import { idOf } from '../names/service.js';
import { checkedText, TEXT_LIMITS } from '../writes/checks.js';
import {
  coordinationLineOf,
  writeExpectedAnswer,
  writeMinistryAnswer,
  writeMinistryAsked,
} from './coordination-repository.js';
import { lockedChange } from './edit.js';
import { checkedChange } from './handling.js';
import type { expectedAnswerFields, ministryAnswerFields, ministryCoordinationFields } from './handling-inputs.js';
import type { InquiryChange } from './inputs.js';
import { checkedPast } from './notes.js';
import { existingReferences } from './repository.js';
import type { InquiryRecord } from './model.js';

/** The ministry named, checked to be one. */
async function ministryOf(queries: Queries, problems: InputProblems, given: string): Promise<string> {
  const id = idOf(given, 'Institution');
  const found = await existingReferences(queries, { institutionIds: [id] });
  const ministry = found.institutions[0];
  if (!ministry) problems.add('ministry', `no institution has id "${given}": see the institutions query`);
  else if (ministry.kind !== 'MINISTRY')
    problems.add('ministry', `${ministry.name} is not a ministry: give a ministry`);
  return id;
}

/** Records that a ministry was asked (one line per ministry); the status is left as it is. */
export async function recordMinistryCoordination(
  queries: Queries,
  viewer: Viewer,
  change: InquiryChange<ReturnType<typeof ministryCoordinationFields>>,
  now = new Date(),
): Promise<InquiryRecord> {
  const { note, problems } = checkedChange(change);
  const askedAt = checkedPast(problems, 'askedAt', change.askedAt, now) ?? now;
  const ministry = await ministryOf(queries, problems, change.ministry);
  problems.throwIfAny(M.coordinationNotRecorded);
  return lockedChange(queries, viewer, 'recordMinistryCoordination', change, note, async (tx, current, id) => {
    const refusal = new InputProblems();
    if (current.status === 'CLOSED') refusal.add('status', M.closed('coordinating with ministries'));
    if (askedAt.getTime() < new Date(current.receivedAt).getTime()) refusal.add('askedAt', M.beforeReceipt);
    if (await coordinationLineOf(tx, id, ministry))
      refusal.add('ministry', 'was asked already: record its answer with recordMinistryAnswer');
    refusal.throwIfAny(M.coordinationNotRecorded);
    await writeMinistryAsked(tx, id, ministry, askedAt.toISOString(), viewer.name);
  });
}

/** Records a ministry's answer on its line. */
export async function recordMinistryAnswer(
  queries: Queries,
  viewer: Viewer,
  change: InquiryChange<ReturnType<typeof ministryAnswerFields>>,
  now = new Date(),
): Promise<InquiryRecord> {
  const { note, problems } = checkedChange(change);
  const answeredAt = checkedPast(problems, 'answeredAt', change.answeredAt, now) ?? now;
  const outcome = checkedText(problems, 'outcome', change.outcome, { max: TEXT_LIMITS.text, required: true });
  const ministry = await ministryOf(queries, problems, change.ministry);
  problems.throwIfAny(M.coordinationNotRecorded);
  const said = present(outcome, 'the outcome');
  return lockedChange(queries, viewer, 'recordMinistryAnswer', change, note, async (tx, current, id) => {
    const line = await coordinationLineOf(tx, id, ministry);
    const refusal = new InputProblems();
    if (!line) refusal.add('ministry', 'was never asked about this inquiry: record asking it first');
    refusal.throwIfAny(M.coordinationNotRecorded);
    await writeMinistryAnswer(tx, id, ministry, {
      answeredAt: answeredAt.toISOString(),
      outcome: said,
      by: viewer.name,
    });
    // A ministry's answer: the team of the inquiry hears of it (not whoever recorded it).
    await notify(tx.run, { kind: 'MINISTRY_ANSWERED', inquiryId: id, team: current.routedTo, actor: viewer, at: now });
  });
}

/** Sets (or clears) when the ministries are expected to answer; shown while the inquiry is COORDINATING. */
export async function setExpectedAnswer(
  queries: Queries,
  viewer: Viewer,
  change: InquiryChange<ReturnType<typeof expectedAnswerFields>>,
): Promise<InquiryRecord> {
  const { note, problems } = checkedChange(change);
  const at = change.expectedAnswerAt ?? null;
  if (at && Number.isNaN(at.getTime())) problems.add('expectedAnswerAt', 'is not a valid date and time');
  problems.throwIfAny(M.coordinationNotRecorded);
  return lockedChange(queries, viewer, 'setExpectedAnswer', change, note, async (tx, current, id) => {
    const refusal = new InputProblems();
    if (at && current.status !== 'COORDINATING')
      refusal.add('status', 'an expected answer date is for an inquiry waiting on ministries: move it to COORDINATING');
    if (at && at.getTime() < new Date(current.receivedAt).getTime()) refusal.add('expectedAnswerAt', M.beforeReceipt);
    refusal.throwIfAny(M.coordinationNotRecorded);
    await writeExpectedAnswer(tx, id, at?.toISOString() ?? null);
  });
}
