import { defineLoader, defineLoaderFamily } from '../graphql/loaders.js';
import { eventsOfSpeakers, linksOfEvents, type EventLinks, type EventRecord } from './repository.js';

/** An event's relationships, for a whole page in one round trip. */
export const eventLinks = defineLoader<string, EventLinks>(linksOfEvents);

/** The events each expert spoke at, newest first, by expert id: one loader per page size. */
export const eventsOfSpeaker = defineLoaderFamily<number, string, EventRecord[]>(eventsOfSpeakers);
