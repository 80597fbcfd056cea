/**
 * Normalised discounted cumulative gain at k: how close a ranking comes to the ideal order of graded
 * relevance (gain 2^grade − 1, discounted by log2 of the position + 1). 1 is ideal; a ranking that finds
 * nothing relevant scores 0. Ids without a grade count as 0. A question with no relevant id scores 1.
 */
export function ndcgAt(k: number, ranked: readonly string[], grades: Readonly<Record<string, number>>): number {
  const dcg = (gains: number[]) =>
    gains.slice(0, k).reduce((sum, grade, index) => sum + (2 ** grade - 1) / Math.log2(index + 2), 0);
  const ideal = dcg(Object.values(grades).sort((a, b) => b - a));
  if (ideal === 0) return 1;
  return dcg(ranked.map((id) => grades[id] ?? 0)) / ideal;
}
