/**
 * Which inquiry another may follow up: an earlier one or one received at the same moment (two questions that came
 * in together, one following on the other), never itself, never a later one, and never one that already follows
 * it up (directly or through others): follow-ups form no loop.
 */
export function followUpProblem(
  inquiry: { id: string | null; receivedAt: string | Date },
  earlier: { id: string; receivedAt: string; followsUp: readonly string[] },
): string | null {
  if (earlier.id === inquiry.id) return 'must be another inquiry: an inquiry cannot follow itself up';
  if (new Date(earlier.receivedAt).getTime() > new Date(inquiry.receivedAt).getTime())
    return 'must be an inquiry received before this one or at the same moment';
  if (inquiry.id !== null && earlier.followsUp.includes(inquiry.id))
    return 'already follows this one up (directly or through others): link them the other way round';
  return null;
}
