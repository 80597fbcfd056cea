import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import type { FieldProblem } from '../src/errors.js';
import { nameKeys } from '../src/text.js';
import {
  connectTestDatabase,
  fixturePrefix,
  graphql,
  type Actor,
  type GraphqlResponse,
  type Edge,
} from './helpers/api.js';

/**
 * Experts and a theme of this file's own: contributions and events about seed data would change other files' answers.
 */
const P = fixturePrefix('curref');
const cknExpert = `${P}-ckn-expert`;
const rekaExpert = `${P}-reka-expert`;
const retiredExpert = `${P}-retired-expert`;
const baseTheme = `${P}-base`;
const baseThemeName = `Base ${P}`;
/** Sorts before every seed name, so that a first page of a list shows these fixtures. */
const FIRST = `000 ${P}`;
const REKA_SECRETARIAT: Actor = {
  subject: 'test-reka-secretariat',
  name: 'Test REKA secretariat',
  roles: ['secretariat'],
  networks: ['reka'],
};

let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
  await db.queries().write(
    `CREATE (:Theme {id: $baseTheme, name: $baseThemeName, nameNl: $baseThemeName, aliases: [], keys: $keys})
     WITH 1 AS one MATCH (ckn:Network {id: 'ckn'}), (reka:Network {id: 'reka'})
     CREATE (:Expert {id: $cknExpert, name: 'CKN ' + $p})-[:MEMBER_OF]->(ckn)
     CREATE (:Expert {id: $rekaExpert, name: 'REKA ' + $p})-[:MEMBER_OF]->(reka)
     CREATE (:Expert {id: $retiredExpert, name: 'Retired ' + $p, retiredAt: datetime()})-[:MEMBER_OF]->(ckn)`,
    { p: P, baseTheme, baseThemeName, keys: nameKeys(baseTheme, baseThemeName), cknExpert, rekaExpert, retiredExpert },
  );
});

afterAll(async () => {
  await db.queries().write(
    `MATCH (n) WHERE n.id STARTS WITH $p OR (n:Event AND n.title CONTAINS $p)
     OPTIONAL MATCH (c:Change {subjectId: n.id})
     DETACH DELETE n, c`,
    { p: P },
  );
  await db.close();
});

const FIELDS = {
  Institution: 'id slug name nameNl acronym kind city url country { code } version retired retiredAt retiredReason',
  Theme: 'id slug name nameNl aliases description version retired broader { slug } narrower { slug }',
  Contribution:
    'id slug kind title summary date url version retired authors { slug } themes { slug } countries { code }',
  Event: `id slug kind title summary startsAt endsAt location online version retired network { slug } themes { slug }
    countries { code }
    speakers { expert { slug } topic }`,
};
type Kind = keyof typeof FIELDS;
type Verb = 'create' | 'update' | 'retire';

function mutate(verb: Verb, kind: Kind, input: Record<string, unknown>, as: Actor = 'admin') {
  const name = `${verb}${kind}`;
  return graphql(
    `mutation ($input: ${verb[0]!.toUpperCase()}${verb.slice(1)}${kind}Input!) { ` +
      `${name}(input: $input) { ${FIELDS[kind]} } }`,
    { input },
    { as },
  );
}

async function ok(verb: Verb, kind: Kind, input: Record<string, unknown>, as: Actor = 'admin') {
  const response = await mutate(verb, kind, input, as);
  expect(response.errors).toBeUndefined();
  return response.data[`${verb}${kind}`];
}

/** The fields a BAD_USER_INPUT names, sorted. */
function problemFields(response: GraphqlResponse): string[] {
  expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return (response.errors![0]!.extensions!.fields as FieldProblem[]).map((p) => p.field).sort();
}

const codeOf = (response: GraphqlResponse) => response.errors?.[0]?.extensions?.code;

async function node(id: string, kind: Kind) {
  const { data } = await graphql(`query ($id: ID!) { node(id: $id) { ... on ${kind} { ${FIELDS[kind]} } } }`, { id });
  return data.node;
}

async function history(id: string, as: Actor = 'admin') {
  const response = await graphql(
    `
      query ($id: String!) {
        history(id: $id) {
          edges {
            node {
              action
              fields
              note
              before
              after
            }
          }
        }
      }
    `,
    { id },
    { as },
  );
  expect(response.errors).toBeUndefined();
  return response.data.history.edges.map((e: { node: unknown }) => e.node);
}

const count = async (cypher: string, params: Record<string, unknown>) =>
  (await db.queries().read<{ n: number }>(cypher, params))[0]!.n;

describe('institutions', () => {
  const slug = `${P}-institute`;
  const listed = async () => {
    const { data } = await graphql('{ institutions(first: 100) { edges { node { slug } } } }');
    return data.institutions.edges.some((e: Edge) => e.node.slug === slug);
  };

  it('are created, read back, updated, kept from stale writes and retired', async () => {
    const created = await ok('create', 'Institution', {
      slug,
      name: `${FIRST} Institute`,
      nameNl: `${FIRST} Instituut`,
      acronym: 'FXI',
      kind: 'THINK_TANK',
      country: 'NL',
      city: 'Leiden',
      url: 'https://example.org/institute',
    });
    expect(created).toMatchObject({
      slug,
      acronym: 'FXI',
      kind: 'THINK_TANK',
      country: { code: 'NL' },
      url: 'https://example.org/institute',
      version: 1,
      retired: false,
    });
    expect(await node(created.id, 'Institution')).toMatchObject({ slug, city: 'Leiden' });
    expect(await listed()).toBe(true);

    const updated = await ok('update', 'Institution', {
      id: created.id,
      expectedVersion: 1,
      name: `${FIRST} Institute for Studies`,
      country: 'BE',
      city: null,
    });
    expect(updated).toMatchObject({
      name: `${FIRST} Institute for Studies`,
      nameNl: `${FIRST} Instituut`,
      acronym: 'FXI',
      country: { code: 'BE' },
      city: null,
      version: 2,
    });

    const stale = await mutate('update', 'Institution', { id: slug, expectedVersion: 1, acronym: 'X' });
    expect(codeOf(stale)).toBe('CONFLICT');

    const retired = await ok('retire', 'Institution', {
      id: slug,
      expectedVersion: 2,
      reason: 'Merged into another institute',
    });
    expect(retired).toMatchObject({ retired: true, retiredReason: 'Merged into another institute', version: 3 });
    expect(retired.retiredAt).toEqual(expect.any(String));
    expect(await listed()).toBe(false);
    expect(await node(created.id, 'Institution')).toMatchObject({ slug, retired: true });
    expect((await history(slug)).map((c: { action: string }) => c.action)).toEqual([
      'retireInstitution',
      'updateInstitution',
      'createInstitution',
    ]);
  });

  it('report every problem of an input at once and write nothing', async () => {
    const never = `${P}-never-institute`;
    const created = await mutate('create', 'Institution', {
      slug: never,
      name: ' ',
      nameNl: '',
      kind: 'NGO',
      country: 'NL',
      acronym: 'X'.repeat(31),
    });
    expect(problemFields(created)).toEqual(['acronym', 'name', 'nameNl']);
    const taken = await mutate('create', 'Institution', {
      slug: 'clingendael',
      name: 'Again',
      nameNl: 'Opnieuw',
      kind: 'NGO',
      country: 'NL',
    });
    expect(problemFields(taken)).toEqual(['slug']);
    const updated = await mutate('update', 'Institution', {
      id: 'clingendael',
      expectedVersion: 1,
      name: '',
      kind: null,
      country: null,
    });
    expect(problemFields(updated)).toEqual(['country', 'kind', 'name']);
    expect(await count('MATCH (n:Institution) WHERE n.id = $never RETURN count(n) AS n', { never })).toBe(0);
    expect(
      await count(
        `MATCH (n:Institution {id: 'clingendael'}) WHERE n.name = 'Clingendael Institute' ` +
          `AND n.kind = 'THINK_TANK' RETURN count(n) AS n`,
        {},
      ),
    ).toBe(1);
  });
});

describe('themes', () => {
  const alpha = `${P}-alpha`;
  const beta = `${P}-beta`;
  const betaName = `${FIRST} Beta`;
  const resolve = async (name: string) =>
    (await graphql('query ($name: String!) { theme(name: $name) { slug } }', { name })).data.theme?.slug ?? null;
  const listed = async () => {
    const { data } = await graphql('{ themes(first: 100) { edges { node { slug } } } }');
    return data.themes.edges.some((e: Edge) => e.node.slug === beta);
  };

  it('are created with aliases and broader themes, renamed, kept from stale writes and retired', async () => {
    await ok('create', 'Theme', { slug: alpha, name: `Alpha ${P}`, nameNl: `Alfa ${P}`, broader: [baseThemeName] });
    const created = await ok('create', 'Theme', {
      slug: beta,
      name: betaName,
      nameNl: `${FIRST} Bèta`,
      aliases: [`Beta one ${P}`, `Bèta twee ${P}`],
      description: 'Second letter.',
      broader: [alpha],
    });
    expect(created).toMatchObject({
      slug: beta,
      aliases: [`Beta one ${P}`, `Bèta twee ${P}`],
      broader: [{ slug: alpha }],
      version: 1,
      retired: false,
    });
    expect(
      (await graphql('query ($name: String!) { theme(name: $name) { narrower { slug } } }', { name: alpha })).data.theme
        .narrower,
    ).toEqual([{ slug: beta }]);
    // Names, aliases and accents resolve, as the seed loader's keys make them.
    expect(await resolve(`beta TWEE ${P}`)).toBe(beta);
    expect(await resolve(`${FIRST} beta`)).toBe(beta);
    expect(await listed()).toBe(true);

    const updated = await ok('update', 'Theme', {
      id: created.id,
      expectedVersion: 1,
      name: `${FIRST} Beta renamed`,
      aliases: [`Beta three ${P}`],
    });
    expect(updated).toMatchObject({
      name: `${FIRST} Beta renamed`,
      aliases: [`Beta three ${P}`],
      description: 'Second letter.',
      broader: [{ slug: alpha }],
      version: 2,
    });
    expect(await resolve(`Beta one ${P}`)).toBeNull();
    expect(await resolve(`Beta three ${P}`)).toBe(beta);
    const [stored] = await db
      .queries()
      .read<{ aliasText: string; keys: string[] }>(
        'MATCH (t:Theme {id: $beta}) RETURN t.aliasText AS aliasText, t.keys AS keys',
        { beta },
      );
    expect(stored).toEqual({
      aliasText: `Beta three ${P}`,
      keys: nameKeys(beta, `${FIRST} Beta renamed`, `${FIRST} Bèta`, `Beta three ${P}`),
    });

    expect(codeOf(await mutate('update', 'Theme', { id: beta, expectedVersion: 1, description: 'Stale.' }))).toBe(
      'CONFLICT',
    );

    const retired = await ok('retire', 'Theme', { id: beta, expectedVersion: 2, reason: 'Folded into alpha' });
    expect(retired).toMatchObject({ retired: true, version: 3 });
    expect(await listed()).toBe(false);
    expect(await resolve(`Beta three ${P}`)).toBeNull();
    expect(await node(created.id, 'Theme')).toMatchObject({ slug: beta, retired: true });
    const history = await graphql(
      'query ($id: String!) { history(id: $id) { edges { node { action fields note } } } }',
      { id: beta },
      { as: 'secretariat' },
    );
    expect(history.data.history.edges.map((e: Edge<{ action: string }>) => e.node.action)).toEqual([
      'retireTheme',
      'updateTheme',
      'createTheme',
    ]);
    expect(history.data.history.edges[1].node.fields).toEqual(['aliasText', 'aliases', 'keys', 'name']);

    // New links may not go to a retired theme, even by id.
    const contribution = await mutate('create', 'Contribution', {
      kind: 'TALK',
      title: `On beta ${P}`,
      date: '2025-01-01',
      authors: [cknExpert],
      themes: [beta],
    });
    expect(problemFields(contribution)).toEqual(['themes[0]']);
  });

  it('refuse a broader theme that would make a cycle', async () => {
    const cycle = await mutate('update', 'Theme', {
      id: baseTheme,
      expectedVersion: 1,
      broader: [`Alfa ${P}`, baseTheme],
    });
    expect(problemFields(cycle)).toEqual(['broader[0]', 'broader[1]']);
    expect(cycle.errors![0]!.message).toContain(`Alpha ${P} → ${baseThemeName}`);
    expect(await count('MATCH (:Theme {id: $baseTheme})-[r:BROADER]->() RETURN count(r) AS n', { baseTheme })).toBe(0);
  });

  it('report every problem of an input at once and write nothing', async () => {
    const response = await mutate('create', 'Theme', {
      slug: alpha,
      name: '',
      nameNl: `Alfa ${P}`,
      aliases: ['', `Gamma ${P}`, `gamma ${P}`],
      broader: ['no such theme at all'],
    });
    expect(problemFields(response)).toEqual(['aliases[0]', 'aliases[2]', 'broader[0]', 'name', 'nameNl', 'slug']);
    expect(
      await count('MATCH (t:Theme) WHERE t.id = $alpha AND t.name = $name RETURN count(t) AS n', {
        alpha,
        name: `Alpha ${P}`,
      }),
    ).toBe(1);
    expect(
      await count(`MATCH (t:Theme) WHERE $key IN t.keys RETURN count(t) AS n`, { key: nameKeys(`Gamma ${P}`)[0] }),
    ).toBe(0);
  });
});

describe('contributions', () => {
  const contributionsBy = async (expert: string) =>
    (
      await db
        .queries()
        .read<{ id: string }>('MATCH (:Expert {id: $expert})<-[:BY]-(k:Contribution) RETURN k.id AS id', { expert })
    ).map((r) => r.id);
  const foundByText = async (about: string) => {
    const { data } = await graphql(
      'query ($about: String!) { whoKnows(about: $about, first: 100) { edges { node { slug } } } }',
      { about },
    );
    return data.whoKnows.edges.map((e: Edge) => e.node.slug);
  };
  const listedOn = async (id: string) => {
    const { data } = await graphql(
      `
        query ($id: ID!) {
          node(id: $id) {
            ... on Expert {
              contributions {
                slug
              }
            }
          }
        }
      `,
      { id },
    );
    return data.node.contributions.map((k: { slug: string }) => k.slug);
  };

  it('are created, read back, updated, kept from stale writes and retired', async () => {
    const created = await ok(
      'create',
      'Contribution',
      {
        kind: 'PUBLICATION',
        title: `Quuxsensing the future ${P}`,
        summary: 'On sensors.',
        date: '2025-03-04',
        url: 'https://example.org/paper',
        authors: [cknExpert],
        themes: [baseThemeName],
        countries: ['CN', 'Taiwan'],
      },
      'secretariat',
    );
    expect(created).toMatchObject({
      kind: 'PUBLICATION',
      date: '2025-03-04',
      version: 1,
      retired: false,
      authors: [{ slug: cknExpert }],
      themes: [{ slug: baseTheme }],
    });
    expect(created.countries.map((c: { code: string }) => c.code).sort()).toEqual(['CN', 'TW']);
    // Made from the year and title, never from an author (whose slug is made from a name).
    expect(created.slug).toMatch(/^2025-quuxsensing-the-future/);
    expect(await contributionsBy(cknExpert)).toEqual([created.slug]);

    const updated = await ok('update', 'Contribution', {
      id: created.id,
      expectedVersion: 1,
      title: `Quuxsensing again ${P}`,
      themes: [],
      authors: [cknExpert, rekaExpert],
    });
    expect(updated).toMatchObject({ title: `Quuxsensing again ${P}`, summary: 'On sensors.', themes: [], version: 2 });
    expect(updated.authors.map((a: { slug: string }) => a.slug).sort()).toEqual([cknExpert, rekaExpert].sort());

    expect(
      codeOf(await mutate('update', 'Contribution', { id: created.id, expectedVersion: 1, summary: 'Stale.' })),
    ).toBe('CONFLICT');

    const globalExpertId = Buffer.from(`Expert:${cknExpert}`).toString('base64');
    expect(await listedOn(globalExpertId)).toContain(created.slug);
    expect(await foundByText('quuxsensing')).toContain(cknExpert);
    await ok('retire', 'Contribution', { id: created.slug, expectedVersion: 2, reason: 'Withdrawn' });
    expect(await listedOn(globalExpertId)).not.toContain(created.slug);
    expect(await foundByText('quuxsensing')).not.toContain(cknExpert);
    expect(await node(created.id, 'Contribution')).toMatchObject({ retired: true, version: 3 });
    const records = await history(created.slug);
    expect(records.map((c: { action: string }) => c.action)).toEqual([
      'retireContribution',
      'updateContribution',
      'createContribution',
    ]);
    expect(records[1].fields).toEqual(['title', '→ABOUT', '→BY']);
  });

  it('report every problem of an input at once and write nothing', async () => {
    const title = `Never written ${P}`;
    const none = await mutate('create', 'Contribution', { kind: 'TALK', title, date: '2025-01-01', authors: [] });
    expect(problemFields(none)).toEqual(['authors']);
    const response = await mutate('create', 'Contribution', {
      kind: 'TALK',
      title: ' ',
      date: '2025-01-01',
      authors: ['nobody-at-all', retiredExpert, cknExpert, cknExpert],
      themes: ['no such theme at all'],
      countries: ['Atlantis'],
    });
    expect(problemFields(response)).toEqual([
      'authors[0]',
      'authors[1]',
      'authors[3]',
      'countries[0]',
      'themes[0]',
      'title',
    ]);
    expect(
      await count('MATCH (k:Contribution) WHERE k.title = $title OR k.id STARTS WITH $p RETURN count(k) AS n', {
        title,
        p: `${cknExpert}-2025-never`,
      }),
    ).toBe(0);
  });

  it('are curated by the secretariats of an author’s network', async () => {
    const input = { kind: 'BRIEFING', title: `Briefing ${P}`, date: '2025-02-02', authors: [cknExpert] };
    expect(codeOf(await mutate('create', 'Contribution', input, REKA_SECRETARIAT))).toBe('FORBIDDEN');
    const created = await ok('create', 'Contribution', input, 'secretariat');
    expect(
      codeOf(
        await mutate(
          'update',
          'Contribution',
          { id: created.id, expectedVersion: 1, summary: 'No.' },
          REKA_SECRETARIAT,
        ),
      ),
    ).toBe('FORBIDDEN');
    // Once a REKA expert is an author too, REKA's secretariat may change it, but not leave it with authors it cannot
    // curate only.
    const shared = await ok(
      'update',
      'Contribution',
      { id: created.id, expectedVersion: 1, authors: [cknExpert, rekaExpert] },
      'secretariat',
    );
    expect(shared.version).toBe(2);
    await ok(
      'update',
      'Contribution',
      { id: created.id, expectedVersion: 2, summary: 'Now shared.' },
      REKA_SECRETARIAT,
    );
    expect(
      codeOf(
        await mutate(
          'update',
          'Contribution',
          { id: created.id, expectedVersion: 3, authors: [cknExpert] },
          REKA_SECRETARIAT,
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('events', () => {
  const title = `Knowledge session ${P}`;
  const startsAt = '2031-05-06T13:00:00.000Z';
  const eventsOf = async (from = '2031-01-01T00:00:00Z') => {
    const { data, errors } = await graphql(
      'query ($from: DateTime) { events(network: "ckn", from: $from, first: 10) { totalCount ' +
        'edges { cursor node { slug title } } pageInfo { hasNextPage endCursor } } }',
      { from },
    );
    expect(errors).toBeUndefined();
    return data.events;
  };
  const talksOf = async (expert: string) => {
    const { data } = await graphql('query ($id: ID!) { node(id: $id) { ... on Expert { events { slug } } } }', {
      id: Buffer.from(`Expert:${expert}`).toString('base64'),
    });
    return data.node.events.map((e: { slug: string }) => e.slug);
  };

  it('are created with speakers, listed by start, updated, kept from stale writes and retired', async () => {
    const created = await ok(
      'create',
      'Event',
      {
        kind: 'KNOWLEDGE_SESSION',
        title,
        summary: 'Sensors.',
        startsAt,
        endsAt: '2031-05-06T15:00:00Z',
        location: 'The Hague',
        network: 'ckn',
        themes: [baseTheme],
        countries: ['CN'],
        speakers: [{ expert: cknExpert, topic: 'Quantum sensors' }],
      },
      'secretariat',
    );
    expect(created).toMatchObject({
      kind: 'KNOWLEDGE_SESSION',
      online: false,
      version: 1,
      retired: false,
      network: { slug: 'ckn' },
      themes: [{ slug: baseTheme }],
      countries: [{ code: 'CN' }],
      speakers: [{ expert: { slug: cknExpert }, topic: 'Quantum sensors' }],
    });
    expect(new Date(created.startsAt).toISOString()).toBe(startsAt);
    expect(created.slug).toMatch(/^ckn-2031-05-06-knowledge-session-fx-curref-/);
    const later = await ok('create', 'Event', {
      kind: 'NETWORK_MEETING',
      title: `Meeting ${P}`,
      startsAt: '2031-06-01T09:00:00Z',
      network: 'ckn',
      online: true,
    });

    const page = await eventsOf();
    const mineInOrder = page.edges
      .map((e: Edge) => e.node.slug)
      .filter((slug: string) => [created.slug, later.slug].includes(slug));
    expect(mineInOrder).toEqual([created.slug, later.slug]);
    const afterFirst = await graphql(
      'query ($after: String) { events(network: "ckn", from: "2031-05-06T13:00:00Z", ' +
        'first: 1, after: $after) { edges { node { slug } } } }',
      {
        after: page.edges.find((e: Edge) => e.node.slug === created.slug).cursor,
      },
    );
    expect(afterFirst.data.events.edges[0].node.slug).not.toBe(created.slug);
    expect(await talksOf(cknExpert)).toContain(created.slug);

    const updated = await ok(
      'update',
      'Event',
      { id: created.id, expectedVersion: 1, title: `${title} moved`, speakers: [{ expert: rekaExpert }] },
      'secretariat',
    );
    expect(updated).toMatchObject({
      title: `${title} moved`,
      location: 'The Hague',
      summary: 'Sensors.',
      speakers: [{ expert: { slug: rekaExpert }, topic: null }],
      version: 2,
    });
    expect(await talksOf(cknExpert)).not.toContain(created.slug);
    expect(await talksOf(rekaExpert)).toContain(created.slug);
    // The times given are checked against the times kept.
    expect(
      problemFields(
        await mutate('update', 'Event', { id: created.id, expectedVersion: 2, startsAt: '2031-05-06T16:00:00Z' }),
      ),
    ).toEqual(['endsAt']);

    expect(codeOf(await mutate('update', 'Event', { id: created.id, expectedVersion: 1, location: 'Stale' }))).toBe(
      'CONFLICT',
    );

    await ok('retire', 'Event', { id: created.slug, expectedVersion: 2, reason: 'Cancelled' }, 'secretariat');
    expect((await eventsOf()).edges.map((e: Edge) => e.node.slug)).not.toContain(created.slug);
    expect(await talksOf(rekaExpert)).not.toContain(created.slug);
    expect(await node(created.id, 'Event')).toMatchObject({ retired: true, version: 3 });
    const records = await history(created.slug, 'secretariat');
    expect(records.map((c: { action: string }) => c.action)).toEqual(['retireEvent', 'updateEvent', 'createEvent']);
    expect(records[1].fields).toEqual(['title', '→FEATURED']);
    expect(records[1].before['→FEATURED']).toEqual([{ to: cknExpert, topic: 'Quantum sensors' }]);
  });

  it('report every problem of an input at once and write nothing', async () => {
    const never = `Never held ${P}`;
    const response = await mutate('create', 'Event', {
      kind: 'NETWORK_MEETING',
      title: never,
      startsAt,
      endsAt: '2031-05-06T12:00:00Z',
      network: 'no-such-network',
      speakers: [{ expert: cknExpert }, { expert: 'nobody-at-all' }, { expert: cknExpert, topic: 'x'.repeat(501) }],
      themes: ['no such theme at all'],
    });
    expect(problemFields(response)).toEqual([
      'endsAt',
      'network',
      'speakers[1].expert',
      'speakers[2].expert',
      'speakers[2].topic',
      'themes[0]',
    ]);
    expect(await count('MATCH (v:Event {title: $never}) RETURN count(v) AS n', { never })).toBe(0);
  });

  it('are organised by the network’s own secretariat', async () => {
    const input = { kind: 'NETWORK_MEETING', title: `Members ${P}`, startsAt: '2031-07-01T09:00:00Z', network: 'ckn' };
    expect(codeOf(await mutate('create', 'Event', input, REKA_SECRETARIAT))).toBe('FORBIDDEN');
    const created = await ok('create', 'Event', input, 'secretariat');
    expect(
      codeOf(
        await mutate('update', 'Event', { id: created.id, expectedVersion: 1, location: 'Moscow' }, REKA_SECRETARIAT),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await mutate('retire', 'Event', { id: created.id, expectedVersion: 1, reason: 'No.' }, REKA_SECRETARIAT)),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await mutate('update', 'Event', { id: created.id, expectedVersion: 1, network: 'reka' }, 'secretariat')),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await graphql(
          'query ($id: String!) { history(id: $id) { totalCount } }',
          { id: created.slug },
          { as: REKA_SECRETARIAT },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await count('MATCH (v:Event {id: $id}) WHERE v.version = 1 AND v.location IS NULL RETURN count(v) AS n', {
        id: created.slug,
      }),
    ).toBe(1);
  });
});

describe('permissions', () => {
  const samples: Array<[Verb, Kind, Record<string, unknown>]> = [
    ['create', 'Institution', { slug: `${P}-forbidden`, name: 'X', nameNl: 'X', kind: 'NGO', country: 'NL' }],
    ['update', 'Institution', { id: 'clingendael', expectedVersion: 1, city: 'Elsewhere' }],
    ['retire', 'Institution', { id: 'clingendael', expectedVersion: 1, reason: 'No.' }],
    ['create', 'Theme', { slug: `${P}-forbidden`, name: 'X', nameNl: 'X' }],
    ['update', 'Theme', { id: baseTheme, expectedVersion: 1, description: 'No.' }],
    ['retire', 'Theme', { id: baseTheme, expectedVersion: 1, reason: 'No.' }],
    ['create', 'Contribution', { kind: 'TALK', title: 'X', date: '2025-01-01', authors: [cknExpert] }],
    ['update', 'Contribution', { id: 'maarten-kooistra-2023-duv-licensing', expectedVersion: 1, title: 'No.' }],
    ['retire', 'Contribution', { id: 'maarten-kooistra-2023-duv-licensing', expectedVersion: 1, reason: 'No.' }],
    ['create', 'Event', { kind: 'NETWORK_MEETING', title: 'X', startsAt: '2031-01-01T00:00:00Z', network: 'ckn' }],
    ['update', 'Event', { id: 'any-event', expectedVersion: 1, title: 'No.' }],
    ['retire', 'Event', { id: 'any-event', expectedVersion: 1, reason: 'No.' }],
  ];

  it('refuse officers and viewers every curation mutation', async () => {
    for (const as of ['officer', 'viewer', null] as const) {
      const codes = await Promise.all(samples.map(([verb, kind, input]) => mutate(verb, kind, input, as).then(codeOf)));
      expect(codes).toEqual(samples.map(() => 'FORBIDDEN'));
    }
  });

  it('let any secretariat create institutions and themes', async () => {
    const institution = await ok(
      'create',
      'Institution',
      { slug: `${P}-reka-made`, name: `Made ${P}`, nameNl: `Gemaakt ${P}`, kind: 'UNIVERSITY', country: 'FI' },
      REKA_SECRETARIAT,
    );
    expect(institution.version).toBe(1);
    const theme = await ok(
      'create',
      'Theme',
      { slug: `${P}-ckn-made`, name: `Made ${P}`, nameNl: `Gemaakt ${P}` },
      'secretariat',
    );
    expect(theme.version).toBe(1);
  });
});
