/**
 * Likely duplicate experts, merging them, and erasure on request. Every fixture is this file's own
 * (experts, institutions, themes, contributions, inquiries), so seed data and other files are untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDuplicateCandidates } from '../src/experts/duplicates/repository.js';
import type { Database } from '../src/db/database.js';
import { surnameKey } from '../src/text.js';
import {
  connectTestDatabase,
  fixturePrefix,
  graphql,
  type GraphqlResponse,
  walkPages,
  type Actor,
} from './helpers/api.js';
import { maybeUnset } from './helpers/maybe-unset.js';

const P = fixturePrefix('identity');
/** Letters only, so that surnames built from it are one word that no other fixture or seed name has. */
const TOKEN = P.slice(-6).replace(/[^a-z]/g, 'x');
const REKA_SECRETARIAT: Actor = {
  subject: 'test-secretariat-reka',
  name: 'REKA secretariat',
  roles: ['secretariat'],
  networks: ['reka'],
};
const globalId = (typename: string, slug: string) => Buffer.from(`${typename}:${slug}`).toString('base64');
let db: Database;

const institutions = { first: `${P}-institute`, second: `${P}-academy` };
const themes = { first: `${P}-theme-1`, second: `${P}-theme-2`, third: `${P}-theme-3` };

interface FixtureExpert {
  id: string;
  name: string;
  networks: string[];
  email?: string;
  phone?: string;
  headline?: string;
  bio?: string;
  affiliations?: Array<{ institution: string; role: string; since: string; until: string | null }>;
  expertise?: Array<{ theme: string; level: number; provenance: string }>;
  focus?: Array<{ country: string; level: number; provenance: string }>;
}

/**
 * Writes experts directly (not through `audited`), then works out their likely duplicate pairs as the mutations would.
 */
async function createExperts(experts: FixtureExpert[]): Promise<void> {
  await db.queries().write(
    `UNWIND $rows AS row
     CREATE (e:Expert {id: row.id, name: row.name, surnameKey: row.surnameKey, email: row.email, phone: row.phone,
                       headline: row.headline, bio: row.bio, languages: ['nl', 'en'], contactConsent: false,
                         version: 1})
     WITH e, row
     CALL (e, row) { UNWIND row.networks AS networkId MATCH (n:Network {id: networkId}) CREATE (e)-[:MEMBER_OF]->(n) }
     CALL (e, row) {
       UNWIND row.affiliations AS a MATCH (i:Institution {id: a.institution})
       CREATE (e)-[:AFFILIATED_WITH {role: a.role, since: date(a.since), until: date(a.until)}]->(i)
     }
     CALL (e, row) { UNWIND row.expertise AS x MATCH (t:Theme {id: x.theme})
       CREATE (e)-[:EXPERT_IN {level: x.level, provenance: x.provenance}]->(t) }
     CALL (e, row) { UNWIND row.focus AS f MATCH (c:Country {id: f.country})
       CREATE (e)-[:FOCUSES_ON {level: f.level, provenance: f.provenance}]->(c) }`,
    {
      rows: experts.map((e) => ({
        email: null,
        phone: null,
        headline: null,
        bio: null,
        affiliations: [],
        expertise: [],
        focus: [],
        ...e,
        surnameKey: surnameKey(e.name),
      })),
    },
  );
  await db.queries().writeTransaction((run) =>
    refreshDuplicateCandidates(
      run,
      experts.map((e) => e.id),
    ),
  );
}

/** The stored likely duplicate pairs touching any of the ids, whatever their label, as "from+to". */
async function storedPairsOf(ids: string[]): Promise<string[]> {
  const rows = await db.queries().read<{ pair: string }>(
    `UNWIND $ids AS id
     MATCH (n {id: id})-[:POSSIBLY_SAME]-() WHERE n:Expert OR n:MergedExpert OR n:ErasedExpert
     MATCH (a)-[:POSSIBLY_SAME]->(b) WHERE n IN [a, b]
     RETURN DISTINCT a.id + '+' + b.id AS pair ORDER BY pair`,
    { ids },
  );
  return rows.map((row) => row.pair);
}

async function createContribution(id: string, authorIds: string[]): Promise<void> {
  await db.queries().write(
    `CREATE (k:Contribution {id: $id, kind: 'PUBLICATION', title: 'Fixture paper ' + $id, date: date('2024-05-01')})
     WITH k MATCH (t:Theme {id: $theme}) CREATE (k)-[:ABOUT]->(t)
     WITH k UNWIND $authorIds AS authorId MATCH (e:Expert {id: authorId}) CREATE (k)-[:BY]->(e)`,
    { id, authorIds, theme: themes.first },
  );
}

async function createInquiry(slug: string): Promise<void> {
  await db.queries().write(
    `MATCH (n:Network {id: 'ckn'}), (a:Institution {id: 'min-bz'})
     CREATE (i:Inquiry {id: $slug, kind: 'EXPERTISE_REQUEST', question: 'Fixture question ' + $slug,
                        status: 'IN_PROGRESS',
                        visibility: 'INTERNAL', receivedAt: datetime(), dueAt: datetime() + duration('P3D'), version: 1,
                        riskCategories: [], filedBy: 'test-officer'})
     CREATE (i)-[:ROUTED_TO]->(n), (i)-[:ASKED_BY]->(a)`,
    { slug },
  );
}

const CONSULTATIONS = '{ version consultations { expert { slug } outcome referredTo { slug } } }';

async function consult(inquiry: string, expert: string, outcome: string, referredTo?: string) {
  const [row] = await db
    .queries()
    .read<{ version: number }>('MATCH (i:Inquiry {id: $inquiry}) RETURN i.version AS version', { inquiry });
  const response = await graphql(
    `mutation ($input: ConsultExpertInput!) { consultExpert(input: $input) ${CONSULTATIONS} }`,
    {
      input: { id: inquiry, expectedVersion: row!.version, expert, outcome, referredTo },
    },
  );
  expect(response.errors).toBeUndefined();
  return response.data.consultExpert;
}

async function consultationsOf(inquiry: string) {
  const response = await graphql(`query ($id: ID!) { node(id: $id) { ... on Inquiry ${CONSULTATIONS} } }`, {
    id: globalId('Inquiry', inquiry),
  });
  expect(response.errors).toBeUndefined();
  return response.data.node.consultations as Array<{
    expert: { slug: string } | null;
    outcome: string;
    referredTo: { slug: string } | null;
  }>;
}

const MERGE = `mutation ($input: MergeExpertsInput!) { mergeExperts(input: $input) { id slug version } }`;
const ERASE =
  'mutation ($input: EraseExpertInput!) { eraseExpert(input: $input) { erasedAt ' +
  'anonymousId keptCounts { expertise countryFocus memberships consultations } } }';
const HISTORY =
  'query ($id: String!) { history(id: $id, first: 50) { ' +
  'edges { node { action operationId fields before after redacted note } } } }';

async function versionOf(slug: string): Promise<number> {
  const response = await graphql(
    `
      query ($id: ID!) {
        node(id: $id) {
          ... on Expert {
            version
          }
        }
      }
    `,
    { id: globalId('Expert', slug) },
  );
  return response.data.node.version;
}

/**
 * Labels, versions, scratch flags, relationship shapes and change records of nodes: what a refused operation must leave
 * alone.
 */
async function stateOf(ids: string[]) {
  return db.queries().read(
    `UNWIND $ids AS id
     MATCH (n {id: id}) WHERE n:Expert OR n:Contribution OR n:MergedExpert
     RETURN id, labels(n) AS labels, properties(n) AS properties,
            [(n)-[r]-(m) | type(r) + ':' + m.id] AS links, COUNT { (c:Change {subjectId: id}) } AS changes
     ORDER BY id`,
    { ids },
  );
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await db.queries().write(
    `UNWIND $institutions AS institution
     CREATE (:Institution {id: institution.id, name: institution.name, nameNl: institution.name, kind: 'THINK_TANK'})
     WITH count(*) AS done
     UNWIND $themes AS theme
     CREATE (:Theme {id: theme, name: 'Theme ' + theme, nameNl: 'Thema ' + theme, aliases: [], aliasText: ''})`,
    {
      institutions: [
        { id: institutions.first, name: `Institute ${TOKEN}` },
        { id: institutions.second, name: `Academy ${TOKEN}` },
      ],
      themes: Object.values(themes),
    },
  );
});
afterAll(async () => {
  await maybeUnset(db)?.close();
});

describe('duplicateExperts', () => {
  const surname = `Dijkgraaf${TOKEN}`;
  const ids = {
    a: `${P}-dup-a`,
    b: `${P}-dup-b`,
    c: `${P}-dup-c`,
    rekaOne: `${P}-dup-reka-1`,
    rekaTwo: `${P}-dup-reka-2`,
  };
  /** An edge of QUERY's pages. */
  interface DuplicatePair {
    cursor: string;
    node: { score: number; experts: Array<{ slug: string }>; reasons: Array<{ text: string; points: number }> };
  }
  const pairKey = (edge: { node: { experts: Array<{ slug: string }> } }) =>
    edge.node.experts
      .map((e) => e.slug)
      .sort()
      .join('+');
  const key = (x: string, y: string) => [x, y].sort().join('+');
  const QUERY = `query ($first: Int, $after: String) {
    duplicateExperts(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { score experts { slug } reasons { text points } } }
    }
  }`;

  async function allPages(as: Actor) {
    const { items: edges, totalCount } = await walkPages(async (after) => {
      const response: GraphqlResponse = await graphql(QUERY, { first: 7, after }, { as });
      expect(response.errors).toBeUndefined();
      const page = response.data.duplicateExperts;
      return {
        totalCount: page.totalCount,
        items: page.edges as DuplicatePair[],
        next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
      };
    });
    return { edges, totalCount };
  }

  beforeAll(async () => {
    const institute = [{ institution: institutions.first, role: 'Fellow', since: '2020-01-01', until: null }];
    await createExperts([
      {
        id: ids.a,
        name: `Hendrika ${surname}`,
        email: `hendrika.${TOKEN}@example.org`,
        networks: ['ckn'],
        affiliations: institute,
      },
      {
        id: ids.b,
        name: `Hendrika ${surname}`,
        email: `Hendrika.${TOKEN}@Example.org`,
        networks: ['reka'],
        affiliations: institute,
      },
      { id: ids.c, name: `H. ${surname}`, networks: ['reka'] },
      { id: ids.rekaOne, name: `Pieter Roosmalen${TOKEN}`, networks: ['reka'] },
      { id: ids.rekaTwo, name: `Piet Roosmalen${TOKEN}`, networks: ['reka'] },
    ]);
  });

  it('puts the pair with the same name, institution and e-mail address on top, with its reasons', async () => {
    const response = await graphql(QUERY, { first: 5 });
    expect(response.errors).toBeUndefined();
    const [top] = response.data.duplicateExperts.edges;
    expect(top.node.score).toBe(9);
    const ours = response.data.duplicateExperts.edges.find(
      (edge: { node: { experts: Array<{ slug: string }> } }) => pairKey(edge) === key(ids.a, ids.b),
    );
    expect(ours.node.score).toBe(9);
    expect(ours.node.reasons.map((r: { text: string }) => r.text)).toEqual([
      `The same surname, ${surname}`,
      `The same name, "Hendrika ${surname}"`,
      `Both affiliated with Institute ${TOKEN}`,
      'The same e-mail address',
    ]);
  });

  it('pages by score and pair with a cursor, each pair once', async () => {
    const { edges, totalCount } = await allPages('admin');
    expect(edges).toHaveLength(totalCount);
    expect(new Set(edges.map(pairKey)).size).toBe(edges.length);
    const scores = edges.map((edge) => edge.node.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const byPair = new Map(edges.map((edge) => [pairKey(edge), edge.node]));
    expect(byPair.get(key(ids.a, ids.c))?.score).toBe(3);
    expect(byPair.get(key(ids.b, ids.c))?.score).toBe(3);
    expect(byPair.get(key(ids.rekaOne, ids.rekaTwo))?.reasons.map((r) => r.text)).toEqual([
      `The same surname, Roosmalen${TOKEN}`,
      'The names differ by 2 letters',
    ]);
    expect(byPair.has(key(ids.a, ids.rekaOne))).toBe(false);
  });

  it('shows a secretariat only pairs with at least one expert it may curate', async () => {
    const { edges } = await allPages('secretariat');
    const pairs = new Set(edges.map(pairKey));
    expect(pairs.has(key(ids.a, ids.b))).toBe(true);
    expect(pairs.has(key(ids.a, ids.c))).toBe(true);
    expect(pairs.has(key(ids.b, ids.c))).toBe(false);
    expect(pairs.has(key(ids.rekaOne, ids.rekaTwo))).toBe(false);
  });

  it('stores each pair once, from the lower id to the higher', async () => {
    expect(await storedPairsOf([ids.a, ids.b, ids.c])).toEqual([
      `${ids.a}+${ids.b}`,
      `${ids.a}+${ids.c}`,
      `${ids.b}+${ids.c}`,
    ]);
  });

  it('drops a pair once a rename makes the two unalike, or one of them is retired', async () => {
    const brink = `Brink${TOKEN}`;
    const renamed = { one: `${P}-dup-rename-1`, two: `${P}-dup-rename-2` };
    const retired = { one: `${P}-dup-retire-1`, two: `${P}-dup-retire-2` };
    await createExperts([
      { id: renamed.one, name: `Wouter ${brink}`, networks: ['ckn'] },
      { id: renamed.two, name: `Wouter ${brink}`, networks: ['ckn'] },
      { id: retired.one, name: `Sietske Wadman${TOKEN}`, networks: ['ckn'] },
      { id: retired.two, name: `S. Wadman${TOKEN}`, networks: ['ckn'] },
    ]);
    const listed = async () => new Set((await allPages('admin')).edges.map(pairKey));
    const before = await listed();
    expect(before.has(key(renamed.one, renamed.two))).toBe(true);
    expect(before.has(key(retired.one, retired.two))).toBe(true);

    const update = await graphql(
      `
        mutation ($input: UpdateExpertInput!) {
          updateExpert(input: $input) {
            version
          }
        }
      `,
      {
        input: { id: renamed.two, expectedVersion: 1, name: `Zeger ${brink}` },
      },
    );
    expect(update.errors).toBeUndefined();
    const retire = await graphql(
      `
        mutation ($input: RetireExpertInput!) {
          retireExpert(input: $input) {
            retired
          }
        }
      `,
      {
        input: { id: retired.two, expectedVersion: 1, reason: 'Left the field' },
      },
    );
    expect(retire.errors).toBeUndefined();

    const after = await listed();
    expect(after.has(key(renamed.one, renamed.two))).toBe(false);
    expect(after.has(key(retired.one, retired.two))).toBe(false);
    expect(await storedPairsOf([renamed.one, renamed.two, retired.one, retired.two])).toEqual([]);
  });

  it('costs the same Neo4j round trips whatever the page size or position', async () => {
    for (const as of ['admin', 'secretariat'] as Actor[]) {
      const [one, twenty, hundred] = await Promise.all([1, 20, 100].map((first) => graphql(QUERY, { first }, { as })));
      const next = await graphql(QUERY, { first: 20, after: one!.data.duplicateExperts.pageInfo.endCursor }, { as });
      const roundTrips = [one, twenty, hundred, next].map((response) => response!.extensions?.queryStats?.roundTrips);
      expect(roundTrips[0]).toBeLessThanOrEqual(3);
      expect(new Set(roundTrips).size).toBe(1);
    }
  });

  it('is closed to officers and dashboards', async () => {
    for (const as of ['officer', 'viewer', null] as Actor[]) {
      const response = await graphql(QUERY, { first: 1 }, { as });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('mergeExperts', () => {
  const surname = `Terpstra${TOKEN}`;
  const keep = `${P}-keep`;
  const remove = `${P}-remove`;
  const coauthored = `${P}-paper-both`;
  const byRemoved = `${P}-paper-removed`;
  const inquiry = `${P}-inquiry-merge`;

  beforeAll(async () => {
    await createExperts([
      {
        id: keep,
        name: `Anna ${surname}`,
        phone: '+31600000101',
        networks: ['ckn'],
        affiliations: [{ institution: institutions.first, role: 'Fellow', since: '2018-01-01', until: '2020-12-31' }],
        expertise: [{ theme: themes.first, level: 2, provenance: 'DECLARED' }],
        focus: [{ country: 'CN', level: 2, provenance: 'DECLARED' }],
      },
      {
        id: remove,
        name: `A. ${surname}`,
        email: `anna.${TOKEN}@example.org`,
        phone: '+31600000102',
        networks: ['ckn', 'reka'],
        bio: 'Works on fixtures.',
        affiliations: [
          { institution: institutions.first, role: 'Senior Fellow', since: '2015-01-01', until: null },
          { institution: institutions.second, role: 'Adviser', since: '2021-01-01', until: null },
        ],
        expertise: [
          { theme: themes.first, level: 4, provenance: 'VERIFIED' },
          { theme: themes.second, level: 3, provenance: 'DECLARED' },
        ],
        focus: [{ country: 'CN', level: 1, provenance: 'VERIFIED' }],
      },
    ]);
    await createContribution(byRemoved, [remove]);
    await createContribution(coauthored, [keep, remove]);
    await createInquiry(inquiry);
    await consult(inquiry, remove, 'ANSWERED');
  });

  it('moves every relationship onto the kept expert, keeping one of each and the stronger level', async () => {
    expect(await storedPairsOf([remove])).toEqual([`${keep}+${remove}`]);
    const response = await graphql(MERGE, {
      input: {
        keep: globalId('Expert', keep),
        remove,
        keepVersion: await versionOf(keep),
        removeVersion: await versionOf(remove),
        note: 'One person',
      },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data.mergeExperts).toMatchObject({ slug: keep, version: 2 });

    const { data, errors } = await graphql(
      `
        query ($id: ID!) {
          node(id: $id) {
            ... on Expert {
              name
              email
              phone
              bio
              networks {
                slug
              }
              affiliations {
                role
                since
                until
                institution {
                  slug
                }
              }
              expertise {
                level
                provenance
                theme {
                  slug
                }
              }
              countryFocus {
                level
                provenance
                country {
                  code
                }
              }
              contributions {
                title
                authors {
                  slug
                }
              }
            }
          }
        }
      `,
      { id: globalId('Expert', keep) },
    );
    expect(errors).toBeUndefined();
    const expert = data.node;
    expect(expert).toMatchObject({
      name: `Anna ${surname}`,
      email: `anna.${TOKEN}@example.org`,
      phone: '+31600000101',
      bio: 'Works on fixtures.',
    });
    expect(expert.networks.map((n: { slug: string }) => n.slug).sort()).toEqual(['ckn', 'reka']);
    expect(expert.affiliations).toEqual([
      { role: 'Adviser', since: '2021-01-01', until: null, institution: { slug: institutions.second } },
      { role: 'Fellow', since: '2015-01-01', until: null, institution: { slug: institutions.first } },
    ]);
    expect(expert.expertise).toEqual([
      { level: 4, provenance: 'VERIFIED', theme: { slug: themes.first } },
      { level: 3, provenance: 'DECLARED', theme: { slug: themes.second } },
    ]);
    expect(expert.countryFocus).toEqual([{ level: 2, provenance: 'DECLARED', country: { code: 'CN' } }]);
    expect(expert.contributions).toHaveLength(2);
    for (const contribution of expert.contributions) expect(contribution.authors).toEqual([{ slug: keep }]);

    expect((await consultationsOf(inquiry)).map((c) => [c.expert?.slug, c.outcome])).toEqual([[keep, 'ANSWERED']]);
  });

  it('leaves the old id naming the kept expert', async () => {
    const response = await graphql(
      `
        query ($ids: [ID!]!) {
          nodes(ids: $ids) {
            id
            ... on Expert {
              slug
            }
          }
        }
      `,
      {
        ids: [globalId('Expert', remove), globalId('Expert', keep)],
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.nodes).toEqual([
      { id: globalId('Expert', keep), slug: keep },
      { id: globalId('Expert', keep), slug: keep },
    ]);
    const [node] = await db
      .queries()
      .read<{ labels: string[]; keys: string[]; into: string[] }>(
        `MATCH (n {id: $remove}) RETURN labels(n) AS labels, keys(n) AS keys, [(n)-[:MERGED_INTO]->(k) | k.id] AS into`,
        { remove },
      );
    expect(node).toEqual({ labels: ['MergedExpert'], keys: expect.arrayContaining(['id', 'mergedAt']), into: [keep] });
    expect(node!.keys).toHaveLength(2);
    expect(await storedPairsOf([keep, remove])).toEqual([]);

    // An old id given to a mutation names the kept expert too; asking again is a second consultation (issue 20).
    const consulted = await consult(inquiry, remove, 'DECLINED');
    expect(
      consulted.consultations.map((c: { expert: { slug: string }; outcome: string }) => [c.expert.slug, c.outcome]),
    ).toEqual([
      [keep, 'ANSWERED'],
      [keep, 'DECLINED'],
    ]);
  });

  it('records the merge in the history of both ids, as one operation', async () => {
    const [keptHistory, removedHistory] = await Promise.all([keep, remove].map((id) => graphql(HISTORY, { id })));
    const kept = keptHistory!.data.history.edges
      .map((e: { node: unknown }) => e.node)
      .find((c: { action: string }) => c.action === 'mergeExperts');
    const removed = removedHistory!.data.history.edges
      .map((e: { node: unknown }) => e.node)
      .find((c: { action: string }) => c.action === 'mergeExperts');
    expect(kept.operationId).toBe(removed.operationId);
    expect(kept.note).toBe('One person');
    expect(kept.fields).toEqual(expect.arrayContaining(['email', '→EXPERT_IN', '→AFFILIATED_WITH', '→MEMBER_OF']));
    expect(kept.after.email).toBe(`anna.${TOKEN}@example.org`);
    expect(removed.before.name).toBe(`A. ${surname}`);
    expect(removed.after).toBeNull();
    const [row] = await db
      .queries()
      .read<{ n: number }>(
        'MATCH (c:Change {operationId: $operationId}) WHERE c.subjectId IN $neighbours RETURN count(c) AS n',
        { operationId: kept.operationId, neighbours: [byRemoved, coauthored, inquiry] },
      );
    expect(row!.n).toBe(3);
  });

  it('refuses merging an expert with itself, also through an old id of its own', async () => {
    const self = await graphql(MERGE, {
      input: { keep, remove: globalId('Expert', keep), keepVersion: 2, removeVersion: 2 },
    });
    expect(self.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(self.errors?.[0]?.message).toMatch(/cannot be merged with itself/);
    const again = await graphql(MERGE, { input: { keep, remove, keepVersion: 2, removeVersion: 1 } });
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0]?.message).toMatch(/names the expert to keep .* it was merged into it already/);
    const unknown = await graphql(MERGE, { input: { keep, remove: `${P}-nobody`, keepVersion: 2, removeVersion: 1 } });
    expect(unknown.errors?.[0]?.message).toMatch(/no expert has id/);
  });
});

describe('mergeExperts refused halfway', () => {
  const surname = `Hoekstra${TOKEN}`;
  const cknOnly = `${P}-ckn-only`;
  const rekaOnly = `${P}-reka-only`;
  const cknOther = `${P}-ckn-other`;
  const paper = `${P}-paper-ckn-other`;

  beforeAll(async () => {
    await createExperts([
      {
        id: cknOnly,
        name: `Bram ${surname}`,
        networks: ['ckn'],
        expertise: [{ theme: themes.first, level: 2, provenance: 'DECLARED' }],
      },
      { id: rekaOnly, name: `B. ${surname}`, networks: ['reka'], email: `bram.${TOKEN}@example.org` },
      {
        id: cknOther,
        name: `Bram J. ${surname}`,
        networks: ['ckn'],
        expertise: [{ theme: themes.first, level: 5, provenance: 'DECLARED' }],
      },
    ]);
    await createContribution(paper, [cknOther]);
  });

  it('lets no secretariat merge an expert it may not curate, and changes nothing', async () => {
    const before = await stateOf([cknOnly, rekaOnly]);
    for (const as of ['secretariat', REKA_SECRETARIAT] as Actor[]) {
      const response = await graphql(
        MERGE,
        { input: { keep: cknOnly, remove: rekaOnly, keepVersion: 1, removeVersion: 1 } },
        { as },
      );
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const officer = await graphql(
      MERGE,
      { input: { keep: cknOnly, remove: rekaOnly, keepVersion: 1, removeVersion: 1 } },
      { as: 'officer' },
    );
    expect(officer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await stateOf([cknOnly, rekaOnly])).toEqual(before);
  });

  it('changes nothing when the second expert moved on meanwhile (all or nothing)', async () => {
    const before = await stateOf([cknOnly, cknOther, paper]);
    const response = await graphql(
      MERGE,
      { input: { keep: cknOnly, remove: cknOther, keepVersion: 1, removeVersion: 7 } },
      { as: 'secretariat' },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(response.errors?.[0]?.message).toMatch(/expert to remove/);
    expect(await stateOf([cknOnly, cknOther, paper])).toEqual(before);
  });

  it('lets the secretariat of both experts merge them', async () => {
    const response = await graphql(
      MERGE,
      { input: { keep: cknOnly, remove: cknOther, keepVersion: 1, removeVersion: 1 } },
      { as: 'secretariat' },
    );
    expect(response.errors).toBeUndefined();
    const [row] = await db.queries().read(
      `MATCH (e:Expert {id: $keep})
       RETURN [(e)-[x:EXPERT_IN]->(:Theme {id: $theme}) | x.level] AS levels, [(e)<-[:BY]-(k) | k.id] AS contributions`,
      { keep: cknOnly, theme: themes.first },
    );
    expect(row).toEqual({ levels: [5], contributions: [paper] });
  });
});

describe('eraseExpert', () => {
  const surname = `Zwanenburg${TOKEN}`;
  const person = {
    id: `${P}-erase`,
    name: `Quirijn ${surname}`,
    email: `quirijn.${TOKEN}@example.org`,
    phone: '+31600000777',
  };
  const duplicate = {
    id: `${P}-erase-dup`,
    name: `Q. ${surname}`,
    email: `q.${surname.toLowerCase()}@example.org`,
    phone: '+31600000778',
  };
  const coauthor = `${P}-coauthor`;
  const solePaper = `${P}-paper-sole`;
  const sharedPaper = `${P}-paper-shared`;
  const inquiry = `${P}-inquiry-erase`;
  /**
   * Everything that identifies the person, their ids included (slugs are made from names): none of it may be left
   * anywhere once erased.
   */
  const personalData = [
    surname,
    person.email,
    person.phone,
    duplicate.email,
    duplicate.phone,
    person.id,
    duplicate.id,
  ].map((s) => s.toLowerCase());
  let anonymousId = '';

  /** Every node and relationship property, and every change record, that still holds any of the person's data. */
  async function leftovers() {
    return db.queries().read(
      `CALL () {
         MATCH (n) UNWIND keys(n) AS key RETURN labels(n) AS owner, key, n[key] AS value
         UNION ALL
         MATCH ()-[r]->() UNWIND keys(r) AS key RETURN [type(r)] AS owner, key, r[key] AS value
       }
       WITH owner, key, CASE WHEN value IS :: LIST<ANY> THEN value ELSE [value] END AS values
       UNWIND values AS value
       WITH owner, key, toLower(toString(value)) AS text
       WHERE any(needle IN $needles WHERE text CONTAINS needle)
       RETURN owner, key, text`,
      { needles: personalData },
    );
  }

  const expertsOnTheme = async () =>
    (
      await db.queries().read<{ n: number }>('MATCH (:Theme {id: $theme})<-[:EXPERT_IN]-(e) RETURN count(e) AS n', {
        theme: themes.third,
      })
    )[0]!.n;

  beforeAll(async () => {
    await createExperts([
      {
        ...person,
        networks: ['ckn'],
        headline: `${surname} on fixtures`,
        bio: `${person.name} studies fixtures.`,
        affiliations: [{ institution: institutions.first, role: 'Fellow', since: '2019-01-01', until: null }],
        expertise: [{ theme: themes.third, level: 3, provenance: 'DECLARED' }],
        focus: [{ country: 'RU', level: 2, provenance: 'DECLARED' }],
      },
      { ...duplicate, networks: ['ckn'], expertise: [{ theme: themes.third, level: 4, provenance: 'DECLARED' }] },
      { id: coauthor, name: `Wim Coauthor${TOKEN}`, networks: ['ckn'] },
    ]);
    await createContribution(solePaper, [person.id]);
    await createContribution(sharedPaper, [person.id, coauthor]);
    await createInquiry(inquiry);
    await consult(inquiry, duplicate.id, 'ANSWERED');
    await consult(inquiry, coauthor, 'REFERRED', person.id);
    // The merge leaves change records holding both records' names, e-mail addresses and phone numbers.
    const merged = await graphql(MERGE, {
      input: { keep: person.id, remove: duplicate.id, keepVersion: 1, removeVersion: 1 },
    });
    expect(merged.errors).toBeUndefined();
  });

  it('is refused to those who may not curate the expert, changing nothing', async () => {
    const before = await stateOf([person.id]);
    for (const as of [REKA_SECRETARIAT, 'officer', 'viewer'] as Actor[]) {
      const response = await graphql(
        ERASE,
        { input: { id: person.id, expectedVersion: await versionOf(person.id), reason: 'Request 1' } },
        { as },
      );
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const noReason = await graphql(ERASE, {
      input: { id: person.id, expectedVersion: await versionOf(person.id), reason: ' ' },
    });
    const stale = await graphql(ERASE, {
      input: { id: person.id, expectedVersion: (await versionOf(person.id)) - 1, reason: 'Request 1' },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(noReason.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await stateOf([person.id])).toEqual(before);
  });

  it('removes every trace of the personal data and keeps the anonymous counts', async () => {
    expect((await leftovers()).length).toBeGreaterThan(0);
    const onThemeBefore = await expertsOnTheme();

    const input = {
      id: globalId('Expert', person.id),
      expectedVersion: await versionOf(person.id),
      reason: 'Erasure request, ticket 42',
    };
    const response = await graphql(ERASE, { input }, { as: 'secretariat' });
    expect(response.errors).toBeUndefined();
    expect(response.data.eraseExpert.keptCounts).toEqual({
      expertise: 1,
      countryFocus: 1,
      memberships: 1,
      consultations: 1,
    });
    expect(Date.parse(response.data.eraseExpert.erasedAt)).toBeGreaterThan(Date.now() - 60_000);
    anonymousId = response.data.eraseExpert.anonymousId;
    expect(anonymousId).toMatch(/^erased-[0-9a-f-]{36}$/);

    expect(await leftovers()).toEqual([]);
    expect(await expertsOnTheme()).toBe(onThemeBefore);
    const [node] = await db
      .queries()
      .read('MATCH (n {id: $id}) RETURN labels(n) AS labels, keys(n) AS keys', { id: anonymousId });
    expect(node).toEqual({ labels: ['ErasedExpert'], keys: expect.arrayContaining(['id', 'erasedAt']) });
    expect(await storedPairsOf([anonymousId])).toEqual([]);
  });

  it('leaves contributions by others and consultations in place, without the person', async () => {
    const [papers] = await db
      .queries()
      .read(
        'RETURN EXISTS { (:Contribution {id: $solePaper}) } AS sole, ' +
          '[(:Contribution {id: $sharedPaper})-[:BY]->(e) | e.id] AS sharedAuthors',
        { solePaper, sharedPaper },
      );
    expect(papers).toEqual({ sole: false, sharedAuthors: [coauthor] });
    const consultations = await consultationsOf(inquiry);
    expect(consultations.map((c) => [c.expert?.slug ?? null, c.outcome, c.referredTo?.slug ?? null])).toEqual([
      [null, 'ANSWERED', null],
      [coauthor, 'REFERRED', null],
    ]);
  });

  it('answers NOT_FOUND for the old ids (now gone) and for the anonymous one, saying it was erased', async () => {
    for (const slug of [person.id, duplicate.id]) {
      const response = await graphql(
        `
          query ($id: ID!) {
            node(id: $id) {
              id
            }
          }
        `,
        { id: globalId('Expert', slug) },
      );
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const anonymous = await graphql(
      `
        query ($id: ID!) {
          node(id: $id) {
            id
          }
        }
      `,
      { id: globalId('Expert', anonymousId) },
    );
    expect(anonymous.errors?.[0]?.message).toMatch(/erased on request/);
    const again = await graphql(ERASE, { input: { id: person.id, expectedVersion: 1, reason: 'Twice' } });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps the whole history under the anonymous id, without values', async () => {
    for (const id of [person.id, duplicate.id])
      expect((await graphql(HISTORY, { id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const response = await graphql(HISTORY, { id: anonymousId });
    expect(response.errors).toBeUndefined();
    const records = response.data.history.edges.map((e: { node: unknown }) => e.node);
    for (const record of records) expect(record).toMatchObject({ before: null, after: null, redacted: true });
    expect(records[0]).toMatchObject({ action: 'eraseExpert', note: 'Erasure request, ticket 42' });
    expect(records[0].fields).toEqual(expect.arrayContaining(['name', 'email', 'phone', '→AFFILIATED_WITH']));
    // Both records of the person: the merged duplicate's history came along.
    expect(records.filter((r: { action: string }) => r.action === 'mergeExperts')).toHaveLength(2);
  });
});

describe('an old id of a merged expert names the kept expert in every input', () => {
  const surname = `Oudeid${TOKEN}`;
  const kept = `${P}-old-kept`;
  const old = `${P}-old-gone`;
  const other = `${P}-old-other`;
  const inquiry = `${P}-old-inquiry`;
  const codeOf = (response: { errors?: Array<{ extensions?: { code?: string } }> }) =>
    response.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    await createExperts([
      { id: kept, name: `Karel ${surname}`, networks: ['ckn'] },
      { id: old, name: `K. ${surname}`, networks: ['ckn'] },
      { id: other, name: `Otto Other${TOKEN}`, networks: ['ckn'] },
    ]);
    await createInquiry(inquiry);
    expect(
      (await graphql(MERGE, { input: { keep: kept, remove: old, keepVersion: 1, removeVersion: 1 } })).errors,
    ).toBeUndefined();
  });

  it('updateExpert and retireExpert change the kept expert, at the kept expert’s version', async () => {
    const UPDATE = 'mutation ($input: UpdateExpertInput!) { updateExpert(input: $input) { slug version headline } }';
    const version = await versionOf(kept);
    const stale = await graphql(
      UPDATE,
      { input: { id: old, expectedVersion: version + 1, headline: 'Stale' } },
      { as: 'secretariat' },
    );
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(version);
    const updated = await graphql(
      UPDATE,
      { input: { id: globalId('Expert', old), expectedVersion: version, headline: 'Via the old id' } },
      { as: 'secretariat' },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateExpert).toEqual({ slug: kept, version: version + 1, headline: 'Via the old id' });
  });

  it(
    'contribution authors and event speakers given by an old id ' +
      'are the kept expert (and the two together are one, given twice)',
    async () => {
      const contribution = await graphql(
        'mutation ($input: CreateContributionInput!) { ' +
          'createContribution(input: $input) { slug version authors { slug } } }',
        { input: { kind: 'PUBLICATION', title: `Paper ${P}`, date: '2025-05-01', authors: [old] } },
        { as: 'secretariat' },
      );
      expect(contribution.errors).toBeUndefined();
      expect(contribution.data.createContribution.authors).toEqual([{ slug: kept }]);
      const twice = await graphql(
        'mutation ($input: UpdateContributionInput!) { updateContribution(input: $input) { authors { slug } } }',
        { input: { id: contribution.data.createContribution.slug, expectedVersion: 1, authors: [kept, old, other] } },
        { as: 'secretariat' },
      );
      expect(codeOf(twice)).toBe('BAD_USER_INPUT');
      expect(twice.errors?.[0]?.message).toMatch(/authors\[1\]: .* is given twice/);
      const changed = await graphql(
        'mutation ($input: UpdateContributionInput!) { updateContribution(input: $input) { authors { slug } } }',
        { input: { id: contribution.data.createContribution.slug, expectedVersion: 1, authors: [other, old] } },
        { as: 'secretariat' },
      );
      expect(changed.errors).toBeUndefined();
      expect(changed.data.updateContribution.authors.map((a: { slug: string }) => a.slug).sort()).toEqual(
        [kept, other].sort(),
      );

      const event = await graphql(
        'mutation ($input: CreateEventInput!) { createEvent(input: $input) { speakers { expert { slug } } } }',
        {
          input: {
            kind: 'KNOWLEDGE_SESSION',
            title: `Session ${P}`,
            startsAt: '2031-05-06T13:00:00Z',
            network: 'ckn',
            speakers: [{ expert: old }],
          },
        },
        { as: 'secretariat' },
      );
      expect(event.errors).toBeUndefined();
      expect(event.data.createEvent.speakers).toEqual([{ expert: { slug: kept } }]);
    },
  );

  it('consultExpert records the kept expert, also as the one referred to', async () => {
    const consulted = await consult(inquiry, other, 'REFERRED', old);
    expect(
      consulted.consultations.map((c: { expert: { slug: string }; referredTo: { slug: string } }) => [
        c.expert.slug,
        c.referredTo.slug,
      ]),
    ).toEqual([[other, kept]]);
  });

  it('mergeExperts takes the old id as the kept expert', async () => {
    const third = `${P}-old-third`;
    await createExperts([{ id: third, name: `Kees ${surname}`, networks: ['ckn'] }]);
    const merged = await graphql(
      MERGE,
      { input: { keep: old, remove: third, keepVersion: await versionOf(kept), removeVersion: 1 } },
      { as: 'secretariat' },
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergeExperts.slug).toBe(kept);
  });

  it('retireExpert, then eraseExpert (at the kept expert’s version) act on the kept expert', async () => {
    const retired = await graphql(
      'mutation ($input: RetireExpertInput!) { retireExpert(input: $input) { slug retired } }',
      { input: { id: old, expectedVersion: await versionOf(kept), reason: 'Left' } },
      { as: 'secretariat' },
    );
    expect(retired.errors).toBeUndefined();
    expect(retired.data.retireExpert).toEqual({ slug: kept, retired: true });
    const stale = await graphql(ERASE, {
      input: { id: old, expectedVersion: (await versionOf(kept)) - 1, reason: 'Request' },
    });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(await versionOf(kept)).toBeGreaterThan(1);
    const erased = await graphql(ERASE, {
      input: { id: old, expectedVersion: await versionOf(kept), reason: 'Request' },
    });
    expect(erased.errors).toBeUndefined();
    expect(await db.queries().read('MATCH (n) WHERE n.id IN $ids RETURN n.id', { ids: [kept, old] })).toEqual([]);
  });
});
