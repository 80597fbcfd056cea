/**
 * An article's lifecycle, pure: draft → in review → published → retired, where a second handler reviews. Which
 * moves may be made from which status, and what an edit of a published article does.
 */
import type { FaqStatus } from './model.js';

export type FaqMove = 'submit' | 'publish' | 'sendBack' | 'retire';

const FROM: Record<FaqMove, readonly FaqStatus[]> = {
  submit: ['DRAFT'],
  publish: ['IN_REVIEW'],
  sendBack: ['IN_REVIEW'],
  retire: ['DRAFT', 'IN_REVIEW', 'PUBLISHED'],
};

const TO: Record<FaqMove, FaqStatus> = {
  submit: 'IN_REVIEW',
  publish: 'PUBLISHED',
  sendBack: 'DRAFT',
  retire: 'RETIRED',
};

const WHAT: Record<FaqMove, string> = {
  submit: 'submitted for review',
  publish: 'published',
  sendBack: 'sent back to its author',
  retire: 'retired',
};

/** The status a move leads to. */
export const statusAfter = (move: FaqMove): FaqStatus => TO[move];

/** Why a move cannot be made from a status (in words that say what to do), or null when it can. */
export function moveRefusal(status: FaqStatus, move: FaqMove): string | null {
  if (FROM[move].includes(status)) return null;
  const hint: Record<FaqMove, string> = {
    submit: 'only a draft is submitted',
    publish: 'submit it for review first; only an article in review is published',
    sendBack: 'only an article in review is sent back',
    retire: 'it was retired already',
  };
  return `The article is ${status.toLowerCase().replace('_', ' ')}, so it cannot be ${WHAT[move]}: ${hint[move]}.`;
}

/**
 * The status after an edit: a draft or an article in review stays as it is; a published one goes back to draft
 * (a second handler reviews the new text) unless only its review date changed; a retired one is not edited.
 */
export function statusAfterEdit(status: FaqStatus, onlyReviewDate: boolean): FaqStatus | 'REFUSED' {
  if (status === 'RETIRED') return 'REFUSED';
  if (status === 'PUBLISHED') return onlyReviewDate ? 'PUBLISHED' : 'DRAFT';
  return status;
}
