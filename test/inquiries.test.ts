import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { nameKeys } from '../src/text.js';
import {
  connectTestDatabase,
  fixturePrefix,
  graphql,
  type GraphqlResponse,
  walkPages,
  type Edge,
} from './helpers/api.js';

/** A theme, a partner institution and two experts of this file's own, so that results are known exactly. */
const P = fixturePrefix('inquiries');
const theme = `${P}-photonic-chips`;
const partner = `${P}-partner-university`;
const [answerer, other] = [`${P}-answerer`, `${P}-other`];

let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
  await db.queries().write(
    `CREATE (:Theme {id: $theme, name: $themeName, nameNl: $themeName, aliases: [], keys: $themeKeys})
     CREATE (:Institution {id: $partner, name: 'Partner ' + $p, nameNl: 'Partner ' + $p, kind: 'UNIVERSITY'})
     WITH 1 AS one MATCH (t:Theme {id: $theme}), (cn:Country {id: 'CN'})
     CREATE (a:Expert {id: $answerer, name: 'Answerer ' + $p}), (a)-[:EXPERT_IN {level: 3}]->(t),
       (a)-[:FOCUSES_ON {level: 3}]->(cn)
     CREATE (o:Expert {id: $other, name: 'Other ' + $p}), (o)-[:EXPERT_IN {level: 3}]->(t),
       (o)-[:FOCUSES_ON {level: 3}]->(cn)`,
    {
      p: P,
      theme,
      themeName: `Photonic chips ${P}`,
      themeKeys: nameKeys(theme, `Photonic chips ${P}`),
      partner,
      answerer,
      other,
    },
  );
});

afterAll(async () => {
  await db.queries().write(
    `MATCH (n) WHERE n.id STARTS WITH $p
        OR (n:Inquiry AND n.question CONTAINS $p)
     OPTIONAL MATCH (n)-[:HAS_STATUS_CHANGE]->(s)
     DETACH DELETE n, s`,
    { p: P },
  );
  await db.close();
});

const INQUIRY_FIELDS = `id slug status version kind question dueAt receivedAt answeredAt workingDaysTaken overdue
  answeredOnTime
  answerSummary visibility routedTo { slug } partner { slug } themes { slug } countries { code }
  history { status by note ministries { slug } } consultations { expert { slug } outcome referredTo { slug } }
    followUpOf { slug }`;

const RECORD = `mutation ($input: RecordInquiryInput!) {
  recordInquiry(input: $input) {
    inquiry { ${INQUIRY_FIELDS} }
    suggestedExperts { totalCount edges { node { slug } reasons { text } } }
    similarInquiries { inquiry { slug } score reasons { text } sharedAnswer answeredBy { slug } }
  }
}`;

async function record(input: Record<string, unknown>) {
  const response = await graphql(RECORD, {
    input: { kind: 'KNOWLEDGE_SECURITY', askedBy: 'tu-delft', themes: [theme], ...input },
  });
  expect(response.errors).toBeUndefined();
  return response.data.recordInquiry;
}

async function mutate(name: string, input: Record<string, unknown>) {
  return graphql(
    `mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ` +
      `${name}(input: $input) { ${INQUIRY_FIELDS} } }`,
    {
      input,
    },
  );
}

async function ok(name: string, input: Record<string, unknown>) {
  const response = await mutate(name, input);
  expect(response.errors).toBeUndefined();
  return response.data[name];
}

async function refused(name: string, input: Record<string, unknown>, code = 'BAD_USER_INPUT') {
  const response = await mutate(name, input);
  expect(response.errors?.[0]?.extensions?.code).toBe(code);
  return response.errors![0]!;
}

describe('recordInquiry', () => {
  it('records a question with its due moment, and answers it at once with experts and earlier inquiries', async () => {
    // Thursday 2 April 2026, 10:00 in Amsterdam: Good Friday works, Easter Monday does not → due Wednesday 8 April.
    const { inquiry, suggestedExperts } = await record({
      question: 'May we share photonic chip designs with our partner?',
      countries: ['China'],
      partner,
      riskCategories: ['UNWANTED_TRANSFER'],
      receivedAt: '2026-04-02T08:00:00Z',
    });
    expect(inquiry.status).toBe('RECEIVED');
    expect(inquiry.version).toBe(1);
    expect(inquiry.routedTo.slug).toBe('knowledge-security-desk');
    expect(inquiry.countries).toEqual([{ code: 'CN' }]);
    expect(new Date(inquiry.dueAt).toISOString()).toBe('2026-04-08T21:59:59.999Z');
    expect(inquiry.overdue).toBe(true);
    expect(inquiry.history).toEqual([{ status: 'RECEIVED', by: 'Test admin', note: null, ministries: [] }]);
    expect(suggestedExperts.edges.map((e: Edge) => e.node.slug).sort()).toEqual([answerer, other].sort());
  });

  it('reports every problem at once and writes nothing', async () => {
    const question = `Problems ${P}`;
    const response = await graphql(RECORD, {
      input: {
        kind: 'EXPERTISE_REQUEST',
        question,
        askedBy: 'no-such-institution',
        themes: ['no such theme at all'],
        countries: ['Narnia'],
        riskCategories: ['SANCTIONS'],
        receivedAt: '2999-01-01T00:00:00Z',
      },
    });
    const error = response.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (error?.extensions?.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['askedBy', 'countries[0]', 'receivedAt', 'riskCategories', 'routedTo', 'themes[0]']);
    const [row] = await db
      .queries()
      .read<{ n: number }>('MATCH (i:Inquiry {question: $question}) RETURN count(i) AS n', { question });
    expect(row!.n).toBe(0);
  });
});

describe('inquiry lifecycle', () => {
  it('goes received → in progress → coordinating → answered → closed, with history', async () => {
    const { inquiry } = await record({ question: `Lifecycle ${P}` });
    let current = await ok('changeInquiryStatus', { id: inquiry.id, expectedVersion: 1, status: 'IN_PROGRESS' });
    current = await ok('changeInquiryStatus', {
      id: inquiry.id,
      expectedVersion: current.version,
      status: 'COORDINATING',
      ministries: ['min-ezk', 'min-ocw'],
      note: 'Export control angle',
    });
    current = await ok('consultExpert', {
      id: inquiry.slug,
      expectedVersion: current.version,
      expert: other,
      outcome: 'REFERRED',
      referredTo: answerer,
    });
    current = await ok('consultExpert', {
      id: inquiry.slug,
      expectedVersion: current.version,
      expert: answerer,
      outcome: 'ANSWERED',
    });
    current = await ok('answerInquiry', {
      id: inquiry.id,
      expectedVersion: current.version,
      answerSummary: 'Yes, with a licence.',
      visibility: 'SHAREABLE',
    });
    current = await ok('closeInquiry', { id: inquiry.id, expectedVersion: current.version });
    expect(current.status).toBe('CLOSED');
    expect(current.version).toBe(7);
    expect(current.history.map((h: { status: string }) => h.status)).toEqual([
      'RECEIVED',
      'IN_PROGRESS',
      'COORDINATING',
      'ANSWERED',
      'CLOSED',
    ]);
    expect(current.history[2].ministries.map((m: { slug: string }) => m.slug).sort()).toEqual(['min-ezk', 'min-ocw']);
    expect(current.consultations).toEqual(
      expect.arrayContaining([
        { expert: { slug: other }, outcome: 'REFERRED', referredTo: { slug: answerer } },
        { expert: { slug: answerer }, outcome: 'ANSWERED', referredTo: null },
      ]),
    );
    expect(current.answeredAt).not.toBeNull();
    expect(current.workingDaysTaken).toBe(0);
    expect(current.answeredOnTime).toBe(true);
    expect(current.overdue).toBe(false);
  });

  it('refuses every transition that makes no sense, changing nothing', async () => {
    const { inquiry } = await record({ question: `Refusals ${P}` });
    const id = inquiry.id;
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['changeInquiryStatus', { status: 'ANSWERED' }, /answerInquiry/],
      ['changeInquiryStatus', { status: 'RECEIVED' }, /already RECEIVED/],
      ['changeInquiryStatus', { status: 'COORDINATING' }, /ministries/],
      ['changeInquiryStatus', { status: 'COORDINATING', ministries: ['tu-delft'] }, /not a ministry/],
      ['closeInquiry', {}, /without an answer needs a reason/],
      ['answerInquiry', { answerSummary: '   ' }, /answerSummary: must not be empty/],
      ['consultExpert', { expert: answerer, outcome: 'REFERRED' }, /names the expert referred to/],
      ['consultExpert', { expert: 'nobody-at-all', outcome: 'ANSWERED' }, /no expert has id/],
      ['linkFollowUp', { followUpOf: id }, /cannot follow itself up/],
    ];
    for (const [name, input, message] of cases) {
      const error = await refused(name, { id, expectedVersion: 1, ...input });
      expect(error.message, `${name} ${JSON.stringify(input)}`).toMatch(message);
    }
    // Closed without an answer (with a reason), it cannot be reopened without one, nor answered or consulted.
    const closed = await ok('closeInquiry', { id, expectedVersion: 1, note: 'Withdrawn by the asker' });
    for (const [name, input, message] of [
      ['changeInquiryStatus', { status: 'IN_PROGRESS' }, /Reopening a closed inquiry needs a reason/],
      [
        'changeInquiryStatus',
        { status: 'COORDINATING', ministries: ['min-bz'] },
        /cannot go from CLOSED to COORDINATING/,
      ],
      ['answerInquiry', { answerSummary: 'Late answer' }, /closed: reopen it/],
      ['consultExpert', { expert: answerer, outcome: 'ANSWERED' }, /closed: reopen it/],
    ] as Array<[string, Record<string, unknown>, RegExp]>) {
      const error = await refused(name, { id, expectedVersion: closed.version, ...input });
      expect(error.message, `${name} ${JSON.stringify(input)}`).toMatch(message);
    }
    const reopened = await ok('changeInquiryStatus', {
      id,
      expectedVersion: closed.version,
      status: 'IN_PROGRESS',
      note: 'Asker came back',
    });
    expect(reopened.version).toBe((closed.version as number) + 1);
    expect(reopened.history.map((h: { status: string }) => h.status)).toEqual(['RECEIVED', 'CLOSED', 'IN_PROGRESS']);
  });

  it('gives the second of two simultaneous updates CONFLICT, never a silent overwrite', async () => {
    for (let round = 0; round < 3; round++) {
      const { inquiry } = await record({ question: `Race ${round} ${P}` });
      const results = await Promise.all([
        mutate('changeInquiryStatus', { id: inquiry.id, expectedVersion: 1, status: 'IN_PROGRESS' }),
        mutate('changeInquiryStatus', { id: inquiry.id, expectedVersion: 1, status: 'CLOSED', note: 'Duplicate' }),
      ]);
      const winners = results.filter((r) => !r.errors);
      const losers = results.filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers[0]!.errors![0]!.extensions?.code).toBe('CONFLICT');
      expect(losers[0]!.errors![0]!.message).toMatch(/Someone else changed this inquiry/);
      const { data } = await graphql(
        'query ($id: ID!) { node(id: $id) { ... on Inquiry { version history { by } } } }',
        { id: inquiry.id },
      );
      expect(data.node.version).toBe(2);
      expect(data.node.history).toHaveLength(2);
    }
  });

  it('answers a stale version with CONFLICT and an unknown inquiry with NOT_FOUND', async () => {
    const { inquiry } = await record({ question: `Stale ${P}` });
    await ok('changeInquiryStatus', { id: inquiry.id, expectedVersion: 1, status: 'IN_PROGRESS' });
    await refused(
      'changeInquiryStatus',
      { id: inquiry.id, expectedVersion: 1, status: 'COORDINATING', ministries: ['min-bz'] },
      'CONFLICT',
    );
    await refused('closeInquiry', { id: 'inq-nope', expectedVersion: 1, note: 'x' }, 'NOT_FOUND');
  });
});

describe('inquiries list', () => {
  it('lists first come, first served, and filters by theme, status, overdue and network', async () => {
    const late = await record({ question: `FIFO late ${P}`, receivedAt: '2026-03-03T09:00:00Z' });
    const early = await record({ question: `FIFO early ${P}`, receivedAt: '2026-03-02T09:00:00Z' });
    const query =
      'query ($filter: InquiryFilter) { inquiries(filter: $filter, ' +
      'first: 100) { totalCount edges { node { slug question receivedAt overdue } } } }';
    const { data } = await graphql(query, { filter: { theme: `Photonic chips ${P}` } });
    const slugs = data.inquiries.edges.map((e: Edge) => e.node.slug);
    expect(slugs.indexOf(early.inquiry.slug)).toBeLessThan(slugs.indexOf(late.inquiry.slug));
    const times = data.inquiries.edges.map((e: Edge<{ receivedAt: string }>) => e.node.receivedAt);
    expect([...times].sort((a, b) => Date.parse(a) - Date.parse(b))).toEqual(times);

    const overdue = await graphql(query, {
      filter: { theme: theme, overdue: true, network: 'knowledge-security-desk', status: ['RECEIVED'] },
    });
    expect(overdue.errors).toBeUndefined();
    for (const edge of overdue.data.inquiries.edges) expect(edge.node.overdue).toBe(true);
    expect(overdue.data.inquiries.edges.map((e: Edge) => e.node.slug)).toEqual(
      expect.arrayContaining([early.inquiry.slug, late.inquiry.slug]),
    );
  });

  it('pages through the seeded inquiries without repeats, oldest first', async () => {
    const { items: seen, totalCount } = await walkPages(async (after) => {
      const response: GraphqlResponse = await graphql(
        'query ($after: String) { inquiries(first: 50, after: $after, filter: { kind: EXPERTISE_REQUEST }) { ' +
          'totalCount edges { node { slug receivedAt } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      const page = response.data.inquiries;
      return {
        totalCount: page.totalCount,
        items: page.edges.map((e: Edge) => e.node.slug),
        next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
      };
    });
    expect(totalCount).toBeGreaterThan(50);
    expect(new Set(seen).size).toBe(totalCount);
  });
});

describe('similar inquiries', () => {
  let dutch: { id: string; slug: string };
  let english: { id: string; slug: string };

  beforeAll(async () => {
    dutch = (
      await record({
        question: `Mogen wij halfgeleiders en fotonicachips ontwerpen met een Chinees lab? (${P})`,
        countries: ['CN'],
        partner,
        receivedAt: '2025-06-02T09:00:00Z',
      })
    ).inquiry;
    const v = (await ok('consultExpert', { id: dutch.id, expectedVersion: 1, expert: answerer, outcome: 'ANSWERED' }))
      .version;
    await ok('answerInquiry', {
      id: dutch.id,
      expectedVersion: v,
      answerSummary: 'Alleen met exportvergunning.',
      visibility: 'SHAREABLE',
    });
    english = (
      await record({
        kind: 'EXPERTISE_REQUEST',
        routedTo: 'reka',
        themes: [],
        question: `Which quokkas at sanctioned Belarusian institutes may we host? (${P})`,
        receivedAt: '2025-07-01T09:00:00Z',
      })
    ).inquiry;
    await ok('answerInquiry', {
      id: english.id,
      expectedVersion: 1,
      answerSummary: 'Check the EU list first.',
      visibility: 'INTERNAL',
    });
  });

  const SIMILAR = `query ($question: String!, $about: String) {
    similarInquiries(question: $question, about: $about, first: 5) { inquiry { slug } score reasons { text points }
      sharedAnswer answeredBy { slug } }
  }`;

  it('finds a Dutch inquiry through Dutch stemming, with its shareable answer and who gave it', async () => {
    const { data } = await graphql(SIMILAR, { question: 'halfgeleider fotonicachip' });
    const top = data.similarInquiries[0];
    expect(top.inquiry.slug).toBe(dutch.slug);
    expect(top.sharedAnswer).toBe('Alleen met exportvergunning.');
    expect(top.answeredBy).toEqual([{ slug: answerer }]);
    expect(top.reasons[0].text).toMatch(/similar words/);
  });

  it('finds an English inquiry through English stemming, but keeps an internal answer to itself', async () => {
    const { data } = await graphql(SIMILAR, { question: 'sanctions quokka' });
    const top = data.similarInquiries[0];
    expect(top.inquiry.slug).toBe(english.slug);
    expect(top.sharedAnswer).toBeNull();
    expect(top.answeredBy).toEqual([]);
  });

  it('weighs shared themes, and the reasons add up to the score', async () => {
    const { data } = await graphql(SIMILAR, { question: 'fotonicachips', about: theme });
    const top = data.similarInquiries[0];
    expect(top.inquiry.slug).toBe(dutch.slug);
    expect(top.reasons.map((r: { text: string }) => r.text)).toContainEqual(
      expect.stringMatching(new RegExp(`^Also about Photonic chips ${P}\\.$`)),
    );
    expect(top.reasons.reduce((sum: number, r: { points: number }) => sum + r.points, 0)).toBeCloseTo(top.score, 5);
  });

  it('shows earlier inquiries about the same partner when a new one is recorded, and on Inquiry.similar', async () => {
    const { inquiry, similarInquiries } = await record({
      question: `Completely different wording ${P}`,
      partner,
      themes: [],
    });
    expect(similarInquiries[0].inquiry.slug).toBe(dutch.slug);
    expect(similarInquiries[0].reasons.map((r: { text: string }) => r.text)).toContainEqual(
      expect.stringMatching(new RegExp(`^Concerns the same partner institution, Partner ${P}\\.$`)),
    );
    const { data } = await graphql(
      'query ($id: ID!) { node(id: $id) { ... on Inquiry { similar(first: 10) { inquiry { slug } } } } }',
      { id: inquiry.id },
    );
    expect(data.node.similar.map((s: { inquiry: { slug: string } }) => s.inquiry.slug)).toContain(dutch.slug);
    const older = await graphql(
      'query ($id: ID!) { node(id: $id) { ... on Inquiry { similar(first: 10) { inquiry { slug } } } } }',
      { id: dutch.id },
    );
    expect(older.data.node.similar.map((s: { inquiry: { slug: string } }) => s.inquiry.slug)).not.toContain(
      inquiry.slug,
    );
  });
});

describe('similar inquiries on the seed graph', () => {
  it('puts the inquiry a follow-up follows first, saying so', async () => {
    // Seeded: inq-2026-0039 follows up inq-2025-0011; long texts alone ranked other inquiries above it.
    const { data } = await graphql(`
      {
        inquiries(first: 100, filter: { status: [COORDINATING] }) {
          edges {
            node {
              id
              slug
            }
          }
        }
      }
    `);
    const followUp = data.inquiries.edges.find((e: Edge) => e.node.slug === 'inq-2026-0039').node;
    const similar = await graphql(
      'query ($id: ID!) { node(id: $id) { ... on Inquiry { followUpOf { slug } ' +
        'similar(first: 3) { inquiry { slug } reasons { text } } } } }',
      {
        id: followUp.id,
      },
    );
    expect(similar.data.node.followUpOf.slug).toBe('inq-2025-0011');
    expect(similar.data.node.similar[0].inquiry.slug).toBe('inq-2025-0011');
    expect(similar.data.node.similar[0].reasons[0].text).toBe('One follows the other up.');
  });

  it('finds an earlier Dutch inquiry through a singular where it said the plural', async () => {
    const { data } = await graphql(
      '{ similarInquiries(question: "Kunnen wij een halfgeleider laten doormeten in een lab in Shenzhen?", ' +
        'first: 3) { inquiry { slug question } } }',
    );
    expect(data.similarInquiries[0].inquiry.slug).toBe('inq-2025-0045');
    expect(data.similarInquiries[0].inquiry.question).toMatch(/halfgeleiders/i);
  });

  it('answers a long question of hundreds of different words (more than Lucene takes as clauses)', async () => {
    const terms = Array.from({ length: 420 }, (_, i) => `term${i}q`).join(' ');
    const question = `Kunnen wij een halfgeleider laten doormeten in Shenzhen? ${terms}`;
    const response = await graphql(
      'query ($question: String!) { similarInquiries(question: $question, first: 3) { inquiry { slug } } }',
      { question },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.similarInquiries[0].inquiry.slug).toBe('inq-2025-0045');
  });
});

describe('whoKnows learns from inquiries', () => {
  it('ranks an expert who answered inquiries on the theme in the country above an equal one, saying why', async () => {
    const { data } = await graphql(
      `
        query ($about: String!) {
          whoKnows(about: $about, country: "CN") {
            edges {
              score
              node {
                slug
              }
              reasons {
                kind
                text
              }
            }
          }
        }
      `,
      { about: theme },
    );
    const [first, second] = data.whoKnows.edges;
    expect(first.node.slug).toBe(answerer);
    expect(second.node.slug).toBe(other);
    expect(first.score).toBeGreaterThan(second.score);
    const reason = first.reasons.find((r: { kind: string }) => r.kind === 'INQUIRIES');
    expect(reason.text).toMatch(/^Answered \d earlier inquir(y|ies) on Photonic chips .* concerning China\.$/);
  });
});
