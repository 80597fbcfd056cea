/**
 * An FAQ article: a question and its answer, in Dutch and English, promoted by a handler from one or more
 * answered inquiries and rewritten without personal or confidential details. Declared once: its properties, the
 * record the repository reads and the one Cypher projection every read uses.
 */
import type { RiskCategory } from '../names/risk-categories.js';
import type { Retirable } from '../writes/retirable.js';

/** Where an article is in its life, with what each means (the GraphQL enum's descriptions). */
export const FAQ_STATUSES = {
  DRAFT: 'Being written by a handler; seen by handlers only.',
  IN_REVIEW: 'Waiting for a second handler (not its author) to review and publish it; seen by handlers only.',
  PUBLISHED: 'Public: anyone, signed in or not, may read it at /faq.',
  RETIRED: 'No longer published (outdated or withdrawn); seen by handlers only.',
} as const;
export type FaqStatus = keyof typeof FAQ_STATUSES;

/** The article's own text properties, in both languages. */
export const FAQ_TEXTS = ['questionEn', 'answerEn', 'questionNl', 'answerNl'] as const;
export type FaqText = (typeof FAQ_TEXTS)[number];

export type FaqArticleRecord = Record<FaqText, string> &
  Retirable & {
    id: string;
    status: FaqStatus;
    /** Free topic labels ("Cooperation with Russia and Belarus"), English and Dutch side by side. */
    labelsEn: string[];
    labelsNl: string[];
    riskCategories: RiskCategory[];
    /** YYYY-MM-DD: after this day the article is due for review and shows in the handlers' queue. */
    reviewBy: string;
    authorId: string;
    authorName: string;
    createdAt: string;
    submittedAt: string | null;
    reviewerId: string | null;
    reviewerName: string | null;
    publishedAt: string | null;
  };

const FIELDS = [
  'id',
  'status',
  ...FAQ_TEXTS,
  'authorId',
  'authorName',
  'submittedAt',
  'reviewerId',
  'reviewerName',
  'publishedAt',
  'version',
  'retiredAt',
  'retiredReason',
];

/** The map projection of an article node held in `variable`, for every read of an article. */
export const faqArticleProjection = (variable: string) =>
  `${variable} {${FIELDS.map((field) => `.${field}`).join(', ')}, ` +
  `labelsEn: coalesce(${variable}.labelsEn, []), labelsNl: coalesce(${variable}.labelsNl, []), ` +
  `riskCategories: coalesce(${variable}.riskCategories, []), ` +
  `reviewBy: toString(${variable}.reviewBy), createdAt: toString(${variable}.createdAt)}`;

/** A month as YYYY-MM: reads are counted per article and month. */
export const monthOf = (moment: Date): string => moment.toISOString().slice(0, 7);
