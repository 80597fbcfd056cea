import { expertRelation } from '../experts/relations-repository.js';

/** A confirmed screening flag, not delisted, on an institution an expert is affiliated with now. */
export interface AffiliationFlag {
  institutionName: string;
  institutionNameNl: string | null;
  listName: string;
  programme: string | null;
  listedSince: string | null;
}

/**
 * The flags on an expert's current affiliations (confirmed matches on entries a list still holds), by institution
 * and list: an expert relation, so a page of whoKnows reads them for all its experts in its one relations query,
 * beside their affiliations, networks and themes (no round trip of their own when the page asks for any of those).
 */
export const EXPERT_AFFILIATION_FLAGS = expertRelation<AffiliationFlag[]>({
  name: 'affiliationFlags',
  expression: () =>
    `COLLECT { MATCH (e)-[a:AFFILIATED_WITH]->(n:Institution)
                     -[:SCREENING_MATCH {status: 'CONFIRMED'}]->(x:ScreeningEntry)
               WHERE a.until IS NULL AND x.delistedInVersionId IS NULL
               OPTIONAL MATCH (v:ScreeningListVersion {id: x.lastVersionId})
               RETURN {institutionName: n.name, institutionNameNl: n.nameNl,
                       listName: coalesce(v.listName, x.listId), programme: x.programme,
                       listedSince: toString(x.listedSince)} }`,
  parse: (value) =>
    [...(value as AffiliationFlag[])].sort(
      (a, b) => a.institutionName.localeCompare(b.institutionName) || a.listName.localeCompare(b.listName),
    ),
  empty: [],
});
