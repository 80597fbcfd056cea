/**
 * Who handles an inquiry (claim, assign, hand over, release, with concurrent claims) and where it is routed
 * (rerouteInquiry: what it keeps, who may still read it, how statistics count it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../src/auth/tokens.js';
import type { Database } from '../src/db/database.js';
import { connectTestDatabase, fixturePrefix, graphql, removeFixtures } from './helpers/api.js';
import { maybeUnset } from './helpers/maybe-unset.js';

const P = fixturePrefix('assign');
const DESK = 'knowledge-security-desk';
const person = (key: string, roles: string[], networks: string[] = []): TokenClaims => ({
  subject: `${P}-${key}`,
  name: `${key} ${P}`,
  roles: roles as TokenClaims['roles'],
  networks,
});
const deskA = person('desk-a', ['desk']);
const deskB = person('desk-b', ['desk']);
const deskNew = person('desk-new', ['desk']);
const ckn = person('ckn', ['secretariat'], ['ckn']);
const reka = person('reka', ['secretariat'], ['reka']);
const officer = person('officer', ['officer']);

/** A period only this file's inquiries fall in, for the statistics. */
const PERIOD = { from: '2019-03-01T00:00:00Z', to: '2019-04-01T00:00:00Z' };
let db: Database;
let serial = 0;

/** A fresh open inquiry of this file, routed to `team`, filed by the officer. */
async function inquiry(team: string, status = 'RECEIVED'): Promise<string> {
  serial += 1;
  const slug = `${P}-${serial}`;
  await db.queries().write(
    `MATCH (n:Network {id: $team}), (a:Institution {id: 'min-bz'})
     CREATE (i:Inquiry {id: $slug, kind: CASE $team WHEN $desk THEN 'KNOWLEDGE_SECURITY' ELSE 'EXPERTISE_REQUEST' END,
                        question: 'Question ' + $slug, status: $status, visibility: 'INTERNAL',
                        receivedAt: datetime('2019-03-11T09:00:00Z'), dueAt: datetime('2019-03-14T22:59:59.999Z'),
                        version: 1, riskCategories: [], filedBy: $officer})
     CREATE (i)-[:ROUTED_TO]->(n), (i)-[:ASKED_BY]->(a)`,
    { slug, team, status, desk: DESK, officer: officer.subject },
  );
  return slug;
}

const FIELDS = 'slug version kind status receivedAt dueAt handler { id name } assignedAt routedTo { slug }';

async function change(mutation: string, as: TokenClaims, input: Record<string, unknown>) {
  const type = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
  return graphql(`mutation ($input: ${type}!) { ${mutation}(input: $input) { ${FIELDS} } }`, { input }, { as });
}

const codeOf = (response: { errors?: Array<{ extensions?: { code?: string } }> }) =>
  response.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  db = await connectTestDatabase();
  // Known handlers: each records themselves, as the desk page does on sign-in.
  for (const who of [deskA, deskB, ckn, reka]) {
    const response = await graphql('mutation { registerHandler { id teams } }', {}, { as: who });
    expect(response.errors).toBeUndefined();
  }
});

afterAll(async () => {
  const d = maybeUnset(db);
  if (d) {
    await removeFixtures(d, P, P);
    await d.close();
  }
});

describe('claim, assign, hand over, release', () => {
  it('a desk member claims an unassigned desk inquiry; the claim is audited', async () => {
    const slug = await inquiry(DESK);
    const response = await change('claimInquiry', deskA, { id: slug, expectedVersion: 1 });
    expect(response.errors).toBeUndefined();
    const claimed = response.data.claimInquiry;
    expect(claimed.handler).toEqual({ id: deskA.subject, name: deskA.name });
    expect(claimed.assignedAt).not.toBeNull();
    expect(claimed.version).toBe(2);
    const history = await graphql(
      'query ($id: String!) { history(id: $id) { edges { node { action actorName } } } }',
      { id: slug },
      { as: deskA },
    );
    expect(history.data.history.edges.map((e: { node: { action: string } }) => e.node.action)).toContain(
      'claimInquiry',
    );
  });

  it('a claim of an inquiry someone has is CONFLICT naming them', async () => {
    const slug = await inquiry(DESK);
    await change('claimInquiry', deskA, { id: slug, expectedVersion: 1 });
    const response = await change('claimInquiry', deskB, { id: slug, expectedVersion: 2 });
    expect(codeOf(response)).toBe('CONFLICT');
    expect(response.errors![0]!.message).toContain(deskA.name);
    expect(response.errors![0]!.extensions).toMatchObject({
      currentVersion: 2,
      handler: { id: deskA.subject, name: deskA.name },
    });
  });

  it('two claims at once: one wins, the other gets CONFLICT saying who has it', async () => {
    const slug = await inquiry(DESK);
    const responses = await Promise.all([
      change('claimInquiry', deskA, { id: slug, expectedVersion: 1 }),
      change('claimInquiry', deskB, { id: slug, expectedVersion: 1 }),
    ]);
    const won = responses.filter((r) => r.errors === undefined);
    const lost = responses.filter((r) => codeOf(r) === 'CONFLICT');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0]!.data.claimInquiry.handler as { id: string; name: string };
    expect(lost[0]!.errors![0]!.extensions!.handler).toEqual(winner);
    expect(lost[0]!.errors![0]!.message).toContain(winner.name);
    const [row] = await db.queries().read<{ handlerId: string; version: number; claims: number }>(
      `MATCH (i:Inquiry {id: $slug}) RETURN i.handlerId AS handlerId, i.version AS version,
                COUNT { (c:Change {subjectId: $slug, action: 'claimInquiry'}) } AS claims`,
      { slug },
    );
    expect(row).toEqual({ handlerId: winner.id, version: 2, claims: 1 });
  });

  it('assigns to a known member of the team; refuses unknown people and members of other teams', async () => {
    const slug = await inquiry(DESK);
    const unknown = await change('assignInquiry', deskA, {
      id: slug,
      expectedVersion: 1,
      assignee: deskNew.subject,
      assigneeName: deskNew.name,
    });
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0]!.message).toMatch(/registerHandler/);
    const outsider = await change('assignInquiry', deskA, {
      id: slug,
      expectedVersion: 1,
      assignee: reka.subject,
      assigneeName: reka.name,
    });
    expect(codeOf(outsider)).toBe('BAD_USER_INPUT');
    expect(outsider.errors![0]!.message).toContain('not a member of the knowledge security desk');
    const assigned = await change('assignInquiry', deskA, {
      id: slug,
      expectedVersion: 1,
      assignee: deskB.subject,
      assigneeName: deskB.name,
    });
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data.assignInquiry.handler).toEqual({ id: deskB.subject, name: deskB.name });
    const [row] = await db
      .queries()
      .read<{ version: number }>('MATCH (i:Inquiry {id: $slug}) RETURN i.version AS version', { slug });
    expect(row!.version).toBe(2);
  });

  it('the handler hands over with a note; nobody else can, and a hand-over without a note is refused', async () => {
    const slug = await inquiry(DESK);
    await change('claimInquiry', deskA, { id: slug, expectedVersion: 1 });
    const to = { assignee: deskB.subject, assigneeName: deskB.name };
    const noNote = await change('handOverInquiry', deskA, { id: slug, expectedVersion: 2, ...to });
    expect(codeOf(noNote)).toBe('BAD_USER_INPUT');
    const notMine = await change('handOverInquiry', deskB, {
      id: slug,
      expectedVersion: 2,
      note: 'Giving it back',
      assignee: deskA.subject,
      assigneeName: deskA.name,
    });
    expect(codeOf(notMine)).toBe('FORBIDDEN');
    const handed = await change('handOverInquiry', deskA, {
      id: slug,
      expectedVersion: 2,
      note: 'Drafted the answer; RVO still to call back.',
      ...to,
    });
    expect(handed.errors).toBeUndefined();
    expect(handed.data.handOverInquiry.handler.id).toBe(deskB.subject);
    const [change_] = await db
      .queries()
      .read<{ note: string }>(`MATCH (c:Change {subjectId: $slug, action: 'handOverInquiry'}) RETURN c.note AS note`, {
        slug,
      });
    expect(change_!.note).toBe('Drafted the answer; RVO still to call back.');
  });

  it('the handler releases it; releasing an unassigned one is refused; expectedVersion is checked', async () => {
    const slug = await inquiry(DESK);
    await change('claimInquiry', deskA, { id: slug, expectedVersion: 1 });
    const stale = await change('releaseInquiry', deskA, { id: slug, expectedVersion: 1 });
    expect(codeOf(stale)).toBe('CONFLICT');
    const byOther = await change('releaseInquiry', deskB, { id: slug, expectedVersion: 2 });
    expect(codeOf(byOther)).toBe('FORBIDDEN');
    const released = await change('releaseInquiry', deskA, { id: slug, expectedVersion: 2 });
    expect(released.errors).toBeUndefined();
    expect(released.data.releaseInquiry).toMatchObject({ handler: null, assignedAt: null, version: 3 });
    const again = await change('releaseInquiry', deskA, { id: slug, expectedVersion: 3 });
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
  });

  it('refuses other teams, officers and closed inquiries', async () => {
    const slug = await inquiry(DESK);
    expect(codeOf(await change('claimInquiry', ckn, { id: slug, expectedVersion: 1 }))).toBe('FORBIDDEN');
    expect(codeOf(await change('claimInquiry', officer, { id: slug, expectedVersion: 1 }))).toBe('FORBIDDEN');
    const closed = await inquiry(DESK, 'CLOSED');
    const response = await change('claimInquiry', deskA, { id: closed, expectedVersion: 1 });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toMatch(/Reopen it first/);
  });

  it('lists the known handlers of a team', async () => {
    const response = await graphql(
      'query ($team: String) { handlers(team: $team) { id teams } }',
      { team: 'reka' },
      { as: deskA },
    );
    const ids = (response.data.handlers as Array<{ id: string }>).map((h) => h.id);
    expect(ids).toContain(reka.subject);
    expect(ids).not.toContain(deskA.subject);
  });
});

describe('one record per person: the handlers are the people a team’s notifications reach', () => {
  const RECORD = 'mutation ($input: RecordInquiryInput!) { recordInquiry(input: $input) { inquiry { slug } } }';

  async function recipientsOfNew(input: Record<string, unknown>): Promise<string[]> {
    const recorded = await graphql(RECORD, { input: { askedBy: 'min-bz', ...input } }, { as: officer });
    expect(recorded.errors).toBeUndefined();
    const slug = recorded.data.recordInquiry.inquiry.slug as string;
    const rows = await db
      .queries()
      .read<{ id: string }>(
        `MATCH (n:Notification {kind: 'NEW_INQUIRY', inquiryId: $slug}) RETURN n.recipientId AS id ORDER BY id`,
        { slug },
      );
    return rows.map((row) => row.id);
  }

  async function handlersOf(team: string): Promise<string[]> {
    const response = await graphql('query ($team: String) { handlers(team: $team) { id } }', { team }, { as: ckn });
    expect(response.errors).toBeUndefined();
    return (response.data.handlers as Array<{ id: string }>).map((h) => h.id).sort();
  }

  it('someone known only from registerHandler or from the seed hears of a new inquiry of their team', async () => {
    const newcomer = person('ckn-newcomer', ['secretariat'], ['ckn']);
    const registered = await graphql('mutation { registerHandler { id teams lastSeenAt } }', {}, { as: newcomer });
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerHandler).toMatchObject({ id: newcomer.subject, teams: ['ckn'] });
    const question = `Which Chinese partners of Dutch photonics labs raise concerns? ${P}`;
    const recipients = await recipientsOfNew({ kind: 'EXPERTISE_REQUEST', routedTo: 'ckn', question });
    // The newcomer (registerHandler only), this file's CKN member, and the seed's CKN secretariat (people.json).
    expect(recipients).toEqual(expect.arrayContaining([newcomer.subject, ckn.subject, 'ckn-eline-van-rossum']));
    expect(recipients).not.toContain(reka.subject);
    const inbox = await graphql('{ myNotifications(first: 5) { edges { node { kind } } } }', {}, { as: newcomer });
    expect(inbox.data.myNotifications.edges).toEqual([{ node: { kind: 'NEW_INQUIRY' } }]);
  });

  it('handlers(team:) lists exactly the people a new inquiry of the team notifies', async () => {
    const cases = [
      { team: 'ckn', input: { kind: 'EXPERTISE_REQUEST', routedTo: 'ckn' } },
      { team: 'reka', input: { kind: 'EXPERTISE_REQUEST', routedTo: 'reka' } },
      { team: DESK, input: { kind: 'KNOWLEDGE_SECURITY' } },
    ];
    for (const { team, input } of cases) {
      const recipients = await recipientsOfNew({ ...input, question: `Who may we share sensor designs with? ${P}` });
      expect(recipients.length).toBeGreaterThan(1);
      expect(recipients).toEqual(await handlersOf(team));
    }
  });

  it('an officer recorded as a person is no handler, and cannot be assigned', async () => {
    // The officer filed inquiries above, so is a known person; not of any team.
    expect(await handlersOf(DESK)).not.toContain(officer.subject);
    const slug = await inquiry(DESK);
    const response = await change('assignInquiry', deskA, {
      id: slug,
      expectedVersion: 1,
      assignee: officer.subject,
      assigneeName: officer.name,
    });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
  });
});

describe('rerouting', () => {
  const REROUTED_FIELDS = `${FIELDS} question routedFrom { slug } rerouteCount
    reroutes { from { slug } to { slug } by reason }`;
  const read = (slug: string, as: TokenClaims) =>
    graphql(
      `query ($slug: ID!) { node(id: $slug) { ... on Inquiry { ${REROUTED_FIELDS} } } }`,
      {
        slug: Buffer.from(`Inquiry:${slug}`).toString('base64'),
      },
      { as },
    );

  it('keeps slug, receipt and due moment; clears the handler; the desk keeps read access but not write', async () => {
    const slug = await inquiry(DESK);
    await change('claimInquiry', deskA, { id: slug, expectedVersion: 1 });
    const before = (await read(slug, deskA)).data.node;
    const response = await graphql(
      `mutation ($input: RerouteInquiryInput!) { rerouteInquiry(input: $input) { ${REROUTED_FIELDS} } }`,
      { input: { id: slug, expectedVersion: 2, to: 'reka', reason: 'About Belarusian partners: a REKA question.' } },
      { as: deskA },
    );
    expect(response.errors).toBeUndefined();
    const after = response.data.rerouteInquiry;
    expect(after).toMatchObject({
      slug,
      receivedAt: before.receivedAt,
      dueAt: before.dueAt,
      routedTo: { slug: 'reka' },
      kind: 'EXPERTISE_REQUEST',
      handler: null,
      routedFrom: [{ slug: DESK }],
      rerouteCount: 1,
      reroutes: [
        { from: { slug: DESK }, to: { slug: 'reka' }, by: deskA.name, reason: expect.stringContaining('REKA') },
      ],
    });
    // The desk colleague who first handled it still reads it, and its history…
    const stillRead = await read(slug, deskA);
    expect(stillRead.errors).toBeUndefined();
    expect(stillRead.data.node.question).toBe(`Question ${slug}`);
    const history = await graphql(
      'query ($id: String!) { history(id: $id) { edges { node { action note } } } }',
      { id: slug },
      { as: deskA },
    );
    expect(history.errors).toBeUndefined();
    expect(history.data.history.edges).toContainEqual({
      node: { action: 'rerouteInquiry', note: 'About Belarusian partners: a REKA question.' },
    });
    // …but can no longer change it, nor take it.
    const status = await graphql(
      'mutation ($input: ChangeInquiryStatusInput!) { changeInquiryStatus(input: $input) { version } }',
      { input: { id: slug, expectedVersion: after.version, status: 'IN_PROGRESS' } },
      { as: deskA },
    );
    expect(codeOf(status)).toBe('FORBIDDEN');
    expect(codeOf(await change('claimInquiry', deskA, { id: slug, expectedVersion: after.version }))).toBe('FORBIDDEN');
    // REKA now handles it; CKN never saw it.
    const taken = await change('claimInquiry', reka, { id: slug, expectedVersion: after.version });
    expect(taken.errors).toBeUndefined();
    expect(codeOf(await read(slug, ckn))).toBe('FORBIDDEN');
  });

  it('refuses a reroute without a reason, to an unknown team or to the team it is at', async () => {
    const slug = await inquiry('ckn');
    const reroute = (input: Record<string, unknown>) =>
      graphql(
        'mutation ($input: RerouteInquiryInput!) { rerouteInquiry(input: $input) { version } }',
        { input: { id: slug, expectedVersion: 1, ...input } },
        { as: ckn },
      );
    const noReason = await reroute({ to: 'reka', reason: ' ' });
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    const unknown = await reroute({ to: 'nowhere', reason: 'Test' });
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0]!.message).toContain('reka');
    const same = await reroute({ to: 'ckn', reason: 'Test' });
    expect(codeOf(same)).toBe('BAD_USER_INPUT');
    const [row] = await db
      .queries()
      .read<{ version: number }>('MATCH (i:Inquiry {id: $slug}) RETURN i.version AS version', { slug });
    expect(row!.version).toBe(1);
  });

  it('statistics count a rerouted inquiry once, for the team it ended at, and count the reroutes', async () => {
    const query = `query ($network: String) { inquiryStatistics(network: $network, from: "${PERIOD.from}",
      to: "${PERIOD.to}") { received rerouted byNetwork { network { slug } received } } }`;
    interface Stats {
      received: number;
      rerouted: number;
      byNetwork: Array<{ network: { slug: string }; received: number }>;
    }
    const before = (await graphql(query, {})).data.inquiryStatistics as Stats;
    const slug = await inquiry('ckn');
    const response = await graphql(
      'mutation ($input: RerouteInquiryInput!) { rerouteInquiry(input: $input) { version } }',
      { input: { id: slug, expectedVersion: 1, to: DESK, reason: 'A knowledge-security question after all.' } },
      { as: ckn },
    );
    expect(response.errors).toBeUndefined();
    const after = (await graphql(query, {})).data.inquiryStatistics as Stats;
    expect(after.received).toBe(before.received + 1);
    expect(after.rerouted).toBe(before.rerouted + 1);
    const received = (stats: Stats, team: string) =>
      stats.byNetwork.find((n) => n.network.slug === team)?.received ?? 0;
    expect(received(after, DESK)).toBe(received(before, DESK) + 1);
    expect(received(after, 'ckn')).toBe(received(before, 'ckn'));
  });
});
