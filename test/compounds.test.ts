import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { interpretQuestion } from '../src/names/service.js';
import { nameKeys } from '../src/text.js';
import { connectTestDatabase, fixturePrefix, graphql, type Edge, type UntypedData } from './helpers/api.js';

/**
 * Dutch compounds in full-text search: a compound finds texts about its parts and a part finds texts with
 * the compound, in profiles, contributions and inquiries, written through the API (every write path stores
 * the compound parts in `searchTerms`).
 */
const P = fixturePrefix('compounds');
const NAME = `Compound ${P}`;

let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
});

afterAll(async () => {
  await db.queries().write(
    `MATCH (n) WHERE n.id STARTS WITH $p OR (n:Expert AND n.name STARTS WITH $name)
     OR (n:Inquiry AND n.question CONTAINS $p) OR (n:Contribution AND n.title CONTAINS $p)
     OPTIONAL MATCH (n)-[:HAS_STATUS_CHANGE]->(s)
     OPTIONAL MATCH (c:Change {subjectId: n.id})
     DETACH DELETE n, s, c`,
    { name: NAME, p: P },
  );
  await db.close();
});

async function ok<T = UntypedData>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await graphql(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

const createExpert = (input: Record<string, unknown>) =>
  ok<{ createExpert: { slug: string } }>(
    `mutation ($input: CreateExpertInput!) { createExpert(input: $input) { slug } }`,
    {
      input: { networks: ['ckn'], ...input },
    },
  ).then((d) => d.createExpert.slug);

async function whoKnows(about: string): Promise<string[]> {
  const data = await ok(`query ($about: String!) { whoKnows(about: $about, first: 100) { edges { node { slug } } } }`, {
    about,
  });
  return data.whoKnows.edges.map((e: Edge) => e.node.slug);
}

async function similar(question: string): Promise<string[]> {
  const data = await ok(`query ($q: String!) { similarInquiries(question: $q, first: 100) { inquiry { slug } } }`, {
    q: question,
  });
  return data.similarInquiries.map((s: { inquiry: { slug: string } }) => s.inquiry.slug);
}

async function recordInquiry(question: string): Promise<string> {
  const data = await ok(
    `mutation ($input: RecordInquiryInput!) { recordInquiry(input: $input) { inquiry { slug } } }`,
    {
      input: { kind: 'EXPERTISE_REQUEST', routedTo: 'ckn', askedBy: 'min-bz', question },
    },
  );
  return data.recordInquiry.inquiry.slug;
}

describe('Dutch compounds in whoKnows full text', () => {
  let compound: string;
  let part: string;
  beforeAll(async () => {
    compound = await createExpert({ name: `${NAME} Compound`, bioNl: `Onderzoekt havenkranen in Rotterdam (${P}).` });
    part = await createExpert({ name: `${NAME} Part`, headlineNl: `Kranen en hijswerktuigen (${P})` });
  });

  it('finds a profile with "havenkranen" by "kranen", and one with "kranen" by "havenkranen"', async () => {
    expect(await whoKnows('kranen')).toEqual(expect.arrayContaining([compound, part]));
    expect(await whoKnows('havenkranen')).toEqual(expect.arrayContaining([compound, part]));
  });

  it('splits the compounds of an updated profile and of a contribution', async () => {
    const updated = await createExpert({ name: `${NAME} Updated`, bioNl: `Nog niets (${P}).` });
    // Not a theme's name: searched as text, split into "halfgeleider" and "bedrijven".
    expect(await whoKnows('halfgeleiderbedrijven')).not.toContain(updated);
    await ok(`mutation ($input: UpdateExpertInput!) { updateExpert(input: $input) { slug } }`, {
      input: { id: updated, expectedVersion: 1, bioNl: `Schrijft over de halfgeleiderindustrie (${P}).` },
    });
    expect(await whoKnows('halfgeleiderbedrijven')).toContain(updated);

    const author = await createExpert({ name: `${NAME} Author` });
    await ok(`mutation ($input: CreateContributionInput!) { createContribution(input: $input) { slug } }`, {
      input: {
        kind: 'PUBLICATION',
        title: `Sanctieomzeiling via derde landen ${P}`,
        date: '2026-01-15',
        authors: [author],
      },
    });
    // "omzeiling van sancties" names the theme Sanctions evasion; one word of it is searched as text.
    expect(await whoKnows('omzeiling')).toContain(author);
  });
});

describe('Dutch compounds in similar inquiries', () => {
  it(
    'finds an inquiry about "sanctieomzeiling" by "omzeiling ' +
      'van sancties", and one about "kranen" by "havenkranen"',
    async () => {
      const evasion = await recordInquiry(`Wie kent de sanctieomzeiling via Kazachstan? (${P})`);
      const cranes = await recordInquiry(`Welke risico's hebben Chinese kranen in onze havens? (${P})`);
      expect(await similar('omzeiling van sancties')).toContain(evasion);
      expect(await similar('havenkranen')).toContain(cranes);
    },
  );
});

describe('interpretQuestion against the graph', () => {
  it('recognises the names the graph holds, also a theme written a moment ago', async () => {
    const first = await interpretQuestion(db.queries(), 'Chinese havenkranen en sanctieomzeiling in Centraal-Azië');
    expect(first.places.map((p) => p.region?.id ?? p.countries[0]!.id)).toEqual(['CN', 'central-asia']);
    expect(first.themes.map((t) => t.id)).toEqual(['sanctions-evasion']);
    expect(first.remainingText).toBe('havenkranen');

    const theme = `${P}-port-cranes`;
    await db.queries().write('CREATE (:Theme {id: $theme, name: $name, nameNl: $nameNl, aliases: [], keys: $keys})', {
      theme,
      name: `Port cranes ${P}`,
      nameNl: `Havenkranen ${P}`,
      keys: nameKeys(theme),
    });
    const second = await interpretQuestion(db.queries(), `Who knows about port cranes ${P} in China?`);
    expect(second.themes.map((t) => t.id)).toEqual([theme]);
    expect(second.places.map((p) => p.countries[0]!.id)).toEqual(['CN']);
  });
});
