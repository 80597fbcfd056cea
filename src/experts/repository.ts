import type { Queries, Run } from '../db/database.js';
import { pageByName } from '../db/nodes.js';
import { bool, obj, optStr, parseRows, str, strList, type Parser } from '../db/rows.js';
import { NotFoundError } from '../errors.js';
import { COUNTRY_FIELDS, type CountryRecord } from '../places/repository.js';
import { THEME_FIELDS, type ThemeRecord } from '../themes/model.js';
import { INSTITUTION_OWN_FIELDS, type InstitutionRecord } from '../institutions/model.js';
import { verifyingNetwork, type NetworkRecord } from '../networks/repository.js';
import { expertProjection, type ExpertRecord, type Provenance } from './model.js';
import { expertRelation } from './relations-repository.js';

export interface AffiliationRecord {
  role: string | null;
  since: string | null;
  until: string | null;
  institution: InstitutionRecord;
  /** The institution's country, read with it so that `institution { country }` costs no round trip of its own. */
  institutionCountry: CountryRecord | null;
}

/** When a level was verified, and the network whose secretariat did (when the verifier names one). */
export interface Verification {
  /** ISO date-time; null unless VERIFIED. */
  verifiedAt: string | null;
  verifyingNetwork: NetworkRecord | null;
}

export interface ExpertiseRecord extends Verification {
  level: number;
  provenance: Provenance | null;
  theme: ThemeRecord;
}

export interface CountryFocusRecord extends Verification {
  level: number;
  provenance: Provenance | null;
  country: CountryRecord;
}

/** Cypher: the map fields of `Verification` for the level on relationship `r`. */
const verification = (r: string) =>
  `verifiedAt: toString(${r}.verifiedAt), verifyingNetwork: ${verifyingNetwork(`${r}.verifiedBy`)}`;

/**
 * Cypher subquery for an `id` in scope: the node `n` that id names now, following merges (a merged
 * expert's id keeps naming the expert it was merged into). `n` is an Expert, or an ErasedExpert once the
 * person was erased on request; no row when the id names no expert at all.
 */
export const CURRENT_EXPERT = `CALL (id) {
    MATCH (n:Expert {id: id}) RETURN n
  UNION
    MATCH (n:ErasedExpert {id: id}) RETURN n
  UNION
    MATCH (:MergedExpert {id: id})-[:MERGED_INTO*1..10]->(n) WHERE n:Expert OR n:ErasedExpert RETURN n
}`;

/** Cypher predicate: the expert id in `idExpression` (a code constant) names a person erased on request. */
export const isErasedExpertId = (idExpression: string) =>
  `(EXISTS { MATCH (:ErasedExpert {id: ${idExpression}}) } OR ` +
  `EXISTS { MATCH (:MergedExpert {id: ${idExpression}})-[:MERGED_INTO*1..10]->(:ErasedExpert) })`;

/** Experts by id in the order asked, an old id of a merged expert giving the expert it was merged into. */
export async function expertsByIds(queries: Queries, ids: readonly string[]): Promise<Array<ExpertRecord | Error>> {
  const rows = await queries.read<{ id: string; expert: ExpertRecord | null }>(
    `UNWIND $ids AS id
     ${CURRENT_EXPERT}
     RETURN id, CASE WHEN n:Expert THEN ${expertProjection('n')} END AS expert`,
    { ids },
  );
  const byId = new Map(rows.map((row) => [row.id, row.expert]));
  return ids.map((id) => {
    if (!byId.has(id)) return new NotFoundError(`No expert has id "${id}": it may have been removed.`);
    return (
      byId.get(id) ??
      new NotFoundError(`Expert "${id}" was erased on request: their personal data is gone and cannot be shown.`)
    );
  });
}

type After = [string, string] | null;
const EXPERT = expertProjection('n');
export const pageOfExperts = (queries: Queries, size: number, after: After) =>
  pageByName<ExpertRecord>(queries, { label: 'Expert' }, size, after, EXPERT);
export const pageOfNetworkMembers = (queries: Queries, networkId: string, size: number, after: After) =>
  pageByName<ExpertRecord>(
    queries,
    { label: 'Expert', pattern: '(n:Expert)-[:MEMBER_OF]->(:Network {id: $networkId})', params: { networkId } },
    size,
    after,
    EXPERT,
  );
export const pageOfInstitutionExperts = (queries: Queries, institutionId: string, size: number, after: After) =>
  pageByName<ExpertRecord>(
    queries,
    {
      label: 'Expert',
      where: 'EXISTS { (n)-[:AFFILIATED_WITH]->(:Institution {id: $institutionId}) }',
      params: { institutionId },
    },
    size,
    after,
    EXPERT,
  );

function byLevelThenName<T extends { level: number }>(name: (item: T) => string) {
  return (a: T, b: T) => b.level - a.level || name(a).localeCompare(name(b));
}

/**
 * An expert's affiliations, networks, expertise and country focus: four relations, so that a page reads
 * only those it selects (all in its one relations query). A list of the related records, in the order shown.
 */
const linked = <Value>(
  name: string,
  expression: string,
  order: (a: Value, b: Value) => number,
  parse: (item: Value) => Value = (item) => item,
) =>
  expertRelation<Value[]>({
    name,
    expression: () => expression,
    empty: [],
    parse: (value) => (value as Value[]).map(parse).sort(order),
  });

/**
 * Current affiliations first, then the most recent; the institution's country read with it, for its id and its record.
 */
export const EXPERT_AFFILIATIONS = linked<AffiliationRecord>(
  'affiliations',
  `[(e)-[a:AFFILIATED_WITH]->(n:Institution) |
     {role: a.role, since: a.since, until: a.until, institution: n {${INSTITUTION_OWN_FIELDS}},
      institutionCountry: [(n)-[:LOCATED_IN]->(c:Country) | c {${COUNTRY_FIELDS}}][0]}]`,
  (a, b) => Number(a.until !== null) - Number(b.until !== null) || (b.since ?? '').localeCompare(a.since ?? ''),
  (a) => ({ ...a, institution: { ...a.institution, countryId: a.institutionCountry?.id ?? null } }),
);
export const EXPERT_NETWORKS = linked<NetworkRecord>('networks', '[(e)-[:MEMBER_OF]->(n:Network) | n {.*}]', (a, b) =>
  a.acronym.localeCompare(b.acronym),
);
export const EXPERT_EXPERTISE = linked<ExpertiseRecord>(
  'expertise',
  `[(e)-[x:EXPERT_IN]->(t:Theme) |
     {level: x.level, provenance: x.provenance, ${verification('x')}, theme: t {${THEME_FIELDS}}}]`,
  byLevelThenName((x) => x.theme.name),
);
export const EXPERT_COUNTRY_FOCUS = linked<CountryFocusRecord>(
  'countryFocus',
  `[(e)-[f:FOCUSES_ON]->(c:Country) |
     {level: f.level, provenance: f.provenance, ${verification('f')}, country: c {${COUNTRY_FIELDS}}}]`,
  byLevelThenName((x) => x.country.name),
);

/** The state of an expert an id names: missing, current, or erased on request; retired or not; whose networks. */
export interface ExpertFacts {
  /** The id as asked. */
  askedAs: string;
  /** The id of the expert it names now: another one when the asked id was merged into it. */
  id: string;
  /** Null once erased. */
  name: string | null;
  erased: boolean;
  retired: boolean;
  networkIds: string[];
}

const EXPERT_FACTS: Parser<ExpertFacts> = obj({
  askedAs: str,
  id: str,
  name: optStr,
  erased: bool,
  retired: bool,
  networkIds: strList,
});

/**
 * Facts of the experts the ids name, following merges (CURRENT_EXPERT); ids that name no expert are left
 * out. Reads through `source`: a transaction's `run` sees that transaction's own writes.
 */
export async function expertFacts(source: Queries | Run, ids: string[]): Promise<ExpertFacts[]> {
  const cypher = `UNWIND $ids AS id
     ${CURRENT_EXPERT}
     RETURN id AS askedAs, n.id AS id, n.name AS name, n:ErasedExpert AS erased, n.retiredAt IS NOT NULL AS retired,
            [(n)-[:MEMBER_OF]->(x:Network) | x.id] AS networkIds`;
  return typeof source === 'function'
    ? parseRows(await source(cypher, { ids }), EXPERT_FACTS)
    : source.read(cypher, { ids }, EXPERT_FACTS);
}
