import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { InputProblems, present } from '../errors.js';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page, type PageArgs } from '../graphql/paging.js';
import { interpretQuestion, resolveSubjects } from '../names/service.js';
import { resolveNetworkId } from '../networks/resolve.js';
import { luceneTerms } from '../text.js';
import { withoutStopWords } from '../text/stop-words.js';
import { checkedText, TEXT_LIMITS } from '../writes/checks.js';
import { linksOfInquiries, pageOfInquiries, type InquiryKind, type InquiryRecord } from './repository.js';
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
 * The earlier inquiries most like a question, best first: candidates by text and concepts, scored in
 * src/inquiries/similarity.ts, then the chosen ones read (two round trips whatever the number of inquiries).
 */
export async function rankSimilar(
  queries: Queries,
  viewer: Viewer,
  query: SimilarityQuery,
  limit: number,
): Promise<SimilarInquiry[]> {
  const candidates = await similarityCandidates(queries, viewer, query, SIMILARITY_HIT_LIMIT);
  const ranked = rankCandidates(query, candidates, limit);
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
  );
}

export interface InquiryFilterInput {
  status?: InquiryStatus[] | null;
  kind?: InquiryKind | null;
  network?: string | null;
  theme?: string | null;
  country?: string | null;
  overdue?: boolean | null;
  receivedFrom?: Date | null;
  receivedBefore?: Date | null;
}

/** Inquiries matching a filter, first come, first served. */
export async function listInquiries(
  queries: Queries,
  viewer: Viewer,
  filter: InquiryFilterInput,
  args: PageArgs,
): Promise<Page<{ node: InquiryRecord }>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, ['string', 'string']) as [string, string] | null;
  const problems = new InputProblems();
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
  const { rows, total } = await pageOfInquiries(
    queries,
    viewer,
    {
      statuses: filter.status?.length ? filter.status : null,
      kind: filter.kind ?? null,
      networkId: await resolveNetworkId(queries, filter.network, 'filter.network'),
      themeId: subjects.themes[0]?.id ?? null,
      countryIds: filter.country ? subjects.countries.map((c) => c.id) : null,
      overdue: filter.overdue ?? null,
      receivedFrom: filter.receivedFrom?.toISOString() ?? null,
      receivedBefore: filter.receivedBefore?.toISOString() ?? null,
    },
    size,
    after,
  );
  return toPage(rows, size, after !== null, total, (node) => ({
    node,
    cursor: encodeCursor([node.receivedAt, node.id]),
  }));
}
