import type { Retirable } from '../writes/retirable.js';
import type { Queries } from '../db/database.js';
import { nodesByIds, pageByName } from '../db/nodes.js';

export type InstitutionKind = 'THINK_TANK' | 'UNIVERSITY' | 'MINISTRY' | 'AGENCY' | 'NGO' | 'COMPANY' | 'MEDIA';

export interface InstitutionRecord extends Retirable {
  id: string;
  name: string;
  nameNl: string;
  acronym: string | null;
  kind: InstitutionKind;
  city: string | null;
  url: string | null;
  countryId: string | null;
}

/** An institution's own fields as a map projection's (see COUNTRY_FIELDS): its country id is read beside them. */
export const INSTITUTION_FIELDS =
  '.id, .name, .nameNl, .acronym, .kind, .city, .url, .version, .retiredAt, .retiredReason';

/** Map projection of an institution `n` with its country id. */
export const INSTITUTION = `{.*, countryId: [(n)-[:LOCATED_IN]->(c:Country) | c.id][0]}`;

export const institutionsByIds = (queries: Queries, ids: readonly string[]) =>
  nodesByIds<InstitutionRecord>(queries, 'Institution', ids, `n ${INSTITUTION}`);

export const pageOfInstitutions = (queries: Queries, size: number, after: [string, string] | null) =>
  pageByName<InstitutionRecord>(queries, { label: 'Institution' }, size, after, `n ${INSTITUTION}`);

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
    `n ${INSTITUTION}`,
  );
