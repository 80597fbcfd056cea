import { defineLoader } from '../graphql/loaders.js';
import { linksOfExperts, type ExpertLinks } from './repository.js';

/** An expert's affiliations, networks, expertise and country focus, by expert id. */
export const expertLinks = defineLoader<string, ExpertLinks>(linksOfExperts);
