import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { nameKeys } from '../src/text.js';
import { connectTestDatabase, fixturePrefix, graphql, removeFixtures, type Actor, type Edge } from './helpers/api.js';

/** A theme and an institution of this file's own, so that whoKnows and institution lists give known answers. */
const P = fixturePrefix('curation');
const theme = `${P}-quantum-sensing`;
const themeName = `Quantum sensing ${P}`;
const institution = `${P}-institute`;
/** Every expert made here has a name starting with this, so that the afterAll finds them. */
const NAME = `Curation ${P}`;

let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
  await db.queries().write(
    `CREATE (:Theme {id: $theme, name: $themeName, nameNl: $themeName, aliases: [], keys: $themeKeys})
     CREATE (:Institution {id: $institution, name: 'Institute ' + $p, nameNl: 'Instituut ' + $p, kind: 'THINK_TANK'})`,
    { p: P, theme, themeName, themeKeys: nameKeys(theme, themeName), institution },
  );
});

afterAll(async () => {
  await removeFixtures(db, P, NAME);
  await db.close();
});

const EXPERT = `id slug name academicTitle version retired retiredAt
  headline headlineNl bio bioNl languages contactConsent
  affiliations { role since until institution { slug } }
  expertise { level provenance theme { slug } }
  countryFocus { level provenance country { code } }
  networks { slug }`;
const CONTACTS = 'email phone';

async function mutate(
  name: 'createExpert' | 'updateExpert' | 'retireExpert',
  input: Record<string, unknown>,
  as: Actor = 'admin',
  fields = EXPERT,
) {
  const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  return graphql(`mutation ($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input }, { as });
}

async function ok(
  name: 'createExpert' | 'updateExpert' | 'retireExpert',
  input: Record<string, unknown>,
  as: Actor = 'admin',
  fields = EXPERT,
) {
  const response = await mutate(name, input, as, fields);
  expect(response.errors).toBeUndefined();
  return response.data[name];
}

/** A plain expert in the given networks, made by an administrator. */
async function expertIn(networks: string[], suffix: string) {
  return ok('createExpert', { name: `${NAME} ${suffix}`, networks, expertise: [{ theme, level: 2 }] });
}

/** The stored expert as the database has it: properties and relationships, bypassing the API. */
async function stored(slug: string) {
  const [row] = await db.queries().read<{
    properties: Record<string, unknown>;
    links: Array<{ type: string; to: string; properties: Record<string, unknown> }>;
  }>(
    `MATCH (e:Expert {id: $slug})
     RETURN properties(e) AS properties,
            [(e)-[r]->(m) | {type: type(r), to: m.id, properties: properties(r)}] AS links`,
    { slug },
  );
  return row;
}

const changesOf = async (slug: string) =>
  (await db.queries().read<{ n: number }>('MATCH (c:Change {subjectId: $slug}) RETURN count(c) AS n', { slug }))[0]!.n;

const errorCodes = (response: { errors?: Array<{ extensions?: { code?: string } }> }) =>
  response.errors?.map((e) => e.extensions?.code);

describe('createExpert', () => {
  it('creates an expert with every nested list, and reads it back', async () => {
    const created = await ok(
      'createExpert',
      {
        name: `${NAME} Anna de Vries-Ünal`,
        academicTitle: ' Prof. dr. ',
        email: 'anna.devries@example.org',
        phone: '+31 6 12345678',
        contactConsent: true,
        headline: 'Quantum sensing and export controls',
        headlineNl: 'Kwantumsensoren en exportcontrole',
        bio: 'Studies quantum sensing.',
        bioNl: 'Onderzoekt kwantumsensoren.',
        languages: ['NL', 'en', 'zh'],
        affiliations: [
          { institution, role: 'Fellow', since: '2020-01-01' },
          { institution: 'tu-delft', role: 'Researcher', since: '2015-09-01', until: '2019-12-31' },
        ],
        expertise: [
          { theme, level: 4, provenance: 'VERIFIED' },
          { theme: 'halfgeleiders', level: 3 },
        ],
        countryFocus: [
          { country: 'Taiwan', level: 3 },
          { country: 'CHN', level: 2, provenance: 'DECLARED' },
        ],
        networks: ['CKN', 'reka'],
      },
      'admin',
      `${EXPERT} ${CONTACTS}`,
    );
    expect(created.slug).toBe(`curation-${P}-anna-de-vries-unal`);
    expect(created).toMatchObject({
      version: 1,
      retired: false,
      retiredAt: null,
      academicTitle: 'Prof. dr.',
      email: 'anna.devries@example.org',
      phone: '+31612345678',
      contactConsent: true,
      headlineNl: 'Kwantumsensoren en exportcontrole',
      bioNl: 'Onderzoekt kwantumsensoren.',
      languages: ['nl', 'en', 'zh'],
      networks: [{ slug: 'ckn' }, { slug: 'reka' }],
    });
    expect(created.affiliations).toEqual([
      { role: 'Fellow', since: '2020-01-01', until: null, institution: { slug: institution } },
      { role: 'Researcher', since: '2015-09-01', until: '2019-12-31', institution: { slug: 'tu-delft' } },
    ]);
    expect(created.expertise).toEqual([
      { level: 4, provenance: 'VERIFIED', theme: { slug: theme } },
      { level: 3, provenance: 'DECLARED', theme: { slug: 'semiconductors' } },
    ]);
    expect(created.countryFocus).toEqual([
      { level: 3, provenance: 'DECLARED', country: { code: 'TW' } },
      { level: 2, provenance: 'DECLARED', country: { code: 'CN' } },
    ]);

    const row = await stored(created.slug);
    expect(row!.properties).toMatchObject({ surnameKey: 'unal', version: 1 });
    const verified = row!.links.find((l) => l.type === 'EXPERT_IN' && l.to === theme);
    expect(verified!.properties).toMatchObject({ provenance: 'VERIFIED', verifiedBy: 'Test admin' });
    expect(verified!.properties.verifiedAt).toBeTruthy();
  });

  it('makes a slug unique, and keeps a chosen one', async () => {
    const first = await ok('createExpert', { name: `${NAME} Twin` });
    const second = await ok('createExpert', { name: `${NAME} Twin` });
    expect(second.slug).toBe(`${first.slug}-2`);
    const chosen = await ok('createExpert', { name: `${NAME} Chosen`, slug: `${P}-chosen` });
    expect(chosen.slug).toBe(`${P}-chosen`);
    const taken = await mutate('createExpert', { name: `${NAME} Chosen again`, slug: `${P}-chosen` });
    expect(taken.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'slug', message: expect.stringContaining('is taken') },
    ]);
  });

  it('reports every malformed scalar at once (GraphQL checks them before the mutation), writes nothing', async () => {
    const name = `${NAME} Malformed`;
    const response = await mutate('createExpert', {
      name,
      email: 'not-an-email',
      phone: 'call me',
      affiliations: [{ institution: 'tu-delft', since: '2020-13-45' }],
    });
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual([
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
    ]);
    const messages = response.errors!.map((e) => e.message).join('\n');
    for (const path of ['input.email', 'input.phone', 'input.affiliations[0].since']) expect(messages).toContain(path);
    const [row] = await db
      .queries()
      .read<{ n: number }>('RETURN COUNT { MATCH (e:Expert {name: $name}) } AS n', { name });
    expect(row!.n).toBe(0);
  });

  it('reports every other bad field at once, and writes nothing', async () => {
    const name = `${NAME} Many Problems`;
    const response = await mutate('createExpert', {
      name,
      academicTitle: 'Prof.\u202Edr.',
      phone: '0612345678',
      languages: ['dutch'],
      affiliations: [
        { institution: `${P}-nowhere`, role: 'Fellow' },
        { institution: 'tu-delft', since: '2020-01-01', until: '2019-01-01' },
      ],
      expertise: [
        { theme, level: 7 },
        { theme: 'semiconductorz', level: 3 },
        { theme, level: 2 },
        { theme: 'lithography', level: 2, provenance: 'EVIDENCED' },
      ],
      countryFocus: [{ country: 'Central Asia', level: 2 }],
      networks: ['ckn', 'atlantis'],
    });
    expect(response.errors).toHaveLength(1);
    const error = response.errors![0]!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^The expert was not created: /);
    const fields = error.extensions!.fields as Array<{ field: string; message: string }>;
    expect(fields.map((f) => f.field).sort()).toEqual(
      [
        'academicTitle',
        'phone',
        'languages[0]',
        'affiliations[0].institution',
        'affiliations[1].until',
        'expertise[0].level',
        'expertise[1].theme',
        'expertise[2].theme',
        'expertise[3].provenance',
        'countryFocus[0].country',
        'networks[1]',
      ].sort(),
    );
    const message = (field: string) => fields.find((f) => f.field === field)!.message;
    expect(message('expertise[1].theme')).toContain('Did you mean "Semiconductors"');
    expect(message('expertise[2].theme')).toContain('repeats expertise[0]');
    expect(message('expertise[0].level')).toContain('from 1 to 5 (got 7)');
    expect(message('affiliations[1].until')).toContain('before since');
    expect(message('countryFocus[0].country')).toContain('region');

    const [count] = await db.queries().read<{ experts: number; changes: number }>(
      `RETURN COUNT { MATCH (e:Expert {name: $name}) } AS experts,
              COUNT { MATCH (c:Change) WHERE c.after CONTAINS $name } AS changes`,
      { name },
    );
    expect(count).toEqual({ experts: 0, changes: 0 });
  });
});

describe('updateExpert', () => {
  it('replaces a list that is given and leaves omitted fields as they are', async () => {
    const created = await ok('createExpert', {
      name: `${NAME} Bram`,
      headline: 'Semiconductor supply chains',
      languages: ['nl'],
      expertise: [
        { theme, level: 3 },
        { theme: 'semiconductors', level: 4 },
      ],
      countryFocus: [{ country: 'TW', level: 4 }],
      networks: ['ckn'],
    });
    const updated = await ok('updateExpert', {
      id: created.id,
      expectedVersion: 1,
      expertise: [{ theme: 'lithography', level: 5 }],
      bio: 'Now writes about lithography.',
    });
    expect(updated).toMatchObject({
      version: 2,
      headline: 'Semiconductor supply chains',
      bio: 'Now writes about lithography.',
      languages: ['nl'],
      countryFocus: [{ level: 4, country: { code: 'TW' } }],
      networks: [{ slug: 'ckn' }],
      expertise: [{ level: 5, provenance: 'DECLARED', theme: { slug: 'lithography' } }],
    });

    // null removes a field; a name change moves the surname key along.
    const renamed = await ok('updateExpert', {
      id: created.slug,
      expectedVersion: 2,
      headline: null,
      name: `${NAME} Bram Jansen`,
    });
    expect(renamed).toMatchObject({ version: 3, headline: null, name: `${NAME} Bram Jansen` });
    expect((await stored(created.slug))!.properties).toMatchObject({ surnameKey: 'jansen' });
  });

  it('refuses a stale expectedVersion with CONFLICT and changes nothing', async () => {
    const created = await expertIn(['ckn'], 'Conflict');
    await ok('updateExpert', { id: created.id, expectedVersion: 1, headline: 'First' });
    const before = await stored(created.slug);
    const stale = await mutate('updateExpert', {
      id: created.id,
      expectedVersion: 1,
      headline: 'Second',
      expertise: [],
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0]!.extensions?.currentVersion).toBe(2);
    expect(await stored(created.slug)).toEqual(before);
  });

  it('accepts EVIDENCED once there is evidence, and NOT_FOUND for an unknown expert', async () => {
    const created = await expertIn(['ckn'], 'Evidence');
    const evidenced = { id: created.id, expectedVersion: 1, expertise: [{ theme, level: 3, provenance: 'EVIDENCED' }] };
    const refused = await mutate('updateExpert', evidenced);
    expect(refused.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'expertise[0].provenance', message: expect.stringContaining('EVIDENCED needs') },
    ]);
    await db.queries().write(
      `MATCH (e:Expert {id: $expert}), (t:Theme {id: $theme})
       CREATE (k:Contribution {id: $id, kind: 'PUBLICATION', title: 'On sensing', date: date('2024-01-01')})
       CREATE (k)-[:BY]->(e), (k)-[:ABOUT]->(t)`,
      { expert: created.slug, theme, id: `${P}-evidence` },
    );
    expect((await ok('updateExpert', evidenced)).expertise).toEqual([
      { level: 3, provenance: 'EVIDENCED', theme: { slug: theme } },
    ]);

    const missing = await mutate('updateExpert', { id: `${P}-nobody`, expectedVersion: 1, headline: 'x' });
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
  });
});

describe('who may curate', () => {
  it('lets a CKN secretariat change CKN members, not REKA-only ones, nor REKA memberships', async () => {
    const ckn = await expertIn(['ckn'], 'Ckn Member');
    const reka = await expertIn(['reka'], 'Reka Member');
    const shared = await expertIn(['ckn', 'reka'], 'Shared Member');

    expect(
      await ok('updateExpert', { id: ckn.id, expectedVersion: 1, headline: 'Curated by CKN' }, 'secretariat'),
    ).toMatchObject({
      headline: 'Curated by CKN',
      version: 2,
    });

    for (const [name, input] of [
      ['updateExpert', { id: reka.id, expectedVersion: 1, headline: 'Not yours' }],
      ['retireExpert', { id: reka.id, expectedVersion: 1, reason: 'Not yours' }],
    ] as const) {
      expect(errorCodes(await mutate(name, input, 'secretariat'))).toEqual(['FORBIDDEN']);
    }

    const before = await stored(shared.slug);
    const dropReka = await mutate(
      'updateExpert',
      { id: shared.id, expectedVersion: 1, networks: ['ckn'] },
      'secretariat',
    );
    expect(errorCodes(dropReka)).toEqual(['BAD_USER_INPUT']);
    expect(dropReka.errors![0]!.extensions?.fields).toEqual([
      { field: 'networks', message: expect.stringContaining('REKA') },
    ]);
    expect(await stored(shared.slug)).toEqual(before);

    // Its own network it may leave or join: dropping CKN from the shared expert is fine.
    expect(
      (await ok('updateExpert', { id: shared.id, expectedVersion: 1, networks: ['reka'] }, 'secretariat')).networks,
    ).toEqual([{ slug: 'reka' }]);
  });

  it('puts a secretariat’s new expert in its own network, and refuses one outside it', async () => {
    const own = await ok('createExpert', { name: `${NAME} Made By Ckn` }, 'secretariat');
    expect(own.networks).toEqual([{ slug: 'ckn' }]);
    const elsewhere = await mutate('createExpert', { name: `${NAME} Reka By Ckn`, networks: ['reka'] }, 'secretariat');
    expect((elsewhere.errors![0]!.extensions!.fields as Array<{ field: string }>).map((f) => f.field)).toEqual([
      'networks[0]',
      'networks',
    ]);
  });

  it('refuses officers, viewers and the anonymous on all three mutations', async () => {
    const expert = await expertIn(['ckn'], 'Untouchable');
    const inputs = {
      createExpert: { name: `${NAME} Refused` },
      updateExpert: { id: expert.id, expectedVersion: 1, headline: 'x' },
      retireExpert: { id: expert.id, expectedVersion: 1, reason: 'x' },
    } as const;
    for (const as of ['officer', 'viewer', 'desk', null] as const) {
      for (const [name, input] of Object.entries(inputs)) {
        const response = await mutate(name as keyof typeof inputs, input, as);
        expect(errorCodes(response), `${name} as ${as}`).toEqual(['FORBIDDEN']);
      }
    }
    expect((await stored(expert.slug))!.properties.version).toBe(1);
  });
});

describe('retireExpert', () => {
  const cursorBefore = (name: string) => Buffer.from(JSON.stringify([name, ''])).toString('base64url');

  it('takes the expert out of lists and whoKnows, while node(id:) still finds it', async () => {
    const name = `${NAME} Retiree`;
    const expert = await ok('createExpert', {
      name,
      expertise: [{ theme, level: 5 }],
      affiliations: [{ institution }],
      networks: ['ckn'],
    });
    const LISTED = `query ($after: String, $institution: ID!, $theme: String!) {
      experts(first: 1, after: $after) { edges { node { slug } } }
      networks(first: 10) { edges { node { slug members(first: 1, after: $after) { edges { node { slug } } } } } }
      institution: node(id: $institution) { ... on Institution { experts(first: 100) { edges { node { slug } } } } }
      whoKnows(about: $theme, first: 100) { edges { node { slug } } }
    }`;
    const variables = {
      after: cursorBefore(name),
      institution: Buffer.from(`Institution:${institution}`).toString('base64'),
      theme: themeName,
    };
    const listed = async () => {
      const response = await graphql(LISTED, variables);
      expect(response.errors).toBeUndefined();
      const data = response.data;
      const slugs = (connection: { edges: Edge[] }): string[] => connection.edges.map((e) => e.node.slug);
      return {
        experts: slugs(data.experts),
        members: slugs(data.networks.edges.find((n: Edge) => n.node.slug === 'ckn').node.members),
        institution: slugs(data.institution.experts),
        whoKnows: slugs(data.whoKnows),
      };
    };
    const before = await listed();
    expect(before).toMatchObject({ experts: [expert.slug], members: [expert.slug] });
    expect(before.institution).toContain(expert.slug);
    expect(before.whoKnows).toContain(expert.slug);

    const retired = await ok('retireExpert', { id: expert.id, expectedVersion: 1, reason: 'Left the field' });
    expect(retired).toMatchObject({ retired: true, version: 2 });
    expect(retired.retiredAt).toBeTruthy();

    const after = await listed();
    for (const list of Object.values(after)) expect(list).not.toContain(expert.slug);

    const found = await graphql(
      `
        query ($id: ID!) {
          node(id: $id) {
            ... on Expert {
              slug
              retired
            }
          }
        }
      `,
      { id: expert.id },
    );
    expect(found.data.node).toEqual({ slug: expert.slug, retired: true });

    const again = await mutate('retireExpert', { id: expert.id, expectedVersion: 2, reason: 'Again' });
    expect(again.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'id', message: expect.stringContaining('retired already') },
    ]);
  });
});

describe('history', () => {
  it('records create, update and retire with before, after and who; a no-op change leaves no record', async () => {
    const admin: Actor = { subject: 'test-curator', name: 'Carla Curator', roles: ['admin'] };
    const input = {
      name: `${NAME} Historic`,
      expertise: [{ theme, level: 3, provenance: 'VERIFIED' }],
      networks: ['ckn'],
    };
    const expert = await ok('createExpert', input, admin);
    await ok(
      'updateExpert',
      { id: expert.id, expectedVersion: 1, headline: 'Historian', note: 'Profile filled in' },
      admin,
    );

    // The same values again, the VERIFIED level included: no record, no new version.
    const same = await ok(
      'updateExpert',
      { id: expert.id, expectedVersion: 2, headline: 'Historian', ...input },
      admin,
    );
    expect(same.version).toBe(2);
    expect(await changesOf(expert.slug)).toBe(2);

    await ok('retireExpert', { id: expert.id, expectedVersion: 2, reason: 'Moved abroad' }, admin);
    const response = await graphql(
      `
        query ($id: String!) {
          history(id: $id) {
            totalCount
            edges {
              node {
                action
                actorName
                fields
                before
                after
                note
              }
            }
          }
        }
      `,
      { id: expert.id },
    );
    expect(response.errors).toBeUndefined();
    const records = response.data.history.edges.map((e: { node: unknown }) => e.node);
    expect(records.map((r: { action: string }) => r.action)).toEqual(['retireExpert', 'updateExpert', 'createExpert']);
    expect(records.every((r: { actorName: string }) => r.actorName === 'Carla Curator')).toBe(true);
    const [retire, update, create] = records;
    expect(create.before).toBeNull();
    expect(create.after).toMatchObject({ name: `${NAME} Historic`, '→MEMBER_OF': ['ckn'] });
    expect(create.after['→EXPERT_IN']).toEqual([
      expect.objectContaining({ to: theme, level: 3, provenance: 'VERIFIED', verifiedBy: 'Carla Curator' }),
    ]);
    expect(update).toMatchObject({
      fields: ['headline'],
      note: 'Profile filled in',
      after: { headline: 'Historian' },
    });
    expect(update.before.headline).toBeUndefined();
    expect(retire).toMatchObject({
      fields: ['retiredAt', 'retiredReason'],
      note: 'Moved abroad',
      after: { retiredReason: 'Moved abroad' },
    });
  });
});
