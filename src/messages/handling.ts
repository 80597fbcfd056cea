/**
 * What handlers are told when the inquiry handling mutations refuse (src/inquiries/closing.ts, notes.ts, edit.ts,
 * consultations.ts, coordination.ts): each says what to do instead.
 */
export const HANDLING_MESSAGES = {
  notClosed: 'The inquiry was not closed',
  noteNotAdded: 'The note was not added',
  messageNotRecorded: 'The message to the asker was not recorded',
  notEdited: 'The inquiry was not changed',
  receiptNotCorrected: 'The receipt time was not corrected',
  consultationNotRecorded: 'The consultation was not recorded',
  coordinationNotRecorded: 'The coordination was not recorded',
  duplicateNeedsOriginal: 'a DUPLICATE names the inquiry it duplicates: give duplicateOf',
  duplicateOfOnlyForDuplicate:
    'only a DUPLICATE names another inquiry: leave duplicateOf out, or give reason DUPLICATE',
  duplicateOfItself: 'an inquiry cannot duplicate itself: give the other inquiry',
  answeredNeedsAnswer:
    'the inquiry has no answer: record it with answerInquiry (which marks it ANSWERED), or give another reason',
  inFuture: 'lies in the future: give the moment it happened',
  beforeReceipt: 'lies before the inquiry was received: give the moment it happened',
  closed: (what: string) => `The inquiry is closed: reopen it (changeInquiryStatus to IN_PROGRESS) before ${what}.`,
  receiptForAdministrators:
    'Only an administrator may correct when an inquiry was received (it moves its due date and its statistics): ' +
    'ask one, with the reason.',
  requiredCannotBeCleared: 'is required: give a new value, or leave the field out to keep it',
  nothingToChange: 'give at least one field to change',
} as const;
