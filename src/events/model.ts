/**
 * An event (a knowledge session or network meeting), declared once. Its own properties are listed here with the
 * kind of value each one is and what it means; from that follow the record type the repository reads, the one
 * Cypher projection every read of an event uses, the descriptions of the GraphQL fields (`types.ts`, `inputs.ts`)
 * and the compile-time tie to the GraphQL input (`inputs.ts`).
 */
import type { Retirable } from '../writes/retirable.js';

/** The sorts of gathering a network organises, with what each means (the GraphQL enum's descriptions). */
export const EVENT_KINDS = {
  KNOWLEDGE_SESSION: 'A session where experts share knowledge on a subject with policy officers.',
  NETWORK_MEETING: 'A meeting of the network’s members.',
} as const;
export type EventKind = keyof typeof EVENT_KINDS;

/** An event's own properties; `required`: a new event needs it. */
export const EVENT_PROPERTIES = {
  kind: { kind: 'eventKind', required: true, description: 'Knowledge session or network meeting.' },
  title: { kind: 'title', required: true, description: 'Title.' },
  summary: { kind: 'text', required: false, description: 'What it is about.' },
  startsAt: { kind: 'moment', required: true, description: 'When it starts.' },
  endsAt: { kind: 'moment', required: false, description: 'When it ends, where known.' },
  location: { kind: 'place', required: false, description: 'Where it takes place.' },
  online: { kind: 'yesNo', required: false, description: 'Whether it can be followed online.' },
} as const satisfies Record<
  string,
  { kind: 'eventKind' | 'title' | 'text' | 'moment' | 'place' | 'yesNo'; required: boolean; description: string }
>;
export type EventProperty = keyof typeof EVENT_PROPERTIES;

/** What a property means: the description of its GraphQL fields, output and input. */
export const describedEvent = (property: EventProperty) => EVENT_PROPERTIES[property].description;

type ValueOf<P extends EventProperty> = (typeof EVENT_PROPERTIES)[P]['kind'] extends 'eventKind'
  ? EventKind
  : (typeof EVENT_PROPERTIES)[P]['kind'] extends 'yesNo'
    ? boolean
    : string;

/** An event as read: its id and lifecycle, and each property (null when not given); moments as ISO text. */
export type EventRecord = {
  [P in EventProperty]: (typeof EVENT_PROPERTIES)[P]['required'] extends true ? ValueOf<P> : ValueOf<P> | null;
} & Retirable & { id: string };

/** The map projection of an event node held in `variable`, for every read of an event. */
export const eventProjection = (variable: string) =>
  `${variable} {${['id', ...Object.keys(EVENT_PROPERTIES), 'version', 'retiredAt', 'retiredReason']
    .map((field) => `.${field}`)
    .join(', ')}}`;
