import { notify } from '../notifications/service.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { InputProblems, present } from '../errors.js';
import { resolveExperts } from '../experts/resolve.js';
import { HANDLING_MESSAGES as M } from '../messages/handling.js';
import { applyWrite, consultationOf, consultationWrites } from './consultations-repository.js';
import { lockedChange } from './edit.js';
import { applyChange, checkedChange, refuse } from './handling.js';
import type { askExpertFields, consultationOutcomeFields } from './handling-inputs.js';
import type { InquiryChange } from './inputs.js';
import { checkedPast } from './notes.js';
import type { InquiryRecord } from './model.js';

/** Records that an expert was asked (how and when): a consultation of its own, WAITING for the expert's answer. */
export async function askExpert(
  queries: Queries,
  viewer: Viewer,
  change: InquiryChange<ReturnType<typeof askExpertFields>>,
  now = new Date(),
): Promise<InquiryRecord> {
  const { note, problems } = checkedChange(change);
  const askedAt = checkedPast(problems, 'askedAt', change.askedAt, now) ?? now;
  const [expert] = (await resolveExperts(queries, [change.expert])).map((e) => (e?.erased ? null : e));
  if (!expert) problems.add('expert', `no expert has id "${change.expert}": see whoKnows or the experts query`);
  problems.throwIfAny(M.consultationNotRecorded);
  const asked = present(expert, 'the expert');
  return applyChange(queries, viewer, 'askExpert', change, note, (current) => {
    refuse('status', current.status === 'CLOSED' ? M.closed('consulting experts') : null, M.consultationNotRecorded);
    if (askedAt.getTime() < new Date(current.receivedAt).getTime())
      refuse('askedAt', M.beforeReceipt, M.consultationNotRecorded);
    return consultationWrites.asked(asked.id, change.channel, askedAt.toISOString(), viewer.name, note);
  });
}

/** Records what came of one consultation (by its id): answered, declined, or referred to another expert. */
export async function recordConsultationOutcome(
  queries: Queries,
  viewer: Viewer,
  change: InquiryChange<ReturnType<typeof consultationOutcomeFields>>,
  now = new Date(),
): Promise<InquiryRecord> {
  const { note, problems } = checkedChange(change);
  const answeredAt = checkedPast(problems, 'answeredAt', change.answeredAt, now) ?? now;
  const referredTo = change.referredTo?.trim() || null;
  if (change.outcome === 'REFERRED' && !referredTo)
    problems.add('referredTo', 'a REFERRED outcome names the expert referred to');
  if (change.outcome !== 'REFERRED' && referredTo)
    problems.add('referredTo', 'only a REFERRED outcome names another expert');
  const [referred] = referredTo ? await resolveExperts(queries, [referredTo]) : [null];
  if (referredTo && (!referred || referred.erased))
    problems.add('referredTo', `no expert has id "${referredTo}": see whoKnows or the experts query`);
  const consultationId = change.consultation.trim();
  if (!consultationId) problems.add('consultation', 'must not be empty: give the id from Inquiry.consultations');
  problems.throwIfAny(M.consultationNotRecorded);
  return lockedChange(queries, viewer, 'recordConsultationOutcome', change, note, async (tx, current, id) => {
    const stored = await consultationOf(tx, id, consultationId);
    const refusal = new InputProblems();
    if (!stored)
      refusal.add('consultation', `this inquiry has no consultation "${consultationId}": see Inquiry.consultations`);
    else if (stored.status !== 'WAITING')
      refusal.add('consultation', `its outcome was recorded already (${stored.status}): ask the expert again instead`);
    if (current.status === 'CLOSED') refusal.add('status', M.closed('recording consultations'));
    refusal.throwIfAny(M.consultationNotRecorded);
    const write = consultationWrites.outcome(consultationId, {
      outcome: change.outcome,
      at: answeredAt.toISOString(),
      by: viewer.name,
      note,
      referredTo: referred?.id ?? null,
    });
    await applyWrite(tx, id, write);
    // An expert's answer: the team of the inquiry hears of it (not whoever recorded it).
    if (change.outcome === 'ANSWERED')
      await notify(tx.run, { kind: 'EXPERT_ANSWERED', inquiryId: id, team: current.routedTo, actor: viewer, at: now });
  });
}
