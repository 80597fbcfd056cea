import type { Queries, Run } from '../db/database.js';
import { nodesByIds, pageByName } from '../db/nodes.js';
import { institutionProjection, type InstitutionRecord } from './model.js';

export const institutionsByIds = (queries: Queries, ids: readonly string[]) =>
  nodesByIds<InstitutionRecord>(queries, 'Institution', ids, institutionProjection('n'));

export const pageOfInstitutions = (queries: Queries, size: number, after: [string, string] | null) =>
  pageByName<InstitutionRecord>(queries, { label: 'Institution' }, size, after, institutionProjection('n'));

/** Every name an institution goes by, lower case, as one text: what a search by name looks in. */
const INSTITUTION_NAMES =
  "toLower(n.name + ' ' + coalesce(n.nameNl, '') + ' ' + coalesce(n.acronym, '') + ' ' + n.id + ' ' + " +
  "reduce(s = '', alias IN coalesce(n.aliases, []) | s + ' ' + alias))";

/**
 * One page of the current institutions whose English or Dutch name, acronym, slug or aliases contain every word (lower
 * case, as given: parts of words match, for a form's field that searches while one types), by name.
 */
export const pageOfInstitutionsNamed = (
  queries: Queries,
  words: string[],
  size: number,
  after: [string, string] | null,
) =>
  pageByName<InstitutionRecord>(
    queries,
    {
      label: 'Institution',
      where: `all(word IN $words WHERE ${INSTITUTION_NAMES} CONTAINS word)`,
      params: { words },
    },
    size,
    after,
    institutionProjection('n'),
  );

/**
 * Keeps an institution's other names (transliterations, aliases) as one text, `otherNamesText`, for the full-text index
 * of names (likely duplicates, screening): a change hook on every audited write of institutions (src/hooks.ts).
 */
export async function refreshOtherNames(run: Run, ids: string[]): Promise<void> {
  await run(
    `UNWIND $ids AS id MATCH (n:Institution {id: id})
     SET n.otherNamesText = reduce(s = '', name IN coalesce(n.transliterations, []) + coalesce(n.aliases, []) |
                                   s + ' | ' + name)`,
    { ids },
  );
}
