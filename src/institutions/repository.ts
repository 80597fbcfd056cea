import type { Queries } from '../db/database.js';
import { nodesByIds, pageByName } from '../db/nodes.js';
import { institutionProjection, type InstitutionRecord } from './model.js';

export const institutionsByIds = (queries: Queries, ids: readonly string[]) =>
  nodesByIds<InstitutionRecord>(queries, 'Institution', ids, institutionProjection('n'));

export const pageOfInstitutions = (queries: Queries, size: number, after: [string, string] | null) =>
  pageByName<InstitutionRecord>(queries, { label: 'Institution' }, size, after, institutionProjection('n'));
