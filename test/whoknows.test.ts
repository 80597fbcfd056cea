import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { nameKeys } from '../src/text.js';
import { connectTestDatabase, fixturePrefix, graphql, walkPages, type Edge } from './helpers/api.js';

/**
 * A small graph whose right answers are worked out by hand (src/whoknows/scoring.ts: 2 points per level in
 * the exact theme, 1.5 in a narrower one, times the confidence in the level: a declared level 0.55, +0.1 per
 * contribution on the theme; per focus level 0.5 if declared, +0.1 per contribution concerning the country;
 * 0.5 per contribution concerning the country; 1.5 per contribution on the theme, in the country when asked):
 *
 *   expert  declared                 focus         contributions           score for FI              without country
 *   alpha   photonics 5              FI 5          2 on photonics in FI    7.5+3.5+1+3 = 15          7.5+3 = 10.5
 *   bravo   photonics 5              FI 2          -                       5.5+1 = 6.5               5.5
 *   charlie lasers 5 (narrower)      FI 5          -                       4.13+2.5 = 6.63           4.13
 *   delta   photonics 3 (works in FI) SE 4        -                       (nothing on FI)           3.3
 *   echo    -                        FI 1          1 on lasers in FI       0+0.6+0.5+1.5 = 2.6       1.5
 *   foxtrot photonics 4              EE 4          -                       (nothing on FI)           4.4
 */
const P = fixturePrefix('whoknows');
const theme = `${P}-photonics`;
const themeName = `Photonics ${P}`;
const names = {
  alpha: `Alpha ${P}`,
  bravo: `Bravo ${P}`,
  charlie: `Charlie ${P}`,
  delta: `Delta ${P}`,
  echo: `Echo ${P}`,
  foxtrot: `Foxtrot ${P}`,
};

let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
  await db.queries().writeTransaction(async (run) => {
    await run(
      `CREATE (t:Theme {id: $theme, name: $themeName, nameNl: $themeNameNl, aliases: [$alias], keys: $themeKeys})
       CREATE (n:Theme {id: $theme + '-lasers', name: 'Lasers ' + $p, nameNl: 'Lasers ' + $p, aliases: [],
         keys: [$theme + ' lasers']})
       CREATE (n)-[:BROADER]->(t)
       CREATE (i:Institution {id: $p + '-aalto', name: 'Aalto ' + $p, nameNl: 'Aalto ' + $p, kind: 'UNIVERSITY'})
       WITH t, n, i
       MATCH (fi:Country {id: 'FI'}), (se:Country {id: 'SE'}), (ee:Country {id: 'EE'})
       MERGE (i)-[:LOCATED_IN]->(fi)
       CREATE (a:Expert {id: $p + '-alpha', name: $names.alpha}), (a)-[:EXPERT_IN {level: 5}]->(t),
         (a)-[:FOCUSES_ON {level: 5}]->(fi)
       CREATE (b:Expert {id: $p + '-bravo', name: $names.bravo}), (b)-[:EXPERT_IN {level: 5}]->(t),
         (b)-[:FOCUSES_ON {level: 2}]->(fi)
       CREATE (c:Expert {id: $p + '-charlie', name: $names.charlie}), (c)-[:EXPERT_IN {level: 5}]->(n),
         (c)-[:FOCUSES_ON {level: 5}]->(fi)
       CREATE (d:Expert {id: $p + '-delta', name: $names.delta}), (d)-[:EXPERT_IN {level: 3}]->(t),
              (d)-[:FOCUSES_ON {level: 4}]->(se),
              (d)-[:AFFILIATED_WITH {role: 'Professor'}]->(i)
       CREATE (e:Expert {id: $p + '-echo', name: $names.echo}), (e)-[:FOCUSES_ON {level: 1}]->(fi)
       CREATE (f:Expert {id: $p + '-foxtrot', name: $names.foxtrot}), (f)-[:EXPERT_IN {level: 4}]->(t),
         (f)-[:FOCUSES_ON {level: 4}]->(ee)
       CREATE (k1:Contribution {id: $p + '-k1', kind: 'PUBLICATION', title: 'Finnish photonics one',
              date: date('2024-01-01')}),
              (k1)-[:BY]->(a), (k1)-[:ABOUT]->(t), (k1)-[:CONCERNS]->(fi)
       CREATE (k2:Contribution {id: $p + '-k2', kind: 'TALK', title: 'Finnish photonics two',
              date: date('2025-01-01')}),
              (k2)-[:BY]->(a), (k2)-[:ABOUT]->(t), (k2)-[:CONCERNS]->(fi)
       CREATE (k3:Contribution {id: $p + '-k3', kind: 'BRIEFING', title: 'Lasers in Finland',
              date: date('2025-02-01')}),
              (k3)-[:BY]->(e), (k3)-[:ABOUT]->(n), (k3)-[:CONCERNS]->(fi)`,
      {
        p: P,
        theme,
        themeName,
        themeNameNl: `Fotonica ${P}`,
        alias: `Lichttechniek ${P}`,
        themeKeys: nameKeys(theme, themeName, `Fotonica ${P}`, `Lichttechniek ${P}`),
        names,
      },
    );
  });
});

afterAll(async () => {
  await db.queries().write('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P });
  await db.close();
});

const WHO_KNOWS = `query ($about: String!, $country: String, $first: Int, $after: String, $language: Language) {
  whoKnows(about: $about, country: $country, first: $first, after: $after, language: $language) {
    totalCount matchedBy theme { slug } themes { slug } countries { code } region { slug }
    edges { cursor score reasons { text kind points } node { slug name } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

async function ask(variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await graphql(WHO_KNOWS, variables, { headers });
  expect(response.errors).toBeUndefined();
  return response.data.whoKnows;
}

const ranking = (result: { edges: Array<Edge<{ name: string }> & { score: number }> }) =>
  result.edges.map((e) => [e.node.name, e.score]);

describe('whoKnows ranking on a known fixture', () => {
  it('ranks by declared level, focus and evidence when a country is asked', async () => {
    const result = await ask({ about: themeName, country: 'FI' });
    expect(ranking(result)).toEqual([
      [names.alpha, 15],
      [names.charlie, 6.63],
      [names.bravo, 6.5],
      [names.echo, 2.6],
    ]);
    expect(result.totalCount).toBe(4);
    expect(result.matchedBy).toBe('THEME');
    expect(result.theme.slug).toBe(theme);
  });

  it('ranks the exact theme above a narrower one at the same level', async () => {
    const result = await ask({ about: themeName });
    expect(ranking(result)).toEqual([
      [names.alpha, 10.5],
      [names.bravo, 5.5],
      [names.foxtrot, 4.4],
      [names.charlie, 4.13],
      [names.delta, 3.3],
      [names.echo, 1.5],
    ]);
  });

  it('matches focus on a country, not the country of the institution', async () => {
    const finland = await ask({ about: themeName, country: 'Finland' });
    expect(finland.edges.map((e: Edge<{ name: string }>) => e.node.name)).not.toContain(names.delta);
    const sweden = await ask({ about: themeName, country: 'Zweden' });
    expect(sweden.edges.map((e: Edge<{ name: string }>) => e.node.name)).toEqual([names.delta]);
  });

  it('explains every score with reasons whose points add up to it', async () => {
    const result = await ask({ about: themeName, country: 'FI' });
    for (const edge of result.edges) {
      const sum = edge.reasons.reduce((total: number, r: { points: number }) => total + r.points, 0);
      expect(sum).toBeCloseTo(edge.score, 5);
    }
    const alpha = result.edges[0].reasons.map((r: { text: string }) => r.text);
    expect(alpha).toContain(
      `Expertise level 5 of 5 in ${themeName}, declared by the expert and borne out by 2 contributions on it.`,
    );
    expect(alpha).toContain(
      'Focuses on Finland at level 5 of 5, declared by the expert and borne out by work concerning it.',
    );
    expect(alpha).toContain('2 contributions concerning Finland.');
    expect(alpha.join(' ')).toMatch(/2 contributions on .* concerning Finland, e\.g\. “Finnish photonics two”\./);
    const charlie = result.edges[1].reasons.map((r: { text: string }) => r.text);
    expect(charlie[0]).toBe(
      `Expertise level 5 of 5 in Lasers ${P}, a narrower theme of ${themeName}, ` +
        'declared by the expert, with no work on it to show yet, so it counts for less.',
    );
    const echo = result.edges[3].reasons.map((r: { kind: string }) => r.kind);
    expect(echo).toEqual(['THEME', 'COUNTRY_FOCUS', 'COUNTRY_EVIDENCE', 'EVIDENCE']);
  });

  it('words the reasons in the language asked, else in the one Accept-Language prefers, with Dutch names', async () => {
    const texts = (result: { edges: Array<{ reasons: Array<{ text: string }> }> }) =>
      result.edges.flatMap((e) => e.reasons.map((r) => r.text));
    const english = await ask({ about: themeName, country: 'Baltic states' });
    const dutch = await ask({ about: themeName, country: 'Baltic states', language: 'NL' });
    expect(texts(dutch)).toEqual([
      `Expertiseniveau 4 van 5 in Fotonica ${P}, opgegeven door de expert zelf, nog zonder werk hierover dat het ` +
        'staaft, dus het telt minder zwaar.',
      'Richt zich op Estland (in Baltische staten) op niveau 4 van 5, opgegeven door de expert zelf, nog niet ' +
        'gestaafd door werk over dit land.',
    ]);
    // The same reasons, the same points: only the words differ.
    const points = (result: { edges: Array<{ reasons: Array<{ points: number }> }> }) =>
      result.edges.map((e) => e.reasons.map((r) => r.points));
    expect(points(dutch)).toEqual(points(english));
    const preferred = await ask(
      { about: themeName, country: 'Baltic states' },
      { 'accept-language': 'nl-NL,nl;q=0.9' },
    );
    expect(texts(preferred)).toEqual(texts(dutch));
    const asked = await ask(
      { about: themeName, country: 'Baltic states', language: 'EN' },
      { 'accept-language': 'nl-NL,nl;q=0.9' },
    );
    expect(texts(asked)).toEqual(texts(english));
    expect(texts(await ask({ about: themeName }, { 'accept-language': 'fr-FR' }))[0]).toMatch(/^Expertise level/);
  });

  it('says a country line once, however many themes were asked', async () => {
    const result = await ask({ about: `${themeName} lasers ${P}`, country: 'FI' });
    expect(result.themes).toHaveLength(2);
    expect(result.edges.length).toBeGreaterThan(0);
    for (const edge of result.edges) {
      const lines = edge.reasons.map((r: { text: string }) => r.text);
      expect(new Set(lines).size).toBe(lines.length);
    }
  });

  it('reads a region as its countries', async () => {
    const result = await ask({ about: themeName, country: 'Baltische staten' });
    expect(result.region.slug).toBe('baltics');
    expect(result.countries.map((c: { code: string }) => c.code).sort()).toEqual(['EE', 'LT', 'LV']);
    expect(ranking(result)).toEqual([[names.foxtrot, 6.4]]);
    expect(result.edges[0].reasons.map((r: { text: string }) => r.text)).toContain(
      'Focuses on Estonia (in Baltic states) at level 4 of 5, declared by the expert, not yet borne out by work ' +
        'concerning it.',
    );
  });
});

describe('whoKnows name resolution on the seed graph', () => {
  const themeOf = async (about: string) => (await ask({ about, first: 1 })).theme?.slug ?? null;
  const countriesOf = async (country: string) =>
    (await ask({ about: 'semiconductors', country, first: 1 })).countries.map((c: { code: string }) => c.code);

  it('finds a theme by id, English or Dutch name, alias, any case, with or without accents', async () => {
    expect(await themeOf('semiconductors')).toBe('semiconductors');
    expect(await themeOf('Semiconductors')).toBe('semiconductors');
    expect(await themeOf('HALFGELEIDERS')).toBe('semiconductors');
    expect(await themeOf('chips')).toBe('semiconductors');
    expect(await themeOf('Kunstmatige Intelligentie')).toBe('artificial-intelligence');
    expect(await themeOf('artificial-intelligence')).toBe('artificial-intelligence');
    expect(await themeOf('Oorlog in Oekraïne')).toBe('war-in-ukraine');
    expect(await themeOf('oorlog in oekraine')).toBe('war-in-ukraine');
  });

  it('accepts a theme’s global id', async () => {
    const { data } = await graphql('{ theme(name: "semiconductors") { id } }');
    expect(await themeOf(data.theme.id)).toBe('semiconductors');
  });

  it('finds a country by ISO alpha-2 or alpha-3 code, English or Dutch name, any case', async () => {
    for (const name of ['TW', 'tw', 'TWN', 'Taiwan']) expect(await countriesOf(name)).toEqual(['TW']);
    for (const name of ['RU', 'RUS', 'Russia', 'Russian Federation', 'Rusland', 'rusland'])
      expect(await countriesOf(name)).toEqual(['RU']);
    expect(await countriesOf('Wit-Rusland')).toEqual(['BY']);
    expect(await countriesOf('Oekraïne')).toEqual(['UA']);
    expect(await countriesOf('oekraine')).toEqual(['UA']);
  });

  it('expands a region, in English or Dutch, to its countries', async () => {
    const centralAsia = await countriesOf('Central Asia');
    expect(centralAsia).toEqual(expect.arrayContaining(['KZ', 'KG', 'TJ', 'TM', 'UZ']));
    expect(await countriesOf('Centraal-Azië')).toEqual(centralAsia);
  });

  it('counts narrower themes: asking "technology" finds the semiconductor experts', async () => {
    const semiconductors = await ask({ about: 'semiconductors', first: 100 });
    const technology = await ask({ about: 'technology', first: 100 });
    expect(semiconductors.totalCount).toBeGreaterThan(0);
    const technologyIds = new Set(technology.edges.map((e: Edge) => e.node.slug));
    for (const edge of semiconductors.edges) expect(technologyIds.has(edge.node.slug)).toBe(true);
    expect(technology.totalCount).toBeGreaterThan(semiconductors.totalCount);
  });

  it('falls back to full-text search over profiles and contributions for text that names no theme', async () => {
    // "Piraeus" is in one seed expert's profile and in the title of one of her contributions.
    const result = await ask({ about: 'piraeus port' });
    expect(result.matchedBy).toBe('FULL_TEXT');
    expect(result.theme).toBeNull();
    const anouk = result.edges.findIndex((edge: Edge) => edge.node.slug === 'anouk-stegeman');
    expect(anouk).toBeGreaterThanOrEqual(0);
    expect(anouk).toBeLessThan(3);
    expect(result.edges[anouk].reasons.map((r: { kind: string }) => r.kind).slice(0, 2)).toEqual(['TEXT', 'EVIDENCE']);
    expect(result.edges[anouk].reasons[0].text).toMatch(/^Profile matches “piraeus port”/);
  });

  it('searches Dutch text with Dutch stemming', async () => {
    await db
      .queries()
      .write(
        'CREATE (e:Expert {id: $id, name: $name, ' +
          `bioNl: 'Zij volgt de Aziatische chipfabrikanten en hun toeleveranciers.'})`,
        { id: `${P}-dutch`, name: `Dutch ${P}` },
      );
    // The Dutch stemmer reduces the plural "chipfabrikanten" and the singular to one stem.
    // "chip" inside the compound names the theme Semiconductors: ranked on it, the word searched beside it.
    const result = await ask({ about: 'chipfabrikant', first: 100 });
    expect(result.matchedBy).toBe('THEME_AND_TEXT');
    expect(result.edges.map((e: Edge<{ name: string }>) => e.node.name)).toContain(`Dutch ${P}`);
  });
});

describe('whoKnows paging', () => {
  it('pages through a result without repeats or gaps, in the same order as one big page', async () => {
    const whole = await ask({ about: 'technology', first: 100 });
    expect(whole.totalCount).toBeGreaterThan(7);
    const { items: seen, totalCount } = await walkPages(async (after) => {
      const page = await ask({ about: 'technology', first: 3, after });
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      return {
        totalCount: page.totalCount,
        items: page.edges.map((e: Edge) => e.node.slug),
        next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
      };
    });
    expect(totalCount).toBe(whole.totalCount);
    expect(seen).toEqual(whole.edges.map((e: Edge) => e.node.slug));
    expect(new Set(seen).size).toBe(whole.totalCount);
  });

  it('keeps the order stable for equal scores (by expert id)', async () => {
    const result = await ask({ about: 'technology', first: 100 });
    for (let i = 1; i < result.edges.length; i++) {
      const [previous, current] = [result.edges[i - 1], result.edges[i]];
      expect(previous.score >= current.score).toBe(true);
      if (previous.score === current.score) expect(previous.node.slug < current.node.slug).toBe(true);
    }
  });
});

describe('whoKnows round trips', () => {
  const PAGE_WITH_RELATIONS = `query ($first: Int) {
    whoKnows(about: "technology", first: $first) {
      totalCount
      edges { score reasons { text } node { name affiliations { role institution { name } } networks { acronym name }
        expertise { level theme { name } } } }
    }
  }`;

  it(
    'costs at most 3 Neo4j round trips for a page of 20 with ' +
      'affiliations, networks and themes, whatever the page size',
    async () => {
      const twenty = await graphql(PAGE_WITH_RELATIONS, { first: 20 });
      expect(twenty.errors).toBeUndefined();
      expect(twenty.data.whoKnows.edges.length).toBe(20);
      expect(twenty.extensions?.queryStats?.roundTrips).toBeLessThanOrEqual(3);
      const hundred = await graphql(PAGE_WITH_RELATIONS, { first: 100 });
      const two = await graphql(PAGE_WITH_RELATIONS, { first: 2 });
      expect(hundred.extensions?.queryStats?.roundTrips).toBe(twenty.extensions?.queryStats?.roundTrips);
      expect(two.extensions?.queryStats?.roundTrips).toBe(twenty.extensions?.queryStats?.roundTrips);
    },
  );
});
