import { defineLoader, defineLoaderFamily } from '../graphql/loaders.js';
import { contributionsOfExperts, linksOfContributions, type ContributionLinks, type ContributionRecord } from './repository.js';

/** A contribution's authors, themes and countries, by contribution id. */
export const contributionLinks = defineLoader<string, ContributionLinks>(linksOfContributions);
/** The latest contributions of each expert, by expert id; one loader per limit. */
export const contributionsOfExpert = defineLoaderFamily<number, string, ContributionRecord[]>(contributionsOfExperts);
