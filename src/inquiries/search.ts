import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { InputProblems } from '../graphql/errors.js';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page, type PageArgs } from '../graphql/paging.js';
import { idOf, resolveSubjects } from '../names/service.js';
import { luceneTerms } from '../text.js';
import { checkedText } from '../writes/checks.js';
import { linksOfInquiries, MAX_INQUIRY_TEXT, pageOfInquiries, type InquiryKind, type InquiryRecord } from './repository.js';
import { similarInquiries, type SimilarRow } from './similarity-repository.js';
import { SIMILARITY_HIT_LIMIT, SIMILARITY_WEIGHTS, similarityReasons, type SimilarityReason } from './similarity.js';
import type { InquiryStatus } from './status.js';

export interface SimilarInquiry {
  inquiry: InquiryRecord;
  score: number;
  reasons: SimilarityReason[];
  /** The answer, when the earlier inquiry was answered and may be shared. */
  sharedAnswer: string | null;
  /** Experts who answered it, when it may be shared. */
  answeredBy: SimilarRow['answeredBy'];
}
export function toSimilar(row: SimilarRow): SimilarInquiry {
  const shareable = row.inquiry.visibility === 'SHAREABLE' && row.inquiry.answerSummary !== null;
  return {
    inquiry: row.inquiry,
    score: row.score,
    reasons: similarityReasons(row),
    sharedAnswer: shareable ? row.inquiry.answerSummary : null,
    answeredBy: shareable ? row.answeredBy : [],
  };
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
  const question = checkedText(problems, 'question', args.question, { max: MAX_INQUIRY_TEXT, required: true });
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
  receivedFrom?: Date | null;
  receivedBefore?: Date | null;
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
      receivedFrom: filter.receivedFrom?.toISOString() ?? null,
      receivedBefore: filter.receivedBefore?.toISOString() ?? null,
    },
    size,
    after,
  );
  return toPage(rows, size, after !== null, total, (node) => ({ node, cursor: encodeCursor([node.receivedAt, node.id]) }));
}
