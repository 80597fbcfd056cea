// whoKnows says, to staff, where an expert's current affiliation is on a screening list (a confirmed flag a list
// still holds): a SCREENING reason without points, worded in English and Dutch. Past affiliations and delisted
// flags say nothing, and a viewer gets no such reason. The file creates its own experts (a word of their own).
import { beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../src/auth/tokens.js';
import { graphql } from './helpers/api.js';

const letters = (n: number) =>
  Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const WORD = `zqflag${letters(6)}`;
const officer: TokenClaims = { subject: `whoknows-flags-${WORD}`, name: 'Olga Officer', roles: ['officer'] };
const viewer: TokenClaims = { subject: `whoknows-flags-v-${WORD}`, name: 'Vera Viewer', roles: ['viewer'] };

interface Reason {
  kind: string;
  text: string;
  points: number;
}
interface Edge {
  score: number;
  node: { slug: string };
  reasons: Reason[];
}

async function createExpert(name: string, affiliations: Array<Record<string, unknown>>): Promise<string> {
  const answer = await graphql(
    `
      mutation ($input: CreateExpertInput!) {
        createExpert(input: $input) {
          slug
        }
      }
    `,
    {
      input: { name, networks: ['ckn'], headline: `Materials research (${WORD})`, affiliations },
    },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data.createExpert.slug;
}

async function whoKnows(as: TokenClaims, language: 'EN' | 'NL' = 'EN'): Promise<Map<string, Edge>> {
  const answer = await graphql(
    `
      query ($about: String!, $language: Language) {
        whoKnows(about: $about, first: 20, language: $language) {
          edges {
            score
            node {
              slug
            }
            reasons {
              kind
              text
              points
            }
          }
        }
      }
    `,
    { about: WORD, language },
    { as },
  );
  expect(answer.errors).toBeUndefined();
  return new Map(answer.data.whoKnows.edges.map((edge: Edge) => [edge.node.slug, edge]));
}

/** The name of the list Harbin's confirmed flag is on. */
async function harbinList(): Promise<string> {
  const answer = await graphql(`
    {
      institution(slug: "harbin-institute-of-technology") {
        screening {
          status
          list
          delistedOn
        }
      }
    }
  `);
  expect(answer.errors).toBeUndefined();
  const flags = answer.data.institution.screening.filter(
    (m: { status: string; delistedOn: string | null }) => m.status === 'CONFIRMED' && !m.delistedOn,
  );
  expect(flags).toHaveLength(1);
  return flags[0].list;
}

describe('whoKnows reasons for a flagged affiliation', () => {
  let atHarbin: string;
  let formerly: string;
  let delisted: string;
  let list: string;
  beforeAll(async () => {
    list = await harbinList();
    atHarbin = await createExpert(`Flag ${WORD} Harbin`, [
      { institution: 'harbin-institute-of-technology', role: 'Professor', since: '2019-01-01' },
    ]);
    formerly = await createExpert(`Flag ${WORD} Former`, [
      { institution: 'harbin-institute-of-technology', since: '2010-01-01', until: '2015-01-01' },
      { institution: 'tu-delft', since: '2015-01-01' },
    ]);
    // Tsinghua's flag was delisted by the tracker's second version.
    delisted = await createExpert(`Flag ${WORD} Delisted`, [{ institution: 'tsinghua-university' }]);
  });

  it('says to staff where the current affiliation is flagged, without points, in English and Dutch', async () => {
    const english = await whoKnows(officer);
    const harbin = english.get(atHarbin)!;
    const flags = harbin.reasons.filter((r) => r.kind === 'SCREENING');
    expect(flags).toEqual([
      {
        kind: 'SCREENING',
        text: `Works at Harbin Institute of Technology, listed in “${list}” (confirmed match).`,
        points: 0,
      },
    ]);
    // The score is still the sum of the reasons' points.
    expect(harbin.reasons.reduce((sum, r) => sum + r.points, 0)).toBeCloseTo(harbin.score, 5);
    for (const slug of [formerly, delisted])
      expect(english.get(slug)!.reasons.map((r) => r.kind)).not.toContain('SCREENING');

    const dutch = await whoKnows(officer, 'NL');
    expect(
      dutch
        .get(atHarbin)!
        .reasons.filter((r) => r.kind === 'SCREENING')
        .map((r) => r.text),
    ).toEqual([`Werkt bij Harbin Institute of Technology, vermeld in “${list}” (bevestigde match).`]);
  });

  it('gives a viewer no screening reason', async () => {
    const seen = await whoKnows(viewer);
    expect(seen.get(atHarbin)!.reasons.map((r) => r.kind)).not.toContain('SCREENING');
  });
});
