/**
 * What a handler records on an inquiry (issue 20): notes, messages to the asker, closing reasons, edits, the life of
 * consultations, coordination with ministries; each with CONFLICT on a stale version, refusals with a code and a
 * message, nothing half written, and who may.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { connectTestDatabase, fixturePrefix, graphql, type Actor, type GraphqlResponse } from './helpers/api.js';
import { maybeUnset } from './helpers/maybe-unset.js';

const P = fixturePrefix('handling');
let db: Database;
let serial = 0;

const OFFICER: Actor = 'officer';
const OTHER_OFFICER: Actor = { subject: `${P}-officer-2`, name: 'Other officer', roles: ['officer'] };
const DESK: Actor = 'desk';
const CKN: Actor = 'secretariat';

beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => {
  await maybeUnset(db)?.close();
});

/** A fresh inquiry of this file, written straight to the graph (version 1), filed by the test officer. */
async function inquiry(
  options: { network?: string; visibility?: string; answered?: boolean; status?: string } = {},
): Promise<string> {
  const slug = `${P}-${serial++}`;
  const network = options.network ?? 'knowledge-security-desk';
  await db.queries().write(
    `MATCH (n:Network {id: $network}), (a:Institution {id: 'tu-delft'})
     CREATE (i:Inquiry {id: $slug, kind: CASE WHEN $network = 'knowledge-security-desk' THEN 'KNOWLEDGE_SECURITY'
                                          ELSE 'EXPERTISE_REQUEST' END,
                        question: 'Handling question ' + $slug, context: 'Asked by Jan Secret of the physics lab',
                        status: $status, visibility: $visibility, answerSummary: $answer,
                        answeredAt: CASE WHEN $answer IS NULL THEN null ELSE datetime() END,
                        receivedAt: datetime() - duration('PT2H'), dueAt: datetime() + duration('P3D'), version: 1,
                        riskCategories: [], filedBy: 'test-officer', contactName: 'Jan Secret',
                        contactEmail: 'jan.secret@example.org'})
     CREATE (i)-[:ROUTED_TO]->(n), (i)-[:ASKED_BY]->(a)`,
    {
      slug,
      network,
      status: options.status ?? (options.answered ? 'ANSWERED' : 'RECEIVED'),
      visibility: options.visibility ?? 'INTERNAL',
      answer: options.answered ? 'The answer.' : null,
    },
  );
  return slug;
}

const id = (slug: string) => Buffer.from(`Inquiry:${slug}`).toString('base64');

async function change(
  mutation: string,
  input: Record<string, unknown>,
  as: Actor = DESK,
  select = 'version status',
): Promise<GraphqlResponse> {
  const inputType = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
  return graphql(`mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${select} } }`, { input }, { as });
}

async function read(slug: string, select: string, as: Actor = DESK): Promise<GraphqlResponse> {
  return graphql(`query ($id: ID!) { node(id: $id) { ... on Inquiry { ${select} } } }`, { id: id(slug) }, { as });
}

/** The inquiry's version and how many audit records it has: unchanged when a write was refused. */
async function written(slug: string) {
  const [row] = await db
    .queries()
    .read<{ version: number; changes: number }>(
      'MATCH (i:Inquiry {id: $slug}) RETURN i.version AS version, COUNT { (c:Change {subjectId: $slug}) } AS changes',
      { slug },
    );
  return row;
}

const codeOf = (response: GraphqlResponse) => response.errors?.[0]?.extensions?.code;

describe('notes and messages to the asker', () => {
  it('a note is added at any status without changing it, and shows in notes and the timeline', async () => {
    const slug = await inquiry({ status: 'IN_PROGRESS' });
    const response = await change('addInquiryNote', { id: slug, expectedVersion: 1, text: 'Called the lab.' });
    expect(response.errors).toBeUndefined();
    expect(response.data.addInquiryNote).toEqual({ version: 2, status: 'IN_PROGRESS' });
    const { data } = await read(slug, 'notes { text by } timeline { kind summary by }');
    expect(data.node.notes).toEqual([{ text: 'Called the lab.', by: 'Test desk' }]);
    expect(data.node.timeline).toContainEqual({ kind: 'NOTE', summary: 'Called the lab.', by: 'Test desk' });
    expect(await written(slug)).toEqual({ version: 2, changes: 1 });
  });

  it('a stale version gets CONFLICT and writes nothing', async () => {
    const slug = await inquiry();
    await change('addInquiryNote', { id: slug, expectedVersion: 1, text: 'First.' });
    const stale = await change('addInquiryNote', { id: slug, expectedVersion: 1, text: 'Second.' });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.message).toMatch(/reload it/);
    expect(await written(slug)).toEqual({ version: 2, changes: 1 });
  });

  it('an empty or oversized note is refused with BAD_USER_INPUT', async () => {
    const slug = await inquiry();
    const empty = await change('addInquiryNote', { id: slug, expectedVersion: 1, text: '   ' });
    expect(codeOf(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors![0]!.message).toMatch(/The note was not added: text: must not be empty/);
    const long = await change('addInquiryNote', { id: slug, expectedVersion: 1, text: 'x'.repeat(4001) });
    expect(codeOf(long)).toBe('BAD_USER_INPUT');
    expect(await written(slug)).toEqual({ version: 1, changes: 0 });
  });

  it('a message to the asker records channel, when and by whom, and sets lastAskerMessageAt', async () => {
    const slug = await inquiry({ status: 'COORDINATING' });
    const at = new Date(Date.now() - 30 * 60_000).toISOString();
    const response = await change('recordAskerMessage', {
      id: slug,
      expectedVersion: 1,
      channel: 'EMAIL',
      at,
      summary: 'Told them we coordinate with the ministries and will keep them informed.',
    });
    expect(response.errors).toBeUndefined();
    const { data } = await read(
      slug,
      'status askerMessages { channel at by summary } lastAskerMessageAt notes { text }',
    );
    expect(data.node.status).toBe('COORDINATING');
    expect(data.node.askerMessages).toEqual([
      {
        channel: 'EMAIL',
        at,
        by: 'Test desk',
        summary: 'Told them we coordinate with the ministries and will keep them informed.',
      },
    ]);
    expect(data.node.lastAskerMessageAt).toBe(at);
    expect(data.node.notes).toEqual([]);
  });

  it('a message in the future or before receipt is refused', async () => {
    const slug = await inquiry();
    const future = new Date(Date.now() + 3600_000).toISOString();
    const early = new Date(Date.now() - 24 * 3600_000).toISOString();
    for (const at of [future, early]) {
      const response = await change('recordAskerMessage', {
        id: slug,
        expectedVersion: 1,
        channel: 'PHONE',
        at,
        summary: 'Called.',
      });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0]!.message).toMatch(/The message to the asker was not recorded: at: lies/);
    }
    expect(await written(slug)).toEqual({ version: 1, changes: 0 });
  });

  it('an officer cannot add notes; the desk cannot touch a CKN inquiry', async () => {
    const desk = await inquiry();
    const ckn = await inquiry({ network: 'ckn' });
    expect(codeOf(await change('addInquiryNote', { id: desk, expectedVersion: 1, text: 'x' }, OFFICER))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await change('addInquiryNote', { id: ckn, expectedVersion: 1, text: 'x' }, DESK))).toBe('FORBIDDEN');
    const message = { id: ckn, expectedVersion: 1, channel: 'EMAIL', summary: 'x' };
    expect(codeOf(await change('recordAskerMessage', message, DESK))).toBe('FORBIDDEN');
    expect(await written(desk)).toEqual({ version: 1, changes: 0 });
    expect(await written(ckn)).toEqual({ version: 1, changes: 0 });
    expect((await change('addInquiryNote', { id: ckn, expectedVersion: 1, text: 'ok' }, CKN)).errors).toBeUndefined();
  });
});

describe('an inquiry’s own lists are bounded by last', () => {
  it('gives the newest `last` of its notes and timeline, oldest first; refuses an out-of-range last', async () => {
    const slug = await inquiry({ status: 'IN_PROGRESS' });
    for (const [index, text] of ['First.', 'Second.', 'Third.'].entries())
      expect((await change('addInquiryNote', { id: slug, expectedVersion: index + 1, text })).errors).toBeUndefined();
    const { data, errors } = await read(
      slug,
      'notes(last: 2) { text } all: notes { text } timeline(last: 1) { summary } none: edits(last: 0) { at }',
    );
    expect(errors).toBeUndefined();
    expect(data.node.notes).toEqual([{ text: 'Second.' }, { text: 'Third.' }]);
    expect(data.node.all).toHaveLength(3);
    expect(data.node.timeline).toEqual([{ summary: 'Third.' }]);
    expect(data.node.none).toEqual([]);
    for (const list of ['notes', 'askerMessages', 'edits', 'timeline', 'consultations']) {
      for (const last of [201, -1]) {
        const refused = await read(slug, `${list}(last: ${last}) { __typename }`);
        expect(codeOf(refused), `${list}(last: ${last})`).toBe('BAD_USER_INPUT');
        expect(refused.errors![0]!.message).toMatch(/last must be from 0 to 200/);
      }
    }
  });
});

describe('closing reasons', () => {
  it('closeInquiry without a reason keeps working: an answered one closes as ANSWERED', async () => {
    const slug = await inquiry({ answered: true });
    const response = await change('closeInquiry', { id: slug, expectedVersion: 1 }, DESK, 'status closingReason');
    expect(response.data.closeInquiry).toEqual({ status: 'CLOSED', closingReason: 'ANSWERED' });
  });

  it('an unanswered one still needs a note without a reason, and then has no recorded reason', async () => {
    const slug = await inquiry();
    const refused = await change('closeInquiry', { id: slug, expectedVersion: 1 });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.message).toMatch(/give a note/);
    const closed = await change('closeInquiry', { id: slug, expectedVersion: 1, note: 'Gone.' }, DESK, 'closingReason');
    expect(closed.data.closeInquiry).toEqual({ closingReason: null });
  });

  it('WITHDRAWN and OUT_OF_SCOPE need no note', async () => {
    for (const reason of ['WITHDRAWN', 'OUT_OF_SCOPE']) {
      const slug = await inquiry();
      const response = await change('closeInquiry', { id: slug, expectedVersion: 1, reason }, DESK, 'closingReason');
      expect(response.data.closeInquiry).toEqual({ closingReason: reason });
    }
  });

  it('ANSWERED needs an answer', async () => {
    const slug = await inquiry();
    const response = await change('closeInquiry', { id: slug, expectedVersion: 1, reason: 'ANSWERED' });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toMatch(/answerInquiry/);
    expect(await written(slug)).toEqual({ version: 1, changes: 0 });
  });

  it('DUPLICATE links the original, and needs it; reopening clears both', async () => {
    const original = await inquiry();
    const copy = await inquiry();
    const missing = await change('closeInquiry', { id: copy, expectedVersion: 1, reason: 'DUPLICATE' });
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors![0]!.message).toMatch(/duplicateOf/);
    const itself = await change('closeInquiry', {
      id: copy,
      expectedVersion: 1,
      reason: 'DUPLICATE',
      duplicateOf: copy,
    });
    expect(codeOf(itself)).toBe('BAD_USER_INPUT');
    const unknown = await change('closeInquiry', {
      id: copy,
      expectedVersion: 1,
      reason: 'DUPLICATE',
      duplicateOf: `${P}-nope`,
    });
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    const notDuplicate = await change('closeInquiry', {
      id: copy,
      expectedVersion: 1,
      reason: 'WITHDRAWN',
      duplicateOf: original,
    });
    expect(codeOf(notDuplicate)).toBe('BAD_USER_INPUT');
    expect(await written(copy)).toEqual({ version: 1, changes: 0 });
    const closed = await change(
      'closeInquiry',
      { id: copy, expectedVersion: 1, reason: 'DUPLICATE', duplicateOf: original },
      DESK,
      'closingReason duplicateOf { slug }',
    );
    expect(closed.data.closeInquiry).toEqual({ closingReason: 'DUPLICATE', duplicateOf: { slug: original } });
    const reopened = await change(
      'changeInquiryStatus',
      { id: copy, expectedVersion: 2, status: 'IN_PROGRESS', note: 'Not a duplicate after all.' },
      DESK,
      'closingReason duplicateOf { slug }',
    );
    expect(reopened.data.changeInquiryStatus).toEqual({ closingReason: null, duplicateOf: null });
  });

  it('recorded in error leaves the statistics but stays readable by handlers and in the audit trail', async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const statistics = `{ inquiryStatistics(network: "knowledge-security-desk", from: "${from}", to: "${to}") {
      received } }`;
    const slug = await inquiry();
    const before = (await graphql(statistics)).data.inquiryStatistics.received as number;
    const closed = await change('closeInquiry', { id: slug, expectedVersion: 1, reason: 'RECORDED_IN_ERROR' });
    expect(closed.errors).toBeUndefined();
    const after = (await graphql(statistics)).data.inquiryStatistics.received as number;
    expect(after).toBe(before - 1);
    const { data } = await read(slug, 'slug closingReason');
    expect(data.node).toEqual({ slug, closingReason: 'RECORDED_IN_ERROR' });
    const history = await graphql('query ($id: String!) { history(id: $id) { totalCount } }', { id: slug });
    expect(history.data.history.totalCount).toBe(1);
  });

  it('a duplicate closed after its answer no longer counts as answered', async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const statistics = `{ inquiryStatistics(network: "knowledge-security-desk", from: "${from}", to: "${to}") {
      received answered } }`;
    const original = await inquiry();
    const slug = await inquiry({ answered: true });
    const before = (await graphql(statistics)).data.inquiryStatistics;
    await change('closeInquiry', { id: slug, expectedVersion: 1, reason: 'DUPLICATE', duplicateOf: original });
    const after = (await graphql(statistics)).data.inquiryStatistics;
    expect(after).toEqual({ received: before.received, answered: before.answered - 1 });
  });
});

describe('a SHAREABLE answer shares the question and the answer only', () => {
  const PRIVATE = ['context', 'contact { name }', 'askedBy { slug }', 'history { status }', 'consultations { id }'];
  const HANDLER_ONLY = ['notes { text }', 'edits { at }', 'timeline { kind }', 'ministryCoordinations { askedAt }'];
  const CASE = ['askerMessages { summary }', 'lastAskerMessageAt', 'expectedAnswerAt'];

  it.each([...PRIVATE, ...HANDLER_ONLY, ...CASE])('%s: refused to an officer who did not file it', async (field) => {
    const slug = await inquiry({ visibility: 'SHAREABLE', answered: true });
    const other = await read(slug, `question answerSummary ${field}`, OTHER_OFFICER);
    expect(codeOf(other), JSON.stringify(other)).toBe('FORBIDDEN');
    const handler = await read(slug, `question answerSummary ${field}`, DESK);
    expect(handler.errors).toBeUndefined();
  });

  it('the question and the answer are readable by the officer, also through similarInquiries', async () => {
    const slug = await inquiry({ visibility: 'SHAREABLE', answered: true });
    const { data, errors } = await read(slug, 'question answerSummary status', OTHER_OFFICER);
    expect(errors).toBeUndefined();
    expect(data.node).toEqual({
      question: `Handling question ${slug}`,
      answerSummary: 'The answer.',
      status: 'ANSWERED',
    });
    const similar = await graphql(
      'query ($q: String!) { similarInquiries(question: $q, first: 20) { ' +
        'sharedAnswer inquiry { slug notes { text } } } }',
      { q: `Handling question ${slug}` },
      { as: OTHER_OFFICER },
    );
    expect(codeOf(similar)).toBe('FORBIDDEN');
  });

  it('whoever filed it reads messages to the asker but not the internal notes', async () => {
    const slug = await inquiry({ visibility: 'SHAREABLE', answered: true });
    expect((await read(slug, 'context askerMessages { summary } history { status }', OFFICER)).errors).toBeUndefined();
    expect(codeOf(await read(slug, 'notes { text }', OFFICER))).toBe('FORBIDDEN');
  });
});

describe('editing the intake', () => {
  const SELECT = `version question context contact { name email } kind askedBy { slug } partner { slug }
    themes { slug } countries { code } riskCategories inferredThemes { slug } inferredCountries { code }
    edits { fields by note } timeline { kind summary } receivedAt dueAt`;

  it('changes only the fields given, clears optional ones given as null, and re-tags from the new text', async () => {
    const slug = await inquiry();
    const response = await change(
      'editInquiry',
      {
        id: slug,
        expectedVersion: 1,
        question: `Handling question ${slug}: may our lab share quantum technology results with a partner in Russia?`,
        context: null,
        askedBy: 'min-bz',
        contactName: 'Piet Nieuw',
        themes: ['semiconductors'],
        partner: 'tsinghua-university',
        riskCategories: ['UNWANTED_TRANSFER'],
        note: 'The intake form had the wrong institution.',
      },
      DESK,
      SELECT,
    );
    expect(response.errors).toBeUndefined();
    const edited = response.data.editInquiry;
    expect(edited.version).toBe(2);
    expect(edited.context).toBeNull();
    expect(edited.contact).toEqual({ name: 'Piet Nieuw', email: 'jan.secret@example.org' });
    expect(edited.askedBy).toEqual({ slug: 'min-bz' });
    expect(edited.partner).toEqual({ slug: 'tsinghua-university' });
    expect(edited.themes).toEqual([{ slug: 'semiconductors' }]);
    expect(edited.riskCategories).toEqual(['UNWANTED_TRANSFER']);
    expect(edited.kind).toBe('KNOWLEDGE_SECURITY');
    expect(edited.inferredThemes).toContainEqual({ slug: 'quantum-technology' });
    expect(edited.inferredCountries).toContainEqual({ code: 'RU' });
    expect(edited.edits).toEqual([
      {
        fields: ['question', 'context', 'contactName', 'askedBy', 'partner', 'themes', 'riskCategories'],
        by: 'Test desk',
        note: 'The intake form had the wrong institution.',
      },
    ]);
    expect(edited.timeline.map((e: { kind: string }) => e.kind)).toContain('EDIT');
    const [audit] = await db
      .queries()
      .read<{ fields: string[] }>(
        'MATCH (c:Change {subjectId: $slug, action: "editInquiry"}) RETURN c.fields AS fields',
        { slug },
      );
    expect(audit!.fields).toEqual(expect.arrayContaining(['question', '→ASKED_BY', '→HAS_EDIT']));
  });

  it('a second edit of the text drops the inferred tags the old text had', async () => {
    const slug = await inquiry();
    await change('editInquiry', {
      id: slug,
      expectedVersion: 1,
      question: `Handling question ${slug} about quantum technology in Russia`,
    });
    const second = await change(
      'editInquiry',
      { id: slug, expectedVersion: 2, question: `Handling question ${slug} about nothing in particular` },
      DESK,
      'inferredThemes { slug } inferredCountries { code }',
    );
    expect(second.data.editInquiry.inferredThemes).not.toContainEqual({ slug: 'quantum-technology' });
    expect(second.data.editInquiry.inferredCountries).not.toContainEqual({ code: 'RU' });
  });

  it('refuses clearing a required field, unknown references and a kind the team does not handle', async () => {
    const slug = await inquiry();
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ question: null }, /question: is required/],
      [{ askedBy: null }, /askedBy: is required/],
      [{ askedBy: `${P}-nowhere` }, /askedBy: no institution/],
      [{ themes: [`${P}-no-such-theme`] }, /themes\[0\]/],
      [{ kind: 'EXPERTISE_REQUEST' }, /reroute it to a network first/],
      [{}, /give at least one field/],
      [{ question: 'x'.repeat(4001) }, /question: must be at most 4000/],
    ];
    for (const [fields, message] of cases) {
      const response = await change('editInquiry', { id: slug, expectedVersion: 1, ...fields });
      expect(codeOf(response), JSON.stringify(fields)).toBe('BAD_USER_INPUT');
      expect(response.errors![0]!.message).toMatch(/^The inquiry was not changed/);
      expect(response.errors![0]!.message).toMatch(message);
    }
    expect(await written(slug)).toEqual({ version: 1, changes: 0 });
  });

  it('CONFLICT on a stale version; an officer and the desk on a CKN inquiry are refused', async () => {
    const slug = await inquiry();
    await change('editInquiry', { id: slug, expectedVersion: 1, contactName: 'A' });
    const stale = await change('editInquiry', { id: slug, expectedVersion: 1, contactName: 'B' });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(codeOf(await change('editInquiry', { id: slug, expectedVersion: 2, contactName: 'C' }, OFFICER))).toBe(
      'FORBIDDEN',
    );
    const ckn = await inquiry({ network: 'ckn' });
    expect(codeOf(await change('editInquiry', { id: ckn, expectedVersion: 1, contactName: 'C' }, DESK))).toBe(
      'FORBIDDEN',
    );
    expect(await written(ckn)).toEqual({ version: 1, changes: 0 });
    expect((await read(slug, 'contact { name }')).data.node.contact.name).toBe('A');
  });

  it('receivedAt: only an administrator corrects it, with a reason; the due date follows', async () => {
    const slug = await inquiry();
    const input = { id: slug, expectedVersion: 1, receivedAt: '2025-12-24T10:00:00Z', reason: 'Mail arrived late.' };
    const desk = await change('correctInquiryReceipt', input, DESK);
    expect(codeOf(desk)).toBe('FORBIDDEN');
    expect(desk.errors![0]!.message).toMatch(/Only an administrator/);
    const noReason = await change('correctInquiryReceipt', { ...input, reason: ' ' }, 'admin');
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    expect(await written(slug)).toEqual({ version: 1, changes: 0 });
    const done = await change('correctInquiryReceipt', input, 'admin', 'receivedAt dueAt edits { fields note }');
    expect(done.errors).toBeUndefined();
    // 24 December, then Christmas, Boxing Day and the weekend: 29, 30 and 31 December (New Year's Eve counts).
    expect(done.data.correctInquiryReceipt).toEqual({
      receivedAt: '2025-12-24T10:00:00.000Z',
      dueAt: '2025-12-31T22:59:59.999Z',
      edits: [{ fields: ['receivedAt', 'dueAt'], note: 'Mail arrived late.' }],
    });
  });
});

describe('consultations have a life', () => {
  const SELECT =
    'version consultations { id status outcome channel askedAt answeredAt expert { slug } referredTo { slug } }';

  it('asking the same expert twice keeps both; outcomes are recorded per consultation', async () => {
    const slug = await inquiry();
    const first = await change(
      'askExpert',
      { id: slug, expectedVersion: 1, expert: 'maarten-kooistra', channel: 'EMAIL' },
      DESK,
      SELECT,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data.askExpert.consultations).toMatchObject([
      { status: 'WAITING', outcome: null, channel: 'EMAIL', answeredAt: null, expert: { slug: 'maarten-kooistra' } },
    ]);
    const firstId = first.data.askExpert.consultations[0].id as string;
    const answered = await change(
      'recordConsultationOutcome',
      { id: slug, expectedVersion: 2, consultation: firstId, outcome: 'ANSWERED', note: 'Said on the phone: fine.' },
      DESK,
      SELECT,
    );
    expect(answered.errors).toBeUndefined();
    const again = await change(
      'consultExpert',
      { id: slug, expectedVersion: 3, expert: 'maarten-kooistra', outcome: 'DECLINED' },
      DESK,
      SELECT,
    );
    expect(again.errors).toBeUndefined();
    const consultations = again.data.consultExpert.consultations;
    expect(consultations).toHaveLength(2);
    expect(consultations.map((c: { status: string }) => c.status).sort()).toEqual(['ANSWERED', 'DECLINED']);
    expect(consultations.find((c: { id: string }) => c.id === firstId).answeredAt).not.toBeNull();
  });

  it('an outcome twice, an unknown consultation, a REFERRED without whom, a stale version: refused', async () => {
    const slug = await inquiry();
    const asked = await change(
      'askExpert',
      { id: slug, expectedVersion: 1, expert: 'maarten-kooistra', channel: 'PHONE' },
      DESK,
      SELECT,
    );
    const consultation = asked.data.askExpert.consultations[0].id as string;
    const referred = await change('recordConsultationOutcome', {
      id: slug,
      expectedVersion: 2,
      consultation,
      outcome: 'REFERRED',
    });
    expect(codeOf(referred)).toBe('BAD_USER_INPUT');
    const unknown = await change('recordConsultationOutcome', {
      id: slug,
      expectedVersion: 2,
      consultation: `${slug}#c99`,
      outcome: 'DECLINED',
    });
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0]!.message).toMatch(/no consultation/);
    const stale = await change('recordConsultationOutcome', {
      id: slug,
      expectedVersion: 1,
      consultation,
      outcome: 'DECLINED',
    });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(await written(slug)).toEqual({ version: 2, changes: 1 });
    await change('recordConsultationOutcome', { id: slug, expectedVersion: 2, consultation, outcome: 'DECLINED' });
    const twice = await change('recordConsultationOutcome', {
      id: slug,
      expectedVersion: 3,
      consultation,
      outcome: 'ANSWERED',
    });
    expect(codeOf(twice)).toBe('BAD_USER_INPUT');
    expect(twice.errors![0]!.message).toMatch(/recorded already/);
    const future = await change('askExpert', {
      id: slug,
      expectedVersion: 3,
      expert: 'maarten-kooistra',
      channel: 'EMAIL',
      askedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(codeOf(future)).toBe('BAD_USER_INPUT');
  });

  it('the desk cannot consult on a CKN inquiry', async () => {
    const ckn = await inquiry({ network: 'ckn' });
    const input = { id: ckn, expectedVersion: 1, expert: 'maarten-kooistra', channel: 'EMAIL' };
    expect(codeOf(await change('askExpert', input, DESK))).toBe('FORBIDDEN');
    expect((await change('askExpert', input, CKN)).errors).toBeUndefined();
  });
});

describe('coordination with ministries', () => {
  const SELECT = `status expectedAnswerAt ministryCoordinations { ministry { slug } askedAt answeredAt outcome }
    timeline { kind summary }`;

  it('one line per ministry: COORDINATING opens them, answers are recorded per ministry', async () => {
    const slug = await inquiry();
    const coordinating = await change(
      'changeInquiryStatus',
      { id: slug, expectedVersion: 1, status: 'COORDINATING', ministries: ['min-ezk'] },
      DESK,
      SELECT,
    );
    expect(coordinating.errors).toBeUndefined();
    const added = await change(
      'recordMinistryCoordination',
      { id: slug, expectedVersion: 2, ministry: 'min-bz' },
      DESK,
      SELECT,
    );
    expect(added.errors).toBeUndefined();
    const again = await change('recordMinistryCoordination', { id: slug, expectedVersion: 3, ministry: 'min-bz' });
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    const expected = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const set = await change('setExpectedAnswer', { id: slug, expectedVersion: 3, expectedAnswerAt: expected });
    expect(set.errors).toBeUndefined();
    const answered = await change(
      'recordMinistryAnswer',
      { id: slug, expectedVersion: 4, ministry: 'min-ezk', outcome: 'No objection from EZK.' },
      DESK,
      SELECT,
    );
    expect(answered.errors).toBeUndefined();
    const node = answered.data.recordMinistryAnswer;
    expect(node.expectedAnswerAt).toBe(expected);
    const lines = Object.fromEntries(
      node.ministryCoordinations.map((l: { ministry: { slug: string } }) => [l.ministry.slug, l]),
    );
    expect(Object.keys(lines).sort()).toEqual(['min-bz', 'min-ezk']);
    expect(lines['min-ezk']).toMatchObject({ outcome: 'No objection from EZK.' });
    expect(lines['min-ezk'].answeredAt).not.toBeNull();
    expect(lines['min-bz']).toMatchObject({ answeredAt: null, outcome: null });
    expect(node.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['MINISTRY_ASKED', 'MINISTRY_ANSWERED']),
    );
  });

  it('refuses a non-ministry, an answer from one never asked, an expected date unless coordinating', async () => {
    const slug = await inquiry();
    const notMinistry = await change('recordMinistryCoordination', {
      id: slug,
      expectedVersion: 1,
      ministry: 'tu-delft',
    });
    expect(codeOf(notMinistry)).toBe('BAD_USER_INPUT');
    expect(notMinistry.errors![0]!.message).toMatch(/is not a ministry/);
    const neverAsked = await change('recordMinistryAnswer', {
      id: slug,
      expectedVersion: 1,
      ministry: 'min-ocw',
      outcome: 'Fine.',
    });
    expect(codeOf(neverAsked)).toBe('BAD_USER_INPUT');
    const notCoordinating = await change('setExpectedAnswer', {
      id: slug,
      expectedVersion: 1,
      expectedAnswerAt: new Date().toISOString(),
    });
    expect(codeOf(notCoordinating)).toBe('BAD_USER_INPUT');
    expect(await written(slug)).toEqual({ version: 1, changes: 0 });
  });
});

describe('the seed holds a week of handling', () => {
  it('two ministries, notes, messages, waiting and answered consultations, closing reasons', async () => {
    const query = `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Inquiry {
      slug status closingReason duplicateOf { slug } expectedAnswerAt lastAskerMessageAt notes { text }
      ministryCoordinations { ministry { slug } answeredAt } consultations { status expert { slug } } } } }`;
    const slugs = ['inq-2026-0101', 'inq-2026-0102', 'inq-2026-0103', 'inq-2026-0104'];
    const { data, errors } = await graphql(query, { ids: slugs.map(id) });
    expect(errors).toBeUndefined();
    const [coordinating, answered, inError, duplicate] = data.nodes;
    expect(coordinating.status).toBe('COORDINATING');
    expect(coordinating.expectedAnswerAt).not.toBeNull();
    expect(coordinating.lastAskerMessageAt).not.toBeNull();
    expect(coordinating.notes).toHaveLength(1);
    expect(coordinating.ministryCoordinations.map((l: { answeredAt: string | null }) => l.answeredAt !== null)).toEqual(
      expect.arrayContaining([true, false]),
    );
    expect(coordinating.consultations.map((c: { status: string }) => c.status).sort()).toEqual(['ANSWERED', 'WAITING']);
    expect(answered.consultations).toEqual([
      { status: 'ANSWERED', expert: { slug: 'judith-kamphuis' } },
      { status: 'ANSWERED', expert: { slug: 'judith-kamphuis' } },
    ]);
    expect(inError.closingReason).toBe('RECORDED_IN_ERROR');
    expect(duplicate).toMatchObject({ closingReason: 'DUPLICATE', duplicateOf: { slug: 'inq-2026-0053' } });
  });
});
