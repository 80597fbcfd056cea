/**
 * The handlers' work queues and the filters of the inquiries list: each queue and filter on fixtures of this file
 * (told apart from the seed by a word only they hold), their counts, the orders and their cursors, and the bounds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../src/auth/tokens.js';
import type { Database } from '../src/db/database.js';
import { amsterdamDate } from '../src/inquiries/working-days.js';
import { connectTestDatabase, fixturePrefix, graphql, removeFixtures, type Edge } from './helpers/api.js';
import { maybeUnset } from './helpers/maybe-unset.js';

const P = fixturePrefix('queues');
const MARK = `zq${P.replace(/[^a-z0-9]/g, '')}`;
const DESK = 'knowledge-security-desk';
const person = (key: string, roles: string[], networks: string[] = []): TokenClaims => ({
  subject: `${P}-${key}`,
  name: `${key} ${P}`,
  roles: roles as TokenClaims['roles'],
  networks,
});
const deskA = person('desk-a', ['desk']);
const deskB = person('desk-b', ['desk']);
const ckn = person('ckn', ['secretariat'], ['ckn']);
const officer = person('officer', ['officer']);
const otherOfficer = person('other-officer', ['officer']);

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (offset: number) => new Date(Date.now() + offset).toISOString();

interface Fixture {
  key: string;
  team: string;
  status: string;
  handler?: TokenClaims;
  due: number;
  received: number;
  words: string;
  askedBy?: string;
  partner?: string;
  risks?: string[];
  theme?: string;
  country?: string;
  filedBy?: TokenClaims;
  waitingOnExpert?: boolean;
}

const FIXTURES: Fixture[] = [
  { key: 'a', team: DESK, status: 'RECEIVED', due: 30 * DAY, received: -5 * DAY, words: 'sanctions Belarus' },
  {
    key: 'b',
    team: DESK,
    status: 'IN_PROGRESS',
    handler: deskA,
    due: HOUR,
    received: -4 * DAY,
    words: 'photonic chips',
    askedBy: 'tu-delft',
    risks: ['UNWANTED_TRANSFER'],
    theme: 'semiconductors',
    country: 'CN',
  },
  {
    key: 'c',
    team: DESK,
    status: 'RECEIVED',
    due: -DAY,
    received: -6 * DAY,
    words: 'drones',
    risks: ['SANCTIONS'],
    filedBy: officer,
  },
  { key: 'd', team: DESK, status: 'COORDINATING', handler: deskB, due: 20 * DAY, received: -3 * DAY, words: 'ports' },
  {
    key: 'e',
    team: DESK,
    status: 'IN_PROGRESS',
    handler: deskB,
    due: 25 * DAY,
    received: -2 * DAY,
    words: 'satellites',
    waitingOnExpert: true,
  },
  { key: 'f', team: DESK, status: 'CLOSED', due: -10 * DAY, received: -12 * DAY, words: 'closed', filedBy: officer },
  { key: 'g', team: 'ckn', status: 'RECEIVED', due: 2 * DAY, received: -1 * DAY, words: 'Taiwan chips' },
];
const slug = (key: string) => `${P}-${key}`;
let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
  const [expert] = await db.queries().read<{ id: string }>('MATCH (e:Expert) RETURN e.id AS id LIMIT 1');
  const [partner] = await db
    .queries()
    .read<{ id: string }>("MATCH (n:Institution) WHERE n.kind = 'UNIVERSITY' RETURN n.id AS id LIMIT 1");
  FIXTURES[0]!.partner = partner!.id;
  await db.queries().write(
    `UNWIND $rows AS row
     MATCH (n:Network {id: row.team}), (a:Institution {id: row.askedBy})
     CREATE (i:Inquiry {id: row.slug, kind: CASE row.team WHEN $desk THEN 'KNOWLEDGE_SECURITY'
                                                         ELSE 'EXPERTISE_REQUEST' END,
                        question: 'Question ' + $mark + ' ' + row.words, status: row.status, visibility: 'INTERNAL',
                        receivedAt: datetime(row.received), dueAt: datetime(row.due), version: 1,
                        riskCategories: row.risks, inferredRiskCategories: [], filedBy: row.filedBy,
                        handlerId: row.handlerId, handlerName: row.handlerName})
     CREATE (i)-[:ROUTED_TO]->(n), (i)-[:ASKED_BY]->(a)
     WITH i, row
     CALL (i, row) { MATCH (p:Institution {id: row.partner}) CREATE (i)-[:CONCERNS_PARTNER]->(p) }
     CALL (i, row) { MATCH (t:Theme {id: row.theme}) CREATE (i)-[:ABOUT]->(t) }
     CALL (i, row) { MATCH (c:Country {id: row.country}) CREATE (i)-[:CONCERNS]->(c) }
     CALL (i, row) { MATCH (e:Expert {id: $expert}) WHERE row.waiting CREATE (i)-[:CONSULTED {at: datetime()}]->(e) }`,
    {
      desk: DESK,
      mark: MARK,
      expert: expert!.id,
      rows: FIXTURES.map((f) => ({
        slug: slug(f.key),
        team: f.team,
        status: f.status,
        words: f.words,
        due: at(f.due),
        received: at(f.received),
        askedBy: f.askedBy ?? 'min-bz',
        partner: f.partner ?? null,
        risks: f.risks ?? [],
        theme: f.theme ?? null,
        country: f.country ?? null,
        filedBy: f.filedBy?.subject ?? 'someone-else',
        handlerId: f.handler?.subject ?? null,
        handlerName: f.handler?.name ?? null,
        waiting: f.waitingOnExpert ?? false,
      })),
    },
  );
});

afterAll(async () => {
  const d = maybeUnset(db);
  if (d) {
    await removeFixtures(d, P, P);
    await d.close();
  }
});

const LIST = `query ($filter: InquiryFilter, $orderBy: InquiryOrder, $first: Int, $after: String) {
  inquiries(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount edges { cursor node { slug dueAt receivedAt } } pageInfo { hasNextPage endCursor } } }`;

/** The keys of this file's inquiries a filter lists, in order. */
async function listed(filter: Record<string, unknown>, as: TokenClaims = deskA, orderBy?: string): Promise<string[]> {
  const response = await graphql(LIST, { filter: { text: MARK, ...filter }, orderBy, first: 100 }, { as });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return (response.data.inquiries.edges as Edge[]).map((e) => e.node.slug.slice(P.length + 1));
}

describe('queues', () => {
  it.each([
    ['MINE', ['b']],
    ['UNASSIGNED', ['c', 'a']],
    ['MY_TEAMS', ['c', 'a', 'b', 'd', 'e']],
    ['DUE_SOON', ['b']],
    ['OVERDUE', ['c']],
    ['WAITING_ON_MINISTRIES', ['d']],
    ['WAITING_ON_EXPERTS', ['e']],
  ])('%s, for a desk member', async (queue, keys) => {
    expect(await listed({ queue })).toEqual(keys);
  });

  it('a secretariat sees its own team’s queue, not the desk’s', async () => {
    expect(await listed({ queue: 'MY_TEAMS' }, ckn)).toEqual(['g']);
    expect(await listed({ queue: 'UNASSIGNED' }, ckn)).toEqual(['g']);
  });

  it('FILED_BY_ME and filedByMe: an officer’s own (open ones in the queue, all with the filter)', async () => {
    expect(await listed({ queue: 'FILED_BY_ME' }, officer)).toEqual(['c']);
    expect(await listed({ filedByMe: true }, officer)).toEqual(['f', 'c']);
    expect(await listed({ filedByMe: true }, otherOfficer)).toEqual([]);
  });

  it('counts per queue agree with the lists, and count only what the viewer may see', async () => {
    for (const as of [deskA, ckn, officer]) {
      const response = await graphql('{ inquiryQueues { queue count } }', {}, { as });
      expect(response.errors).toBeUndefined();
      const counts = response.data.inquiryQueues as Array<{ queue: string; count: number }>;
      expect(counts.map((c) => c.queue)).toHaveLength(8);
      for (const { queue, count } of counts) {
        const list = await graphql(LIST, { filter: { queue }, first: 1 }, { as });
        expect(list.data.inquiries.totalCount, `${as.subject} ${queue}`).toBe(count);
      }
    }
    const mine = await graphql('{ inquiryQueues { queue count } }', {}, { as: deskA });
    expect(mine.data.inquiryQueues).toContainEqual({ queue: 'MINE', count: 1 });
  });

  it('due soon looks as many working days ahead as asked, within bounds', async () => {
    // Due in an hour: due by the end of today unless that hour crosses midnight in Amsterdam.
    const today = amsterdamDate(new Date()) === amsterdamDate(new Date(at(HOUR)));
    expect(await listed({ queue: 'DUE_SOON', dueWithinWorkingDays: 0 })).toEqual(today ? ['b'] : []);
    const tooFar = await graphql(LIST, { filter: { queue: 'DUE_SOON', dueWithinWorkingDays: 21 } }, { as: deskA });
    expect(tooFar.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('filters', () => {
  it.each([
    [{ handler: deskB.subject }, ['d', 'e']],
    [{ askedBy: 'tu-delft' }, ['b']],
    [{ riskCategories: ['SANCTIONS'] }, ['c']],
    [{ kind: 'KNOWLEDGE_SECURITY', status: ['COORDINATING', 'CLOSED'] }, ['f', 'd']],
    [{ theme: 'semiconductors' }, ['b']],
    [{ country: 'China' }, ['b']],
    [{ network: 'ckn' }, ['g']],
  ] as Array<[Record<string, unknown>, string[]]>)('%j', async (filter, keys) => {
    expect(await listed(filter, person('admin', ['admin']))).toEqual(keys);
  });

  it('partner', async () => {
    expect(await listed({ partner: FIXTURES[0]!.partner })).toEqual(['a']);
  });

  it('received and due windows', async () => {
    expect(await listed({ receivedFrom: at(-4.5 * DAY), receivedBefore: at(-2.5 * DAY) })).toEqual(['b', 'd']);
    expect(await listed({ dueFrom: at(0), dueBefore: at(21 * DAY) })).toEqual(['b', 'd']);
  });

  it('free text needs every word, and Lucene syntax in it is only text', async () => {
    expect(await listed({ text: `${MARK} belarus` })).toEqual(['a']);
    expect(await listed({ text: `${MARK} chips` }, person('admin', ['admin']))).toEqual(['b', 'g']);
    expect(await listed({ text: `${MARK} (chips OR "drones") AND title:x*` })).toEqual([]);
    const tooLong = await graphql(LIST, { filter: { text: 'x'.repeat(301) } }, { as: deskA });
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('list arguments are bounded', async () => {
    const statuses = Array.from({ length: 11 }, () => 'RECEIVED');
    const response = await graphql(LIST, { filter: { status: statuses } }, { as: deskA });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('order', () => {
  it('by receipt (first come, first served) or soonest due, paged with cursors of that order', async () => {
    expect(await listed({ queue: 'MY_TEAMS' }, deskA, 'RECEIVED')).toEqual(['c', 'a', 'b', 'd', 'e']);
    expect(await listed({ queue: 'MY_TEAMS' }, deskA, 'DUE')).toEqual(['c', 'b', 'd', 'e', 'a']);
    const first = await graphql(
      LIST,
      { filter: { text: MARK, queue: 'MY_TEAMS' }, orderBy: 'DUE', first: 2 },
      { as: deskA },
    );
    const next = await graphql(
      LIST,
      {
        filter: { text: MARK, queue: 'MY_TEAMS' },
        orderBy: 'DUE',
        first: 2,
        after: first.data.inquiries.pageInfo.endCursor,
      },
      { as: deskA },
    );
    expect((next.data.inquiries.edges as Edge[]).map((e) => e.node.slug)).toEqual([slug('d'), slug('e')]);
    const mixed = await graphql(
      LIST,
      { filter: { text: MARK }, orderBy: 'RECEIVED', after: first.data.inquiries.pageInfo.endCursor },
      { as: deskA },
    );
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('access', () => {
  it('a desk member does not see other teams’ internal inquiries in any list', async () => {
    expect(await listed({})).toEqual(['f', 'c', 'a', 'b', 'd', 'e']);
  });

  it('after a reroute, the team it left still lists it, but not in its queues', async () => {
    const rerouted = await graphql(
      'mutation ($input: RerouteInquiryInput!) { rerouteInquiry(input: $input) { version } }',
      { input: { id: slug('a'), expectedVersion: 1, to: 'reka', reason: 'Belarus: REKA' } },
      { as: deskA },
    );
    expect(rerouted.errors).toBeUndefined();
    expect(await listed({ network: 'reka' })).toEqual(['a']);
    expect(await listed({ queue: 'MY_TEAMS' })).toEqual(['c', 'b', 'd', 'e']);
    expect(await listed({ queue: 'UNASSIGNED' })).toEqual(['c']);
  });
});
