import { defineLoader } from '../graphql/loaders.js';
import { matchesOfInstitutions, type ScreeningMatchRecord } from './repository.js';

/** The screening candidates and flags of each institution, by institution id. */
export const screeningMatches = defineLoader<string, ScreeningMatchRecord[]>(matchesOfInstitutions);
