import { audited } from '../audit/service.js';
import { canCorrectReceipt, DESK_NETWORK_ID, handlesInquiry } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { ForbiddenError, InputProblems, NotFoundError, present } from '../errors.js';
import { HANDLING_MESSAGES as M } from '../messages/handling.js';
import { currentVocabulary, idOf, interpret, resolveSubjects } from '../names/service.js';
import { checkedText, TEXT_LIMITS } from '../writes/checks.js';
import { checkedChange } from './handling.js';
import type { editFields, receiptCorrectionFields } from './handling-inputs.js';
import type { InquiryChange } from './inputs.js';
import { checkedPast } from './notes.js';
import { existingReferences, inquiriesByIds } from './repository.js';
import type { InquiryRecord } from './model.js';
import { inferredBeyond } from './tagging.js';
import { intakeOf, writeIntake, writeReceipt, type Intake } from './edit-repository.js';
import { readLocked, type LockedInquiry } from './write-repository.js';
import { dueAt } from './working-days.js';

const NOT_HANDLER =
  'Only the secretariat of the network it is routed to (the desk, for knowledge-security inquiries) or an ' +
  'administrator may change this inquiry.';

/** The fields of an intake an edit may give, in the order they are reported. */
const INTAKE_FIELDS = [
  'question',
  'context',
  'askedBy',
  'contactName',
  'contactEmail',
  'kind',
  'themes',
  'countries',
  'partner',
  'riskCategories',
] as const;

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** Runs `work` on the inquiry at `expectedVersion` under its lock, audited, if the viewer handles it. */
export async function lockedChange<T>(
  queries: Queries,
  viewer: Viewer,
  action: string,
  change: { id: string; expectedVersion: number },
  note: string | null,
  work: (tx: Parameters<Parameters<typeof audited>[4]>[0], current: LockedInquiry, id: string) => Promise<T>,
): Promise<InquiryRecord> {
  const id = idOf(change.id, 'Inquiry');
  await audited(queries, viewer, action, note, async (tx) => {
    await tx.track('Inquiry', id, { expectedVersion: change.expectedVersion, noun: 'inquiry' });
    const current = await readLocked(tx, id);
    if (!handlesInquiry(viewer, current)) throw new ForbiddenError(NOT_HANDLER);
    await work(tx, current, id);
  });
  const [inquiry] = await inquiriesByIds(queries, [id]);
  if (inquiry instanceof Error || !inquiry) throw new NotFoundError(`No inquiry has id "${change.id}".`);
  return inquiry;
}

/**
 * Corrects the intake fields given (a field left out stays; an optional one given as null is cleared); the inferred
 * themes, countries and partner are worked out again from the new text, in the same transaction, so that similarity
 * follows. The edit lists the fields that changed, in the timeline and in the audit trail.
 */
export async function editInquiry(
  queries: Queries,
  viewer: Viewer,
  change: InquiryChange<ReturnType<typeof editFields>>,
  now = new Date(),
): Promise<InquiryRecord> {
  const { note, problems } = checkedChange(change);
  const given = INTAKE_FIELDS.filter((field) => change[field] !== undefined);
  if (given.length === 0) problems.add('input', M.nothingToChange);
  for (const field of ['question', 'askedBy', 'kind'] as const)
    if (change[field] === null) problems.add(field, M.requiredCannotBeCleared);
  const question =
    change.question == null
      ? undefined
      : checkedText(problems, 'question', change.question, { max: TEXT_LIMITS.text, required: true });
  const context =
    change.context === undefined
      ? undefined
      : checkedText(problems, 'context', change.context, { max: TEXT_LIMITS.text });
  const contactName =
    change.contactName === undefined
      ? undefined
      : checkedText(problems, 'contactName', change.contactName, { max: TEXT_LIMITS.name, line: true });
  const askedBy = change.askedBy ? idOf(change.askedBy, 'Institution') : null;
  const partner = change.partner ? idOf(change.partner, 'Institution') : null;
  const [subjects, found] = await Promise.all([
    resolveSubjects(queries, problems, change.themes ?? [], change.countries ?? []),
    existingReferences(queries, { institutionIds: [askedBy, partner].filter((i): i is string => i !== null) }),
  ]);
  if (askedBy && !found.institutions.some((i) => i.id === askedBy))
    problems.add('askedBy', `no institution has id "${change.askedBy ?? ''}": see the institutions query`);
  if (partner && !found.institutions.some((i) => i.id === partner))
    problems.add('partner', `no institution has id "${change.partner ?? ''}": see the institutions query`);
  problems.throwIfAny(M.notEdited);
  const vocabulary = await currentVocabulary(queries);

  return lockedChange(queries, viewer, 'editInquiry', change, note, async (tx, current, id) => {
    const before = await intakeOf(tx, id);
    const after: Intake = {
      kind: change.kind ?? before.kind,
      question: question ?? before.question,
      context: context === undefined ? before.context : context,
      contactName: contactName === undefined ? before.contactName : contactName,
      contactEmail: change.contactEmail === undefined ? before.contactEmail : change.contactEmail?.trim() || null,
      askedBy: askedBy ?? before.askedBy,
      partner: change.partner === undefined ? before.partner : partner,
      themeIds: change.themes === undefined ? before.themeIds : subjects.themes.map((t) => t.id),
      countryIds: change.countries === undefined ? before.countryIds : subjects.countries.map((c) => c.id),
      riskCategories: change.riskCategories === undefined ? before.riskCategories : (change.riskCategories ?? []),
    };
    refuseIntake(after, current);
    const changed = changedIntake(before, after);
    if (changed.length === 0) return;
    const text = `${after.question}\n${after.context ?? ''}`;
    const inferred = inferredBeyond(interpret(vocabulary, text), {
      themeIds: after.themeIds,
      countryIds: after.countryIds,
      partnerId: after.partner,
      riskCategories: after.riskCategories,
    });
    await writeIntake(tx, id, after, inferred, {
      at: now.toISOString(),
      by: viewer.name,
      byId: viewer.id,
      fields: changed,
      note,
    });
  });
}

/** The intake as edited must still make sense for the team it is routed to. */
function refuseIntake(after: Intake, current: LockedInquiry): void {
  const problems = new InputProblems();
  const security = after.kind === 'KNOWLEDGE_SECURITY';
  const atDesk = current.routedTo === DESK_NETWORK_ID;
  if (security && !atDesk)
    problems.add('kind', 'a KNOWLEDGE_SECURITY inquiry is handled by the desk: reroute it to the desk first');
  if (!security && atDesk)
    problems.add('kind', 'an EXPERTISE_REQUEST is handled by CKN or REKA: reroute it to a network first');
  if (!security && after.partner) problems.add('partner', 'applies to KNOWLEDGE_SECURITY inquiries only: give null');
  if (!security && after.riskCategories.length > 0)
    problems.add('riskCategories', 'apply to KNOWLEDGE_SECURITY inquiries only: give []');
  problems.throwIfAny(M.notEdited);
}

function changedIntake(before: Intake, after: Intake): string[] {
  const names: Record<keyof Intake, string> = {
    kind: 'kind',
    question: 'question',
    context: 'context',
    contactName: 'contactName',
    contactEmail: 'contactEmail',
    askedBy: 'askedBy',
    partner: 'partner',
    themeIds: 'themes',
    countryIds: 'countries',
    riskCategories: 'riskCategories',
  };
  return (Object.keys(names) as Array<keyof Intake>)
    .filter((key) => {
      const [a, b] = [before[key], after[key]];
      return Array.isArray(a) && Array.isArray(b) ? !sameSet(a, b) : a !== b;
    })
    .map((key) => names[key]);
}

/**
 * Corrects when an inquiry was received (administrators only, with a reason): its due date follows, on Dutch working
 * days. Everyone else keeps the receipt time as it was recorded.
 */
export async function correctInquiryReceipt(
  queries: Queries,
  viewer: Viewer,
  change: InquiryChange<ReturnType<typeof receiptCorrectionFields>>,
  now = new Date(),
): Promise<InquiryRecord> {
  if (!canCorrectReceipt(viewer)) throw new ForbiddenError(M.receiptForAdministrators);
  const { problems } = checkedChange(change);
  const reason = checkedText(problems, 'reason', change.reason, { max: TEXT_LIMITS.text, required: true });
  const receivedAt = checkedPast(problems, 'receivedAt', change.receivedAt, now);
  problems.throwIfAny(M.receiptNotCorrected);
  const why = present(reason, 'the reason');
  const at = present(receivedAt, 'the receipt time');
  return lockedChange(queries, viewer, 'correctInquiryReceipt', change, why, async (tx, _current, id) => {
    await writeReceipt(
      tx,
      id,
      { receivedAt: at.toISOString(), dueAt: dueAt(at).toISOString() },
      { at: now.toISOString(), by: viewer.name, byId: viewer.id, note: why },
    );
  });
}
