import { audited } from '../audit/service.js';
import { handlesInquiry } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { ForbiddenError, InputProblems, NotFoundError, present } from '../errors.js';
import { idOf } from '../names/service.js';
import { resolveExperts } from '../experts/resolve.js';
import { checkedText, TEXT_LIMITS } from '../writes/checks.js';
import { notify, rememberPerson } from '../notifications/service.js';
import type { Run } from '../db/database.js';
import { followUpProblem } from './follow-up.js';
import { existingReferences, inquiriesByIds } from './repository.js';
import type { InquiryRecord } from './model.js';
import type {
  answerFields,
  AnyInquiryChange,
  consultationFields,
  followUpFields,
  InquiryChange,
  statusChangeFields,
} from './inputs.js';
import { refusedAnswer, refusedTransition } from './status.js';
import { changeInquiry, writes, type InquiryWrite, type LockedInquiry } from './write-repository.js';

/** Which inquiry a change is to, from which version, and a note. */
type Change = AnyInquiryChange;

/**
 * Applies a change if the viewer handles the inquiry and it is still at `expectedVersion`: otherwise
 * someone else changed it in the meantime, and the caller gets CONFLICT (never a silent overwrite).
 * The change and its record are written together.
 */
export async function applyChange(
  queries: Queries,
  viewer: Viewer,
  action: string,
  change: Change,
  note: string | null,
  decide: (current: LockedInquiry) => InquiryWrite,
  /** Notifications of the change, written in its transaction. */
  announce?: (run: Run, current: LockedInquiry) => Promise<unknown>,
): Promise<InquiryRecord> {
  const id = idOf(change.id, 'Inquiry');
  await audited(queries, viewer, action, note, async (tx) => {
    const seen: { locked?: LockedInquiry } = {};
    await changeInquiry(tx, id, change.expectedVersion, (current) => {
      if (!handlesInquiry(viewer, current)) {
        throw new ForbiddenError(
          'Only the secretariat of the network it is routed to (the desk, for knowledge-security inquiries) or ' +
            'an administrator may change this inquiry.',
        );
      }
      seen.locked = current;
      return decide(current);
    });
    await rememberPerson(tx.run, viewer);
    if (seen.locked && announce) await announce(tx.run, seen.locked);
  });
  const [inquiry] = await inquiriesByIds(queries, [id]);
  if (inquiry instanceof Error) throw new NotFoundError(`No inquiry has id "${change.id}".`);
  return inquiry as InquiryRecord;
}

export function checkedChange(change: Change): { note: string | null; problems: InputProblems } {
  const problems = new InputProblems();
  const note = checkedText(problems, 'note', change.note, { max: TEXT_LIMITS.text });
  return { note, problems };
}

/** Refuses a change the inquiry's current state does not allow (checked under its lock). */
export function refuse(field: string, reason: string | null, what: string): void {
  const problems = new InputProblems();
  if (reason) problems.add(field, reason);
  problems.throwIfAny(what);
}

export async function changeInquiryStatus(
  queries: Queries,
  viewer: Viewer,
  change: InquiryChange<ReturnType<typeof statusChangeFields>>,
  now = new Date(),
): Promise<InquiryRecord> {
  const { note, problems } = checkedChange(change);
  const ministries = change.ministries ?? [];
  const ministryIds = ministries.map((m) => idOf(m, 'Institution'));
  if (ministryIds.length > 0) {
    const found = await existingReferences(queries, { institutionIds: ministryIds });
    ministries.forEach((given, index) => {
      const ministry = found.institutions.find((i) => i.id === idOf(given, 'Institution'));
      if (!ministry) problems.add(`ministries[${index}]`, `no institution has id "${given}"`);
      else if (ministry.kind !== 'MINISTRY') problems.add(`ministries[${index}]`, `${ministry.name} is not a ministry`);
    });
  }
  problems.throwIfAny('The status was not changed');
  return applyChange(
    queries,
    viewer,
    change.status === 'CLOSED' ? 'closeInquiry' : 'changeInquiryStatus',
    change,
    note,
    (current) => {
      refuse(
        'status',
        refusedTransition({
          from: current.status,
          to: change.status,
          note,
          ministryCount: ministryIds.length,
          answered: current.answerSummary !== null,
        }),
        'The status was not changed',
      );
      // Closed here (without a stated reason): an answered inquiry is closed as ANSWERED (src/inquiries/closing.ts).
      const reason = change.status === 'CLOSED' && current.answerSummary !== null ? 'ANSWERED' : null;
      return writes.status(change.status, now.toISOString(), viewer.name, note, ministryIds, {
        reason,
        duplicateOf: null,
      });
    },
  );
}

export async function answerInquiry(
  queries: Queries,
  viewer: Viewer,
  change: InquiryChange<ReturnType<typeof answerFields>>,
  now = new Date(),
): Promise<InquiryRecord> {
  const { note, problems } = checkedChange(change);
  const answer = checkedText(problems, 'answerSummary', change.answerSummary, {
    max: TEXT_LIMITS.text,
    required: true,
  });
  problems.throwIfAny('The inquiry was not answered');
  // Required: with no problem reported, it was given.
  const summary = present(answer, 'the answer summary');
  return applyChange(
    queries,
    viewer,
    'answerInquiry',
    change,
    note,
    (current) => {
      refuse('status', refusedAnswer(current.status), 'The inquiry was not answered');
      return writes.answer(summary, change.visibility ?? 'INTERNAL', now.toISOString(), viewer.name, note);
    },
    // The officer who filed it hears that it was answered.
    (run, current) =>
      notify(run, { kind: 'FILED_INQUIRY_ANSWERED', inquiryId: current.id, filer: true, actor: viewer, at: now }),
  );
}

export async function consultExpert(
  queries: Queries,
  viewer: Viewer,
  change: InquiryChange<ReturnType<typeof consultationFields>>,
  now = new Date(),
): Promise<InquiryRecord> {
  const { note, problems } = checkedChange(change);
  const referredTo = change.referredTo?.trim() || null;
  if (change.outcome === 'REFERRED' && !referredTo)
    problems.add('referredTo', 'a REFERRED outcome names the expert referred to');
  if (change.outcome !== 'REFERRED' && referredTo)
    problems.add('referredTo', 'only a REFERRED outcome names another expert');
  // As every input that names an expert: an old id of a merged expert stands for the expert it was merged into.
  const [expert, referred] = (await resolveExperts(queries, [change.expert, ...(referredTo ? [referredTo] : [])])).map(
    (e) => (e?.erased ? null : e),
  );
  if (!expert) problems.add('expert', `no expert has id "${change.expert}"`);
  if (referredTo && !referred) problems.add('referredTo', `no expert has id "${change.referredTo}"`);
  problems.throwIfAny('The consultation was not recorded');
  // Found: a missing one is a problem reported above.
  const consulted = present(expert, 'the consulted expert');
  return applyChange(
    queries,
    viewer,
    'consultExpert',
    change,
    note,
    (current) => {
      refuse(
        'status',
        current.status === 'CLOSED' ? 'The inquiry is closed: reopen it before consulting experts.' : null,
        'The consultation was not recorded',
      );
      return writes.consultation(consulted.id, {
        outcome: change.outcome,
        at: now.toISOString(),
        by: viewer.name,
        note,
        referredTo: referred?.id ?? null,
      });
    },
    // An expert's answer: the team of the inquiry hears of it (not whoever recorded it).
    async (run, current) =>
      change.outcome === 'ANSWERED' &&
      notify(run, {
        kind: 'EXPERT_ANSWERED',
        inquiryId: current.id,
        team: current.routedTo,
        actor: viewer,
        detail: consulted.name,
        expertId: consulted.id,
        at: now,
      }),
  );
}

export async function linkFollowUp(
  queries: Queries,
  viewer: Viewer,
  change: InquiryChange<ReturnType<typeof followUpFields>>,
): Promise<InquiryRecord> {
  const { note, problems } = checkedChange(change);
  const earlierId = idOf(change.followUpOf, 'Inquiry');
  const found = await existingReferences(queries, { inquiryIds: [earlierId] });
  const earlier = found.inquiries[0];
  if (!earlier) problems.add('followUpOf', `no inquiry has id "${change.followUpOf}"`);
  problems.throwIfAny('The follow-up was not linked');
  // Found: a missing one is a problem reported above.
  const { id, receivedAt, followsUp } = present(earlier, 'the earlier inquiry');
  return applyChange(queries, viewer, 'linkFollowUp', change, note, (current) => {
    refuse('followUpOf', followUpProblem(current, { id, receivedAt, followsUp }), 'The follow-up was not linked');
    return writes.followUp(id);
  });
}
