import { builder } from '../graphql/builder.js';
import type { CreateInput, InputFields, NoneOf, UpdateInput } from '../writes/mutation-fields.js';
import { describedEvent, type EventProperty } from './model.js';
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
  kind: f.field({ type: EventKindEnum, required: creating, description: describedEvent('kind') }),
  title: f.string({ required: creating, description: describedEvent('title') }),
  summary: f.string({ required: false, description: describedEvent('summary') }),
  startsAt: f.field({ type: 'DateTime', required: creating, description: describedEvent('startsAt') }),
  endsAt: f.field({ type: 'DateTime', required: false, description: 'When it ends; after startsAt.' }),
  location: f.string({ required: false, description: describedEvent('location') }),
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

/** The input's own fields are the model's properties, plus its links (network, themes, countries, speakers). */
type EventInputField = keyof ReturnType<typeof changedEventFields>;
export type EventInputMatchesModel = NoneOf<
  Exclude<EventProperty, EventInputField>,
  Exclude<EventInputField, EventProperty | 'network' | 'themes' | 'countries' | 'speakers'>
>;
