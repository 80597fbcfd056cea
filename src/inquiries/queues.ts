import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { BadInputError } from '../errors.js';
import { luceneTerms } from '../text.js';
import { countQueues, type InquiryQueue } from './queues-repository.js';
import { dueAt } from './working-days.js';

/** How many working days ahead "due soon" may look, and how far it looks unless told (due by the next working day). */
export const MAX_DUE_WITHIN_WORKING_DAYS = 20;
export const DEFAULT_DUE_WITHIN_WORKING_DAYS = 1;

/**
 * The last moment an inquiry counts as due soon: the end of the `days`-th Dutch working day after today (0: the end
 * of today), Europe/Amsterdam.
 */
export function dueSoonBy(now: Date, days: number | null | undefined): Date {
  const within = days ?? DEFAULT_DUE_WITHIN_WORKING_DAYS;
  if (!Number.isInteger(within) || within < 0 || within > MAX_DUE_WITHIN_WORKING_DAYS) {
    throw new BadInputError(
      `dueWithinWorkingDays must be from 0 (today) to ${MAX_DUE_WITHIN_WORKING_DAYS} (got ${within}).`,
      { argument: 'dueWithinWorkingDays' },
    );
  }
  return dueAt(now, within);
}

/**
 * Free text as a Lucene query that needs every word (each escaped, as luceneTerms escapes them), so that a filter
 * narrows the list; '' when no word is left.
 */
export function luceneAllTerms(text: string): string {
  return (
    luceneTerms(text)
      .split(' ')
      // Compound parts carry an unescaped boost (`part^0.5`): the words as typed are enough.
      .filter((term) => term !== '' && !/(^|[^\\])\^/.test(term))
      .map((term) => `+${term}`)
      .join(' ')
  );
}

/** How many inquiries the viewer may see wait in each queue: for a page header. */
export function inquiryQueueCounts(
  queries: Queries,
  viewer: Viewer,
  dueWithinWorkingDays: number | null | undefined,
  now = new Date(),
): Promise<Array<{ queue: InquiryQueue; count: number }>> {
  return countQueues(queries, viewer, now, dueSoonBy(now, dueWithinWorkingDays));
}
