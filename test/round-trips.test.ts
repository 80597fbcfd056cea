import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { standingsAreFresh } from '../src/whoknows/standings/keeper.js';
import { systemViewer } from '../src/auth/viewer.js';
import { createTheme } from '../src/themes/service.js';
import { connectTestDatabase, type Edge, fixturePrefix, graphql, type GraphqlResponse } from './helpers/api.js';

/**
 * A page of whoKnows costs the same few Neo4j round trips whatever it selects and however long it is:
 * name resolution, the ranking, and one query for all relations of the page's experts (issue 12).
 * Counted by the server itself (QUERY_STATS=1 in the test app: `extensions.queryStats.roundTrips`).
 */
const EXPERT_WITH_EVERY_RELATION = `
  id slug name headline headlineNl bio bioNl languages email phone contactConsent version retired retiredAt
    retiredReason
  affiliations { role since until current institution { id slug name acronym kind city country { id code name } } }
  networks { id slug acronym name kind }
  expertise { level provenance theme { id slug name } }
  countryFocus { level provenance country { id code name } }
  contributions(first: 3) { id slug kind title summary date url }
  events(first: 3) { id slug title kind startsAt online }`;

const WHO_KNOWS = `query ($about: String!, $country: String, $first: Int, $after: String) {
  whoKnows(about: $about, country: $country, first: $first, after: $after) {
    totalCount matchedBy
    edges { cursor score reasons { text kind points } node { ${EXPERT_WITH_EVERY_RELATION} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * `most`: 3 for every kind of question. Free text reads the stored standings too, and its name vocabulary,
 * when themes or institutions changed (in this process or another), comes along with the name resolution.
 */
const QUESTIONS: Array<{ name: string; about: string; country?: string; matchedBy: string; most: number }> = [
  { name: 'a broad theme', about: 'technology', matchedBy: 'THEME', most: 3 },
  { name: 'a theme in a country', about: 'technology', country: 'CN', matchedBy: 'THEME', most: 3 },
  { name: 'a theme in a region', about: 'technology', country: 'East Asia', matchedBy: 'THEME', most: 3 },
  { name: 'a theme with words beside it', about: 'supply chains of port cranes', matchedBy: 'THEME_AND_TEXT', most: 3 },
  {
    name: 'a theme with words beside it in a country',
    about: 'supply chains of port cranes',
    country: 'CN',
    matchedBy: 'THEME_AND_TEXT',
    most: 3,
  },
  // Two themes: the threshold read must be exact in its first read, also for a page of 5.
  { name: 'two themes', about: 'export controls on chips', matchedBy: 'THEME', most: 3 },
  { name: 'free text', about: 'analyst economist scholar', matchedBy: 'FULL_TEXT', most: 3 },
  {
    name: 'free text in a region',
    about: 'analyst economist scholar',
    country: 'East Asia',
    matchedBy: 'FULL_TEXT',
    most: 3,
  },
];

let db: Database;
beforeAll(async () => {
  db = await connectTestDatabase();
});

/**
 * The count here is of the maintained path: a read that finds the standings stale ranks from scratch after
 * finding out (one more query). This file's graph is the seed and its own audited writes, so they are fresh.
 */
async function onFreshStandings(send: () => Promise<GraphqlResponse>): Promise<GraphqlResponse> {
  expect(await standingsAreFresh(db.queries())).toBe(true);
  return send();
}

/** An expert on a page, with every relation, as far as the comparison with the graph reads it. */
interface PageExpert {
  slug: string;
  affiliations: Array<{ institution: { country: unknown } }>;
  networks: unknown[];
  expertise: unknown[];
  countryFocus: unknown[];
  contributions: Array<{ date: string }>;
  events: unknown[];
}

/** What the page says of each expert's relations agrees with the graph. */
async function expectRelationsAsStored(experts: PageExpert[]): Promise<void> {
  const stored = await db.queries().read<Record<string, number> & { id: string }>(
    `UNWIND $ids AS id MATCH (e:Expert {id: id})
     RETURN id, COUNT { (e)-[:AFFILIATED_WITH]->(:Institution) } AS affiliations,
            COUNT { (e)-[:MEMBER_OF]->(:Network) } AS networks,
            COUNT { (e)-[:EXPERT_IN]->(:Theme) } AS expertise, COUNT { (e)-[:FOCUSES_ON]->(:Country) } AS countryFocus,
            COUNT { MATCH (e)<-[:BY]-(k:Contribution) WHERE k.retiredAt IS NULL } AS contributions,
            COUNT { MATCH (e)<-[:FEATURED]-(v:Event) WHERE v.retiredAt IS NULL } AS events`,
    { ids: experts.map((expert) => expert.slug) },
  );
  expect(stored.length).toBe(experts.length);
  for (const expert of experts) {
    const counts = stored.find((row) => row.id === expert.slug)!;
    for (const relation of ['affiliations', 'networks', 'expertise', 'countryFocus'] as const)
      expect(expert[relation].length).toBe(counts[relation]);
    expect(expert.contributions.length).toBe(Math.min(3, counts.contributions!));
    expect(expert.events.length).toBe(Math.min(3, counts.events!));
    const dates = expert.contributions.map((k) => k.date);
    expect(dates).toEqual([...dates].sort().reverse());
  }
  expect(experts.some((expert) => expert.affiliations.some((a) => a.institution.country !== null))).toBe(true);
  expect(experts.some((expert) => expert.contributions.length > 0)).toBe(true);
}

/** A page, and what it says of its experts' relations against the graph. */
async function expectPageAsStored(
  send: () => Promise<GraphqlResponse>,
  experts: (response: GraphqlResponse) => PageExpert[],
): Promise<GraphqlResponse> {
  const response = await send();
  expect(response.errors).toBeUndefined();
  await expectRelationsAsStored(experts(response));
  return response;
}

const roundTrips = (response: { extensions?: { queryStats?: { roundTrips: number } } }) =>
  response.extensions?.queryStats?.roundTrips;

describe('round trips of a whoKnows page with every relation of Expert selected', { timeout: 240_000 }, () => {
  for (const question of QUESTIONS) {
    it(`are at most ${question.most} for ${question.name}, whether 5 or 20 experts`, async () => {
      const variables = { about: question.about, country: question.country ?? null };
      const twenty = await expectPageAsStored(
        () => onFreshStandings(() => graphql(WHO_KNOWS, { ...variables, first: 20 })),
        (response) => response.data.whoKnows.edges.map((edge: { node: unknown }) => edge.node),
      );
      const page = twenty.data.whoKnows;
      expect(page.matchedBy).toBe(question.matchedBy);
      expect(page.edges.length).toBe(Math.min(20, page.totalCount));
      expect(page.edges.length).toBeGreaterThan(5);
      expect(roundTrips(twenty)).toBeLessThanOrEqual(question.most);

      const five = await onFreshStandings(() => graphql(WHO_KNOWS, { ...variables, first: 5 }));
      expect(five.errors).toBeUndefined();
      expect(roundTrips(five)).toBeLessThanOrEqual(question.most);
      const next = await onFreshStandings(() =>
        graphql(WHO_KNOWS, { ...variables, first: 5, after: five.data.whoKnows.pageInfo.endCursor }),
      );
      expect(next.errors).toBeUndefined();
      expect(roundTrips(next)).toBeLessThanOrEqual(question.most);
    });
  }
});

describe('round trips of other pages of experts', { timeout: 240_000 }, () => {
  it('free text after another process adds a theme: the new name is read at once, in no more round trips', async () => {
    const slug = fixturePrefix('round-trips-theme');
    // Written by this test process, not the server: the server learns of it from the graph alone.
    await createTheme(db.queries(), systemViewer('test', 'Round trips test'), {
      slug,
      name: `Quasarology ${slug.slice(-6)}`,
      nameNl: `Quasarologie ${slug.slice(-6)}`,
    });
    const response = await onFreshStandings(() =>
      graphql(
        `
          query ($about: String!) {
            whoKnows(about: $about, first: 5) {
              matchedBy
              themes {
                slug
              }
            }
          }
        `,
        { about: `quasarology ${slug.slice(-6)} analyst` },
      ),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.whoKnows.themes.map((t: { slug: string }) => t.slug)).toEqual([slug]);
    expect(roundTrips(response)).toBeLessThanOrEqual(3);
  });

  it('whoKnows asked by an officer, whose contact details depend on the networks: still at most 3', async () => {
    for (const first of [5, 20]) {
      const response = await onFreshStandings(() =>
        graphql(WHO_KNOWS, { about: 'technology', first }, { as: 'officer' }),
      );
      expect(response.data.whoKnows.edges.length).toBe(first);
      expect(roundTrips(response)).toBeLessThanOrEqual(3);
    }
  });

  it('experts(first:) with every relation: the page and one query for its relations, whatever its size', async () => {
    const query =
      'query ($first: Int) { experts(first: $first) { totalCount ' +
      `edges { node { ${EXPERT_WITH_EVERY_RELATION} } } } }`;
    const counts: Array<number | undefined> = [];
    for (const first of [5, 20]) {
      const response = await expectPageAsStored(
        () => graphql(query, { first }),
        (page) => page.data.experts.edges.map((edge: { node: unknown }) => edge.node),
      );
      counts.push(roundTrips(response));
    }
    expect(counts).toEqual([2, 2]);
  });

  it('node(id:) of an expert with every relation: the expert and one query for its relations', async () => {
    // A seed expert with contributions, not a fixture ("fx-…"), which may have few relations.
    const listed = await graphql(
      '{ experts(first: 50) { edges { node { id slug contributions(first: 1) { id } } } } }',
    );
    const seeded = listed.data.experts.edges.find(
      (edge: Edge<{ slug: string; contributions: unknown[] }>) =>
        !edge.node.slug.startsWith('fx-') && edge.node.contributions.length > 0,
    );
    const response = await expectPageAsStored(
      () =>
        graphql(`query ($id: ID!) { node(id: $id) { ... on Expert { ${EXPERT_WITH_EVERY_RELATION} } } }`, {
          id: seeded.node.id,
        }),
      (page) => [page.data.node],
    );
    expect(roundTrips(response)).toBe(2);
  });
});
