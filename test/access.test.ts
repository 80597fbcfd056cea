/**
 * Every role against every sensitive field and mutation: the access matrix of issue 5 in one place.
 * Each case lists the roles that may; every other role must get FORBIDDEN (never a silent null).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import {
  connectTestDatabase,
  fixturePrefix,
  graphql,
  type Actor,
  type Edge,
  type GraphqlResponse,
} from './helpers/api.js';
import { maybeUnset } from './helpers/maybe-unset.js';

const ACTORS = {
  anonymous: null,
  viewer: 'viewer',
  officer: 'officer',
  otherOfficer: { subject: 'test-officer-2', name: 'Other officer', roles: ['officer'] },
  secretariatCkn: 'secretariat',
  secretariatReka: {
    subject: 'test-secretariat-reka',
    name: 'REKA secretariat',
    roles: ['secretariat'],
    networks: ['reka'],
  },
  desk: 'desk',
  admin: 'admin',
} satisfies Record<string, Actor>;
type ActorName = keyof typeof ACTORS;
const EVERYONE = Object.keys(ACTORS) as ActorName[];

const P = fixturePrefix('access');
const id = (typename: string, slug: string) => Buffer.from(`${typename}:${slug}`).toString('base64');
let db: Database;

const experts = {
  cknConsenting: `${P}-ckn-consenting`,
  cknPrivate: `${P}-ckn-private`,
  rekaPrivate: `${P}-reka-private`,
};
const inquiries = { internal: `${P}-internal`, shareable: `${P}-shareable` };
/** A word only the internal inquiry contains, to search for. */
const SECRET_WORD = `zqx${P.replace(/[^a-z0-9]/g, '')}`;
/** An address whose words appear nowhere else in the graph. */
const PRIVATE_EMAIL = `b${SECRET_WORD}@mailbox.example.org`;

async function createInquiry(slug: string, visibility: string, question: string) {
  await db.queries().write(
    `MATCH (n:Network {id: 'ckn'}), (a:Institution {id: 'min-bz'})
     CREATE (i:Inquiry {id: $slug, kind: 'EXPERTISE_REQUEST', question: $question, status: 'RECEIVED',
                        visibility: $visibility,
                        receivedAt: datetime(), dueAt: datetime() + duration('P3D'), version: 1, riskCategories: [],
                        filedBy: 'test-officer', contactName: 'Asker', contactEmail: 'asker@example.org'})
     CREATE (i)-[:ROUTED_TO]->(n), (i)-[:ASKED_BY]->(a)`,
    { slug, visibility, question },
  );
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await db.queries().write(
    `UNWIND $rows AS row
     MATCH (n:Network {id: row.network})
     CREATE (e:Expert {id: row.id, name: row.id, email: row.email, phone: '+31600999999', contactConsent: row.consent,
       version: 1})
     CREATE (e)-[:MEMBER_OF]->(n)`,
    {
      rows: [
        { id: experts.cknConsenting, network: 'ckn', consent: true, email: `a${SECRET_WORD}@mailbox.example.org` },
        { id: experts.cknPrivate, network: 'ckn', consent: false, email: PRIVATE_EMAIL },
        { id: experts.rekaPrivate, network: 'reka', consent: false, email: `c${SECRET_WORD}@mailbox.example.org` },
      ],
    },
  );
  await createInquiry(inquiries.internal, 'INTERNAL', `Internal question ${SECRET_WORD}`);
  await createInquiry(inquiries.shareable, 'SHAREABLE', `Shareable question ${P}`);
});
afterAll(async () => {
  await maybeUnset(db)?.close();
});

/** Runs `query` as every actor; returns who got FORBIDDEN and who did not. */
async function whoIsForbidden(query: string, variables: Record<string, unknown> = {}, actors: ActorName[] = EVERYONE) {
  const forbidden: ActorName[] = [];
  for (const actor of actors) {
    const response = await graphql(query, variables, { as: ACTORS[actor] });
    const codes = (response.errors ?? []).map((e) => e.extensions?.code);
    if (codes.includes('FORBIDDEN')) forbidden.push(actor);
    else expect(response.errors, `${actor}: ${JSON.stringify(response.errors)}`).toBeUndefined();
  }
  return forbidden;
}

const others = (allowed: ActorName[]) => EVERYONE.filter((actor) => !allowed.includes(actor));

describe('contact details of experts', () => {
  const asNode = (field: string) => `query ($id: ID!) { node(id: $id) { ... on Expert { name ${field} } } }`;

  it.each([
    ['email', experts.cknConsenting, ['officer', 'otherOfficer', 'secretariatCkn', 'desk', 'admin']],
    ['email', experts.cknPrivate, ['secretariatCkn', 'desk', 'admin']],
    ['phone', experts.cknPrivate, ['secretariatCkn', 'desk', 'admin']],
    ['phone', experts.rekaPrivate, ['secretariatReka', 'desk', 'admin']],
  ] as Array<[string, string, ActorName[]]>)('%s of %s through node(id:)', async (field, slug, allowed) => {
    expect(await whoIsForbidden(asNode(field), { id: id('Expert', slug) })).toEqual(others(allowed));
  });

  it('are guarded the same way inside connections (network members)', async () => {
    const query = `query ($after: String) { node(id: "${id('Network', 'ckn')}") { ... on Network {
      members(first: 100, after: $after) { edges { node { slug email } } pageInfo { hasNextPage endCursor } } } } }`;
    for (const actor of ['officer', 'secretariatReka'] as ActorName[]) {
      // Every page: members go by name.
      const members: Array<{ slug: string; email: string | null }> = [];
      const forbidden: unknown[] = [];
      let after: string | null = null;
      do {
        const response: GraphqlResponse = await graphql(query, { after }, { as: ACTORS[actor] });
        forbidden.push(...(response.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN'));
        const { edges, pageInfo } = response.data.node.members;
        members.push(...edges.map((e: { node: unknown }) => e.node));
        after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
      } while (after !== null);
      expect(forbidden.length, actor).toBeGreaterThan(0);
      // Rows whose email is forbidden stay in the list; only the field errs.
      expect(members.find((m) => m.slug === experts.cknPrivate)).toEqual({
        slug: experts.cknPrivate,
        email: null,
      });
    }
  });

  it('cannot be searched for: whoKnows does not match an e-mail address', async () => {
    const { data, errors } = await graphql('query ($about: String!) { whoKnows(about: $about) { totalCount } }', {
      about: PRIVATE_EMAIL,
    });
    expect(errors).toBeUndefined();
    expect(data.whoKnows.totalCount).toBe(0);
  });
});

describe('internal inquiries', () => {
  it('through node(id:): whoever filed it, the routed network’s secretariat and administrators', async () => {
    const query = 'query ($id: ID!) { node(id: $id) { ... on Inquiry { question } } }';
    expect(await whoIsForbidden(query, { id: id('Inquiry', inquiries.internal) })).toEqual(
      others(['officer', 'secretariatCkn', 'admin']),
    );
  });

  it('through the inquiries list: left out for those who may not see them; the list itself is for staff', async () => {
    const query = '{ inquiries(filter: { network: "ckn" }, first: 100) { edges { node { slug } } } }';
    const listed: ActorName[] = [];
    for (const actor of EVERYONE) {
      let found = false;
      const response = await graphql(query, {}, { as: ACTORS[actor] });
      if (response.errors) {
        expect(response.errors[0]!.extensions?.code, actor).toBe('FORBIDDEN');
        continue;
      }
      // The fixture is the newest CKN inquiry but the list is oldest first: page to the end.
      let page = response.data.inquiries;
      for (;;) {
        found ||= page.edges.some((e: Edge) => e.node.slug === inquiries.internal);
        if (!page.pageInfo?.hasNextPage) break;
        const after: string = page.pageInfo.endCursor;
        page = (
          await graphql(
            `
              query ($after: String) {
                inquiries(filter: { network: "ckn" }, first: 100, after: $after) {
                  edges {
                    node {
                      slug
                    }
                  }
                  pageInfo {
                    hasNextPage
                    endCursor
                  }
                }
              }
            `,
            { after },
            { as: ACTORS[actor] },
          )
        ).data.inquiries;
      }
      if (found) listed.push(actor);
    }
    expect(listed).toEqual(['officer', 'secretariatCkn', 'admin']);
  });

  it('through full-text similarity: their words find nothing for those who may not see them', async () => {
    const query = 'query ($q: String!) { similarInquiries(question: $q, first: 5) { inquiry { slug } } }';
    const finders: ActorName[] = [];
    for (const actor of EVERYONE) {
      const response = await graphql(query, { q: SECRET_WORD }, { as: ACTORS[actor] });
      if (response.errors) {
        expect(response.errors[0]!.extensions?.code, actor).toBe('FORBIDDEN');
        continue;
      }
      if (
        response.data.similarInquiries.some((s: { inquiry: { slug: string } }) => s.inquiry.slug === inquiries.internal)
      )
        finders.push(actor);
    }
    expect(finders).toEqual(['officer', 'secretariatCkn', 'admin']);
  });

  it('a shareable inquiry is seen by all staff, but its asker’s contact only by its filer and handlers', async () => {
    const inquiry = id('Inquiry', inquiries.shareable);
    expect(
      await whoIsForbidden('query ($id: ID!) { node(id: $id) { ... on Inquiry { question } } }', { id: inquiry }),
    ).toEqual(['anonymous', 'viewer']);
    expect(
      await whoIsForbidden('query ($id: ID!) { node(id: $id) { ... on Inquiry { contact { email } } } }', {
        id: inquiry,
      }),
    ).toEqual(others(['officer', 'secretariatCkn', 'admin']));
  });
});

describe('what a shared inquiry shows (issue 20): the question and the answer, not the handling', () => {
  const STAFF_READ = ['anonymous', 'viewer'] as ActorName[];
  const FIELDS: Array<[string, ActorName[]]> = [
    ['question answerSummary closingReason duplicateOf { slug }', STAFF_READ],
    ['context', others(['officer', 'secretariatCkn', 'admin'])],
    ['askedBy { slug }', others(['officer', 'secretariatCkn', 'admin'])],
    ['history { status }', others(['officer', 'secretariatCkn', 'admin'])],
    ['askerMessages { summary }', others(['officer', 'secretariatCkn', 'admin'])],
    ['lastAskerMessageAt', others(['officer', 'secretariatCkn', 'admin'])],
    ['expectedAnswerAt', others(['officer', 'secretariatCkn', 'admin'])],
    ['consultations { id status }', others(['secretariatCkn', 'admin'])],
    ['notes { text }', others(['secretariatCkn', 'admin'])],
    ['edits { fields }', others(['secretariatCkn', 'admin'])],
    ['ministryCoordinations { askedAt }', others(['secretariatCkn', 'admin'])],
    ['timeline { kind }', others(['secretariatCkn', 'admin'])],
  ];
  it.each(FIELDS)('%s', async (field, forbidden) => {
    const query = `query ($id: ID!) { node(id: $id) { ... on Inquiry { slug ${field} } } }`;
    expect(await whoIsForbidden(query, { id: id('Inquiry', inquiries.shareable) })).toEqual(forbidden);
  });
});

describe('aggregates for dashboards', () => {
  it('inquiryStatistics is open to every role, and counts what the graph holds', async () => {
    // A period that only seed inquiries fall in, so that this file's own inquiries do not count.
    const query = `{ inquiryStatistics(network: "ckn", from: "2025-01-01T00:00:00Z", to: "2025-06-01T00:00:00Z") {
      received answered answeredOnTime byStatus { status count } byNetwork { network { slug } received } } }`;
    expect(await whoIsForbidden(query)).toEqual([]);
    const [expected] = await db.queries().read<{ received: number; answered: number }>(
      `MATCH (i:Inquiry)-[:ROUTED_TO]->(:Network {id: 'ckn'})
       WHERE datetime('2025-01-01T00:00:00Z') <= i.receivedAt < datetime('2025-06-01T00:00:00Z')
       RETURN count(i) AS received, count(i.answeredAt) AS answered`,
    );
    const { data } = await graphql(query, {}, { as: 'viewer' });
    const stats = data.inquiryStatistics;
    expect(stats.received).toBeGreaterThan(0);
    expect(stats.received).toBe(expected!.received);
    expect(stats.answered).toBe(expected!.answered);
    expect(stats.answeredOnTime).toBeLessThanOrEqual(stats.answered);
    expect(stats.byStatus.reduce((sum: number, s: { count: number }) => sum + s.count, 0)).toBe(stats.received);
    expect(stats.byNetwork).toEqual([{ network: { slug: 'ckn' }, received: stats.received }]);
  });
});

describe('history', () => {
  it('of an expert: administrators and the secretariats that curate the expert', async () => {
    const query = 'query ($id: String!) { history(id: $id) { totalCount } }';
    expect(await whoIsForbidden(query, { id: experts.cknPrivate })).toEqual(others(['secretariatCkn', 'admin']));
  });

  it('of an inquiry: administrators and its handlers', async () => {
    const query = 'query ($id: String!) { history(id: $id) { totalCount } }';
    expect(await whoIsForbidden(query, { id: inquiries.internal })).toEqual(others(['secretariatCkn', 'admin']));
  });

  it('of a contribution: administrators and its authors’ networks’ secretariats (not every secretariat)', async () => {
    const contribution = `${P}-reka-paper`;
    await db
      .queries()
      .write(
        'MATCH (e:Expert {id: $author}) CREATE (:Contribution {id: $contribution, ' +
          `title: 'A paper ' + $contribution, version: 1})-[:BY]->(e)`,
        { author: experts.rekaPrivate, contribution },
      );
    const query = 'query ($id: String!) { history(id: $id) { totalCount } }';
    expect(await whoIsForbidden(query, { id: id('Contribution', contribution) })).toEqual(
      others(['secretariatReka', 'admin']),
    );
  });
});

describe('history(id:) names one object of one type (slugs are unique per type only)', () => {
  const HISTORY =
    'query ($id: String!) { history(id: $id, first: 50) { totalCount ' +
    'edges { node { action subjectType subjectSlug before after } } } }';
  const REKA = ACTORS.secretariatReka;
  const createInstitution = (slug: string) =>
    graphql(
      'mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { slug } }',
      { input: { slug, name: `Decoy ${slug}`, nameNl: `Lokaas ${slug}`, kind: 'NGO', country: 'NL' } },
      { as: REKA },
    );
  const codeOf = (response: { errors?: Array<{ extensions?: { code?: string } }> }) =>
    response.errors?.[0]?.extensions?.code;

  it(
    'a REKA secretariat cannot read an internal desk inquiry’s ' +
      'records through an institution it gave the same slug',
    async () => {
      const slug = `${P}-inq-0003`;
      await db.queries().write(
        `MATCH (n:Network {id: 'knowledge-security-desk'}), (a:Institution {id: 'min-bz'})
       CREATE (i:Inquiry {id: $slug, kind: 'KNOWLEDGE_SECURITY', question: 'Secret question', status: 'RECEIVED',
                          visibility: 'INTERNAL',
                          receivedAt: datetime(), dueAt: datetime() + duration('P3D'), version: 1, riskCategories: [],
                          filedBy: 'test-desk', contactName: 'Asker Secret', contactEmail: 'asker-secret@example.org'})
       CREATE (i)-[:ROUTED_TO]->(n), (i)-[:ASKED_BY]->(a)`,
        { slug },
      );
      const status = await graphql(
        'mutation ($input: ChangeInquiryStatusInput!) { changeInquiryStatus(input: $input) { version } }',
        { input: { id: slug, expectedVersion: 1, status: 'IN_PROGRESS' } },
        { as: 'desk' },
      );
      expect(status.errors).toBeUndefined();
      expect((await createInstitution(slug)).errors).toBeUndefined();

      // The bare slug is ambiguous: refused, with the global id of each object to choose from.
      const ambiguous = await graphql(HISTORY, { id: slug }, { as: REKA });
      expect(codeOf(ambiguous)).toBe('BAD_USER_INPUT');
      expect(ambiguous.errors![0]!.message).toContain(id('Institution', slug));
      expect(ambiguous.errors![0]!.message).toContain(id('Inquiry', slug));
      expect(JSON.stringify(ambiguous)).not.toContain('asker-secret@example.org');

      // The institution's global id gives the institution's records only.
      const own = await graphql(HISTORY, { id: id('Institution', slug) }, { as: REKA });
      expect(own.errors).toBeUndefined();
      expect(
        own.data.history.edges.map((e: Edge<{ subjectType: string; action: string }>) => [
          e.node.subjectType,
          e.node.action,
        ]),
      ).toEqual([['Institution', 'createInstitution']]);
      expect(JSON.stringify(own)).not.toContain('asker-secret@example.org');

      // The inquiry's global id is checked against the inquiry.
      expect(codeOf(await graphql(HISTORY, { id: id('Inquiry', slug) }, { as: REKA }))).toBe('FORBIDDEN');
      const desk = await graphql(HISTORY, { id: id('Inquiry', slug) }, { as: 'desk' });
      expect(desk.data.history.edges.map((e: Edge<{ action: string }>) => e.node.action)).toEqual([
        'changeInquiryStatus',
      ]);
    },
  );

  it("a merged expert's old id: only its own records, to whoever may curate the expert it merged into", async () => {
    const keep = `${P}-merge-keep`;
    const gone = `${P}-merge-gone`;
    await db.queries().write(
      `MATCH (ckn:Network {id: 'ckn'})
       CREATE (:Expert {id: $keep, name: 'Kept Person', email: 'kept@example.org', version: 1})-[:MEMBER_OF]->(ckn)
       CREATE (:Expert {id: $gone, name: 'Gone Person', email: 'gone-secret@example.org', phone: '+31600111222',
         version: 1})-[:MEMBER_OF]->(ckn)`,
      { keep, gone },
    );
    const merged = await graphql('mutation ($input: MergeExpertsInput!) { mergeExperts(input: $input) { slug } }', {
      input: { keep, remove: gone, keepVersion: 1, removeVersion: 1 },
    });
    expect(merged.errors).toBeUndefined();
    // A secretariat of another network takes the old id as an institution's slug.
    expect((await createInstitution(gone)).errors).toBeUndefined();

    expect(codeOf(await graphql(HISTORY, { id: gone }, { as: REKA }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await graphql(HISTORY, { id: id('Expert', gone) }, { as: REKA }))).toBe('FORBIDDEN');
    const institution = await graphql(HISTORY, { id: id('Institution', gone) }, { as: REKA });
    expect(institution.data.history.edges.map((e: Edge<{ subjectType: string }>) => e.node.subjectType)).toEqual([
      'Institution',
    ]);
    expect(JSON.stringify(institution)).not.toContain('gone-secret@example.org');

    // CKN curates the kept expert: it reads the old id's own records (the merge), contact details included.
    const ckn = await graphql(HISTORY, { id: id('Expert', gone) }, { as: 'secretariat' });
    expect(ckn.errors).toBeUndefined();
    expect(
      ckn.data.history.edges.map((e: Edge<{ subjectSlug: string; action: string }>) => [
        e.node.subjectSlug,
        e.node.action,
      ]),
    ).toEqual([[gone, 'mergeExperts']]);
    expect(ckn.data.history.edges[0].node.before.email).toBe('gone-secret@example.org');

    // Once the kept expert leaves CKN for REKA, the permission follows it.
    const version = (
      await db.queries().read<{ v: number }>('MATCH (e:Expert {id: $keep}) RETURN e.version AS v', { keep })
    )[0]!.v;
    const moved = await graphql('mutation ($input: UpdateExpertInput!) { updateExpert(input: $input) { version } }', {
      input: { id: keep, expectedVersion: version, networks: ['reka'] },
    });
    expect(moved.errors).toBeUndefined();
    expect(codeOf(await graphql(HISTORY, { id: id('Expert', gone) }, { as: 'secretariat' }))).toBe('FORBIDDEN');
    const reka = await graphql(HISTORY, { id: id('Expert', gone) }, { as: REKA });
    expect(reka.data.history.edges.map((e: Edge<{ action: string }>) => e.node.action)).toEqual(['mergeExperts']);
  });
});

describe('inquiry mutations', () => {
  it('recordInquiry: every role but viewers', async () => {
    const query = `mutation ($input: RecordInquiryInput!) { recordInquiry(input: $input) { inquiry { slug } } }`;
    const input = { kind: 'EXPERTISE_REQUEST', question: `Access ${P}`, askedBy: 'min-bz', routedTo: 'ckn' };
    expect(await whoIsForbidden(query, { input })).toEqual(['anonymous', 'viewer']);
  });

  const HANDLING: Array<[string, Record<string, unknown>]> = [
    ['answerInquiry', { answerSummary: 'An answer.' }],
    ['changeInquiryStatus', { status: 'IN_PROGRESS' }],
    ['consultExpert', { expert: 'maarten-kooistra', outcome: 'DECLINED' }],
    ['closeInquiry', { note: 'Withdrawn by the asker' }],
    ['linkFollowUp', { followUpOf: 'inq-2024-0001' }],
  ];

  it.each(HANDLING)('%s: the routed network’s secretariat and administrators only', async (mutation, fields) => {
    const forbidden: ActorName[] = [];
    for (const actor of EVERYONE) {
      const slug = `${P}-${mutation}-${actor}`;
      await createInquiry(slug, 'INTERNAL', `To handle ${P}`);
      const inputType = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
      const response = await graphql(
        `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { version } }`,
        { input: { id: slug, expectedVersion: 1, ...fields } },
        { as: ACTORS[actor] },
      );
      const [row] = await db
        .queries()
        .read<{ version: number; changes: number }>(
          'MATCH (i:Inquiry {id: $slug}) RETURN i.version AS version, ' +
            'COUNT { (c:Change {subjectId: $slug}) } AS changes',
          { slug },
        );
      if (response.errors?.[0]?.extensions?.code === 'FORBIDDEN') {
        forbidden.push(actor);
        expect(row, actor).toEqual({ version: 1, changes: 0 });
      } else {
        expect(response.errors, actor).toBeUndefined();
        expect(row, actor).toEqual({ version: 2, changes: 1 });
      }
    }
    expect(forbidden).toEqual(others(['secretariatCkn', 'admin']));
  });
});

describe('notifications: every signed-in person, their own inbox only', () => {
  it.each([
    ['myNotifications', '{ myNotifications(first: 5) { totalCount edges { node { id kind text } } } }'],
    ['unreadNotificationCount', '{ unreadNotificationCount }'],
    ['markAllNotificationsRead', 'mutation { markAllNotificationsRead }'],
  ])('%s: every role but anonymous', async (_name, query) => {
    expect(await whoIsForbidden(query)).toEqual(['anonymous']);
  });

  it('markNotificationRead: only the recipient, whatever the role (NOT_FOUND for anyone else)', async () => {
    for (const actor of EVERYONE) {
      await db.queries().write(
        `CREATE (:Notification {id: $id, recipientId: 'test-desk', kind: 'NEW_INQUIRY', inquiryId: $inquiry,
           question: 'Q', createdAt: datetime(), unread: true})`,
        { id: `${P}-note-${actor}`, inquiry: inquiries.internal },
      );
    }
    const outcomes: Record<string, string> = {};
    for (const actor of EVERYONE) {
      const response = await graphql(
        'mutation ($id: ID!) { markNotificationRead(id: $id) { read } }',
        { id: `${P}-note-${actor}` },
        { as: ACTORS[actor] },
      );
      outcomes[actor] = response.errors?.[0]?.extensions?.code ?? 'read';
    }
    expect(outcomes).toEqual({
      anonymous: 'FORBIDDEN',
      viewer: 'NOT_FOUND',
      officer: 'NOT_FOUND',
      otherOfficer: 'NOT_FOUND',
      secretariatCkn: 'NOT_FOUND',
      secretariatReka: 'NOT_FOUND',
      desk: 'read',
      admin: 'NOT_FOUND',
    });
  });
});

describe('handling records (issue 20): what a handler records on an inquiry', () => {
  /** Each mutation, the roles that may, what the inquiry needs first, and its fields. */
  const RECORDS: Array<[string, ActorName[], string | null, (slug: string) => Record<string, unknown>]> = [
    ['addInquiryNote', ['secretariatCkn', 'admin'], null, () => ({ text: 'A note.' })],
    ['recordAskerMessage', ['secretariatCkn', 'admin'], null, () => ({ channel: 'EMAIL', summary: 'Told them.' })],
    ['editInquiry', ['secretariatCkn', 'admin'], null, () => ({ contactName: 'Someone else' })],
    [
      'correctInquiryReceipt',
      ['admin'],
      null,
      () => ({ receivedAt: new Date(Date.now() - 86_400_000).toISOString(), reason: 'Came in by mail.' }),
    ],
    ['askExpert', ['secretariatCkn', 'admin'], null, () => ({ expert: 'maarten-kooistra', channel: 'PHONE' })],
    [
      'recordConsultationOutcome',
      ['secretariatCkn', 'admin'],
      `MATCH (i:Inquiry {id: $slug}), (e:Expert {id: 'maarten-kooistra'})
       CREATE (i)-[:CONSULTED {id: $slug + '#c1', status: 'WAITING', askedAt: datetime()}]->(e)`,
      (slug) => ({ consultation: `${slug}#c1`, outcome: 'DECLINED' }),
    ],
    ['recordMinistryCoordination', ['secretariatCkn', 'admin'], null, () => ({ ministry: 'min-ezk' })],
    [
      'recordMinistryAnswer',
      ['secretariatCkn', 'admin'],
      `MATCH (i:Inquiry {id: $slug}), (m:Institution {id: 'min-ezk'})
       CREATE (i)-[:COORDINATED_WITH {askedAt: datetime()}]->(m)`,
      () => ({ ministry: 'min-ezk', outcome: 'No objection.' }),
    ],
    [
      'setExpectedAnswer',
      ['secretariatCkn', 'admin'],
      "MATCH (i:Inquiry {id: $slug}) SET i.status = 'COORDINATING'",
      () => ({ expectedAnswerAt: new Date(Date.now() + 86_400_000).toISOString() }),
    ],
    ['closeInquiry', ['secretariatCkn', 'admin'], null, () => ({ reason: 'RECORDED_IN_ERROR' })],
  ];

  it.each(RECORDS)('%s', async (mutation, allowed, prepare, fields) => {
    const forbidden: ActorName[] = [];
    for (const actor of EVERYONE) {
      const slug = `${P}-${mutation}-r-${actor}`;
      await createInquiry(slug, 'INTERNAL', `To record on ${P}`);
      if (prepare) await db.queries().write(prepare, { slug });
      const inputType = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
      const response = await graphql(
        `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { version } }`,
        { input: { id: slug, expectedVersion: 1, ...fields(slug) } },
        { as: ACTORS[actor] },
      );
      const [row] = await db
        .queries()
        .read<{ version: number; changes: number }>(
          'MATCH (i:Inquiry {id: $slug}) RETURN i.version AS version, ' +
            'COUNT { (c:Change {subjectId: $slug}) } AS changes',
          { slug },
        );
      if (response.errors?.[0]?.extensions?.code === 'FORBIDDEN') {
        forbidden.push(actor);
        expect(row, actor).toEqual({ version: 1, changes: 0 });
      } else {
        expect(response.errors, actor).toBeUndefined();
        expect(row, actor).toEqual({ version: 2, changes: 1 });
      }
    }
    expect(forbidden).toEqual(others(allowed));
  });
});

describe('curation mutations', () => {
  let serial = 0;
  /** A fresh CKN expert, institution and theme for one attempt. */
  async function fixtures() {
    const key = `${P}-c${serial++}`;
    await db.queries().write(
      `MATCH (ckn:Network {id: 'ckn'})
       CREATE (a:Expert {id: $key + '-a', name: 'Fixture A ' + $key, surnameKey: 'fixture',
         version: 1})-[:MEMBER_OF]->(ckn)
       CREATE (b:Expert {id: $key + '-b', name: 'Fixture B ' + $key, surnameKey: 'fixture',
         version: 1})-[:MEMBER_OF]->(ckn)
       CREATE (:Institution {id: $key + '-inst', name: 'Institution ' + $key, nameNl: 'Instelling ' + $key,
         kind: 'THINK_TANK', version: 1})
       CREATE (:Theme {id: $key + '-theme', name: 'Theme ' + $key, nameNl: 'Thema ' + $key, aliases: [],
         keys: [$key + ' theme'], version: 1})`,
      { key },
    );
    return { key, a: `${key}-a`, b: `${key}-b`, institution: `${key}-inst`, theme: `${key}-theme` };
  }

  const SECRETARIATS: ActorName[] = ['secretariatCkn', 'secretariatReka', 'admin'];
  const CKN: ActorName[] = ['secretariatCkn', 'admin'];
  /** Institutions: the secretariats and also the desk, which records foreign partners (issue 22). */
  const HANDLERS: ActorName[] = ['secretariatCkn', 'secretariatReka', 'desk', 'admin'];

  const cases: Array<[string, ActorName[], (f: Awaited<ReturnType<typeof fixtures>>) => Record<string, unknown>]> = [
    ['createExpert', SECRETARIATS, (f) => ({ name: `New ${f.key}` })],
    ['updateExpert', CKN, (f) => ({ id: f.a, expectedVersion: 1, headline: 'Updated' })],
    ['retireExpert', CKN, (f) => ({ id: f.a, expectedVersion: 1, reason: 'Left the field' })],
    [
      'createInstitution',
      HANDLERS,
      (f) => ({ slug: `${f.key}-new`, name: `New ${f.key}`, nameNl: `Nieuw ${f.key}`, kind: 'NGO', country: 'NL' }),
    ],
    ['updateInstitution', HANDLERS, (f) => ({ id: f.institution, expectedVersion: 1, city: 'Utrecht' })],
    ['retireInstitution', HANDLERS, (f) => ({ id: f.institution, expectedVersion: 1, reason: 'Closed' })],
    [
      'createTheme',
      SECRETARIATS,
      (f) => ({ slug: `${f.key}-new-theme`, name: `New theme ${f.key}`, nameNl: `Nieuw thema ${f.key}` }),
    ],
    ['updateTheme', SECRETARIATS, (f) => ({ id: f.theme, expectedVersion: 1, description: 'Updated' })],
    ['retireTheme', SECRETARIATS, (f) => ({ id: f.theme, expectedVersion: 1, reason: 'Folded into another' })],
    [
      'createContribution',
      CKN,
      (f) => ({ kind: 'PUBLICATION', title: `Paper ${f.key}`, date: '2025-05-01', authors: [f.a] }),
    ],
    [
      'createEvent',
      CKN,
      (f) => ({
        kind: 'KNOWLEDGE_SESSION',
        title: `Session ${f.key}`,
        startsAt: '2031-05-06T13:00:00Z',
        network: 'ckn',
        speakers: [{ expert: f.a }],
      }),
    ],
    ['mergeExperts', CKN, (f) => ({ keep: f.a, remove: f.b, keepVersion: 1, removeVersion: 1 })],
    ['eraseExpert', CKN, (f) => ({ id: f.a, expectedVersion: 1, reason: 'Request received' })],
  ];

  it.each(cases)('%s', async (mutation, allowed, input) => {
    const forbidden: ActorName[] = [];
    for (const actor of EVERYONE) {
      const f = await fixtures();
      const before = await db
        .queries()
        .read('MATCH (c:Change) WHERE c.subjectId STARTS WITH $key RETURN count(c) AS n', { key: f.key });
      const inputType = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
      const response = await graphql(
        `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { __typename } }`,
        { input: input(f) },
        { as: ACTORS[actor] },
      );
      const codes = (response.errors ?? []).map((e) => e.extensions?.code);
      const after = await db
        .queries()
        .read('MATCH (c:Change) WHERE c.subjectId STARTS WITH $key RETURN count(c) AS n', { key: f.key });
      if (codes.includes('FORBIDDEN')) {
        forbidden.push(actor);
        expect(after, `${actor} changed something`).toEqual(before);
      } else {
        expect(response.errors, `${actor}: ${JSON.stringify(response.errors)}`).toBeUndefined();
      }
    }
    expect(forbidden).toEqual(others(allowed));
  });

  it('duplicateExperts: administrators and secretariats', async () => {
    expect(await whoIsForbidden('{ duplicateExperts(first: 1) { totalCount } }')).toEqual(others(SECRETARIATS));
  });
});

describe('handling: assignment, reroutes and queues', () => {
  const colleague = { subject: 'test-secretariat-2', name: 'CKN colleague', roles: ['secretariat'], networks: ['ckn'] };
  /** A CKN inquiry handled by the CKN secretariat's test identity. */
  async function handled(slug: string) {
    await createInquiry(slug, 'INTERNAL', `Handled ${P}`);
    await db
      .queries()
      .write("MATCH (i:Inquiry {id: $slug}) SET i.handlerId = 'test-secretariat', i.handlerName = 'Test secretariat'", {
        slug,
      });
  }

  beforeAll(async () => {
    for (const who of [ACTORS.secretariatCkn, colleague] as Actor[])
      expect((await graphql('mutation { registerHandler { id } }', {}, { as: who })).errors).toBeUndefined();
  });

  it('registerHandler: the desk and the secretariats (people in a team), not administrators', async () => {
    expect(await whoIsForbidden('mutation { registerHandler { id } }')).toEqual(
      others(['secretariatCkn', 'secretariatReka', 'desk']),
    );
  });

  it('handlers: the desk, secretariats and administrators', async () => {
    expect(await whoIsForbidden('{ handlers { id name teams lastSeenAt } }')).toEqual(
      others(['secretariatCkn', 'secretariatReka', 'desk', 'admin']),
    );
  });

  it('inquiryQueues: staff', async () => {
    expect(await whoIsForbidden('{ inquiryQueues { queue count } }')).toEqual(['anonymous', 'viewer']);
  });

  it('handler, assignedAt, routedFrom, rerouteCount: whoever may see the inquiry', async () => {
    const query = `query ($id: ID!) { node(id: $id) { ... on Inquiry {
      handler { id name } assignedAt routedFrom { slug } rerouteCount } } }`;
    expect(await whoIsForbidden(query, { id: id('Inquiry', inquiries.internal) })).toEqual(
      others(['officer', 'secretariatCkn', 'admin']),
    );
  });

  it('reroutes (with their reasons): the team it is at, the teams it left, administrators; not its filer', async () => {
    const slug = `${P}-rerouted`;
    await createInquiry(slug, 'INTERNAL', `Rerouted ${P}`);
    await db.queries().write(
      `MATCH (i:Inquiry {id: $slug}), (d:Network {id: 'knowledge-security-desk'})
       CREATE (i)-[:ROUTED_FROM {to: 'ckn', at: datetime(), by: 'Test desk', byId: 'test-desk', reason: 'CKN'}]->(d)`,
      { slug },
    );
    const query = 'query ($id: ID!) { node(id: $id) { ... on Inquiry { reroutes { reason } } } }';
    expect(await whoIsForbidden(query, { id: id('Inquiry', slug) })).toEqual(
      others(['secretariatCkn', 'desk', 'admin']),
    );
    const read = 'query ($id: ID!) { node(id: $id) { ... on Inquiry { question } } }';
    expect(await whoIsForbidden(read, { id: id('Inquiry', slug) })).toEqual(
      others(['officer', 'secretariatCkn', 'desk', 'admin']),
    );
  });

  const CASES: Array<[string, Record<string, unknown>, ActorName[], boolean]> = [
    // Administrators handle every inquiry but belong to no team: they assign, they do not claim.
    ['claimInquiry', {}, ['secretariatCkn'], false],
    [
      'assignInquiry',
      { assignee: colleague.subject, assigneeName: colleague.name },
      ['secretariatCkn', 'admin'],
      false,
    ],
    [
      'handOverInquiry',
      { assignee: colleague.subject, assigneeName: colleague.name, note: 'Over to you' },
      ['secretariatCkn'],
      true,
    ],
    ['releaseInquiry', {}, ['secretariatCkn', 'admin'], true],
    ['rerouteInquiry', { to: 'reka', reason: 'A REKA question' }, ['secretariatCkn', 'admin'], false],
  ];

  it.each(CASES)('%s', async (mutation, fields, allowed, assigned) => {
    const forbidden: ActorName[] = [];
    for (const actor of EVERYONE) {
      const slug = `${P}-${mutation}-${actor}`;
      if (assigned) await handled(slug);
      else await createInquiry(slug, 'INTERNAL', `To assign ${P}`);
      const inputType = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
      const response = await graphql(
        `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { version } }`,
        { input: { id: slug, expectedVersion: 1, ...fields } },
        { as: ACTORS[actor] },
      );
      const [row] = await db
        .queries()
        .read<{ version: number; changes: number }>(
          'MATCH (i:Inquiry {id: $slug}) RETURN i.version AS version, ' +
            'COUNT { (c:Change {subjectId: $slug}) } AS changes',
          { slug },
        );
      if (response.errors?.[0]?.extensions?.code === 'FORBIDDEN') {
        forbidden.push(actor);
        expect(row, actor).toEqual({ version: 1, changes: 0 });
      } else {
        expect(response.errors, actor).toBeUndefined();
        expect(row, actor).toEqual({ version: 2, changes: 1 });
      }
    }
    expect(forbidden).toEqual(others(allowed));
  });
});

describe('look-ups by slug: the same rules as node(id:)', () => {
  it('inquiry(slug:) of an internal inquiry: its filer, its network’s secretariat and administrators', async () => {
    const query = 'query ($slug: String!) { inquiry(slug: $slug) { question } }';
    expect(await whoIsForbidden(query, { slug: inquiries.internal })).toEqual(
      others(['officer', 'secretariatCkn', 'admin']),
    );
  });

  it('expert(slug:) guards contact details as node(id:) does', async () => {
    const query = 'query ($slug: String!) { expert(slug: $slug) { name email } }';
    expect(await whoIsForbidden(query, { slug: experts.cknPrivate })).toEqual(
      others(['secretariatCkn', 'desk', 'admin']),
    );
  });

  it('institution(slug:), event(slug:) and institutions(search:) are open to every role', async () => {
    const query =
      '{ institution(slug: "tu-delft") { name } event(slug: "none-such") { title } ' +
      'institutions(search: "delft", first: 5) { totalCount } }';
    expect(await whoIsForbidden(query)).toEqual([]);
  });
});
