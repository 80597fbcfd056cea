import { defineLoader } from '../graphql/loaders.js';
import { linksOfContributions, type ContributionLinks } from './repository.js';

/** A contribution's authors, themes and countries, by contribution id. */
export const contributionLinks = defineLoader<string, ContributionLinks>(linksOfContributions);
