import type { InputFieldMap, InputShapeFromFields } from '@pothos/core';
import type { InputFields, InputOf } from '../writes/mutation-fields.js';
import {
  ConsultationOutcomeEnum,
  InquiryKindEnum,
  InquiryStatusEnum,
  RiskCategoryEnum,
  VisibilityEnum,
} from './types.js';

/** The input fields of the inquiry mutations: the one declaration the mutations and the services follow. */
export const recordInquiryFields = (t: InputFields) => ({
  kind: t.field({
    type: InquiryKindEnum,
    required: true,
    description: 'Expertise request (to CKN or REKA) or knowledge-security question (to the desk).',
  }),
  question: t.string({ required: true, description: 'The question, in Dutch or English.' }),
  context: t.string({ required: false, description: 'Background.' }),
  askedBy: t.string({
    required: true,
    description: 'The asking institution (global id or slug, e.g. "min-bz" or "tu-delft").',
  }),
  contactName: t.string({ required: false, description: 'Whom to answer.' }),
  contactEmail: t.field({ type: 'EmailAddress', required: false, description: 'Their e-mail address.' }),
  themes: t.stringList({ required: false, description: 'Themes (ids, names or aliases, English or Dutch).' }),
  countries: t.stringList({
    required: false,
    description: 'Countries (ISO codes or names; a region adds its countries).',
  }),
  routedTo: t.string({
    required: false,
    description:
      'The network (slug, acronym or name: "ckn", "REKA"); knowledge-security questions go to the desk by default.',
  }),
  riskCategories: t.field({
    type: [RiskCategoryEnum],
    required: false,
    description: 'For knowledge-security questions: what the worry is.',
  }),
  partner: t.string({
    required: false,
    description: 'For knowledge-security questions: the foreign partner institution (id or slug).',
  }),
  receivedAt: t.field({
    type: 'DateTime',
    required: false,
    description: 'When it came in, if earlier than now (by mail or phone). Default: now.',
  }),
  followUpOf: t.string({ required: false, description: 'An earlier inquiry this follows up.' }),
  note: t.string({ required: false, description: 'A note for the history.' }),
});

export type RecordInquiryInput = InputOf<typeof recordInquiryFields>;

/** What every change to an inquiry names besides its own fields. */
export const changeFields = (t: InputFields) => ({
  id: t.string({ required: true, description: 'The inquiry (global id or slug).' }),
  expectedVersion: t.int({
    required: true,
    description: 'The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting.',
  }),
  note: t.string({ required: false, description: 'What was done, or why.' }),
});

/** What every change's input holds: which inquiry at which version, and a note. */
export type AnyInquiryChange = InputOf<typeof changeFields>;

/** A change's input: which inquiry at which version, a note, and the change's own fields. */
export type InquiryChange<Fields extends InputFieldMap> = AnyInquiryChange & InputShapeFromFields<Fields>;

export const statusChangeFields = (f: InputFields) => ({
  status: f.field({ type: InquiryStatusEnum, required: true, description: 'The new status.' }),
  ministries: f.stringList({
    required: false,
    description: 'For COORDINATING: the ministries (ids or slugs, e.g. "min-ezk").',
  }),
});

export const consultationFields = (f: InputFields) => ({
  expert: f.string({ required: true, description: 'The expert (global id or slug).' }),
  outcome: f.field({ type: ConsultationOutcomeEnum, required: true, description: 'What came of it.' }),
  referredTo: f.string({ required: false, description: 'For REFERRED: the expert referred to.' }),
});

export const answerFields = (f: InputFields) => ({
  answerSummary: f.string({ required: true, description: 'The substance of the answer.' }),
  visibility: f.field({
    type: VisibilityEnum,
    required: false,
    description: 'May later askers read it? Default INTERNAL.',
  }),
});

export const followUpFields = (f: InputFields) => ({
  followUpOf: f.string({ required: true, description: 'The earlier inquiry (global id or slug).' }),
});
