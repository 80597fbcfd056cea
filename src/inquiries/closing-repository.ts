/**
 * Why an inquiry was closed, and what that means for the counts: the Cypher of closing reasons. An inquiry
 * recorded in error stays in the graph (its handlers read it, the audit trail keeps it) but leaves every statistic.
 */
export const CLOSING_REASONS = ['ANSWERED', 'WITHDRAWN', 'DUPLICATE', 'OUT_OF_SCOPE', 'RECORDED_IN_ERROR'] as const;
export type ClosingReason = (typeof CLOSING_REASONS)[number];

/**
 * A Cypher predicate on the inquiry variable `variable`: it counts in statistics, dashboards and demand (it was
 * not closed as recorded in error). The variable is a code constant.
 */
export const countsInStatistics = (variable: string) =>
  `coalesce(${variable}.closingReason, '') <> 'RECORDED_IN_ERROR'`;

/**
 * Whether an answered inquiry's answer counts as one (towards "answered within 3 working days"): not when it was
 * closed for another reason than ANSWERED (a duplicate, withdrawn, out of scope).
 */
export const answerCounts = (variable: string) => `coalesce(${variable}.closingReason, 'ANSWERED') = 'ANSWERED'`;
