// The seed's FAQ articles (seed/data/faq.json): written as the rest of the seed, after the inquiries they were drawn
// from, with MERGE on ids so that a second run changes nothing. Their authors and reviewers are seed people.

export interface FaqSeed {
  id: string;
  status: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'RETIRED';
  questionEn: string;
  answerEn: string;
  questionNl: string;
  answerNl: string;
  labels: Array<{ en: string; nl: string }>;
  themes: string[];
  countries: string[];
  riskCategories: string[];
  reviewBy: string;
  author: string;
  reviewer: string | null;
  createdAt: string;
  publishedAt: string | null;
  sources: string[];
}

export function faqRows(articles: FaqSeed[], people: Array<{ id: string; name: string }>) {
  const nameOf = (id: string | null) => (id === null ? null : (people.find((p) => p.id === id)?.name ?? id));
  return articles.map((a) => ({
    ...a,
    labelsEn: a.labels.map((label) => label.en),
    labelsNl: a.labels.map((label) => label.nl),
    authorName: nameOf(a.author),
    reviewerName: nameOf(a.reviewer),
    submittedAt: a.publishedAt,
  }));
}

export const FAQ_STATEMENT = `UNWIND $rows AS row MERGE (a:FaqArticle {id: row.id})
  SET a.status = row.status, a.questionEn = row.questionEn, a.answerEn = row.answerEn,
      a.questionNl = row.questionNl, a.answerNl = row.answerNl, a.labelsEn = row.labelsEn, a.labelsNl = row.labelsNl,
      a.riskCategories = row.riskCategories, a.reviewBy = date(row.reviewBy), a.authorId = row.author,
      a.authorName = row.authorName, a.reviewerId = row.reviewer, a.reviewerName = row.reviewerName,
      a.createdAt = datetime(row.createdAt), a.submittedAt = datetime(row.submittedAt),
      a.publishedAt = datetime(row.publishedAt), a.version = coalesce(a.version, 1)
  WITH a, row
  CALL (a, row) { UNWIND row.themes AS themeId MATCH (t:Theme {id: themeId}) MERGE (a)-[:ABOUT]->(t) }
  CALL (a, row) { UNWIND row.countries AS countryId MATCH (c:Country {id: countryId}) MERGE (a)-[:CONCERNS]->(c) }
  CALL (a, row) { UNWIND row.sources AS inquiryId MATCH (i:Inquiry {id: inquiryId}) MERGE (a)-[:DRAWN_FROM]->(i) }`;
