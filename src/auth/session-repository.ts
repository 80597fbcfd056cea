// The pages' sessions and the sign-ins under way, in Neo4j so that they outlive a restart and are shared by every
// server on the database. Keyed by the SHA-256 of the random id the cookie holds: the database never holds the id.
import type { Queries } from '../db/database.js';
import { int, list, obj, oneOf, optStr, str, strList } from '../db/rows.js';
import { ROLES } from './viewer.js';

export const SESSION_KINDS = ['oidc', 'development', 'token'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export interface SessionRecord {
  idHash: string;
  subject: string;
  name: string;
  email: string | null;
  roles: Array<(typeof ROLES)[number]>;
  networks: string[];
  /** How it was signed in: the provider (sign-out ends its session too), a development role or a pasted token. */
  kind: SessionKind;
  csrfToken: string;
  /** The provider's ID token, for its sign-out (id_token_hint); null for the other kinds. */
  idToken: string | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
}

export interface PendingSignIn {
  idHash: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: number;
}

const sessionRow = obj({
  idHash: str,
  subject: str,
  name: str,
  email: optStr,
  roles: list(oneOf(ROLES)),
  networks: strList,
  kind: oneOf(SESSION_KINDS),
  csrfToken: str,
  idToken: optStr,
  createdAt: int,
  expiresAt: int,
  lastSeenAt: int,
});

const SESSION = `s { .idHash, .subject, .name, .email, .roles, .networks, .kind, .csrfToken, .idToken, .createdAt,
  .expiresAt, .lastSeenAt }`;

/** Stores a new session, and drops up to 100 ended ones on the way (sessions are few; this keeps them so). */
export async function insertSession(queries: Queries, session: SessionRecord): Promise<void> {
  await queries.write(
    `CREATE (s:Session) SET s = $session
     WITH count(*) AS created
     CALL (created) { MATCH (old:Session) WHERE old.expiresAt < $now WITH old LIMIT 100 DETACH DELETE old }`,
    { session: { ...session }, now: Date.now() },
  );
}

export async function findSession(queries: Queries, idHash: string): Promise<SessionRecord | null> {
  const [row] = await queries.read(
    `MATCH (s:Session {idHash: $idHash}) RETURN ${SESSION} AS session`,
    { idHash },
    (r, at) => sessionRow((r as { session: unknown }).session, at),
  );
  return row ?? null;
}

export async function touchSession(queries: Queries, idHash: string, at: number): Promise<void> {
  await queries.write('MATCH (s:Session {idHash: $idHash}) SET s.lastSeenAt = $at', { idHash, at });
}

/** Deletes a session; its record when there was one (sign-out needs the provider's ID token). */
export async function deleteSession(queries: Queries, idHash: string): Promise<SessionRecord | null> {
  const [row] = await queries.write(
    `MATCH (s:Session {idHash: $idHash}) WITH s, ${SESSION} AS session DETACH DELETE s RETURN session`,
    { idHash },
    (r, at) => sessionRow((r as { session: unknown }).session, at),
  );
  return row ?? null;
}

const pendingRow = obj({ idHash: str, state: str, nonce: str, codeVerifier: str, returnTo: str, expiresAt: int });

export async function insertPendingSignIn(queries: Queries, pending: PendingSignIn): Promise<void> {
  await queries.write(
    `CREATE (p:PendingSignIn) SET p = $pending
     WITH count(*) AS created
     CALL (created) { MATCH (old:PendingSignIn) WHERE old.expiresAt < $now WITH old LIMIT 100 DELETE old }`,
    { pending: { ...pending }, now: Date.now() },
  );
}

/** Takes a sign-in under way once: the record is deleted as it is read, so a callback cannot be replayed. */
export async function takePendingSignIn(queries: Queries, idHash: string): Promise<PendingSignIn | null> {
  const [row] = await queries.write(
    `MATCH (p:PendingSignIn {idHash: $idHash})
     WITH p, p { .idHash, .state, .nonce, .codeVerifier, .returnTo, .expiresAt } AS pending DELETE p RETURN pending`,
    { idHash },
    (r, at) => pendingRow((r as { pending: unknown }).pending, at),
  );
  return row ?? null;
}
