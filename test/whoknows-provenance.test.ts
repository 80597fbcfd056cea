import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { nameKeys } from '../src/text.js';
import { connectTestDatabase, fixturePrefix, graphql, type Edge, type UntypedData } from './helpers/api.js';

/**
 * Provenance, country from evidence and reasons that lead somewhere, on a graph of this file's own:
 *
 *   ports theme ("Port security <P>"), four unrelated top themes beside it
 *   verified3  level 3 VERIFIED by the CKN secretariat on 3 March 2026; 2 contributions and 1 answered inquiry
 *              on ports in CN
 *   claimer5   level 5 DECLARED in ports and in the four other themes; nothing to show
 *   twinV/E/D  level 4 in ports, VERIFIED / EVIDENCED / DECLARED, nothing else: identical numbers
 *   twinD also focuses on CN (declared, 3)
 *
 * and on the seed's "Sanctions evasion" theme, in Kazakhstan:
 *   kzEvidence answered an inquiry and wrote a contribution on sanctions evasion concerning KZ; no focus
 *   kzFocus    the same, and a declared focus on KZ
 *   kzWorks    level 4 in sanctions evasion, affiliated with an institution in KZ; nothing concerning KZ
 */
const P = fixturePrefix('provenance');
const ports = `${P}-ports`;
const portsName = `Port security ${P}`;
const ids = {
  verified3: `${P}-verified3`,
  claimer5: `${P}-claimer5`,
  twinV: `${P}-twin-v`,
  twinE: `${P}-twin-e`,
  twinD: `${P}-twin-d`,
  kzEvidence: `${P}-kz-evidence`,
  kzFocus: `${P}-kz-focus`,
  kzWorks: `${P}-kz-works`,
};

let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
  await db.queries().writeTransaction(async (run) => {
    await run(
      `CREATE (t:Theme {id: $ports, name: $portsName, nameNl: 'Havenbeveiliging ' + $p, aliases: [], keys: $portsKeys})
       WITH t
       UNWIND range(1, 4) AS n
       CREATE (:Theme {id: $p + '-other-' + n, name: 'Other ' + n + ' ' + $p, nameNl: 'Ander ' + n + ' ' + $p,
         aliases: [], keys: [$p + ' other ' + n]})`,
      { p: P, ports, portsName, portsKeys: nameKeys(ports, portsName) },
    );
    await run(
      `MATCH (t:Theme {id: $ports}), (cn:Country {id: 'CN'}), (kz:Country {id: 'KZ'}),
       (evasion:Theme {id: 'sanctions-evasion'})
       MATCH (desk:Network {id: 'knowledge-security-desk'})
       CREATE (v:Expert {id: $ids.verified3, name: 'Verified ' + $p}),
              (v)-[:EXPERT_IN {level: 3, provenance: 'VERIFIED', verifiedBy: 'local-secretariat-ckn',
                verifiedAt: datetime('2026-03-03T10:00:00Z')}]->(t)
       CREATE (k1:Contribution {id: $p + '-k1', kind: 'PUBLICATION', title: 'Cranes in ports ' + $p,
              date: date('2025-01-01')}),
              (k1)-[:BY]->(v), (k1)-[:ABOUT]->(t), (k1)-[:CONCERNS]->(cn)
       CREATE (k2:Contribution {id: $p + '-k2', kind: 'TALK', title: 'Port scanners ' + $p, date: date('2025-06-01')}),
              (k2)-[:BY]->(v), (k2)-[:ABOUT]->(t), (k2)-[:CONCERNS]->(cn)
       CREATE (q1:Inquiry {id: $p + '-q1', kind: 'EXPERTISE_REQUEST', question: 'Port cranes ' + $p,
                           status: 'ANSWERED', visibility: 'SHAREABLE',
                           receivedAt: datetime('2025-09-01T09:00:00Z'), version: 1}),
              (q1)-[:ABOUT]->(t), (q1)-[:CONCERNS]->(cn), (q1)-[:CONSULTED {outcome: 'ANSWERED'}]->(v),
                (q1)-[:ROUTED_TO]->(desk)
       CREATE (c:Expert {id: $ids.claimer5, name: 'Claimer ' + $p}),
         (c)-[:EXPERT_IN {level: 5, provenance: 'DECLARED'}]->(t)
       WITH *
       MATCH (other:Theme) WHERE other.id STARTS WITH $p + '-other-'
       CREATE (c)-[:EXPERT_IN {level: 5, provenance: 'DECLARED'}]->(other)
       WITH DISTINCT t, cn, kz, evasion, desk
       CREATE (tv:Expert {id: $ids.twinV, name: 'Twin V ' + $p}),
              (tv)-[:EXPERT_IN {level: 4, provenance: 'VERIFIED', verifiedBy: 'Carla Curator',
                verifiedAt: datetime('2025-12-31T23:30:00Z')}]->(t)
       CREATE (te:Expert {id: $ids.twinE, name: 'Twin E ' + $p}),
         (te)-[:EXPERT_IN {level: 4, provenance: 'EVIDENCED'}]->(t)
       CREATE (td:Expert {id: $ids.twinD, name: 'Twin D ' + $p}),
              (td)-[:EXPERT_IN {level: 4, provenance: 'DECLARED'}]->(t),
              (td)-[:FOCUSES_ON {level: 3, provenance: 'DECLARED'}]->(cn)
       // Kazakhstan: evidence without focus, the same with focus, and an affiliation alone.
       CREATE (ke:Expert {id: $ids.kzEvidence, name: 'KZ evidence ' + $p}),
         (kf:Expert {id: $ids.kzFocus, name: 'KZ focus ' + $p})
       CREATE (kf)-[:FOCUSES_ON {level: 3, provenance: 'DECLARED'}]->(kz)
       WITH *
       UNWIND [ke, kf] AS x
       CREATE (q:Inquiry {id: x.id + '-q', kind: 'KNOWLEDGE_SECURITY', question: 'Re-exports via Almaty ' + $p,
                          status: 'ANSWERED',
                          visibility: 'INTERNAL', receivedAt: datetime('2025-10-01T09:00:00Z'), version: 1}),
              (q)-[:ABOUT]->(evasion), (q)-[:CONCERNS]->(kz), (q)-[:CONSULTED {outcome: 'ANSWERED'}]->(x),
                (q)-[:ROUTED_TO]->(desk)
       CREATE (k:Contribution {id: x.id + '-k', kind: 'BRIEFING', title: 'Dual-use goods through Kazakhstan ' + $p,
              date: date('2025-03-01')}),
              (k)-[:BY]->(x), (k)-[:ABOUT]->(evasion), (k)-[:CONCERNS]->(kz)
       WITH DISTINCT evasion, kz
       CREATE (w:Expert {id: $ids.kzWorks, name: 'KZ works ' + $p}),
         (w)-[:EXPERT_IN {level: 4, provenance: 'DECLARED'}]->(evasion)
       CREATE (i:Institution {id: $p + '-almaty', name: 'Almaty University ' + $p,
              nameNl: 'Universiteit Almaty ' + $p, kind: 'UNIVERSITY'}),
              (i)-[:LOCATED_IN]->(kz), (w)-[:AFFILIATED_WITH {role: 'Professor'}]->(i)`,
      { p: P, ports, ids },
    );
  });
});

afterAll(async () => {
  await db.queries().write('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P });
  await db.close();
});

const WHO_KNOWS = `query ($about: String!, $country: String, $first: Int) {
  whoKnows(about: $about, country: $country, first: $first) {
    matchedBy totalCount
    edges {
      score node { slug }
      reasons {
        kind points text provenance verifiedBy verifiedAt
        theme { slug } country { code } contributions { slug } inquiries { slug }
      }
    }
  }
}`;

/** Who is ranked, in order, for the whole list (reasons left out: a page of 100 with them would cost too much). */
const WHO_RANKS = `query ($about: String!, $country: String) {
  whoKnows(about: $about, country: $country, first: 100) { totalCount edges { score node { slug } } }
}`;

async function ask(variables: Record<string, unknown>, as?: 'officer' | 'admin' | null) {
  const response = await graphql(WHO_KNOWS, { first: 20, ...variables }, as === undefined ? {} : { as });
  expect(response.errors).toBeUndefined();
  return response.data.whoKnows;
}

async function ranks(variables: Record<string, unknown>) {
  const response = await graphql(WHO_RANKS, variables);
  expect(response.errors).toBeUndefined();
  expect(response.data.whoKnows.totalCount).toBeLessThanOrEqual(100);
  return response.data.whoKnows;
}

/** The fixture's experts in the order ranked, leaving out the seed's. */
const ours = (result: { edges: Edge[] }): string[] =>
  result.edges.map((e) => e.node.slug).filter((slug) => slug.startsWith(P));
const edgeOf = (result: UntypedData, id: string) => result.edges.find((e: Edge) => e.node.slug === id);

describe('provenance in the score', () => {
  it(
    'ranks a verified 3/5 with work on the theme above a 5/5 declared in five ' +
      'unrelated themes; at equal level verified, then evidenced, then declared',
    async () => {
      const result = await ask({ about: portsName });
      expect(result.matchedBy).toBe('THEME');
      expect(ours(result)).toEqual([ids.verified3, ids.twinV, ids.twinE, ids.twinD, ids.claimer5]);
      const scores = result.edges.map((e: { score: number }) => e.score);
      expect(new Set(scores.slice(1, 4)).size).toBe(3); // identical numbers, different provenance: no tie
    },
  );

  it('says the provenance in the reason, with who verified it and when', async () => {
    const result = await ask({ about: portsName });
    const [theme] = edgeOf(result, ids.verified3).reasons;
    expect(theme.text).toBe(`Expertise level 3 of 5 in ${portsName}, verified by the CKN secretariat on 3 March 2026.`);
    expect(theme).toMatchObject({
      kind: 'THEME',
      provenance: 'VERIFIED',
      verifiedBy: 'local-secretariat-ckn',
      verifiedAt: '2026-03-03T10:00:00.000Z',
      theme: { slug: ports },
    });
    expect(edgeOf(result, ids.twinV).reasons[0].text).toContain('verified by Carla Curator on 1 January 2026');
    expect(edgeOf(result, ids.twinE).reasons[0].text).toContain('evidenced by');
    expect(edgeOf(result, ids.twinD).reasons[0]).toMatchObject({
      provenance: 'DECLARED',
      verifiedBy: null,
      verifiedAt: null,
    });
    expect(edgeOf(result, ids.claimer5).reasons[0].text).toMatch(
      /declared by the expert, with no work on it to show; the expert claims 5 unrelated subjects at level 4 or 5/,
    );
  });

  it('explains every score with reasons whose points add up to it', async () => {
    for (const variables of [
      { about: portsName },
      { about: portsName, country: 'China' },
      { about: 'sanctieomzeiling', country: 'Centraal-Azië' },
    ]) {
      const result = await ask(variables);
      expect(result.edges.length).toBeGreaterThan(0);
      for (const edge of result.edges) {
        const sum = edge.reasons.reduce((total: number, r: { points: number }) => total + r.points, 0);
        expect(sum).toBeCloseTo(edge.score, 2);
      }
    }
  });
});

describe('reasons that lead somewhere', () => {
  it('carries the contributions, inquiries, theme and country a reason rests on', async () => {
    const result = await ask({ about: portsName, country: 'CN' }, 'officer');
    const reasons = edgeOf(result, ids.verified3).reasons;
    const byKind = (kind: string) => reasons.find((r: { kind: string }) => r.kind === kind);
    expect(byKind('EVIDENCE').contributions.map((c: { slug: string }) => c.slug)).toEqual([`${P}-k2`, `${P}-k1`]);
    expect(byKind('EVIDENCE').theme.slug).toBe(ports);
    expect(byKind('INQUIRIES').inquiries.map((q: { slug: string }) => q.slug)).toEqual([`${P}-q1`]);
    expect(byKind('COUNTRY_EVIDENCE')).toMatchObject({
      contributions: [{ slug: `${P}-k2` }, { slug: `${P}-k1` }],
      inquiries: [{ slug: `${P}-q1` }],
    });
    expect(
      edgeOf(result, ids.twinD).reasons.find((r: { kind: string }) => r.kind === 'COUNTRY_FOCUS').country.code,
    ).toBe('CN');
  });

  it('leaves out the inquiries the viewer may not see, and still counts them', async () => {
    const asAdmin = await ask({ about: 'sanctieomzeiling', country: 'KZ' }, 'admin');
    const asOfficer = await ask({ about: 'sanctieomzeiling', country: 'KZ' }, 'officer');
    const inquiries = (result: UntypedData) =>
      edgeOf(result, ids.kzEvidence).reasons.find((r: { kind: string }) => r.kind === 'INQUIRIES');
    expect(inquiries(asAdmin).inquiries.map((q: { slug: string }) => q.slug)).toEqual([`${ids.kzEvidence}-q`]);
    expect(inquiries(asOfficer).inquiries).toEqual([]);
    expect(inquiries(asOfficer).text).toMatch(/^Answered 1 earlier inquiry on Sanctions evasion concerning Kazakhstan/);
  });
});

describe('country from evidence', () => {
  it(
    'finds an expert whose answered inquiries and contributions ' +
      'concern the country or region, below an equal declared focus',
    async () => {
      const result = await ask({ about: 'sanctieomzeiling', country: 'Centraal-Azië' });
      expect(ours(result)).toEqual([ids.kzFocus, ids.kzEvidence]);
      const reasons = edgeOf(result, ids.kzEvidence).reasons;
      expect(reasons.map((r: { kind: string }) => r.kind)).toEqual([
        'THEME',
        'COUNTRY_EVIDENCE',
        'EVIDENCE',
        'INQUIRIES',
      ]);
      expect(reasons[1].text).toBe(
        '1 contribution and 1 answered inquiry concerning Central Asia, without a stated focus on it.',
      );
    },
  );

  it('never matches on an affiliation with an institution in the country alone', async () => {
    for (const country of ['KZ', 'Kazachstan', 'Central Asia']) {
      expect(ours(await ranks({ about: 'sanctions evasion', country }))).not.toContain(ids.kzWorks);
    }
    expect(ours(await ranks({ about: 'sanctions evasion' }))).toContain(ids.kzWorks);
  });

  it('with a country asked, admits only experts with a focus on it or evidence concerning it', async () => {
    const result = await ask({ about: portsName, country: 'CN' });
    expect(ours(result)).toEqual([ids.verified3, ids.twinD]);
  });
});
