import type { AuditedWork } from '../audit/service.js';
import type { Queries, Run } from '../db/database.js';
import { int, list, obj, oneOf, optStr, parseRows, str, strList } from '../db/rows.js';
import { ROLES, type Role } from '../auth/viewer.js';
import { INQUIRY_STATUSES, type InquiryStatus } from './status.js';

/**
 * A person who handles inquiries, as their token last described them: its subject, display name, roles and
 * networks. Tokens are the only source of who belongs to which team, so the API keeps what it saw when the handler
 * last acted, to check an assignee against.
 */
export interface KnownHandler {
  id: string;
  name: string;
  roles: Role[];
  networks: string[];
  lastSeenAt: string;
}

const knownHandler = obj({
  id: str,
  name: str,
  roles: list(oneOf(ROLES)),
  networks: strList,
  lastSeenAt: str,
});

/** Records (or refreshes) the handler acting now, from their token; in the acting write's transaction. */
export async function upsertHandler(
  run: Run,
  handler: { id: string; name: string; roles: readonly Role[]; networks: readonly string[] },
): Promise<void> {
  await run(
    `MERGE (h:Handler {id: $id})
     SET h.name = $name, h.roles = $roles, h.networks = $networks, h.lastSeenAt = datetime()`,
    { ...handler, roles: [...handler.roles], networks: [...handler.networks] },
  );
}

/** The known handler with this token subject, or null. */
export async function knownHandlerById(run: Run, id: string): Promise<KnownHandler | null> {
  const rows = await run(
    `MATCH (h:Handler {id: $id})
     RETURN h {.id, .name, .roles, .networks, lastSeenAt: toString(h.lastSeenAt)} AS handler`,
    { id },
  );
  return parseRows(rows, obj({ handler: knownHandler }))[0]?.handler ?? null;
}

/** Every known handler, by name (few: the members of three teams). */
export async function knownHandlers(queries: Queries, limit: number): Promise<KnownHandler[]> {
  const rows = await queries.read(
    `MATCH (h:Handler)
     RETURN h {.id, .name, .roles, .networks, lastSeenAt: toString(h.lastSeenAt)} AS handler
     ORDER BY h.name, h.id LIMIT $limit`,
    { limit },
  );
  return parseRows(rows, obj({ handler: knownHandler })).map((row) => row.handler);
}

/** What an assignment or reroute is decided on, read under the inquiry's write lock. */
export interface AssignableInquiry {
  id: string;
  version: number;
  status: InquiryStatus;
  routedTo: string | null;
  handlerId: string | null;
  handlerName: string | null;
}

const assignableInquiry = obj({
  id: str,
  version: int,
  status: oneOf(INQUIRY_STATUSES),
  routedTo: optStr,
  handlerId: optStr,
  handlerName: optStr,
});

/**
 * Takes the inquiry's write lock (recording its state for the audit) and reads what an assignment is decided on;
 * null when no inquiry has the id. The caller compares the version itself, so that a conflict can say who holds it.
 */
export async function lockedForAssignment(tx: AuditedWork, id: string): Promise<AssignableInquiry | null> {
  if ((await tx.track('Inquiry', id, { noun: 'inquiry' })) === null) return null;
  const rows = await tx.run(
    `MATCH (i:Inquiry {id: $id})
     RETURN i {.id, version: coalesce(i.version, 1), .status, .handlerId, .handlerName,
               routedTo: [(i)-[:ROUTED_TO]->(r:Network) | r.id][0]} AS inquiry`,
    { id },
  );
  return parseRows(rows, obj({ inquiry: assignableInquiry }))[0]?.inquiry ?? null;
}

/** The inquiry's handler now, read after a write lost (outside its transaction). */
export async function currentHandler(
  queries: Queries,
  id: string,
): Promise<{ version: number; handler: { id: string; name: string } | null } | null> {
  const rows = await queries.read(
    `MATCH (i:Inquiry {id: $id})
     RETURN coalesce(i.version, 1) AS version, i.handlerId AS handlerId, i.handlerName AS handlerName`,
    { id },
  );
  const [row] = parseRows(rows, obj({ version: int, handlerId: optStr, handlerName: optStr }));
  if (!row) return null;
  return {
    version: row.version,
    handler: row.handlerId ? { id: row.handlerId, name: row.handlerName ?? row.handlerId } : null,
  };
}

/** Gives the locked inquiry to a handler (null: to nobody), as of `at`. */
export async function setHandler(
  tx: AuditedWork,
  id: string,
  handler: { id: string; name: string } | null,
  at: string,
): Promise<void> {
  await tx.run(
    `MATCH (i:Inquiry {id: $id})
     SET i.handlerId = $handlerId, i.handlerName = $handlerName,
         i.assignedAt = CASE WHEN $handlerId IS NULL THEN null ELSE datetime($at) END`,
    { id, handlerId: handler?.id ?? null, handlerName: handler?.name ?? null, at },
  );
}
