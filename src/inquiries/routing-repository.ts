import type { AuditedWork } from '../audit/service.js';
import type { Queries } from '../db/database.js';
import { obj, parseRows, str } from '../db/rows.js';

/** A team an inquiry can be routed to: a network (CKN, REKA) or the desk, with its kind. */
export interface Team {
  id: string;
  name: string;
  kind: string;
}

/** Every team (network or desk): few. */
export async function teams(queries: Queries): Promise<Team[]> {
  const rows = await queries.read(
    `MATCH (n:Network) RETURN n.id AS id, n.name AS name, coalesce(n.kind, 'KNOWLEDGE_NETWORK') AS kind ORDER BY n.id`,
  );
  return parseRows(rows, obj({ id: str, name: str, kind: str }));
}

/** One reroute of an inquiry: from which team to which, when, by whom and why. */
export interface RerouteRecord {
  inquiryId: string;
  from: string;
  to: string;
  at: string;
  by: string;
  reason: string;
}

/**
 * Moves the locked inquiry to another team: the new ROUTED_TO, a ROUTED_FROM to the team it leaves (which keeps
 * read access) carrying the reroute's facts, no handler, and the kind that goes with the new team.
 */
export async function reroute(
  tx: AuditedWork,
  change: { id: string; to: string; kind: string; at: string; by: string; byId: string; reason: string },
): Promise<void> {
  await tx.run(
    `MATCH (i:Inquiry {id: $id})-[old:ROUTED_TO]->(from:Network)
     MATCH (to:Network {id: $to})
     DELETE old
     CREATE (i)-[:ROUTED_TO]->(to)
     CREATE (i)-[:ROUTED_FROM {to: $to, at: datetime($at), by: $by, byId: $byId, reason: $reason}]->(from)
     SET i.kind = $kind, i.handlerId = null, i.handlerName = null, i.assignedAt = null`,
    change,
  );
}

/** The reroutes of inquiries, oldest first per inquiry, in one round trip. */
export async function reroutesOf(queries: Queries, ids: readonly string[]): Promise<RerouteRecord[]> {
  return queries.read<RerouteRecord>(
    `UNWIND $ids AS id
     MATCH (i:Inquiry {id: id})-[r:ROUTED_FROM]->(from:Network)
     RETURN id AS inquiryId, from.id AS from, r.to AS to, r.at AS at, r.by AS by, r.reason AS reason
     ORDER BY id, r.at`,
    { ids },
  );
}
