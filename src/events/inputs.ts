import { builder } from '../graphql/builder.js';
import type { CreateInput, InputFields, UpdateInput } from '../writes/mutation-fields.js';
import { EventKindEnum } from './types.js';

const SpeakerInput = builder.inputType('SpeakerInput', {
  description: 'An expert who speaks at an event.',
  fields: (f) => ({
    expert: f.string({ required: true, description: 'The expert (global id or slug).' }),
    topic: f.string({ required: false, description: 'What they speak about.' }),
  }),
});

/** The input fields of an event; `creating` makes the ones a new event needs required. */
export const eventFields = <Creating extends boolean>(f: InputFields, creating: Creating) => ({
  kind: f.field({ type: EventKindEnum, required: creating, description: 'Knowledge session or network meeting.' }),
  title: f.string({ required: creating, description: 'Title.' }),
  summary: f.string({ required: false, description: 'What it is about.' }),
  startsAt: f.field({ type: 'DateTime', required: creating, description: 'When it starts.' }),
  endsAt: f.field({ type: 'DateTime', required: false, description: 'When it ends; after startsAt.' }),
  location: f.string({ required: false, description: 'Where it takes place.' }),
  online: f.boolean({ required: false, description: 'Whether it can be followed online (default false).' }),
  network: f.string({
    required: creating,
    description: 'The organising network (global id, slug, acronym or name, e.g. "ckn" or "CKN").',
  }),
  themes: f.stringList({ required: false, description: 'Themes it is about (ids, names or aliases).' }),
  countries: f.stringList({
    required: false,
    description: 'Countries it concerns (ISO codes or names; a region adds its countries).',
  }),
  speakers: f.field({ type: [SpeakerInput], required: false, description: 'Who speaks, and on what.' }),
});

export const newEventFields = (f: InputFields) => eventFields(f, true);
export const changedEventFields = (f: InputFields) => eventFields(f, false);

export type CreateEventInput = CreateInput<ReturnType<typeof newEventFields>>;
export type UpdateEventInput = UpdateInput<ReturnType<typeof changedEventFields>>;
