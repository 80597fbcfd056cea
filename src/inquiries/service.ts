import { randomBytes } from 'node:crypto';
import { audited } from '../audit/service.js';
import { DESK_NETWORK_ID, handlesInquiry } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { forbidden, InputProblems, notFound } from '../graphql/errors.js';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page, type PageArgs } from '../graphql/paging.js';
import { idOf, resolveSubjects, type PlaceRef } from '../names/service.js';
import { resolveExperts } from '../experts/resolve.js';
import { luceneTerms } from '../text.js';
import { rankExperts, type WhoKnowsResult } from '../whoknows/service.js';
import {
  changeInquiry,
  createInquiry,
  existingReferences,
  inquiriesByIds,
  linksOfInquiries,
  pageOfInquiries,
  similarInquiries,
  writes,
  type ConsultationOutcome,
  type InquiryKind,
  type InquiryRecord,
  type InquiryWrite,
  type LockedInquiry,
  type SimilarRow,
  type Visibility,
} from './repository.js';
import { SIMILARITY_HIT_LIMIT, SIMILARITY_WEIGHTS, similarityReasons, type SimilarityReason } from './similarity.js';
import { refusedAnswer, refusedTransition, type InquiryStatus } from './status.js';
import { dueAt } from './working-days.js';


const MAX_TEXT = 4000;
/** A clock may run a little ahead of ours: how far in the future a receipt time may lie. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface SimilarInquiry {
  inquiry: InquiryRecord;
  score: number;
  reasons: SimilarityReason[];
  /** The answer, when the earlier inquiry was answered and may be shared. */
  sharedAnswer: string | null;
  /** Experts who answered it, when it may be shared. */
  answeredBy: SimilarRow['answeredBy'];
}

function toSimilar(row: SimilarRow): SimilarInquiry {
  const shareable = row.inquiry.visibility === 'SHAREABLE' && row.inquiry.answerSummary !== null;
  return {
    inquiry: row.inquiry,
    score: row.score,
    reasons: similarityReasons(row),
    sharedAnswer: shareable ? row.inquiry.answerSummary : null,
    answeredBy: shareable ? row.answeredBy : [],
  };
}

function text(problems: InputProblems, field: string, value: string | null | undefined, required: boolean): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    if (required) problems.add(field, 'must not be empty');
    return null;
  }
  if (trimmed.length > MAX_TEXT) problems.add(field, `must be at most ${MAX_TEXT} characters`);
  return trimmed;
}

export interface RecordInquiryInput {
  kind: InquiryKind;
  question: string;
  context?: string | null;
  askedBy: string;
  contactName?: string | null;
  contactEmail?: string | null;
  themes?: string[] | null;
  countries?: string[] | null;
  routedTo?: string | null;
  riskCategories?: string[] | null;
  partner?: string | null;
  receivedAt?: Date | null;
  followUpOf?: string | null;
  note?: string | null;
}

export interface RecordedInquiry {
  inquiry: InquiryRecord;
  suggestedExperts: WhoKnowsResult;
  similarInquiries: SimilarInquiry[];
}

/**
 * Records a question and answers it at once with the experts who know (whoKnows over its themes and
 * countries) and the earlier inquiries like it. Every problem with the input is reported together, and
 * nothing is written while there is one.
 */
export async function recordInquiry(queries: Queries, viewer: Viewer, input: RecordInquiryInput, now = new Date()): Promise<RecordedInquiry> {
  const problems = new InputProblems();
  const question = text(problems, 'question', input.question, true);
  const context = text(problems, 'context', input.context, false);
  const note = text(problems, 'note', input.note, false);
  const receivedAt = input.receivedAt ?? now;
  if (Number.isNaN(receivedAt.getTime())) problems.add('receivedAt', 'is not a valid date and time');
  else if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) problems.add('receivedAt', 'lies in the future: give the moment the question came in');

  const security = input.kind === 'KNOWLEDGE_SECURITY';
  if (!security && (input.riskCategories?.length ?? 0) > 0) problems.add('riskCategories', 'apply to KNOWLEDGE_SECURITY inquiries only');
  if (!security && input.partner) problems.add('partner', 'applies to KNOWLEDGE_SECURITY inquiries only');
  if (!security && !input.routedTo) problems.add('routedTo', 'an EXPERTISE_REQUEST needs a network to go to (e.g. "ckn" or "reka")');

  const askedBy = idOf(input.askedBy, 'Institution');
  const partner = input.partner ? idOf(input.partner, 'Institution') : null;
  const routedTo = input.routedTo ? idOf(input.routedTo, 'Network') : security ? DESK_NETWORK_ID : null;
  const followUpOf = input.followUpOf ? idOf(input.followUpOf, 'Inquiry') : null;

  const [subjects, found] = await Promise.all([
    resolveSubjects(queries, problems, input.themes ?? [], input.countries ?? []),
    existingReferences(queries, {
      institutionIds: [askedBy, ...(partner ? [partner] : [])],
      networkIds: routedTo ? [routedTo] : [],
      inquiryIds: followUpOf ? [followUpOf] : [],
    }),
  ]);
  if (!found.institutions.some((i) => i.id === askedBy)) problems.add('askedBy', `no institution has id "${input.askedBy}": see the institutions query`);
  if (partner && !found.institutions.some((i) => i.id === partner)) problems.add('partner', `no institution has id "${input.partner}": see the institutions query`);
  const network = found.networks.find((n) => n.id === routedTo);
  if (routedTo && !network) problems.add('routedTo', `no network has id "${input.routedTo}": see the networks query`);
  else if (network && security && network.kind !== 'DESK') problems.add('routedTo', `a KNOWLEDGE_SECURITY inquiry goes to the desk ("${DESK_NETWORK_ID}"), not to ${network.name}`);
  else if (network && !security && network.kind === 'DESK') problems.add('routedTo', 'an EXPERTISE_REQUEST goes to a knowledge network such as CKN or REKA, not to the desk');
  const earlier = found.inquiries.find((i) => i.id === followUpOf);
  if (followUpOf && !earlier) problems.add('followUpOf', `no inquiry has id "${input.followUpOf}"`);
  else if (earlier && new Date(earlier.receivedAt) >= receivedAt) problems.add('followUpOf', 'must be an earlier inquiry');
  problems.throwIfAny('The inquiry was not recorded');

  // The id is made inside the audited work and returned by it: a retry of a commit whose acknowledgement was
  // lost answers with the id that was stored, instead of a new one (a duplicate) or a CONFLICT.
  const id = await audited(queries, viewer, 'recordInquiry', note, async (tx) => {
    const id = `inq-${receivedAt.getUTCFullYear()}-${randomBytes(4).toString('hex')}`;
    await tx.track('Inquiry', id);
    await createInquiry(tx, {
      id,
      kind: input.kind,
      question: question!,
      context,
      contactName: input.contactName?.trim() || null,
      contactEmail: input.contactEmail?.trim() || null,
      riskCategories: input.riskCategories ?? [],
      receivedAt: receivedAt.toISOString(),
      dueAt: dueAt(receivedAt).toISOString(),
      askedBy,
      routedTo: routedTo!,
      partner,
      themeIds: subjects.themes.map((t) => t.id),
      countryIds: subjects.countries.map((c) => c.id),
      followUpOf,
      filedBy: viewer.id,
      by: viewer.name,
      note,
    });
    return id;
  });

  const place: PlaceRef | null = subjects.countries.length > 0 ? { countries: subjects.countries, region: null } : null;
  const [[inquiry], suggestedExperts, similar] = await Promise.all([
    inquiriesByIds(queries, [id]),
    rankExperts(queries, { themes: subjects.themes, text: subjects.themes.length > 0 ? null : question, place }, 5),
    similarInquiries(
      queries,
      viewer,
      {
        luceneQuery: luceneTerms(`${question} ${context ?? ''}`),
        themeIds: subjects.themes.map((t) => t.id),
        countryIds: subjects.countries.map((c) => c.id),
        partnerId: partner,
        linkedIds: followUpOf ? [followUpOf] : [],
        excludeId: id,
        receivedBefore: null,
        limit: 5,
      },
      SIMILARITY_WEIGHTS,
      SIMILARITY_HIT_LIMIT,
    ),
  ]);
  return { inquiry: inquiry as InquiryRecord, suggestedExperts, similarInquiries: similar.map(toSimilar) };
}

export interface SimilarArgs {
  question: string;
  about?: string | null;
  country?: string | null;
  first?: number | null;
}

/** Earlier inquiries like a question (and, optionally, a theme and a country), best first. */
export async function findSimilarInquiries(queries: Queries, viewer: Viewer, args: SimilarArgs): Promise<SimilarInquiry[]> {
  const problems = new InputProblems();
  const question = text(problems, 'question', args.question, true);
  const limit = pageSize(args.first);
  problems.throwIfAny('No search was made');
  const subjects = await resolveSubjects(queries, problems, args.about ? [args.about] : [], args.country ? [args.country] : [], { includeRetired: true });
  problems.throwIfAny('No search was made');
  const rows = await similarInquiries(
    queries,
    viewer,
    {
      luceneQuery: luceneTerms(question!),
      themeIds: subjects.themes.map((t) => t.id),
      countryIds: subjects.countries.map((c) => c.id),
      partnerId: null,
      linkedIds: [],
      excludeId: null,
      receivedBefore: null,
      limit,
    },
    SIMILARITY_WEIGHTS,
    SIMILARITY_HIT_LIMIT,
  );
  return rows.map(toSimilar);
}

/** Inquiries received before this one that resemble it in text, themes, countries or partner. */
export async function similarToInquiry(queries: Queries, viewer: Viewer, inquiry: InquiryRecord, first: number | null | undefined): Promise<SimilarInquiry[]> {
  const limit = pageSize(first);
  const [links] = await linksOfInquiries(queries, [inquiry.id]);
  const rows = await similarInquiries(
    queries,
    viewer,
    {
      luceneQuery: luceneTerms(`${inquiry.question} ${inquiry.context ?? ''}`),
      themeIds: links!.themes.map((t) => t.id),
      countryIds: links!.countries.map((c) => c.id),
      partnerId: links!.partner?.id ?? null,
      linkedIds: [...(links!.followUpOf ? [links!.followUpOf] : []), ...links!.followUps],
      excludeId: inquiry.id,
      receivedBefore: inquiry.receivedAt,
      limit,
    },
    SIMILARITY_WEIGHTS,
    SIMILARITY_HIT_LIMIT,
  );
  return rows.map(toSimilar);
}

export interface InquiryFilterInput {
  status?: InquiryStatus[] | null;
  kind?: InquiryKind | null;
  network?: string | null;
  theme?: string | null;
  country?: string | null;
  overdue?: boolean | null;
}

/** Inquiries matching a filter, first come, first served. */
export async function listInquiries(queries: Queries, viewer: Viewer, filter: InquiryFilterInput, args: PageArgs): Promise<Page<{ node: InquiryRecord }>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, ['string', 'string']) as [string, string] | null;
  const problems = new InputProblems();
  const subjects = await resolveSubjects(queries, problems, filter.theme ? [filter.theme] : [], filter.country ? [filter.country] : [], {
    includeRetired: true,
  });
  problems.throwIfAny('No inquiries were listed');
  const { rows, total } = await pageOfInquiries(
    queries,
    viewer,
    {
      statuses: filter.status?.length ? filter.status : null,
      kind: filter.kind ?? null,
      networkId: filter.network ? idOf(filter.network, 'Network') : null,
      themeId: subjects.themes[0]?.id ?? null,
      countryIds: filter.country ? subjects.countries.map((c) => c.id) : null,
      overdue: filter.overdue ?? null,
    },
    size,
    after,
  );
  return toPage(rows, size, after !== null, total, (node) => ({ node, cursor: encodeCursor([node.receivedAt, node.id]) }));
}

/** Which inquiry a change is to, from which version. */
export interface Change {
  id: string;
  expectedVersion: number;
  note?: string | null;
}

/**
 * Applies a change if the viewer handles the inquiry and it is still at `expectedVersion`: otherwise
 * someone else changed it in the meantime, and the caller gets CONFLICT (never a silent overwrite).
 * The change and its record are written together.
 */
async function applyChange(
  queries: Queries,
  viewer: Viewer,
  action: string,
  change: Change,
  note: string | null,
  decide: (current: LockedInquiry) => InquiryWrite,
): Promise<InquiryRecord> {
  const id = idOf(change.id, 'Inquiry');
  await audited(queries, viewer, action, note, (tx) =>
    changeInquiry(tx, id, change.expectedVersion, (current) => {
      if (!handlesInquiry(viewer, current)) {
        throw forbidden('Only the secretariat of the network it is routed to (the desk, for knowledge-security inquiries) or an administrator may change this inquiry.');
      }
      return decide(current);
    }),
  );
  const [inquiry] = await inquiriesByIds(queries, [id]);
  if (inquiry instanceof Error) throw notFound(`No inquiry has id "${change.id}".`);
  return inquiry as InquiryRecord;
}

function checkedChange(change: Change): { note: string | null; problems: InputProblems } {
  const problems = new InputProblems();
  const note = text(problems, 'note', change.note, false);
  return { note, problems };
}

/** Refuses a change the inquiry's current state does not allow (checked under its lock). */
function refuse(field: string, reason: string | null, what: string): void {
  const problems = new InputProblems();
  if (reason) problems.add(field, reason);
  problems.throwIfAny(what);
}

export async function changeInquiryStatus(
  queries: Queries,
  viewer: Viewer,
  change: Change & { status: InquiryStatus; ministries?: string[] | null },
  now = new Date(),
): Promise<InquiryRecord> {
  const { note, problems } = checkedChange(change);
  const ministryIds = (change.ministries ?? []).map((m) => idOf(m, 'Institution'));
  if (ministryIds.length > 0) {
    const found = await existingReferences(queries, { institutionIds: ministryIds });
    ministryIds.forEach((id, index) => {
      const ministry = found.institutions.find((i) => i.id === id);
      if (!ministry) problems.add(`ministries[${index}]`, `no institution has id "${change.ministries![index]}"`);
      else if (ministry.kind !== 'MINISTRY') problems.add(`ministries[${index}]`, `${ministry.name} is not a ministry`);
    });
  }
  problems.throwIfAny('The status was not changed');
  return applyChange(queries, viewer, change.status === 'CLOSED' ? 'closeInquiry' : 'changeInquiryStatus', change, note, (current) => {
    refuse(
      'status',
      refusedTransition({ from: current.status, to: change.status, note, ministryCount: ministryIds.length, answered: current.answerSummary !== null }),
      'The status was not changed',
    );
    return writes.status(change.status, now.toISOString(), viewer.name, note, ministryIds);
  });
}

export async function answerInquiry(
  queries: Queries,
  viewer: Viewer,
  change: Change & { answerSummary: string; visibility?: Visibility | null },
  now = new Date(),
): Promise<InquiryRecord> {
  const { note, problems } = checkedChange(change);
  const answer = text(problems, 'answerSummary', change.answerSummary, true);
  problems.throwIfAny('The inquiry was not answered');
  return applyChange(queries, viewer, 'answerInquiry', change, note, (current) => {
    refuse('status', refusedAnswer(current.status), 'The inquiry was not answered');
    return writes.answer(answer!, change.visibility ?? 'INTERNAL', now.toISOString(), viewer.name, note);
  });
}

export function closeInquiry(queries: Queries, viewer: Viewer, change: Change, now = new Date()): Promise<InquiryRecord> {
  return changeInquiryStatus(queries, viewer, { ...change, status: 'CLOSED' }, now);
}

export async function consultExpert(
  queries: Queries,
  viewer: Viewer,
  change: Change & { expert: string; outcome: ConsultationOutcome; referredTo?: string | null },
  now = new Date(),
): Promise<InquiryRecord> {
  const { note, problems } = checkedChange(change);
  const referredTo = change.referredTo?.trim() || null;
  if (change.outcome === 'REFERRED' && !referredTo) problems.add('referredTo', 'a REFERRED outcome names the expert referred to');
  if (change.outcome !== 'REFERRED' && referredTo) problems.add('referredTo', 'only a REFERRED outcome names another expert');
  // As every input that names an expert: an old id of a merged expert stands for the expert it was merged into.
  const [expert, referred] = (await resolveExperts(queries, [change.expert, ...(referredTo ? [referredTo] : [])])).map((e) => (e?.erased ? null : e));
  if (!expert) problems.add('expert', `no expert has id "${change.expert}"`);
  if (referredTo && !referred) problems.add('referredTo', `no expert has id "${change.referredTo}"`);
  problems.throwIfAny('The consultation was not recorded');
  return applyChange(queries, viewer, 'consultExpert', change, note, (current) => {
    refuse('status', current.status === 'CLOSED' ? 'The inquiry is closed: reopen it before consulting experts.' : null, 'The consultation was not recorded');
    return writes.consultation(expert!.id, change.outcome, now.toISOString(), viewer.name, note, referred?.id ?? null);
  });
}

export async function linkFollowUp(queries: Queries, viewer: Viewer, change: Change & { followUpOf: string }): Promise<InquiryRecord> {
  const { note, problems } = checkedChange(change);
  const earlierId = idOf(change.followUpOf, 'Inquiry');
  const found = await existingReferences(queries, { inquiryIds: [earlierId] });
  const earlier = found.inquiries[0];
  if (!earlier) problems.add('followUpOf', `no inquiry has id "${change.followUpOf}"`);
  problems.throwIfAny('The follow-up was not linked');
  return applyChange(queries, viewer, 'linkFollowUp', change, note, (current) => {
    const isEarlier = earlier!.id !== current.id && new Date(earlier!.receivedAt) < new Date(current.receivedAt);
    refuse('followUpOf', isEarlier ? null : 'must be an inquiry received before this one', 'The follow-up was not linked');
    return writes.followUp(earlier!.id);
  });
}
