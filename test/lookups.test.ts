import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { connectTestDatabase, fixturePrefix, graphql, walkPages, type GraphqlResponse } from './helpers/api.js';

/** Look-ups by slug beside node(id:), and the search for institutions by name (issue 20). */
const P = fixturePrefix('lookups');
let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
});

afterAll(async () => {
  await db.queries().write('MATCH (n:Event) WHERE n.title CONTAINS $p DETACH DELETE n', { p: P });
  await db.close();
});

describe('look-ups by slug', () => {
  it('inquiry(slug:) gives the inquiry node(id:) gives, to those who may see it; FORBIDDEN to others', async () => {
    const query = 'query ($slug: String!) { inquiry(slug: $slug) { id slug routedTo { slug } } }';
    const admin = await graphql(query, { slug: 'inq-2025-0003' });
    expect(admin.errors).toBeUndefined();
    expect(admin.data.inquiry.slug).toBe('inq-2025-0003');
    const byId = await graphql('query ($id: ID!) { node(id: $id) { ... on Inquiry { slug } } }', {
      id: admin.data.inquiry.id,
    });
    expect(byId.data.node.slug).toBe('inq-2025-0003');
    const reka = await graphql(
      query,
      { slug: 'inq-2025-0003' },
      { as: { subject: 'test-reka', name: 'REKA', roles: ['secretariat'], networks: ['reka'] } },
    );
    expect(admin.data.inquiry.routedTo.slug).toBe('ckn');
    expect(reka.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(reka.data?.inquiry ?? null).toBeNull();
  });

  it('expert(slug:) and institution(slug:) give the object with that slug', async () => {
    const response = await graphql(
      '{ expert(slug: "maarten-kooistra") { slug name } institution(slug: " tu-delft ") { slug acronym } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.expert.slug).toBe('maarten-kooistra');
    expect(response.data.institution).toEqual({ slug: 'tu-delft', acronym: 'TU Delft' });
  });

  it('event(slug:) gives an event by the slug it was created with', async () => {
    const created = await graphql(
      'mutation ($input: CreateEventInput!) { createEvent(input: $input) { id slug title } }',
      {
        input: {
          kind: 'NETWORK_MEETING',
          title: `Spring meeting ${P}`,
          startsAt: '2026-04-14T13:00:00Z',
          network: 'CKN',
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const { id, slug } = created.data.createEvent as { id: string; slug: string };
    const response = await graphql('query ($slug: String!) { event(slug: $slug) { id title } }', { slug });
    expect(response.errors).toBeUndefined();
    expect(response.data.event.id).toBe(id);
  });

  it('answers null, with no error, for a slug nothing has', async () => {
    const response = await graphql(
      '{ inquiry(slug: "inq-1999-none") { slug } expert(slug: "nobody-at-all") { slug } ' +
        'institution(slug: "no-such-institution") { slug } event(slug: "no-such-event") { slug } ' +
        'empty: institution(slug: "  ") { slug } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ inquiry: null, expert: null, institution: null, event: null, empty: null });
  });
});

describe('institutions(search:)', () => {
  const SEARCH = `query ($search: String, $first: Int, $after: String) {
    institutions(search: $search, first: $first, after: $after) {
      totalCount edges { node { slug name } } pageInfo { hasNextPage endCursor }
    }
  }`;
  const slugs = (response: GraphqlResponse) =>
    (response.data.institutions.edges as Array<{ node: { slug: string } }>).map((e) => e.node.slug);

  it.each([
    ['delft', 'tu-delft'],
    ['DELFT', 'tu-delft'],
    ['tu del', 'tu-delft'],
    ['TU-Delft', 'tu-delft'],
    ['Technische Universiteit', 'tu-delft'],
    ['universiteit delft', 'tu-delft'],
    ['instituut clingendael', 'clingendael'],
    ['RVO', 'rvo'],
  ])('"%s" finds %s (English or Dutch name, acronym, slug; parts of words)', async (search, slug) => {
    const response = await graphql(SEARCH, { search, first: 10 });
    expect(response.errors).toBeUndefined();
    expect(slugs(response)).toContain(slug);
    expect(response.data.institutions.totalCount).toBe(slugs(response).length);
  });

  it('finds only institutions holding every word', async () => {
    const response = await graphql(SEARCH, { search: 'delft clingendael', first: 10 });
    expect(response.errors).toBeUndefined();
    expect(response.data.institutions.totalCount).toBe(0);
  });

  it('pages through the matches by name, as the list without search does', async () => {
    const all = await graphql(SEARCH, { search: 'university', first: 100 });
    const total = all.data.institutions.totalCount as number;
    expect(total).toBeGreaterThan(3);
    const { items } = await walkPages(async (after) => {
      const response = await graphql(SEARCH, { search: 'university', first: 2, after });
      expect(response.errors).toBeUndefined();
      const page = response.data.institutions;
      return {
        items: slugs(response),
        totalCount: page.totalCount as number,
        next: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor as string) : null,
      };
    });
    expect(items).toEqual(slugs(all));
  });

  it.each([
    ['--', 'no letters or digits'],
    ['one two three four five six seven eight nine', 'the limit is 8'],
    ['x'.repeat(301), 'the limit is 300'],
  ])('refuses "%s" with BAD_USER_INPUT saying what to send', async (search, message) => {
    const response = await graphql(SEARCH, { search, first: 10 });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain(message);
  });

  it.each(['delft*', '"delft"', 'delft~', '(delft)'])('takes %s as plain words', async (search) => {
    const response = await graphql(SEARCH, { search, first: 10 });
    expect(response.errors).toBeUndefined();
    expect(slugs(response)).toEqual(['tu-delft']);
  });
});
