import { personInATeam, personInTeam } from '../auth/policy.js';
import { ROLES, type Role, type Viewer } from '../auth/viewer.js';
import type { Run } from '../db/database.js';
import { bool, list, obj, oneOf, optStr, parseRows, str, strList } from '../db/rows.js';

/**
 * The people the API knows, one `Person` node per token subject, as their token last described them: who gets a
 * team's notifications, where their mail goes, and whom a team's inquiry can be assigned to (the handlers). Tokens
 * are the only source of who belongs to which team, so what was seen when someone last acted is kept.
 */
export interface PersonRecord {
  id: string;
  name: string;
  email: string | null;
  roles: Role[];
  networks: string[];
  /** When they were last recorded (ISO). */
  seenAt: string;
}

/** What a token says of a person: a `PersonRecord` without the moment it was recorded. */
export type PersonFromToken = Omit<PersonRecord, 'seenAt'>;

/** The one projection of a person, `p`; parse it with `personRow`. */
const PERSON = `p { .id, .name, .email, roles: coalesce(p.roles, []), networks: coalesce(p.networks, []),
  seenAt: toString(p.seenAt) }`;

const personRow = obj({
  id: str,
  name: str,
  email: optStr,
  roles: list(oneOf(ROLES)),
  networks: strList,
  seenAt: str,
});

/** A token's person: subject, name, e-mail, roles and networks (sorted, so that equal tokens give equal records). */
export const personFromToken = (viewer: Viewer): PersonFromToken => ({
  id: viewer.id,
  name: viewer.name,
  email: viewer.email ?? null,
  roles: [...viewer.roles].sort(),
  networks: [...viewer.networks].sort(),
});

/** Records (or refreshes) a person from their token, in the caller's write transaction; `seenAt` becomes `at`. */
export async function upsertPerson(run: Run, viewer: Viewer, at: string): Promise<void> {
  await run(
    `MERGE (p:Person {id: $person.id})
     SET p.name = $person.name, p.email = $person.email, p.roles = $person.roles, p.networks = $person.networks,
         p.seenAt = datetime($at)`,
    { person: personFromToken(viewer), at },
  );
}

/** The person with this token subject, or null. */
export async function personById(run: Run, id: string): Promise<PersonRecord | null> {
  const rows = await run(`MATCH (p:Person {id: $id}) RETURN ${PERSON} AS person`, { id });
  return parseRows(rows, obj({ person: personRow }))[0]?.person ?? null;
}

/**
 * The person with this token subject and whether they belong to the team (by `personInTeam`; no team: nobody does),
 * or null.
 */
export async function personInTeamById(
  run: Run,
  id: string,
  team: string | null,
): Promise<{ person: PersonRecord; member: boolean } | null> {
  const rows = await run(
    `MATCH (p:Person {id: $id})
     RETURN ${PERSON} AS person, coalesce(${personInTeam('p', '$team')}, false) AS member`,
    { id, team },
  );
  return parseRows(rows, obj({ person: personRow, member: bool }))[0] ?? null;
}

/**
 * The members of a team (by `personInTeam`, the rule the team's notifications follow), or with no team everyone who
 * works in one (the desk role or a secretariat), by name.
 */
export async function teamMembers(run: Run, team: string | null, limit: number): Promise<PersonRecord[]> {
  const rows = await run(
    `MATCH (p:Person)
     WHERE CASE WHEN $team IS NULL THEN ${personInATeam('p')} ELSE ${personInTeam('p', '$team')} END
     RETURN ${PERSON} AS person ORDER BY p.name, p.id LIMIT $limit`,
    { team, limit },
  );
  return parseRows(rows, obj({ person: personRow })).map((row) => row.person);
}
