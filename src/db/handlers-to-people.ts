import type { Queries } from './database.js';

/** The lock node that serialises the step between processes starting at once. */
const LOCK_ID = 'handlers-to-people';

/**
 * Turns the `Handler` nodes of databases written before issue 20's people were one record into `Person`s, and drops
 * their constraint. A `Handler` (the handlers' record of a person: name, roles, networks, `lastSeenAt`) merges into the
 * `Person` with its id, created when there is none: the newer of the two (by `lastSeenAt` and `seenAt`) gives the name,
 * roles and networks and the moment last seen; the person's e-mail stays (a handler had none). Then the handler goes.
 *
 * Safe on every start and from several processes at once: when no handler is left it is one label scan and the
 * constraint's `IF EXISTS`. Otherwise a process first takes the write lock of one `MigrationLock` node (its MERGE
 * stands on a uniqueness constraint, so two processes get the same node and the second waits for the first's commit)
 * and only then reads the handlers, in a later statement of the same transaction: the second finds those the first
 * moved already gone. Returns how many handlers were moved.
 */
export async function handlersToPeople(queries: Queries): Promise<number> {
  const [left] = await queries.read<{ count: number }>('MATCH (h:Handler) RETURN count(h) AS count');
  let moved = 0;
  if ((left?.count ?? 0) > 0) {
    moved = await queries.writeTransaction(async (run) => {
      await run('MERGE (m:MigrationLock {id: $id}) SET m.lockedAt = datetime()', { id: LOCK_ID });
      const [row] = await run(
        `MATCH (h:Handler)
         MERGE (p:Person {id: h.id})
         WITH h, p, p.seenAt IS NULL OR (h.lastSeenAt IS NOT NULL AND h.lastSeenAt > p.seenAt) AS handlerNewer
         SET p.name = CASE WHEN handlerNewer OR p.name IS NULL THEN coalesce(h.name, h.id) ELSE p.name END,
             p.roles = CASE WHEN handlerNewer OR p.roles IS NULL
                            THEN COLLECT { UNWIND coalesce(h.roles, []) AS r RETURN DISTINCT r ORDER BY r }
                            ELSE p.roles END,
             p.networks = CASE WHEN handlerNewer OR p.networks IS NULL
                               THEN COLLECT { UNWIND coalesce(h.networks, []) AS n RETURN DISTINCT n ORDER BY n }
                               ELSE p.networks END,
             p.seenAt = CASE WHEN handlerNewer THEN coalesce(h.lastSeenAt, datetime()) ELSE p.seenAt END
         DETACH DELETE h
         RETURN count(*) AS moved`,
      );
      return typeof row?.moved === 'number' ? row.moved : 0;
    });
  }
  await queries.write('DROP CONSTRAINT handler_id IF EXISTS');
  return moved;
}
