import type { InputFields, InputOf, NoneOf } from '../writes/mutation-fields.js';
import { AskerChannelEnum, ClosingReasonEnum, ConsultationChannelEnum } from './handling-enums.js';
import { ConsultationOutcomeEnum, InquiryKindEnum, RiskCategoryEnum } from './types.js';
import type { IntakeProperty } from './model.js';

/** The input fields of the handling mutations (src/inquiries/handling-mutations.ts), besides id, version and note. */

export const editFields = (f: InputFields) => ({
  question: f.string({ required: false, description: 'The question (required: cannot be cleared).' }),
  context: f.string({ required: false, description: 'Background; null clears it.' }),
  askedBy: f.string({
    required: false,
    description: 'The asking institution (global id or slug; required: cannot be cleared).',
  }),
  contactName: f.string({ required: false, description: 'Whom to answer; null clears it.' }),
  contactEmail: f.field({ type: 'EmailAddress', required: false, description: 'Their e-mail; null clears it.' }),
  kind: f.field({
    type: InquiryKindEnum,
    required: false,
    description: 'Expertise request or knowledge-security question (must suit the team it is routed to).',
  }),
  themes: f.stringList({ required: false, description: 'The themes, replacing the given ones; [] or null clears.' }),
  countries: f.stringList({
    required: false,
    description: 'The countries (ISO codes, names or regions), replacing the given ones; [] or null clears.',
  }),
  partner: f.string({
    required: false,
    description: 'For knowledge-security questions: the foreign partner institution; null clears it.',
  }),
  riskCategories: f.field({
    type: [RiskCategoryEnum],
    required: false,
    description: 'For knowledge-security questions: what the worry is, replacing the given ones.',
  }),
});
export type EditInput = InputOf<typeof editFields>;

/** editInquiry's fields are the intake's properties, plus its links (asking institution, themes, countries, partner) */
type EditField = keyof EditInput;
export type EditInputMatchesModel = NoneOf<
  Exclude<IntakeProperty, EditField>,
  Exclude<EditField, IntakeProperty | 'askedBy' | 'themes' | 'countries' | 'partner'>
>;

export const receiptCorrectionFields = (f: InputFields) => ({
  receivedAt: f.field({ type: 'DateTime', required: true, description: 'When the question really came in.' }),
  reason: f.string({ required: true, description: 'Why the receipt time is corrected (kept in the history).' }),
});

export const closeFields = (f: InputFields) => ({
  reason: f.field({
    type: ClosingReasonEnum,
    required: false,
    description:
      'Why it is closed. Default: ANSWERED when it has an answer; otherwise none is recorded and a note must ' +
      'say why.',
  }),
  duplicateOf: f.string({
    required: false,
    description: 'For DUPLICATE (and only then): the inquiry it duplicates (global id or slug).',
  }),
});

export const noteFields = (f: InputFields) => ({
  text: f.string({ required: true, description: 'The note: internal, for the handlers only.' }),
});

export const askerMessageFields = (f: InputFields) => ({
  channel: f.field({ type: AskerChannelEnum, required: true, description: 'How the asker was told.' }),
  at: f.field({ type: 'DateTime', required: false, description: 'When (default now; not in the future).' }),
  summary: f.string({ required: true, description: 'What the asker was told, in short.' }),
});

export const askExpertFields = (f: InputFields) => ({
  expert: f.string({ required: true, description: 'The expert asked (global id or slug).' }),
  channel: f.field({ type: ConsultationChannelEnum, required: true, description: 'How the expert was asked.' }),
  askedAt: f.field({ type: 'DateTime', required: false, description: 'When (default now; not in the future).' }),
});

export const consultationOutcomeFields = (f: InputFields) => ({
  consultation: f.string({ required: true, description: 'The consultation (its id, from Inquiry.consultations).' }),
  outcome: f.field({
    type: ConsultationOutcomeEnum,
    required: true,
    description: 'What came of it: ANSWERED, DECLINED or REFERRED.',
  }),
  referredTo: f.string({ required: false, description: 'For REFERRED: the expert referred to.' }),
  answeredAt: f.field({ type: 'DateTime', required: false, description: 'When (default now; not in the future).' }),
});

export const ministryCoordinationFields = (f: InputFields) => ({
  ministry: f.string({ required: true, description: 'The ministry (global id or slug, e.g. "min-ezk").' }),
  askedAt: f.field({ type: 'DateTime', required: false, description: 'When it was asked (default now).' }),
});

export const ministryAnswerFields = (f: InputFields) => ({
  ministry: f.string({ required: true, description: 'The ministry (global id or slug) that answered.' }),
  outcome: f.string({ required: true, description: 'What the ministry said, in short.' }),
  answeredAt: f.field({ type: 'DateTime', required: false, description: 'When (default now; not in the future).' }),
});

export const expectedAnswerFields = (f: InputFields) => ({
  expectedAnswerAt: f.field({
    type: 'DateTime',
    required: false,
    description: 'When the ministries are expected to answer; null clears it.',
  }),
});
