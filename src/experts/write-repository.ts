import { AUDITED_LABELS, UNRECORDED_LINKS, type AuditedLabel } from '../audit/repository.js';
import type { AuditedWork } from '../audit/service.js';
import type { Queries, Run } from '../db/database.js';
import { int, list, obj, oneOf, optStr, orNull, parseRows, str, strList, type Parser } from '../db/rows.js';
import { present } from '../errors.js';
import { PROVENANCES, type Provenance } from './model.js';

/** A level on a theme (EXPERT_IN) or a country (FOCUSES_ON), as stored on the relationship. */
export interface StoredLevel {
  targetId: string;
  level: number;
  provenance: Provenance;
  /** Who verified it and when: set while the provenance is VERIFIED. */
  verifiedBy: string | null;
  verifiedAt: string | null;
}

/** A level as read back: one loaded without a provenance (hand-written data, older graph files) has none. */
export interface LevelAsStored extends Omit<StoredLevel, 'provenance'> {
  provenance: Provenance | null;
}

/** What a change to an expert is checked against, read under the expert's write lock. */
export interface CurrentExpert {
  id: string;
  retiredAt: string | null;
  institutionIds: string[];
  networks: Array<{ id: string; acronym: string }>;
  expertise: LevelAsStored[];
  countryFocus: LevelAsStored[];
}

const levelAsStored: Parser<LevelAsStored> = obj({
  targetId: str,
  level: int,
  provenance: orNull(oneOf(PROVENANCES)),
  verifiedBy: optStr,
  verifiedAt: optStr,
});

const currentExpertRow: Parser<CurrentExpert> = obj({
  id: str,
  retiredAt: optStr,
  institutionIds: strList,
  networks: list(obj({ id: str, acronym: str })),
  expertise: list(levelAsStored),
  countryFocus: list(levelAsStored),
});

export async function currentExpert(tx: AuditedWork, id: string): Promise<CurrentExpert> {
  const rows = await tx.run(
    `MATCH (e:Expert {id: $id})
     RETURN e.id AS id, e.retiredAt AS retiredAt,
       [(e)-[:AFFILIATED_WITH]->(i:Institution) | i.id] AS institutionIds,
       [(e)-[:MEMBER_OF]->(n:Network) | n {.id, .acronym}] AS networks,
       [(e)-[r:EXPERT_IN]->(t:Theme) | r {targetId: t.id, .level, .provenance, .verifiedBy, .verifiedAt}] AS expertise,
       [(e)-[r:FOCUSES_ON]->(c:Country)
        | r {targetId: c.id, .level, .provenance, .verifiedBy, .verifiedAt}] AS countryFocus`,
    { id },
  );
  // track() has just found the expert under its lock.
  return present(parseRows(rows, currentExpertRow)[0], `expert "${id}"`);
}

export interface ReferencedInstitution {
  id: string;
  name: string;
  retiredAt: string | null;
}

/**
 * The institutions (by id) an input names, and the expert ids that start with a slug, in one round trip (networks
 * are named through networks/resolve.ts).
 */
export async function referencesOf(
  queries: Queries,
  refs: { institutionIds: string[]; slugPrefix: string | null },
): Promise<{ institutions: ReferencedInstitution[]; takenSlugs: string[] }> {
  const [row] = await queries.read<{
    institutions: ReferencedInstitution[];
    takenSlugs: string[];
  }>(
    `CALL () {
       UNWIND $institutionIds AS id MATCH (n:Institution {id: id})
       RETURN collect(n {.id, .name, .retiredAt}) AS institutions
     }
     CALL () {
       // Merged and erased experts keep their ids: a new expert must not take one.
       CALL () {
         MATCH (n:Expert) WHERE n.id STARTS WITH $slugPrefix RETURN n.id AS id
         UNION MATCH (n:MergedExpert) WHERE n.id STARTS WITH $slugPrefix RETURN n.id AS id
         UNION MATCH (n:ErasedExpert) WHERE n.id STARTS WITH $slugPrefix RETURN n.id AS id
       }
       RETURN collect(id) AS takenSlugs
     }
     RETURN institutions, takenSlugs`,
    refs,
  );
  return {
    institutions: row?.institutions ?? [],
    takenSlugs: row?.takenSlugs ?? [],
  };
}

/**
 * Of the given themes and countries, those an expert has evidence on: a contribution by them, or an
 * inquiry they answered, about the theme (or a narrower one) or concerning the country.
 */
export async function evidenceOf(
  queries: Queries,
  expertId: string,
  themeIds: string[],
  countryIds: string[],
): Promise<{ themeIds: string[]; countryIds: string[] }> {
  const [row] = await queries.read<{ themeIds: string[]; countryIds: string[] }>(
    `MATCH (e:Expert {id: $expertId})
     RETURN [themeId IN $themeIds WHERE
               EXISTS { (e)<-[:BY]-(:Contribution)-[:ABOUT]->(:Theme)-[:BROADER*0..10]->(:Theme {id: themeId}) }
               OR EXISTS { (e)<-[:CONSULTED {outcome: 'ANSWERED'}]-(:Inquiry)
                             -[:ABOUT]->(:Theme)-[:BROADER*0..10]->(:Theme {id: themeId}) }] AS themeIds,
            [countryId IN $countryIds WHERE
               EXISTS { (e)<-[:BY]-(:Contribution)-[:CONCERNS]->(:Country {id: countryId}) }
               OR EXISTS { (e)<-[:CONSULTED {outcome: 'ANSWERED'}]-(:Inquiry)-[:CONCERNS]->(:Country {id: countryId}) }
            ] AS countryIds`,
    { expertId, themeIds, countryIds },
  );
  return row ?? { themeIds: [], countryIds: [] };
}

export interface AffiliationWrite {
  institutionId: string;
  role: string | null;
  since: string | null;
  until: string | null;
}

/**
 * A checked change: properties to set (null removes one) and the lists that replace the stored ones (null: left as they
 * are).
 */
export interface ExpertWrite {
  properties: Record<string, unknown>;
  affiliations: AffiliationWrite[] | null;
  expertise: StoredLevel[] | null;
  countryFocus: StoredLevel[] | null;
  networkIds: string[] | null;
}

/**
 * Replaces the expert's `type` relationships with those `create` makes from each entry `x` of the list `$param`, when
 * given.
 */
const replaceList = (param: keyof ExpertWrite, type: string, create: string) => `
  CALL (e) { WITH e WHERE $${param} IS NOT NULL MATCH (e)-[old:${type}]->() DELETE old }
  CALL (e) { UNWIND coalesce($${param}, []) AS x ${create} }`;

const LEVEL =
  '{level: x.level, provenance: x.provenance, verifiedBy: x.verifiedBy, verifiedAt: datetime(x.verifiedAt)}';

const WRITE_EXPERT = `
  SET e += $properties
  WITH e
  ${replaceList(
    'affiliations',
    'AFFILIATED_WITH',
    'MATCH (i:Institution {id: x.institutionId}) ' +
      'CREATE (e)-[:AFFILIATED_WITH {role: x.role, since: date(x.since), until: date(x.until)}]->(i)',
  )}
  ${replaceList('expertise', 'EXPERT_IN', `MATCH (t:Theme {id: x.targetId}) CREATE (e)-[:EXPERT_IN ${LEVEL}]->(t)`)}
  ${replaceList(
    'countryFocus',
    'FOCUSES_ON',
    `MATCH (c:Country {id: x.targetId}) CREATE (e)-[:FOCUSES_ON ${LEVEL}]->(c)`,
  )}
  ${replaceList('networkIds', 'MEMBER_OF', 'MATCH (n:Network {id: x}) CREATE (e)-[:MEMBER_OF]->(n)')}`;

export async function createExpert(tx: AuditedWork, id: string, write: ExpertWrite): Promise<void> {
  await tx.run(`CREATE (e:Expert {id: $id, version: 1}) ${WRITE_EXPERT}`, { id, ...write });
}

export async function updateExpert(tx: AuditedWork, id: string, write: ExpertWrite): Promise<void> {
  await tx.run(`MATCH (e:Expert {id: $id}) ${WRITE_EXPERT}`, { id, ...write });
}

/**
 * The audited nodes (contributions, inquiries, events …) whose own relationships point at the expert,
 * other than by the `except` types and the links no record holds (UNRECORDED_LINKS, such as the derived
 * POSSIBLY_SAME): changing those relationships changes their records.
 */
export async function auditedNodesPointingAt(
  run: Run,
  expertId: string,
  except: string[],
): Promise<Array<{ label: AuditedLabel; id: string }>> {
  const rows = await run(
    `MATCH (:Expert {id: $expertId})<-[r]-(m)
     WHERE NOT type(r) IN $except
     WITH DISTINCT m, [label IN labels(m) WHERE label IN $audited][0] AS label
     WHERE label IS NOT NULL
     RETURN label, m.id AS id`,
    { expertId, except: [...except, ...UNRECORDED_LINKS], audited: AUDITED_LABELS },
  );
  return rows as Array<{ label: AuditedLabel; id: string }>;
}

/** Takes the expert's write lock and reads its version: null when no current expert has the id. */
export async function lockExpertVersion(run: Run, expertId: string): Promise<number | null> {
  const [row] = await run(
    'MATCH (e:Expert {id: $expertId}) SET e.lockedForUpdate = true RETURN coalesce(e.version, 1) AS version',
    { expertId },
  );
  return row ? (row.version as number) : null;
}
