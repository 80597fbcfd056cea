import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { BadInputError, InputProblems, present } from '../errors.js';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page, type PageArgs } from '../graphql/paging.js';
import { idOf, interpretQuestion, resolveSubjects, wordingIn } from '../names/service.js';
import type { Language } from '../messages/language.js';
import { resolveNetworkId } from '../networks/resolve.js';
import { luceneTerms } from '../text.js';
import { withoutStopWords } from '../text/stop-words.js';
import { checkedText, TEXT_LIMITS } from '../writes/checks.js';
import { dueSoonBy, luceneAllTerms } from './queues.js';
import { inquiriesWithText, type InquiryQueue } from './queues-repository.js';
import { linksOfInquiries, pageOfInquiries, type InquiryOrder } from './repository.js';
import type { InquiryKind, InquiryRecord } from './model.js';
import {
  similarInquiryRows,
  similarityCandidates,
  type SimilarInquiryRow,
  type SimilarityQuery,
} from './similarity-repository.js';
import { rankCandidates, SIMILARITY_HIT_LIMIT, type SimilarityReason } from './similarity.js';
import { inferredBeyond } from './tagging.js';
import type { InquiryStatus } from './status.js';

export interface SimilarInquiry {
  inquiry: InquiryRecord;
  score: number;
  reasons: SimilarityReason[];
  /** The answer, when the earlier inquiry was answered and may be shared. */
  sharedAnswer: string | null;
  /** Experts who answered it, when it may be shared. */
  answeredBy: SimilarInquiryRow['answeredBy'];
}

/**
 * The earlier inquiries most like a question, best first, with reasons in `language`: candidates by text and concepts,
 * scored in src/inquiries/similarity.ts, then the chosen ones read (two round trips whatever the number of inquiries).
 */
export async function rankSimilar(
  queries: Queries,
  viewer: Viewer,
  query: SimilarityQuery,
  limit: number,
  language: Language,
): Promise<SimilarInquiry[]> {
  const [candidates, wording] = await Promise.all([
    similarityCandidates(queries, viewer, query, SIMILARITY_HIT_LIMIT),
    wordingIn(queries, language),
  ]);
  const ranked = rankCandidates(query, candidates, limit, wording);
  if (ranked.length === 0) return [];
  const rows = new Map(
    (
      await similarInquiryRows(
        queries,
        ranked.map((r) => r.id),
      )
    ).map((row) => [row.inquiry.id, row]),
  );
  return ranked.flatMap(({ id, score, reasons }) => {
    const row = rows.get(id);
    if (!row) return [];
    const shareable = row.inquiry.visibility === 'SHAREABLE' && row.inquiry.answerSummary !== null;
    return [
      {
        inquiry: row.inquiry,
        score,
        reasons,
        sharedAnswer: shareable ? row.inquiry.answerSummary : null,
        answeredBy: shareable ? row.answeredBy : [],
      },
    ];
  });
}

/** A question's words as a full-text query: without question and function words, which say nothing of its subject. */
export const textQueryOf = (...texts: Array<string | null | undefined>) =>
  luceneTerms(withoutStopWords(texts.filter(Boolean).join(' ')));

export interface SimilarArgs {
  question: string;
  about?: string | null;
  country?: string | null;
  first?: number | null;
  /** The language of the reasons. */
  language: Language;
}

/**
 * Earlier inquiries like a question (and, optionally, a theme and a country), best first. The themes,
 * countries, partner and risk categories the question names (in English or Dutch) count as if given.
 */
export async function findSimilarInquiries(
  queries: Queries,
  viewer: Viewer,
  args: SimilarArgs,
): Promise<SimilarInquiry[]> {
  const problems = new InputProblems();
  const question = checkedText(problems, 'question', args.question, { max: TEXT_LIMITS.text, required: true });
  const limit = pageSize(args.first);
  problems.throwIfAny('No search was made');
  // Required: with no problem reported, it was given.
  const asked = present(question, 'the question');
  const [subjects, recognised] = await Promise.all([
    resolveSubjects(queries, problems, args.about ? [args.about] : [], args.country ? [args.country] : [], {
      includeRetired: true,
    }),
    interpretQuestion(queries, asked),
  ]);
  problems.throwIfAny('No search was made');
  const given = {
    themeIds: subjects.themes.map((t) => t.id),
    countryIds: subjects.countries.map((c) => c.id),
    partnerId: null,
    riskCategories: [],
  };
  const inferred = inferredBeyond(recognised, given);
  return rankSimilar(
    queries,
    viewer,
    {
      luceneQuery: textQueryOf(question),
      themeIds: [...given.themeIds, ...inferred.themeIds],
      countryIds: [...given.countryIds, ...inferred.countryIds],
      partnerId: inferred.partnerId,
      riskCategories: inferred.riskCategories,
      linkedIds: [],
      excludeId: null,
      receivedBefore: null,
    },
    limit,
    args.language,
  );
}

/**
 * Inquiries received before this one that resemble it in text, themes, countries, partner or risk (given and recognised
 * alike).
 */
export async function similarToInquiry(
  queries: Queries,
  viewer: Viewer,
  inquiry: InquiryRecord,
  first: number | null | undefined,
  language: Language,
): Promise<SimilarInquiry[]> {
  const limit = pageSize(first);
  // One entry per id asked for, for an inquiry that exists.
  const links = present((await linksOfInquiries(queries, [inquiry.id]))[0], `the links of inquiry "${inquiry.id}"`);
  const partner = links.partner ?? links.inferredPartner;
  return rankSimilar(
    queries,
    viewer,
    {
      luceneQuery: textQueryOf(inquiry.question, inquiry.context),
      themeIds: [...links.themes, ...links.inferredThemes].map((t) => t.id),
      countryIds: [...links.countries, ...links.inferredCountries].map((c) => c.id),
      partnerId: partner?.id ?? null,
      riskCategories: [...new Set([...inquiry.riskCategories, ...(inquiry.inferredRiskCategories ?? [])])],
      linkedIds: [...(links.followUpOf ? [links.followUpOf] : []), ...links.followUps],
      excludeId: inquiry.id,
      receivedBefore: inquiry.receivedAt,
    },
    limit,
    language,
  );
}

export interface InquiryFilterInput {
  queue?: InquiryQueue | null;
  dueWithinWorkingDays?: number | null;
  handler?: string | null;
  askedBy?: string | null;
  partner?: string | null;
  partnerFlagged?: boolean | null;
  answeredBy?: string | null;
  riskCategories?: string[] | null;
  text?: string | null;
  filedByMe?: boolean | null;
  status?: InquiryStatus[] | null;
  kind?: InquiryKind | null;
  network?: string | null;
  theme?: string | null;
  country?: string | null;
  overdue?: boolean | null;
  receivedFrom?: Date | null;
  receivedBefore?: Date | null;
  dueFrom?: Date | null;
  dueBefore?: Date | null;
}

/** The most values a list filter takes (statuses, risk categories): more than there are. */
export const MAX_FILTER_VALUES = 10;

/**
 * Inquiries matching a filter and, optionally, a work queue, first come, first served (by receipt) or soonest due
 * first. Free text needs every word in the question or context (or the answer), through the full-text indexes.
 */
export async function listInquiries(
  queries: Queries,
  viewer: Viewer,
  filter: InquiryFilterInput,
  args: PageArgs & { orderBy?: InquiryOrder | null },
  now = new Date(),
): Promise<Page<{ node: InquiryRecord }>> {
  const size = pageSize(args.first);
  const order = args.orderBy ?? 'RECEIVED';
  // Soonest-due cursors carry their order, so that one cannot be used to page the other order.
  const decoded =
    order === 'DUE'
      ? (decodeCursor(args.after, ['string', 'string', 'string']) as [string, string, string] | null)
      : (decodeCursor(args.after, ['string', 'string']) as [string, string] | null);
  if (decoded?.length === 3 && decoded[0] !== 'DUE')
    throw new BadInputError('after is not a cursor of this list: pass an endCursor of the same query and order.', {
      argument: 'after',
    });
  const after = decoded && (decoded.length === 3 ? ([decoded[1], decoded[2]] as [string, string]) : decoded);
  const problems = new InputProblems();
  const text = checkedText(problems, 'filter.text', filter.text, { max: TEXT_LIMITS.line });
  const handler = checkedText(problems, 'filter.handler', filter.handler, { max: TEXT_LIMITS.line, line: true });
  const askedBy = checkedText(problems, 'filter.askedBy', filter.askedBy, { max: TEXT_LIMITS.line, line: true });
  const partner = checkedText(problems, 'filter.partner', filter.partner, { max: TEXT_LIMITS.line, line: true });
  const answeredBy = checkedText(problems, 'filter.answeredBy', filter.answeredBy, {
    max: TEXT_LIMITS.line,
    line: true,
  });
  for (const [field, values] of [
    ['status', filter.status],
    ['riskCategories', filter.riskCategories],
  ] as const)
    if ((values?.length ?? 0) > MAX_FILTER_VALUES)
      problems.add(`filter.${field}`, `at most ${MAX_FILTER_VALUES} values (got ${values?.length ?? 0})`);
  const dueSoon = dueSoonBy(now, filter.dueWithinWorkingDays);
  const subjects = await resolveSubjects(
    queries,
    problems,
    filter.theme ? [filter.theme] : [],
    filter.country ? [filter.country] : [],
    {
      includeRetired: true,
    },
  );
  problems.throwIfAny('No inquiries were listed');
  const lucene = text === null ? '' : luceneAllTerms(text);
  const textIds = text === null ? null : lucene === '' ? [] : await inquiriesWithText(queries, lucene);
  const { rows, total } = await pageOfInquiries(
    queries,
    viewer,
    {
      queue: filter.queue ?? null,
      handlerId: handler,
      askedById: askedBy ? idOf(askedBy, 'Institution') : null,
      partnerId: partner ? idOf(partner, 'Institution') : null,
      partnerFlagged: filter.partnerFlagged ?? null,
      answeredById: answeredBy ? idOf(answeredBy, 'Expert') : null,
      riskCategories: filter.riskCategories?.length ? filter.riskCategories : null,
      dueFrom: filter.dueFrom?.toISOString() ?? null,
      dueBefore: filter.dueBefore?.toISOString() ?? null,
      textIds,
      filedBy: filter.filedByMe ? viewer.id : null,
      statuses: filter.status?.length ? filter.status : null,
      kind: filter.kind ?? null,
      networkId: await resolveNetworkId(queries, filter.network, 'filter.network'),
      themeId: subjects.themes[0]?.id ?? null,
      countryIds: filter.country ? subjects.countries.map((c) => c.id) : null,
      overdue: filter.overdue ?? null,
      receivedFrom: filter.receivedFrom?.toISOString() ?? null,
      receivedBefore: filter.receivedBefore?.toISOString() ?? null,
    },
    { size, after, order, now, dueSoonBy: dueSoon },
  );
  return toPage(rows, size, after !== null, total, (node) => ({
    node,
    cursor: encodeCursor(order === 'DUE' ? ['DUE', node.dueAt, node.id] : [node.receivedAt, node.id]),
  }));
}
