/** Where an inquiry is in its life: first come, first served, answered, then closed. */
export const INQUIRY_STATUSES = ['RECEIVED', 'IN_PROGRESS', 'COORDINATING', 'ANSWERED', 'CLOSED'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** The statuses of an inquiry still waiting for its answer: the ones that count as open, and can be overdue. */
export const OPEN_STATUSES: readonly InquiryStatus[] = ['RECEIVED', 'IN_PROGRESS', 'COORDINATING'];

export function isOpen(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** Moves changeInquiryStatus may make; ANSWERED is reached only by answerInquiry, which records the answer. */
const NEXT: Record<InquiryStatus, InquiryStatus[]> = {
  RECEIVED: ['IN_PROGRESS', 'COORDINATING', 'CLOSED'],
  IN_PROGRESS: ['COORDINATING', 'CLOSED'],
  COORDINATING: ['IN_PROGRESS', 'CLOSED'],
  ANSWERED: ['IN_PROGRESS', 'CLOSED'],
  CLOSED: ['IN_PROGRESS'],
};

export interface Transition {
  from: InquiryStatus;
  to: InquiryStatus;
  note: string | null;
  ministryCount: number;
  answered: boolean;
}

/** Why a status change makes no sense, or null when it does. */
export function refusedTransition({ from, to, note, ministryCount, answered }: Transition): string | null {
  if (to === 'ANSWERED')
    return 'An inquiry becomes ANSWERED through answerInquiry, which records the answer: use that.';
  if (from === to) return `The inquiry is already ${from}.`;
  if (!NEXT[from].includes(to))
    return `An inquiry cannot go from ${from} to ${to}; from ${from} it can go to ${NEXT[from].join(' or ')}.`;
  if (to === 'COORDINATING' && ministryCount === 0)
    return 'Coordinating needs the ministries coordinated with: give ministries.';
  const reopening = (from === 'CLOSED' || from === 'ANSWERED') && to !== 'CLOSED';
  if (reopening && !note)
    return `Reopening ${from === 'CLOSED' ? 'a closed' : 'an answered'} inquiry needs a reason: give a note.`;
  if (to === 'CLOSED' && !answered && !note)
    return 'Closing an inquiry without an answer needs a reason (e.g. withdrawn): give a note.';
  return null;
}

/** Why answering makes no sense now, or null when it does. */
export function refusedAnswer(from: InquiryStatus): string | null {
  return from === 'CLOSED'
    ? 'The inquiry is closed: reopen it (changeInquiryStatus to IN_PROGRESS, with a reason) before answering.'
    : null;
}
