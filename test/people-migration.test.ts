/**
 * The migration that makes the `Handler` nodes of older databases `Person`s (src/db/handlers-to-people.ts), against the
 * real Neo4j: handlers written the old way, the migrations run twice at once from two connections and once more, and
 * then one person per id, with the newer record's name, roles and networks and the person's e-mail, no handler left,
 * no handler constraint, and the migrated handlers assignable and listed by `handlers(team:)`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../src/auth/tokens.js';
import type { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { connectTestDatabase, fixturePrefix, graphql, removeFixtures } from './helpers/api.js';
import { maybeUnset } from './helpers/maybe-unset.js';

const P = fixturePrefix('people');
let db: Database;
let other: Database;

const id = (key: string) => `${P}-${key}`;

/** Writes a handler as `upsertHandler` and the seed did before persons were the one record. */
async function oldHandler(key: string, fields: { name: string; roles: string[]; networks: string[]; at: string }) {
  await db.queries().write(
    `MERGE (h:Handler {id: $id})
     SET h.name = $name, h.roles = $roles, h.networks = $networks, h.lastSeenAt = datetime($at)`,
    { id: id(key), ...fields },
  );
}

async function oldPerson(key: string, fields: { name: string; email: string; roles: string[]; at: string }) {
  await db
    .queries()
    .write(
      `CREATE (p:Person {id: $id, name: $name, email: $email, roles: $roles, networks: [], seenAt: datetime($at)})`,
      { id: id(key), ...fields },
    );
}

interface PersonRow {
  id: string;
  name: string;
  email: string | null;
  roles: string[];
  networks: string[];
  seenAt: string;
}

async function people(): Promise<PersonRow[]> {
  return db.queries().read<PersonRow>(
    `MATCH (p:Person) WHERE p.id STARTS WITH $p
     RETURN p.id AS id, p.name AS name, p.email AS email, p.roles AS roles, p.networks AS networks,
            toString(p.seenAt) AS seenAt
     ORDER BY id`,
    { p: P },
  );
}

const constraintNames = async () =>
  (await db.queries().read<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name')).map((row) => row.name);

beforeAll(async () => {
  db = await connectTestDatabase();
  other = await connectTestDatabase();
  // A database as issue 20's handlers left it: the constraint, and handlers beside persons.
  await db.queries().write('CREATE CONSTRAINT handler_id IF NOT EXISTS FOR (n:Handler) REQUIRE n.id IS UNIQUE');
  // Only a handler (registered on the desk page, never read an inbox).
  await oldHandler('desk-only', { name: 'Desk only', roles: ['desk'], networks: [], at: '2026-05-04T09:00:00Z' });
  // A handler seen after the person: its name, roles and networks win; the person's e-mail stays.
  await oldPerson('ckn-later', {
    name: 'Old name',
    email: 'later@example.org',
    roles: ['officer'],
    at: '2026-05-01T09:00:00Z',
  });
  await oldHandler('ckn-later', {
    name: 'New name',
    roles: ['secretariat', 'officer'],
    networks: ['reka', 'ckn'],
    at: '2026-05-05T09:00:00Z',
  });
  // A person seen after the handler: the person stays as it is.
  await oldPerson('desk-earlier', {
    name: 'Current name',
    email: 'earlier@example.org',
    roles: ['desk'],
    at: '2026-05-06T09:00:00Z',
  });
  await oldHandler('desk-earlier', {
    name: 'Stale name',
    roles: ['secretariat'],
    networks: ['reka'],
    at: '2026-05-02T09:00:00Z',
  });
});

afterAll(async () => {
  const d = maybeUnset(db);
  if (d) {
    await removeFixtures(d, P, P);
    await d.close();
  }
  await maybeUnset(other)?.close();
});

describe('Handler nodes become persons', () => {
  it('run twice at once and once more: one person per id, the newer record winning, the e-mail kept', async () => {
    expect(await constraintNames()).toContain('handler_id');
    await Promise.all([migrate(db.queries()), migrate(other.queries())]);
    await migrate(db.queries());

    const [left] = await db.queries().read<{ count: number }>('MATCH (h:Handler) RETURN count(h) AS count');
    expect(left?.count).toBe(0);
    expect(await constraintNames()).not.toContain('handler_id');
    const [locks] = await db.queries().read<{ count: number }>('MATCH (m:MigrationLock) RETURN count(m) AS count');
    expect(locks?.count).toBeLessThanOrEqual(1);

    expect(await people()).toEqual([
      {
        id: id('ckn-later'),
        name: 'New name',
        email: 'later@example.org',
        roles: ['officer', 'secretariat'],
        networks: ['ckn', 'reka'],
        seenAt: '2026-05-05T09:00:00Z',
      },
      {
        id: id('desk-earlier'),
        name: 'Current name',
        email: 'earlier@example.org',
        roles: ['desk'],
        networks: [],
        seenAt: '2026-05-06T09:00:00Z',
      },
      {
        id: id('desk-only'),
        name: 'Desk only',
        email: null,
        roles: ['desk'],
        networks: [],
        seenAt: '2026-05-04T09:00:00Z',
      },
    ]);
  });

  it('the migrated handlers are listed by team and can be assigned', async () => {
    const admin: TokenClaims = { subject: id('admin'), name: 'Admin', roles: ['admin'] };
    const handlers = async (team: string) => {
      const response = await graphql(
        'query ($team: String) { handlers(team: $team) { id name teams lastSeenAt } }',
        { team },
        { as: admin },
      );
      expect(response.errors).toBeUndefined();
      return (response.data.handlers as Array<{ id: string; name: string; teams: string[]; lastSeenAt: string }>)
        .filter((h) => h.id.startsWith(P))
        .map((h) => ({ ...h, lastSeenAt: new Date(h.lastSeenAt).toISOString() }));
    };
    expect(await handlers('ckn')).toEqual([
      { id: id('ckn-later'), name: 'New name', teams: ['ckn', 'reka'], lastSeenAt: '2026-05-05T09:00:00.000Z' },
    ]);
    expect((await handlers('knowledge-security-desk')).map((h) => h.id)).toEqual([id('desk-earlier'), id('desk-only')]);
    expect(await handlers('reka')).toEqual([
      { id: id('ckn-later'), name: 'New name', teams: ['ckn', 'reka'], lastSeenAt: '2026-05-05T09:00:00.000Z' },
    ]);

    const slug = id('inquiry');
    await db.queries().write(
      `MATCH (n:Network {id: 'ckn'}), (a:Institution {id: 'min-bz'})
       CREATE (i:Inquiry {id: $slug, kind: 'EXPERTISE_REQUEST', question: 'Question ' + $slug, status: 'RECEIVED',
                          visibility: 'INTERNAL', receivedAt: datetime('2019-03-11T09:00:00Z'),
                          dueAt: datetime('2019-03-14T22:59:59.999Z'), version: 1, riskCategories: []})
       CREATE (i)-[:ROUTED_TO]->(n), (i)-[:ASKED_BY]->(a)`,
      { slug },
    );
    const assigned = await graphql(
      'mutation ($input: AssignInquiryInput!) { assignInquiry(input: $input) { handler { id } } }',
      { input: { id: slug, expectedVersion: 1, assignee: id('ckn-later'), assigneeName: 'New name' } },
      { as: admin },
    );
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data.assignInquiry.handler).toEqual({ id: id('ckn-later') });
  });
});
