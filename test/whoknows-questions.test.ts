import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { connectTestDatabase, fixturePrefix, graphql, type Edge } from './helpers/api.js';

/**
 * One ranking for every kind of question: themes and countries named inside free text (English and Dutch)
 * are read as such, the other words are text evidence, and pure free text searches answered inquiries too.
 * On the seed graph, plus one expert whose only trace of the words is an inquiry they answered.
 */
const P = fixturePrefix('questions');
const answerer = `${P}-answerer`;
const RARE = 'hovercraftmuseum';

let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
  await db.queries().writeTransaction((run) =>
    run(
      `MATCH (desk:Network {id: 'knowledge-security-desk'}), (cn:Country {id: 'CN'})
       CREATE (e:Expert {id: $answerer, name: 'Answerer ' + $p, headline: 'Maritime logistics'})
       CREATE (q:Inquiry {id: $p + '-q', kind: 'EXPERTISE_REQUEST',
                          question: 'May we lend exhibits to a museum in Shanghai?',
                          answerSummary: 'Yes: the ' + $rare + ' loan raises no knowledge security concern.',
                            status: 'ANSWERED',
                          visibility: 'SHAREABLE', receivedAt: datetime('2025-05-01T09:00:00Z'), version: 1})
       CREATE (q)-[:CONSULTED {outcome: 'ANSWERED'}]->(e), (q)-[:ROUTED_TO]->(desk), (q)-[:CONCERNS]->(cn)`,
      { p: P, answerer, rare: RARE },
    ),
  );
});

afterAll(async () => {
  await db.queries().write('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P });
  await db.close();
});

const ASK = `query ($about: String!, $country: String) {
  whoKnows(about: $about, country: $country, first: 10) {
    matchedBy searchedText totalCount
    theme { slug } themes { slug } countries { code } region { slug }
    edges { score node { slug } reasons { kind points text inquiries { slug } } }
  }
}`;

async function ask(about: string, country?: string) {
  const response = await graphql(ASK, { about, country });
  expect(response.errors).toBeUndefined();
  return response.data.whoKnows;
}

const slugs = (list: Array<{ slug?: string; code?: string }>) => list.map((x) => x.slug ?? x.code).sort();

describe('whoKnows reads themes and countries named in free text', () => {
  it('ranks "kennisveiligheid Rusland" as the theme Knowledge security in Russia', async () => {
    const result = await ask('kennisveiligheid Rusland');
    expect(result.matchedBy).toBe('THEME');
    expect(slugs(result.themes)).toEqual(['knowledge-security']);
    expect(result.theme.slug).toBe('knowledge-security');
    expect(slugs(result.countries)).toEqual(['RU']);
    expect(result.searchedText).toBeNull();
    expect(result.totalCount).toBeGreaterThan(0);
    // The same question asked with the theme and country given apart ranks the same.
    const ranked = (page: { edges: Array<Edge & { score: number }> }) => page.edges.map((e) => [e.node.slug, e.score]);
    expect(ranked(result)).toEqual(ranked(await ask('knowledge security', 'Russia')));
  });

  it('reads English themes and countries, inflected, and searches the other words as text evidence', async () => {
    const result = await ask('Chinese export controls on semiconductors for lithography suppliers');
    expect(['THEME', 'THEME_AND_TEXT']).toContain(result.matchedBy);
    expect(slugs(result.themes)).toEqual(expect.arrayContaining(['export-controls', 'semiconductors']));
    expect(slugs(result.countries)).toEqual(['CN']);
    for (const edge of result.edges) {
      const sum = edge.reasons.reduce((total: number, r: { points: number }) => total + r.points, 0);
      expect(sum).toBeCloseTo(edge.score, 2);
    }
  });

  it('adds the words beside a theme as text evidence (THEME_AND_TEXT)', async () => {
    const result = await ask('halfgeleiders Taiwan fabrieken');
    expect(result.matchedBy).toBe('THEME_AND_TEXT');
    expect(slugs(result.themes)).toEqual(['semiconductors']);
    expect(slugs(result.countries)).toEqual(['TW']);
    expect(result.searchedText).toContain('fabrieken');
  });

  it('lets an explicit country win over one named in the text', async () => {
    const result = await ask('kennisveiligheid Rusland', 'China');
    expect(slugs(result.countries)).toEqual(['CN']);
    expect(slugs(result.themes)).toEqual(['knowledge-security']);
  });

  it('reads a place named in the text as where, and searches the rest: "Chinese port cranes"', async () => {
    const result = await ask('Chinese port cranes');
    expect(slugs(result.countries)).toEqual(['CN']);
    expect(result.matchedBy).toBe('FULL_TEXT');
    expect(result.searchedText).toMatch(/port cranes/);
  });
});

describe('whoKnows on pure free text', () => {
  it('finds an expert through the answer of an inquiry they answered, and says which', async () => {
    const result = await ask(RARE);
    expect(result.matchedBy).toBe('FULL_TEXT');
    expect(result.themes).toEqual([]);
    const edge = result.edges.find((e: Edge) => e.node.slug === answerer);
    expect(edge).toBeDefined();
    const inquiries = edge.reasons.find((r: { kind: string }) => r.kind === 'INQUIRIES');
    expect(inquiries.text).toBe(`Answered 1 earlier inquiry matching “${RARE}”.`);
    expect(inquiries.inquiries).toEqual([{ slug: `${P}-q` }]);
  });
});
