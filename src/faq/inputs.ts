import { builder } from '../graphql/builder.js';
import { RiskCategoryEnum } from '../inquiries/types.js';
import type { CreateInput, InputFields, UpdateInput } from '../writes/mutation-fields.js';

export const FaqLabelInput = builder.inputType('FaqLabelInput', {
  description: 'A free topic label in both languages, e.g. "Cooperation with Russia and Belarus".',
  fields: (f) => ({
    en: f.string({ required: true, description: 'In English.' }),
    nl: f.string({ required: true, description: 'In Dutch.' }),
  }),
});

/** The input fields of an article; `creating` makes the ones a new article needs required. */
export const faqFields = <Creating extends boolean>(f: InputFields, creating: Creating) => ({
  questionEn: f.string({ required: creating, description: 'The question in English, without personal details.' }),
  answerEn: f.string({ required: creating, description: 'The answer in English, without confidential details.' }),
  questionNl: f.string({ required: creating, description: 'The question in Dutch (de vraag).' }),
  answerNl: f.string({ required: creating, description: 'The answer in Dutch (het antwoord).' }),
  labels: f.field({ type: [FaqLabelInput], required: false, description: 'Free topic labels, in both languages.' }),
  themes: f.stringList({ required: false, description: 'Themes it is about (ids, names or aliases).' }),
  countries: f.stringList({
    required: false,
    description: 'Countries it concerns (ISO codes or names; a region adds its countries).',
  }),
  riskCategories: f.field({ type: [RiskCategoryEnum], required: false, description: 'The risks it speaks of.' }),
  reviewBy: f.field({
    type: 'Date',
    required: creating,
    description: 'Review it by this day: after it, the article shows in the handlers’ queue as due for review.',
  }),
  sources: f.stringList({
    required: creating,
    description: 'The answered inquiries it was drawn from (slugs or global ids): seen by handlers only.',
  }),
});

export const newFaqFields = (f: InputFields) => faqFields(f, true);
export const changedFaqFields = (f: InputFields) => faqFields(f, false);

export type CreateFaqInput = CreateInput<ReturnType<typeof newFaqFields>>;
export type UpdateFaqInput = UpdateInput<ReturnType<typeof changedFaqFields>>;
