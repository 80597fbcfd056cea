import { defineLoader } from '../graphql/loaders.js';
import { linksOfEvents, type EventLinks } from './repository.js';

/** An event's relationships, for a whole page in one round trip. */
export const eventLinks = defineLoader<string, EventLinks>(linksOfEvents);
