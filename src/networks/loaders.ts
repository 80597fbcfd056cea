import { defineLoader } from '../graphql/loaders.js';
import type { InstitutionRecord } from '../institutions/model.js';
import { networksRunByInstitutions, secretariatsOfNetworks, type NetworkRecord } from './repository.js';

/** The institutions running each network's secretariat, by network id. */
export const secretariats = defineLoader<string, InstitutionRecord[]>(secretariatsOfNetworks);
/** The networks each institution runs the secretariat of, by institution id. */
export const networksRun = defineLoader<string, NetworkRecord[]>(networksRunByInstitutions);
