import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audited } from '../src/audit/service.js';
import type { Viewer } from '../src/auth/viewer.js';
import type { Database } from '../src/db/database.js';
import { connectTestDatabase, fixturePrefix } from './helpers/api.js';
import { maybeUnset } from './helpers/maybe-unset.js';

const P = fixturePrefix('audit');
const secretary: Viewer = { id: 'audit-test', name: 'Audit test', roles: new Set(['secretariat']), networks: ['ckn'] };
let db: Database;

const stateOf = async (id: string) =>
  (
    await db.queries().read<{ institutions: number; names: string[]; changes: number; locked: number }>(
      `RETURN COUNT { (:Institution {id: $id}) } AS institutions,
              COLLECT { MATCH (i:Institution {id: $id}) RETURN i.name } AS names,
              COUNT { (:Change {subjectId: $id}) } AS changes, COUNT { MATCH (i:Institution {id: $id})
                WHERE i.lockedForUpdate IS NOT NULL } AS locked`,
      { id },
    )
  )[0]!;

beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => {
  await maybeUnset(db)?.close();
});

describe('audited transactions', () => {
  it('write the change and its record together: who, what, before and after', async () => {
    const id = `${P}-recorded`;
    await audited(db.queries(), secretary, 'testCreate', 'because', async (tx) => {
      await tx.track('Institution', id);
      await tx.run(`CREATE (:Institution {id: $id, name: 'Before', version: 1})`, { id });
    });
    await audited(db.queries(), secretary, 'testRename', null, async (tx) => {
      await tx.track('Institution', id, { expectedVersion: 1 });
      await tx.run(`MATCH (i:Institution {id: $id}) SET i.name = 'After'`, { id });
    });
    const records = await db.queries().read<Record<string, unknown>>(
      `MATCH (c:Change {subjectId: $id}) RETURN c.action AS action, c.actorId AS actorId, c.actorRoles AS actorRoles,
              c.fields AS fields,
              c.before AS before, c.after AS after, c.note AS note ORDER BY c.at`,
      { id },
    );
    expect(records).toEqual([
      {
        action: 'testCreate',
        actorId: 'audit-test',
        actorRoles: 'secretariat of ckn',
        fields: ['id', 'name'],
        before: null,
        after: JSON.stringify({ id, name: 'Before' }),
        note: 'because',
      },
      {
        action: 'testRename',
        actorId: 'audit-test',
        actorRoles: 'secretariat of ckn',
        fields: ['name'],
        before: JSON.stringify({ id, name: 'Before' }),
        after: JSON.stringify({ id, name: 'After' }),
        note: null,
      },
    ]);
    expect(await stateOf(id)).toEqual({ institutions: 1, names: ['After'], changes: 2, locked: 0 });
  });

  it('leave neither the change nor its record when the operation fails halfway', async () => {
    const id = `${P}-halfway`;
    await audited(db.queries(), secretary, 'testCreate', null, async (tx) => {
      await tx.track('Institution', id);
      await tx.run(`CREATE (:Institution {id: $id, name: 'Original', version: 1})`, { id });
    });
    const failure = audited(db.queries(), secretary, 'testFail', null, async (tx) => {
      await tx.track('Institution', id, { expectedVersion: 1 });
      await tx.run(`MATCH (i:Institution {id: $id}) SET i.name = 'Half-written'`, { id });
      // A second statement fails after the first one wrote: the whole operation must vanish.
      await tx.run('RETURN 1 / 0 AS broken');
    });
    await expect(failure).rejects.toThrow(/by zero/);
    expect(await stateOf(id)).toEqual({ institutions: 1, names: ['Original'], changes: 1, locked: 0 });
  });

  it('record nothing, and keep the version, when nothing changed', async () => {
    const id = `${P}-same`;
    await audited(db.queries(), secretary, 'testCreate', null, async (tx) => {
      await tx.track('Institution', id);
      await tx.run(`CREATE (:Institution {id: $id, name: 'Same', version: 1})`, { id });
    });
    await audited(db.queries(), secretary, 'testNoop', null, async (tx) => {
      await tx.track('Institution', id, { expectedVersion: 1 });
      await tx.run(`MATCH (i:Institution {id: $id}) SET i.name = 'Same'`, { id });
    });
    const [row] = await db
      .queries()
      .read<{ version: number }>('MATCH (i:Institution {id: $id}) RETURN i.version AS version', { id });
    expect(row!.version).toBe(1);
    expect((await stateOf(id)).changes).toBe(1);
  });
});
