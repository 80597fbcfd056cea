import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { dueAt } from '../src/inquiries/working-days.js';
import { nameKeys } from '../src/text.js';
import { connectTestDatabase, type Edge, fixturePrefix, graphql } from './helpers/api.js';

/**
 * The dashboards' aggregates on a small graph of this file's own: a theme tree root > middle > leaf, a
 * network, five experts, seven inquiries routed to the network and three events. Every number asserted is
 * worked out by hand from the fixture below (countries and regions are the seed's; nobody else has
 * expertise in these themes or inquiries about them).
 */
const P = fixturePrefix('dash');
const [root, middle, leaf] = [`${P}-root`, `${P}-middle`, `${P}-leaf`];
const net = `${P}-net`;
const [instA, instB, instC, instD] = [`${P}-inst-a`, `${P}-inst-b`, `${P}-inst-c`, `${P}-inst-d`];
const e = (n: number) => `${P}-e${n}`;
const q = (n: number) => `${P}-q${n}`;

interface InquiryFixture {
  id: string;
  kind: string;
  status: string;
  receivedAt: string;
  answeredAt?: string;
  closedAt?: string;
  themes: string[];
  countries: string[];
  riskCategories?: string[];
  coordinated?: boolean;
  visibility?: string;
}

const INQUIRIES: InquiryFixture[] = [
  // Jan (Amsterdam): answered the next working day, after coordinating with ministries.
  {
    id: q(1),
    kind: 'KNOWLEDGE_SECURITY',
    status: 'ANSWERED',
    receivedAt: '2026-01-15T10:00:00Z',
    answeredAt: '2026-01-16T10:00:00Z',
    themes: [leaf],
    countries: ['CN'],
    riskCategories: ['UNWANTED_TRANSFER', 'SANCTIONS'],
    coordinated: true,
  },
  // Sunday 1 Feb 00:30 in Amsterdam (still January in UTC): a February inquiry, answered late (7 working days).
  {
    id: q(7),
    kind: 'EXPERTISE_REQUEST',
    status: 'CLOSED',
    receivedAt: '2026-01-31T23:30:00Z',
    answeredAt: '2026-02-10T10:00:00Z',
    closedAt: '2026-02-11T10:00:00Z',
    themes: [],
    countries: [],
  },
  // Feb: still open, overdue since 13 Feb; shareable, so officers see it.
  {
    id: q(2),
    kind: 'EXPERTISE_REQUEST',
    status: 'IN_PROGRESS',
    receivedAt: '2026-02-10T10:00:00Z',
    themes: [root],
    countries: ['JP', 'CN'],
    visibility: 'SHAREABLE',
  },
  // Feb: a Friday, answered on Saturday: 0 working days.
  {
    id: q(3),
    kind: 'EXPERTISE_REQUEST',
    status: 'ANSWERED',
    receivedAt: '2026-02-20T10:00:00Z',
    answeredAt: '2026-02-21T10:00:00Z',
    themes: [middle],
    countries: ['RU'],
    riskCategories: ['SANCTIONS'],
  },
  // Mar: open.
  {
    id: q(5),
    kind: 'KNOWLEDGE_SECURITY',
    status: 'RECEIVED',
    receivedAt: '2026-03-02T10:00:00Z',
    themes: [root],
    countries: ['KR'],
  },
  // Mar: open, coordinating with ministries.
  {
    id: q(6),
    kind: 'KNOWLEDGE_SECURITY',
    status: 'COORDINATING',
    receivedAt: '2026-03-10T10:00:00Z',
    themes: [middle],
    countries: ['RU'],
    coordinated: true,
  },
  // Long before the period, still open: the overdue backlog of every bucket.
  {
    id: q(4),
    kind: 'EXPERTISE_REQUEST',
    status: 'RECEIVED',
    receivedAt: '2025-06-02T10:00:00Z',
    themes: [root],
    countries: ['CN'],
  },
];

// Month boundaries in Amsterdam: 1 Jan 00:00 CET … 1 Apr 00:00 CEST.
const FROM = '2025-12-31T23:00:00.000Z';
const TO = '2026-03-31T22:00:00.000Z';

let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
  const theme = (id: string, name: string) => ({ id, name: `${name} ${P}`, keys: nameKeys(id, `${name} ${P}`) });
  await db
    .queries()
    .write(`UNWIND $themes AS t CREATE (:Theme {id: t.id, name: t.name, nameNl: t.name, aliases: [], keys: t.keys})`, {
      themes: [theme(root, 'Root'), theme(middle, 'Middle'), theme(leaf, 'Leaf')],
    });
  await db.queries().write(
    `MATCH (r:Theme {id: $root}), (m:Theme {id: $middle}), (l:Theme {id: $leaf})
     CREATE (m)-[:BROADER]->(r), (l)-[:BROADER]->(m)
     CREATE (n:Network {id: $net, acronym: $net, name: $net, nameNl: $net, kind: 'KNOWLEDGE_NETWORK'})
     CREATE (a:Institution {id: $instA, name: $instA, nameNl: $instA, kind: 'UNIVERSITY'}),
            (b:Institution {id: $instB, name: $instB, nameNl: $instB, kind: 'UNIVERSITY'}),
            (c:Institution {id: $instC, name: $instC, nameNl: $instC, kind: 'THINK_TANK'}),
            (d:Institution {id: $instD, name: $instD, nameNl: $instD, kind: 'THINK_TANK'})
     WITH r, m, l, n, a, b, c, d
     MATCH (cn:Country {id: 'CN'}), (jp:Country {id: 'JP'}), (ru:Country {id: 'RU'})
     // e1: root, level 4 verified, focus China, consents; at A.
     CREATE (e1:Expert {id: $e1, name: 'E1 ' + $p, contactConsent: true})-[:EXPERT_IN {level: 4,
            provenance: 'VERIFIED'}]->(r),
            (e1)-[:FOCUSES_ON {level: 3}]->(cn), (e1)-[:MEMBER_OF]->(n), (e1)-[:AFFILIATED_WITH {role: 'fellow'}]->(a)
     // e2: middle, level 2 (no provenance: DECLARED), focus Japan; at A now and at B until 2020.
     CREATE (e2:Expert {id: $e2, name: 'E2 ' + $p, contactConsent: false})-[:EXPERT_IN {level: 2}]->(m),
            (e2)-[:FOCUSES_ON {level: 2}]->(jp), (e2)-[:MEMBER_OF]->(n), (e2)-[:AFFILIATED_WITH {role: 'fellow'}]->(a),
            (e2)-[:AFFILIATED_WITH {role: 'fellow', since: date('2015-01-01'), until: date('2020-01-01')}]->(b)
     // e3: leaf level 5 evidenced and root level 1; no focus, but a current contribution on China
     // (and a retired one on Russia).
     CREATE (e3:Expert {id: $e3, name: 'E3 ' + $p, contactConsent: true})-[:EXPERT_IN {level: 5,
            provenance: 'EVIDENCED'}]->(l),
            (e3)-[:EXPERT_IN {level: 1, provenance: 'DECLARED'}]->(r), (e3)-[:MEMBER_OF]->(n),
              (e3)-[:AFFILIATED_WITH {role: 'analyst'}]->(c),
            (:Contribution {id: $p + '-k1', title: 'On China ' + $p})-[:BY]->(e3),
            (:Contribution {id: $p + '-k2', title: 'On Russia ' + $p, retiredAt: datetime()})-[:BY]->(e3)
     // e4: retired; counts only as a retired member.
     CREATE (e4:Expert {id: $e4, name: 'E4 ' + $p, contactConsent: true,
            retiredAt: datetime()})-[:EXPERT_IN {level: 3}]->(r),
            (e4)-[:FOCUSES_ON {level: 3}]->(cn), (e4)-[:MEMBER_OF]->(n), (e4)-[:AFFILIATED_WITH {role: 'fellow'}]->(d)
     // e5: middle, level 3, focus Russia; not a member.
     CREATE (e5:Expert {id: $e5, name: 'E5 ' + $p})-[:EXPERT_IN {level: 3, provenance: 'DECLARED'}]->(m),
       (e5)-[:FOCUSES_ON {level: 4}]->(ru)
     WITH n, cn, ru
     MATCH (k1:Contribution {id: $p + '-k1'}), (k2:Contribution {id: $p + '-k2'})
     CREATE (k1)-[:CONCERNS]->(cn), (k2)-[:CONCERNS]->(ru)
     CREATE
            (:Event {id: $p + '-ev1', title: 'Held ' + $p,
              startsAt: datetime('2026-02-01T13:00:00Z')})-[:ORGANISED_BY]->(n),
            (:Event {id: $p + '-ev2', title: 'Coming ' + $p,
              startsAt: datetime() + duration('P30D')})-[:ORGANISED_BY]->(n),
            (:Event {id: $p + '-ev3', title: 'Retired ' + $p, startsAt: datetime('2026-01-10T13:00:00Z'),
              retiredAt: datetime()})-[:ORGANISED_BY]->(n)`,
    { p: P, root, middle, leaf, net, instA, instB, instC, instD, e1: e(1), e2: e(2), e3: e(3), e4: e(4), e5: e(5) },
  );
  await db.queries().write(
    `UNWIND $inquiries AS q
     MATCH (n:Network {id: $net})
     CREATE (i:Inquiry {id: q.id, kind: q.kind, question: 'Question ' + q.id, status: q.status, filedBy: 'someone-else',
                        visibility: coalesce(q.visibility, 'INTERNAL'), riskCategories: coalesce(q.riskCategories, []),
                        receivedAt: datetime(q.receivedAt), dueAt: datetime(q.dueAt),
                        answeredAt: datetime(q.answeredAt), closedAt: datetime(q.closedAt),
                          version: 1})-[:ROUTED_TO]->(n)
     CREATE (i)-[:HAS_STATUS_CHANGE]->(:StatusChange {id: q.id + '#1', status: 'RECEIVED', at: i.receivedAt})
     FOREACH (_ IN CASE WHEN q.coordinated THEN [1] ELSE [] END |
       CREATE (i)-[:HAS_STATUS_CHANGE]->(:StatusChange {id: q.id + '#2', status: 'COORDINATING',
         at: i.receivedAt + duration('PT1H'), ministryIds: ['min-ezk']}))
     WITH i, q
     CALL (i, q) { UNWIND q.themes AS themeId MATCH (t:Theme {id: themeId}) CREATE (i)-[:ABOUT]->(t) }
     CALL (i, q) { UNWIND q.countries AS countryId MATCH (c:Country {id: countryId}) CREATE (i)-[:CONCERNS]->(c) }`,
    {
      net,
      inquiries: INQUIRIES.map((i) => ({
        ...i,
        dueAt: dueAt(new Date(i.receivedAt)).toISOString(),
        coordinated: i.coordinated ?? false,
      })),
    },
  );
});

afterAll(async () => {
  await db.queries().write(
    `MATCH (n) WHERE n.id STARTS WITH $p
     OPTIONAL MATCH (n)-[:HAS_STATUS_CHANGE]->(s)
     DETACH DELETE n, s`,
    { p: P },
  );
  await db.close();
});

const CELL =
  'theme { slug } column { id kind } expertCount expertsByLevel ' +
  '{ level count } expertsByProvenance { provenance count } demand gap';
const COVERAGE = `query ($themes: [String!], $countries: [String!], $network: String, $minExperts: Int,
  $from: DateTime, $to: DateTime) {
  coverage(themes: $themes, countries: $countries, network: $network, minExperts: $minExperts, from: $from, to: $to) {
    from to minExperts network { slug }
    columns { id kind country { code } region { slug } countries { code } }
    rows { theme { slug } hasNarrower narrower { slug } cells { ${CELL} } }
    gaps { ${CELL} }
  }
}`;

/** A coverage cell as CELL selects it, as far as these tests pick it out. */
interface Cell {
  theme: { slug: string };
  column: { id: string; kind?: string };
  expertCount: number;
  expertsByLevel: Array<{ level: number; count: number }>;
  expertsByProvenance: Array<{ provenance: string; count: number }>;
  demand: number;
  gap: boolean;
}
const cellOf = (
  coverage: { rows: Array<{ theme: { slug: string }; cells: Cell[] }> },
  themeId: string,
  columnId: string,
) => coverage.rows.find((r) => r.theme.slug === themeId)!.cells.find((c) => c.column.id === columnId)!;
const brief = (cell: Cell) => [cell.expertCount, cell.demand, cell.gap];

describe('coverage', () => {
  const asked = { themes: [root, middle], countries: ['CN', 'Oost-Azië', 'Russia'], from: FROM, to: TO };

  it(
    'counts the experts who cover each cell ' +
      '(narrower themes, focus or evidence, region columns) and the demand in the period',
    async () => {
      const { data, errors } = await graphql(COVERAGE, asked, { as: 'viewer' });
      expect(errors).toBeUndefined();
      const coverage = data.coverage;
      expect(coverage.minExperts).toBe(2);
      expect(coverage.columns.map((c: { id: string; kind: string }) => [c.id, c.kind])).toEqual([
        ['CN', 'COUNTRY'],
        ['east-asia', 'REGION'],
        ['RU', 'COUNTRY'],
      ]);
      expect(coverage.columns[1].region.slug).toBe('east-asia');
      expect(coverage.columns[1].countries.map((c: { code: string }) => c.code)).toEqual(
        expect.arrayContaining(['CN', 'JP', 'KR']),
      );
      expect(coverage.columns[0].countries).toEqual([{ code: 'CN' }]);
      // root: e1 (root, China), e3 (leaf, a contribution on China); e2 (middle, Japan) in East Asia; e5 (middle,
      // Russia).
      expect(brief(cellOf(coverage, root, 'CN'))).toEqual([2, 2, false]); // q1 (leaf), q2 (root; Japan and China)
      expect(brief(cellOf(coverage, root, 'east-asia'))).toEqual([3, 3, false]); // q1, q2, q5 (Korea); q2 once
      expect(brief(cellOf(coverage, root, 'RU'))).toEqual([1, 2, true]); // q3, q6; e3's Russian contribution is retired
      expect(brief(cellOf(coverage, middle, 'CN'))).toEqual([1, 1, true]); // e3 via leaf; q1
      expect(brief(cellOf(coverage, middle, 'east-asia'))).toEqual([2, 1, false]);
      expect(brief(cellOf(coverage, middle, 'RU'))).toEqual([1, 2, true]);
      const rootChina = cellOf(coverage, root, 'CN');
      expect(rootChina.expertsByLevel).toEqual([
        { level: 5, count: 1 },
        { level: 4, count: 1 },
      ]);
      expect(rootChina.expertsByProvenance).toEqual([
        { provenance: 'VERIFIED', count: 1 },
        { provenance: 'EVIDENCED', count: 1 },
      ]);
      expect(cellOf(coverage, middle, 'east-asia').expertsByProvenance).toEqual([
        { provenance: 'EVIDENCED', count: 1 },
        { provenance: 'DECLARED', count: 1 },
      ]);
    },
  );

  it('lists the gaps per country, most asked first, and says how to expand rows', async () => {
    const { data } = await graphql(COVERAGE, asked, { as: 'viewer' });
    // Per theme × country (China once, though both the CN and the East Asia column hold it): root × Korea (q5,
    // nobody) and root × Japan (q2, e2) are gaps the East Asia column's 3 experts hid.
    expect(data.coverage.gaps.map((c: Cell) => [c.theme.slug, c.column.id, c.demand, c.expertCount])).toEqual([
      [root, 'RU', 2, 1],
      [middle, 'RU', 2, 1],
      [root, 'KR', 1, 0],
      [root, 'JP', 1, 1],
      [middle, 'CN', 1, 1],
    ]);
    expect(
      data.coverage.rows.map(
        (r: { theme: { slug: string }; hasNarrower: boolean; narrower: Array<{ slug: string }> }) => [
          r.theme.slug,
          r.hasNarrower,
          r.narrower.map((n) => n.slug),
        ],
      ),
    ).toEqual([
      [root, true, [middle]],
      [middle, true, [leaf]],
    ]);
    const minExperts3 = await graphql(COVERAGE, { ...asked, minExperts: 3 });
    expect(minExperts3.data.coverage.gaps.map((c: Cell) => [c.theme.slug, c.column.id])).toEqual([
      [root, 'RU'],
      [middle, 'RU'],
      [root, 'CN'],
      [root, 'KR'],
      [root, 'JP'],
      [middle, 'CN'],
    ]);
  });

  it('counts a country once in the gaps, whatever overlapping regions contain it', async () => {
    const { data, errors } = await graphql(COVERAGE, {
      themes: [middle],
      countries: ['east-asia', 'greater-china', 'indo-pacific'],
      from: FROM,
      to: TO,
    });
    expect(errors).toBeUndefined();
    // China is in all three regions (q1, covered by e3 alone): each region cell counts it, the gaps list it once.
    expect(data.coverage.rows[0].cells.map((c: Cell) => c.demand)).toEqual([1, 1, 1]);
    expect(data.coverage.rows[0].cells.filter((c: Cell) => c.gap).length).toBeGreaterThan(0);
    expect(data.coverage.gaps.map((c: Cell) => [c.column.id, c.column.kind, c.demand, c.expertCount])).toEqual([
      ['CN', 'COUNTRY', 1, 1],
    ]);
  });

  it('counts only a network’s members and the inquiries routed to it, when asked', async () => {
    const { data } = await graphql(COVERAGE, { ...asked, network: net });
    expect(data.coverage.network.slug).toBe(net);
    expect(brief(cellOf(data.coverage, middle, 'RU'))).toEqual([0, 2, true]); // e5 is no member
    expect(brief(cellOf(data.coverage, root, 'CN'))).toEqual([2, 2, false]);
  });

  it('defaults to the top-level themes × the regions', async () => {
    const { data, errors } = await graphql(
      `
        {
          coverage {
            rows {
              theme {
                slug
              }
            }
            columns {
              id
              kind
            }
          }
        }
      `,
      {},
      { as: 'viewer' },
    );
    expect(errors).toBeUndefined();
    const rows = data.coverage.rows.map((r: { theme: { slug: string } }) => r.theme.slug);
    expect(rows).toContain(root);
    expect(rows).not.toContain(middle);
    const [regions] = await db.queries().read<{ count: number }>('MATCH (r:Region) RETURN count(r) AS count');
    expect(data.coverage.columns).toHaveLength(regions!.count);
    expect(new Set(data.coverage.columns.map((c: { kind: string }) => c.kind))).toEqual(new Set(['REGION']));
  });

  it('refuses too many rows or columns, unknown names and a bad minExperts with clear errors', async () => {
    const rows = await graphql(COVERAGE, { themes: Array.from({ length: 51 }, (_, i) => `t${i}`) });
    expect(rows.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: { name: 'coverageRows', max: 50, found: 51 },
    });
    const columns = await graphql(COVERAGE, { countries: Array.from({ length: 61 }, (_, i) => `c${i}`) });
    expect(columns.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: { name: 'coverageColumns', max: 60, found: 61 },
    });
    const unknown = await graphql(COVERAGE, { themes: ['no such theme at all'] });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toMatch(/Unknown theme/);
    const place = await graphql(COVERAGE, { themes: [root], countries: ['Atlantis'] });
    expect(place.errors?.[0]?.message).toMatch(/Unknown country or region/);
    const min = await graphql(COVERAGE, { themes: [root], minExperts: 0 });
    expect(min.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const network = await graphql(COVERAGE, { themes: [root], network: 'no-such-network' });
    expect(network.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  const DRILL = `query ($themes: [String!], $countries: [String!], $from: DateTime, $to: DateTime) {
    coverage(themes: $themes, countries: $countries, from: $from, to: $to) {
      rows { cells { column { id } expertCount demand experts(first: 5) { totalCount edges { node { slug } } }
        inquiries(first: 10) { totalCount edges { node { slug } } } } }
    }
  }`;
  const CELL_EXPERTS = `query ($theme: String!, $country: String!, $from: DateTime, $to: DateTime) {
    coverageCell(theme: $theme, country: $country, from: $from, to: $to) {
      experts { totalCount edges { level provenance focusCountries { code } contributionCountries { code }
        node { slug } } } }
  }`;
  const drill = { themes: [root], countries: ['CN'], from: FROM, to: TO };

  it('a cell lists the experts it counts, and the inquiries it counts as far as the role may see them', async () => {
    const experts = await graphql(CELL_EXPERTS, { theme: root, country: 'CN', from: FROM, to: TO }, { as: null });
    expect(experts.errors).toBeUndefined();
    expect(experts.data.coverageCell.experts).toEqual({
      totalCount: 2,
      edges: [
        // e3: level 5 in the leaf, a current contribution on China; e1: level 4 in the root, focus China.
        {
          level: 5,
          provenance: 'EVIDENCED',
          focusCountries: [],
          contributionCountries: [{ code: 'CN' }],
          node: { slug: e(3) },
        },
        {
          level: 4,
          provenance: 'VERIFIED',
          focusCountries: [{ code: 'CN' }],
          contributionCountries: [],
          node: { slug: e(1) },
        },
      ],
    });
    const admin = await graphql(DRILL, drill);
    expect(admin.errors).toBeUndefined();
    const cell = admin.data.coverage.rows[0].cells[0];
    expect(cell.experts.edges.map((edge: Edge) => edge.node.slug)).toEqual([e(3), e(1)]);
    expect(cell.inquiries.edges.map((edge: Edge) => edge.node.slug)).toEqual([q(1), q(2)]);

    const officer = await graphql(DRILL, drill, { as: 'officer' });
    expect(officer.errors).toBeUndefined();
    expect(officer.data.coverage.rows[0].cells[0].inquiries.edges.map((edge: Edge) => edge.node.slug)).toEqual([q(2)]);

    // A viewer sees the counts and the experts, and none of the inquiries: no refusal.
    const viewer = await graphql(DRILL, drill, { as: 'viewer' });
    expect(viewer.errors).toBeUndefined();
    expect(viewer.data.coverage.rows[0].cells[0].inquiries).toEqual({ totalCount: 0, edges: [] });
    expect(viewer.data.coverage.rows[0].cells[0].experts.totalCount).toBe(2);
  });

  it('lists in every cell exactly the experts and inquiries its counts count', async () => {
    // 2 × 2 cells, each listing experts and inquiries: 8 of the 10 cell details a request may ask for.
    const { data, errors } = await graphql(DRILL, { ...asked, themes: [root, middle], countries: ['east-asia', 'RU'] });
    expect(errors).toBeUndefined();
    const cells = data.coverage.rows.flatMap((row: { cells: unknown[] }) => row.cells);
    expect(cells).toHaveLength(4);
    for (const cell of cells) {
      expect([cell.column.id, cell.experts.totalCount, cell.inquiries.totalCount]).toEqual([
        cell.column.id,
        cell.expertCount,
        cell.demand,
      ]);
    }
  });

  it('coverageCell gives one cell with its counts, experts and inquiries, for the click-through', async () => {
    const { data, errors } = await graphql(
      `query ($theme: String!, $country: String!, $from: DateTime,
         $to: DateTime) { coverageCell(theme: $theme, country: $country, from: $from, to: $to) {
         ${CELL} experts(first: 10) { totalCount edges { level node { slug } } }
           inquiries(first: 10) { totalCount edges { node { slug } } } } }`,
      { theme: root, country: 'Russia', from: FROM, to: TO },
    );
    expect(errors).toBeUndefined();
    expect(brief(data.coverageCell)).toEqual([1, 2, true]);
    expect(data.coverageCell.theme.slug).toBe(root);
    expect(data.coverageCell.column).toEqual({ id: 'RU', kind: 'COUNTRY' });
    expect(data.coverageCell.experts.edges.map((edge: Edge) => edge.node.slug)).toContain(e(5));
    expect(data.coverageCell.inquiries.edges.map((edge: Edge) => edge.node.slug)).toEqual([q(3), q(6)]);
  });

  it('lists experts or inquiries of at most 10 cells per request', async () => {
    const many = await graphql(
      `
        query ($themes: [String!]) {
          coverage(themes: $themes, countries: ["CN", "JP", "RU", "KR", "DE", "FR"]) {
            rows {
              cells {
                experts(first: 1) {
                  totalCount
                }
              }
            }
          }
        }
      `,
      { themes: [root, middle] },
    );
    expect(many.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: { name: 'coverageCellDetails', max: 10 },
    });
  });
});

const SERIES = `query ($network: String, $from: DateTime, $to: DateTime, $interval: StatisticsInterval!) {
  inquiryStatistics(network: $network, from: $from, to: $to) {
    received open overdue answered answeredOnTime medianWorkingDaysToAnswer waitedOnMinistries waitedOnMinistriesShare
    byKind { kind count } byRiskCategory { riskCategory count }
    series(interval: $interval) {
      start end current received answered answeredOnTime overdueAtEnd medianWorkingDaysToAnswer waitedOnMinistries
      byStatus { status count } byKind { kind count } byNetwork { network { slug } received }
    }
  }
}`;

describe('inquiryStatistics.series', () => {
  it(
    'counts each calendar month (Amsterdam time) across a month ' +
      'boundary, with the overdue backlog at each month’s end',
    async () => {
      const { data, errors } = await graphql(
        SERIES,
        { network: net, from: FROM, to: TO, interval: 'MONTH' },
        { as: 'viewer' },
      );
      expect(errors).toBeUndefined();
      const stats = data.inquiryStatistics;
      expect([stats.received, stats.open, stats.overdue, stats.answered, stats.answeredOnTime]).toEqual([
        6, 3, 3, 3, 2,
      ]);
      expect(stats.waitedOnMinistries).toBe(2);
      expect(stats.waitedOnMinistriesShare).toBeCloseTo(2 / 6);
      expect(stats.byKind).toEqual([
        { kind: 'EXPERTISE_REQUEST', count: 3 },
        { kind: 'KNOWLEDGE_SECURITY', count: 3 },
      ]);
      expect(stats.byRiskCategory).toEqual([
        { riskCategory: 'UNWANTED_TRANSFER', count: 1 },
        { riskCategory: 'COVERT_INFLUENCE', count: 0 },
        { riskCategory: 'ETHICAL', count: 0 },
        { riskCategory: 'SANCTIONS', count: 2 },
        { riskCategory: 'OTHER', count: 0 },
      ]);
      const months = stats.series.map((b: Record<string, unknown>) => [
        b.start,
        b.end,
        b.received,
        b.answered,
        b.answeredOnTime,
        b.overdueAtEnd,
        b.medianWorkingDaysToAnswer,
        b.waitedOnMinistries,
      ]);
      expect(months).toEqual([
        ['2025-12-31T23:00:00.000Z', '2026-01-31T23:00:00.000Z', 1, 1, 1, 1, 1, 1],
        ['2026-01-31T23:00:00.000Z', '2026-02-28T23:00:00.000Z', 3, 2, 1, 2, 3.5, 0],
        ['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z', 2, 0, 0, 4, null, 1],
      ]);
      expect(stats.series.every((b: { current: unknown }) => b.current === false)).toBe(true);
      expect(stats.series[1].byStatus.find((s: { status: string }) => s.status === 'CLOSED').count).toBe(1);
      expect(stats.series[2].byKind).toEqual([
        { kind: 'EXPERTISE_REQUEST', count: 0 },
        { kind: 'KNOWLEDGE_SECURITY', count: 2 },
      ]);
      expect(stats.series[0].byNetwork).toEqual([{ network: { slug: net }, received: 1 }]);
    },
  );

  it('cuts weeks and quarters to the period, so every inquiry falls in exactly one bucket', async () => {
    const weeks = await graphql(SERIES, { network: net, from: FROM, to: TO, interval: 'WEEK' });
    const buckets = weeks.data.inquiryStatistics.series;
    expect(buckets[0].start).toBe(FROM);
    expect(buckets.at(-1).end).toBe(TO);
    // Weeks start on Monday 00:00 in Amsterdam: 5 Jan 2026 is a Monday.
    expect(buckets[1].start).toBe('2026-01-04T23:00:00.000Z');
    expect(buckets.reduce((sum: number, b: { received: number }) => sum + b.received, 0)).toBe(6);
    const quarters = await graphql(SERIES, { network: net, from: FROM, to: TO, interval: 'QUARTER' });
    expect(
      quarters.data.inquiryStatistics.series.map((b: Record<string, unknown>) => [
        b.start,
        b.end,
        b.received,
        b.overdueAtEnd,
      ]),
    ).toEqual([[FROM, TO, 6, 4]]);
  });

  it('marks the bucket that reaches now as current and counts its backlog now', async () => {
    const { data } = await graphql(SERIES, { network: net, from: FROM, interval: 'QUARTER' });
    const last = data.inquiryStatistics.series.at(-1);
    expect(last.current).toBe(true);
    expect(last.overdueAtEnd).toBe(4); // q4, q2, q5, q6 are still open and past due now
  });
});

describe('mostAsked', () => {
  it('ranks the themes and countries of the period’s demand, for a network when asked', async () => {
    const { data, errors } = await graphql(
      `
        query ($network: String, $from: DateTime, $to: DateTime) {
          mostAsked(network: $network, from: $from, to: $to) {
            themes {
              theme {
                slug
              }
              count
            }
            countries {
              country {
                code
              }
              count
            }
          }
        }
      `,
      { network: net, from: FROM, to: TO },
      { as: null },
    );
    expect(errors).toBeUndefined();
    // q1 … q7 but q4 (before the period): root q2, q5; middle q3, q6; leaf q1 (each theme as named, by name at a tie).
    expect(
      data.mostAsked.themes.map((t: { theme: { slug: string }; count: number }) => [t.theme.slug, t.count]),
    ).toEqual([
      [middle, 2],
      [root, 2],
      [leaf, 1],
    ]);
    const countries = data.mostAsked.countries.map((c: { country: { code: string }; count: number }) => [
      c.country.code,
      c.count,
    ]);
    expect(countries.slice(0, 2).sort()).toEqual([
      ['CN', 2],
      ['RU', 2],
    ]);
    expect(countries.slice(2).sort()).toEqual([
      ['JP', 1],
      ['KR', 1],
    ]);
  });
});

describe('networkStatistics', () => {
  const QUERY = `query ($network: String, $from: DateTime, $to: DateTime) {
    networkStatistics(network: $network, from: $from, to: $to) {
    network { slug } activeExperts retiredExperts consentingExperts institutions eventsHeld inquiriesRouted
      inquiriesAnswered inquiriesAnsweredOnTime } }`;
  const numbers = (s: Record<string, unknown>) => [
    s.activeExperts,
    s.retiredExperts,
    s.consentingExperts,
    s.institutions,
    s.eventsHeld,
    s.inquiriesRouted,
    s.inquiriesAnswered,
    s.inquiriesAnsweredOnTime,
  ];

  it('counts a network’s experts, institutions, events and inquiries, in a period when asked', async () => {
    const all = await graphql(QUERY, { network: net }, { as: 'viewer' });
    expect(all.errors).toBeUndefined();
    expect(all.data.networkStatistics).toHaveLength(1);
    expect(all.data.networkStatistics[0].network.slug).toBe(net);
    expect(numbers(all.data.networkStatistics[0])).toEqual([3, 1, 2, 2, 1, 7, 3, 2]);
    const period = await graphql(QUERY, { network: net, from: '2026-02-15T00:00:00Z', to: TO });
    expect(numbers(period.data.networkStatistics[0])).toEqual([3, 1, 2, 2, 0, 3, 1, 1]);
  });

  it('lists every network by default, and refuses an unknown one', async () => {
    const { data } = await graphql(QUERY, {}, { as: 'viewer' });
    expect(data.networkStatistics.map((s: { network: { slug: string } }) => s.network.slug)).toEqual(
      expect.arrayContaining(['ckn', 'reka', net]),
    );
    const unknown = await graphql(QUERY, { network: 'no-such-network' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('Theme, Country and Region counts', () => {
  it('count experts and inquiries, narrower themes included by default', async () => {
    const { data, errors } = await graphql(
      `
        query ($root: String!) {
          theme(name: $root) {
            expertCount
            direct: expertCount(includeNarrower: false)
            inquiryCount
            directInquiries: inquiryCount(includeNarrower: false)
          }
        }
      `,
      { root },
      { as: 'viewer' },
    );
    expect(errors).toBeUndefined();
    expect(data.theme).toEqual({ expertCount: 4, direct: 2, inquiryCount: 6, directInquiries: 3 });
  });

  it(
    'count a country’s and a region’s experts and inquiries ' +
      'as the graph holds them, in one query for a whole page',
    async () => {
      const response = await graphql(`
        {
          countries(first: 100) {
            edges {
              node {
                code
                expertCount
                inquiryCount
              }
            }
          }
          regions {
            slug
            expertCount
            inquiryCount
          }
        }
      `);
      expect(response.errors).toBeUndefined();
      const [expected] = await db.queries().read<{ experts: number; inquiries: number; regionExperts: number }>(
        `MATCH (c:Country {id: 'CN'})
       RETURN COUNT { (c)<-[:FOCUSES_ON]-(e:Expert) WHERE e.retiredAt IS NULL } AS experts,
              COUNT { (c)<-[:CONCERNS]-(:Inquiry) } AS inquiries,
              COUNT { MATCH (:Region {id: 'east-asia'})<-[:IN_REGION]-(:Country)<-[:FOCUSES_ON]-(e:Expert)
                WHERE e.retiredAt IS NULL RETURN DISTINCT e } AS regionExperts`,
      );
      type Place = { code: string; expertCount: number; inquiryCount: number };
      const china = response.data.countries.edges
        .map((edge: Edge<Place>) => edge.node)
        .find((c: Place) => c.code === 'CN');
      const eastAsia = response.data.regions.find((r: { slug: string }) => r.slug === 'east-asia');
      const counted = { china: china ? [china.expertCount, china.inquiryCount] : null, eastAsia: eastAsia.expertCount };
      const stored = {
        china: china ? [expected!.experts, expected!.inquiries] : null,
        eastAsia: expected!.regionExperts,
      };
      expect(counted).toEqual(stored);
      // Countries, their counts (two loaders) and the regions with theirs: a fixed number of round trips, not one per
      // country.
      expect(response.extensions?.queryStats?.roundTrips).toBeLessThanOrEqual(6);
    },
  );
});
