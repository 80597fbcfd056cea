import { defineLoader } from '../graphql/loaders.js';
import { linksOfArticles, type FaqLinks } from './repository.js';

/** An article's themes, countries and sources, for a whole page in one round trip. */
export const faqLinks = defineLoader<string, FaqLinks>(linksOfArticles);
