import type { AuditedWork } from '../audit/service.js';
import type { Queries } from '../db/database.js';
import { int, obj, oneOf, optStr, parseRows, str } from '../db/rows.js';
import { INQUIRY_STATUSES, type InquiryStatus } from './status.js';

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
