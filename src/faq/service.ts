import { canEditFaq, canSeeInquiry, faqReviewRefusal } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Snapshot } from '../audit/repository.js';
import type { Queries } from '../db/database.js';
import { ForbiddenError, InputProblems, present } from '../errors.js';
import { idOf } from '../names/service.js';
import { auditedCreate, auditedUpdate, isoDate, slugOf, type Kind } from '../writes/audited-writes.js';
import { checkedText, inputRequired, inputText, TEXT_LIMITS } from '../writes/checks.js';
import type { RetireInput } from '../writes/mutation-fields.js';
import { neo4jDate, neo4jDateTime, type LinkWrite, type NodeWrite } from '../writes/node-repository.js';
import { subjectLinks } from '../writes/references.js';
import type { CreateFaqInput, UpdateFaqInput } from './inputs.js';
import { moveRefusal, statusAfter, statusAfterEdit, type FaqMove } from './lifecycle.js';
import { FAQ_TEXTS, type FaqStatus } from './model.js';
import { privacyFindings } from './privacy.js';
import { sourceFacts, sourceNamesOf } from './repository.js';

const FAQ: Kind = { label: 'FaqArticle', noun: 'FAQ article' };

/** The fields create and update share. */
type FaqFields = Omit<UpdateFaqInput, 'id' | 'expectedVersion' | 'note'>;

const HANDLERS_ONLY = 'FAQ articles are written and reviewed by handlers: the desk, the secretariats, administrators.';

function mayEdit(viewer: Viewer): void {
  if (!canEditFaq(viewer)) throw new ForbiddenError(HANDLERS_ONLY);
}

/** The source inquiries given: each must exist, be answered and be one the viewer may see. */
async function checkedSources(queries: Queries, viewer: Viewer, problems: InputProblems, given: string[]) {
  if (given.length === 0) problems.add('sources', 'name at least one answered inquiry the article was drawn from');
  const ids = given.map((text) => idOf(text, 'Inquiry'));
  const facts = await sourceFacts(queries, ids);
  ids.forEach((id, i) => {
    const fact = facts.get(id);
    if (!fact || !canSeeInquiry(viewer, fact)) problems.add(`sources[${i}]`, `no inquiry you may see has id "${id}"`);
    else if (!fact.answered) problems.add(`sources[${i}]`, `inquiry ${id} has no answer yet: answer it first`);
  });
  return [...new Set(ids)].map((id) => ({ id }));
}

async function checkArticle(
  queries: Queries,
  viewer: Viewer,
  problems: InputProblems,
  input: FaqFields,
  creating: boolean,
): Promise<NodeWrite> {
  const texts = Object.fromEntries(
    FAQ_TEXTS.map((field) => [
      field,
      inputText(problems, field, input[field], {
        required: creating || input[field] !== undefined,
        max: field.startsWith('question') ? TEXT_LIMITS.title : TEXT_LIMITS.text,
      }),
    ]),
  );
  const labels = input.labels?.map((label, i) => ({
    en: checkedText(problems, `labels[${i}].en`, label.en, { required: true, max: TEXT_LIMITS.line, line: true }),
    nl: checkedText(problems, `labels[${i}].nl`, label.nl, { required: true, max: TEXT_LIMITS.line, line: true }),
  }));
  const reviewBy = inputRequired(problems, 'reviewBy', input.reviewBy);
  const sources =
    input.sources === undefined || input.sources === null
      ? undefined
      : await checkedSources(queries, viewer, problems, input.sources);
  if (input.sources === null) problems.add('sources', 'may not be cleared');
  const links: LinkWrite[] = [
    ...(await subjectLinks(queries, problems, input)),
    ...(sources ? [{ type: 'DRAWN_FROM', to: 'Inquiry' as const, targets: sources }] : []),
  ];
  return {
    properties: {
      ...texts,
      labelsEn: labels?.map((label) => label.en ?? ''),
      labelsNl: labels?.map((label) => label.nl ?? ''),
      riskCategories: input.riskCategories === undefined ? undefined : (input.riskCategories ?? []),
      reviewBy: reviewBy && neo4jDate(isoDate(reviewBy)),
    },
    links,
  };
}

/** Drafts an article from answered inquiries; its author is the viewer. Returns its id. */
export async function createFaqArticle(queries: Queries, viewer: Viewer, input: CreateFaqInput): Promise<string> {
  mayEdit(viewer);
  const problems = new InputProblems();
  const write = await checkArticle(queries, viewer, problems, input, true);
  problems.throwIfAny('The FAQ article was not drafted');
  write.properties = {
    ...write.properties,
    status: 'DRAFT',
    authorId: viewer.id,
    authorName: viewer.name,
    createdAt: neo4jDateTime(new Date()),
  };
  return auditedCreate(queries, viewer, FAQ, { generated: `faq-${slugOf(input.questionEn)}` }, write, input.note);
}

const statusOf = (current: Snapshot) => current.status as FaqStatus;

/**
 * Changes an article. A published article whose text, topics or sources change goes back to draft, to be reviewed
 * again; changing only its review date keeps it published.
 */
export async function updateFaqArticle(queries: Queries, viewer: Viewer, input: UpdateFaqInput): Promise<string> {
  mayEdit(viewer);
  const problems = new InputProblems();
  const write = await checkArticle(queries, viewer, problems, input, false);
  problems.throwIfAny('The FAQ article was not changed');
  const changed = Object.entries(input).filter(
    // Omitted fields are absent or undefined, whatever the inferred type says.
    ([key, value]) => (value as unknown) !== undefined && !['id', 'expectedVersion', 'note'].includes(key),
  );
  const onlyReviewDate = changed.every(([key]) => key === 'reviewBy');
  return auditedUpdate(queries, viewer, FAQ, input, (current) => {
    const status = statusAfterEdit(statusOf(current), onlyReviewDate);
    if (status === 'REFUSED') {
      problems.add('id', 'the article was retired: draft a new one from its sources instead');
      problems.throwIfAny('The FAQ article was not changed');
    }
    const backToDraft = status === 'DRAFT' && statusOf(current) !== 'DRAFT';
    return {
      properties: {
        ...write.properties,
        status,
        ...(backToDraft ? { reviewerId: null, reviewerName: null, submittedAt: null } : {}),
      },
      links: write.links,
    };
  });
}

/** BAD_USER_INPUT on the id when the move does not fit the article's status. */
function refuseMove(status: FaqStatus, move: FaqMove): void {
  const refused = moveRefusal(status, move);
  if (!refused) return;
  const problems = new InputProblems();
  problems.add('id', refused);
  problems.throwIfAny('The FAQ article was not changed');
}

/** A move of an article's lifecycle (submit, publish, send back), refused with a clear message when it does not fit. */
export async function moveFaqArticle(
  queries: Queries,
  viewer: Viewer,
  move: Exclude<FaqMove, 'retire'>,
  input: { id: string; expectedVersion: number; note?: string | null },
): Promise<string> {
  mayEdit(viewer);
  const id = idOf(input.id, FAQ.label);
  const names = move === 'publish' ? await sourceNamesOf(queries, id) : [];
  return auditedUpdate(queries, viewer, FAQ, { ...input, id }, (current) => {
    refuseMove(statusOf(current), move);
    if (move !== 'submit') {
      const notYou = faqReviewRefusal(viewer, { authorId: current.authorId as string });
      if (notYou) throw new ForbiddenError(notYou);
    }
    if (move === 'publish') checkPublishable(current, names);
    const now = neo4jDateTime(new Date());
    const properties: Record<string, unknown> = { status: statusAfter(move) };
    if (move === 'submit') properties.submittedAt = now;
    if (move === 'publish')
      Object.assign(properties, { reviewerId: viewer.id, reviewerName: viewer.name, publishedAt: now });
    return { properties, links: [] };
  });
}

/** Publishing is refused while the text that would be published holds an e-mail, a phone number or a source's name. */
function checkPublishable(current: Snapshot, sourceNames: string[]): void {
  const texts = Object.fromEntries(
    FAQ_TEXTS.map((field) => [field, typeof current[field] === 'string' ? current[field] : '']),
  );
  const problems = new InputProblems();
  for (const finding of privacyFindings(texts, sourceNames))
    problems.add(finding.field, `remove "${finding.found}" (${finding.kind.toLowerCase().replace('_', ' ')}) first`);
  problems.throwIfAny('The FAQ article was not published: it holds personal or confidential details');
}

/** Retires an article (no longer published), with the reason for the history. */
export async function retireFaqArticle(queries: Queries, viewer: Viewer, input: RetireInput): Promise<string> {
  mayEdit(viewer);
  const problems = new InputProblems();
  const given = inputText(problems, 'reason', input.reason, { required: true });
  problems.throwIfAny('The FAQ article was not retired');
  // Required: with no problem reported, it was given.
  const reason = present(given, 'the reason');
  const id = idOf(input.id, FAQ.label);
  return auditedUpdate(queries, viewer, FAQ, { ...input, id, note: reason }, (current) => {
    refuseMove(statusOf(current), 'retire');
    return {
      properties: { status: 'RETIRED', retiredAt: neo4jDateTime(new Date()), retiredReason: reason },
      links: [],
    };
  });
}
