import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { connectTestDatabase, fixturePrefix, graphql, type GraphqlResponse } from './helpers/api.js';

/**
 * Every entry point that takes a network accepts it by slug, acronym or name (here LKV, the desk's own name for
 * itself) and refuses an unknown one with BAD_USER_INPUT listing the known ones (issue 20).
 */
const P = fixturePrefix('netnames');
let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
});

afterAll(async () => {
  await db.queries().write(
    `MATCH (n) WHERE (n:Inquiry AND n.question CONTAINS $p) OR (n:Event AND n.title CONTAINS $p)
        OR (n:Expert AND n.name CONTAINS $p)
     OPTIONAL MATCH (n)-[:HAS_STATUS_CHANGE]->(s)
     DETACH DELETE n, s`,
    { p: P },
  );
  await db.close();
});

/** Each entry point: an operation taking `$network` (a String) and the variables it needs beside it. */
const ENTRY_POINTS: Array<{ name: string; query: string; variables?: (network: string) => Record<string, unknown> }> = [
  {
    name: 'inquiries(filter.network)',
    query: 'query ($network: String) { inquiries(filter: { network: $network }, first: 1) { totalCount } }',
  },
  {
    name: 'inquiryStatistics(network)',
    query: 'query ($network: String) { inquiryStatistics(network: $network) { answered } }',
  },
  {
    name: 'networkStatistics(network)',
    query: 'query ($network: String) { networkStatistics(network: $network) { network { slug } } }',
  },
  {
    name: 'events(network)',
    query: 'query ($network: String) { events(network: $network, first: 1) { totalCount } }',
  },
  {
    name: 'coverage(network)',
    query:
      'query ($network: String) { coverage(network: $network, themes: ["geopolitics"], countries: ["CN"]) ' +
      '{ network { slug } } }',
  },
  {
    name: 'coverageCell(network)',
    query:
      'query ($network: String) { coverageCell(network: $network, theme: "geopolitics", country: "CN") ' +
      '{ __typename } }',
  },
  {
    name: 'recordInquiry(routedTo)',
    query: 'mutation ($input: RecordInquiryInput!) { recordInquiry(input: $input) { inquiry { routedTo { slug } } } }',
    variables: (network) => ({
      input: {
        kind: 'KNOWLEDGE_SECURITY',
        askedBy: 'tu-delft',
        question: `May we host a visiting researcher? ${P}`,
        routedTo: network,
      },
    }),
  },
  {
    name: 'createEvent(network)',
    query: 'mutation ($input: CreateEventInput!) { createEvent(input: $input) { organisedBy: network { slug } } }',
    variables: (network) => ({
      input: {
        kind: 'KNOWLEDGE_SESSION',
        title: `Knowledge security in practice ${P}`,
        startsAt: '2026-11-03T13:00:00Z',
        network,
      },
    }),
  },
  {
    name: 'createExpert(networks)',
    query: 'mutation ($input: CreateExpertInput!) { createExpert(input: $input) { networks { slug } } }',
    variables: (network) => ({ input: { name: `Vera Netwerk ${P}`, networks: [network] } }),
  },
];

const ask = (entry: (typeof ENTRY_POINTS)[number], network: string): Promise<GraphqlResponse> =>
  graphql(entry.query, entry.variables ? entry.variables(network) : { network });

describe.each(ENTRY_POINTS)('$name', (entry) => {
  it('accepts the desk by its acronym, LKV', async () => {
    const response = await ask(entry, 'LKV');
    expect(response.errors).toBeUndefined();
    expect(JSON.stringify(response.data)).not.toContain('"ckn"');
  });

  it('refuses XYZ with BAD_USER_INPUT, listing the known networks', async () => {
    const response = await ask(entry, 'XYZ');
    expect(response.errors).toHaveLength(1);
    const [error] = response.errors!;
    expect(error!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error!.message).toContain('"XYZ"');
    for (const known of ['LKV', 'CKN', 'REKA', 'knowledge-security-desk', 'ckn', 'reka', 'Loket Kennisveiligheid'])
      expect(error!.message).toContain(known);
  });
});

describe('a network named in different ways', () => {
  const count = async (network: string): Promise<number> => {
    const response = await graphql(
      'query ($network: String) { inquiries(filter: { network: $network }, first: 1) { totalCount } }',
      { network },
    );
    expect(response.errors).toBeUndefined();
    return response.data.inquiries.totalCount as number;
  };

  it('lists the same inquiries by slug, acronym, English, Dutch or other name, in any case', async () => {
    const desk = await count('knowledge-security-desk');
    expect(desk).toBeGreaterThan(0);
    for (const name of ['LKV', 'lkv', 'desk', 'Loket Kennisveiligheid', 'Rijksbreed loket kennisveiligheid'])
      expect(await count(name)).toBe(desk);
    const ckn = await count('ckn');
    expect(ckn).toBeGreaterThan(0);
    for (const name of ['CKN', 'China Knowledge Network', 'china kennisnetwerk']) expect(await count(name)).toBe(ckn);
  });

  it('routes a recorded inquiry to the network named, and says so', async () => {
    const response = await graphql(
      'mutation ($input: RecordInquiryInput!) { recordInquiry(input: $input) { inquiry { routedTo { slug } } } }',
      {
        input: {
          kind: 'EXPERTISE_REQUEST',
          askedBy: 'tu-delft',
          question: `Who knows Russian export rules? ${P}`,
          routedTo: 'Rusland & Oost-Europa Kennis Alliantie',
        },
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.recordInquiry.inquiry.routedTo.slug).toBe('reka');
  });

  it('shows the names a network goes by', async () => {
    const response = await graphql('{ networks(first: 10) { edges { node { slug acronym aliases } } } }');
    const desk = (
      response.data.networks.edges as Array<{ node: { slug: string; acronym: string; aliases: string[] } }>
    ).find((e) => e.node.slug === 'knowledge-security-desk');
    expect(desk?.node.acronym).toBe('LKV');
    expect(desk?.node.aliases).toContain('Rijksbreed loket kennisveiligheid');
  });
});
