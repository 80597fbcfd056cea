import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { connectTestDatabase, fixturePrefix, graphql, type Edge, type GraphqlResponse } from './helpers/api.js';
import { ndcgAt } from './helpers/ndcg.js';
import { loadRankingFixture, type RankingGraph } from './helpers/ranking-fixture.js';

/**
 * Ranking quality: a graded set (test/fixtures/ranking-quality/: an invented graph of experts on the seed's
 * themes and countries, and questions in English and Dutch with each expert's relevance judged by hand) is
 * loaded beside the seed, each question asked through the API, and nDCG@10 computed over the fixture's
 * experts in the order ranked (the seed's experts are left out of the list: their relevance is not graded).
 * A change that makes the ranking worse brings a language's mean under its floor. RANKING_REPORT=1 prints
 * each question's nDCG and the top of its ranking.
 */
const fixture = (file: string) =>
  JSON.parse(readFileSync(new URL(`fixtures/ranking-quality/${file}`, import.meta.url), 'utf8'));
/** An expert of the fixture's graph, as far as the count of what it links to goes. */
interface FixtureExpert {
  expertise: unknown[];
  focus: unknown[];
  contributions: Array<{ themes: unknown[] }>;
  answered: Array<{ themes: unknown[] }>;
}
const graph = fixture('graph.json') as Omit<RankingGraph, 'experts'> & { experts: FixtureExpert[] };
const { floor, questions } = fixture('questions.json') as {
  floor: Record<'en' | 'nl', number>;
  questions: Array<{ lang: 'en' | 'nl'; about: string; country?: string; grades: Record<string, number> }>;
};

const P = fixturePrefix('quality');
const K = 10;
let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
  const counts = await loadRankingFixture(db.queries(), P, graph);
  // Every theme and country the fixture names exists in the seed: nothing was silently left out.
  const expected = (pick: (x: FixtureExpert) => unknown[]) => graph.experts.reduce((sum, x) => sum + pick(x).length, 0);
  expect(counts).toEqual({
    levels: expected((x) => x.expertise),
    focus: expected((x) => x.focus),
    contributionThemes: expected((x) => x.contributions.flatMap((c) => c.themes)),
    inquiryThemes: expected((x) => x.answered.flatMap((a) => a.themes)),
  });
}, 120_000);

afterAll(async () => {
  await db.queries().write('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P });
  await db.close();
});

const RANKING = `query ($about: String!, $country: String, $after: String) {
  whoKnows(about: $about, country: $country, first: 100, after: $after) {
    matchedBy edges { node { slug } } pageInfo { hasNextPage endCursor }
  }
}`;

/** The fixture's experts in the order whoKnows ranks them (every page read), ids without the prefix. */
async function ranking(about: string, country?: string): Promise<{ matchedBy: string; ids: string[] }> {
  const ids: string[] = [];
  let after: string | null = null;
  let matchedBy: string;
  do {
    const response: GraphqlResponse = await graphql(RANKING, { about, country, after });
    expect(response.errors).toBeUndefined();
    const page = response.data.whoKnows;
    matchedBy = page.matchedBy;
    ids.push(
      ...page.edges
        .map((e: Edge) => e.node.slug)
        .filter((slug: string) => slug.startsWith(`${P}-`))
        .map((slug: string) => slug.slice(P.length + 1)),
    );
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  return { matchedBy, ids };
}

describe('whoKnows ranking quality on a graded set', () => {
  for (const lang of ['en', 'nl'] as const) {
    it(
      `reaches a mean nDCG@${K} of at least ${floor[lang]} on ` +
        `the ${lang === 'en' ? 'English' : 'Dutch'} questions`,
      async () => {
        const scores: number[] = [];
        for (const question of questions.filter((q) => q.lang === lang)) {
          const { matchedBy, ids } = await ranking(question.about, question.country);
          const score = ndcgAt(K, ids, question.grades);
          scores.push(score);
          if (process.env.RANKING_REPORT) {
            const top = ids
              .slice(0, 6)
              .map((id) => `${id}(${question.grades[id] ?? 0})`)
              .join(' ');
            console.log(
              `${score.toFixed(3)} ${lang} ` +
                `"${question.about}"${question.country ? ` in ${question.country}` : ''} [${matchedBy}]: ${top}`,
            );
          }
        }
        const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
        if (process.env.RANKING_REPORT) console.log(`mean nDCG@${K} ${lang}: ${mean.toFixed(4)}`);
        expect(mean).toBeGreaterThanOrEqual(floor[lang]);
      },
      600_000,
    );
  }
});
