import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audited } from '../src/audit/service.js';
import type { Viewer } from '../src/auth/viewer.js';
import type { Database } from '../src/db/database.js';
import {
  claimsOf,
  connectTestDatabase,
  fixturePrefix,
  type GraphqlResponse,
  testServer,
  tokenFor,
  type UntypedData,
} from './helpers/api.js';

/**
 * An Idempotency-Key is bound to its request (issue 18, finding 4): the same request again is answered from the store,
 * anything else refused.
 */
const P = fixturePrefix('idem');
const NAME = `Idempotent ${P}`;
let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => {
  await db.queries().write(
    `MATCH (n) WHERE n.id STARTS WITH $p OR (n:Inquiry AND n.question CONTAINS $p)
     OR (n:Expert AND n.name STARTS WITH $name)
     OPTIONAL MATCH (n)-[:HAS_STATUS_CHANGE]->(s)
     OPTIONAL MATCH (c:Change {subjectId: n.id})
     DETACH DELETE n, s, c`,
    { p: P, name: NAME },
  );
  await db.close();
});

/** Posts a mutation as an administrator with an Idempotency-Key header. */
async function send<T = UntypedData>(
  query: string,
  variables: Record<string, unknown>,
  key: string,
): Promise<GraphqlResponse<T>> {
  const token = await tokenFor(claimsOf('admin'));
  const response = await fetch(`${testServer().appUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlResponse<T>;
}

const RECORD =
  'mutation ($input: RecordInquiryInput!) { ' +
  'recordInquiry(input: $input) { inquiry { id slug question version } } }';
const UPDATE = `mutation ($input: UpdateExpertInput!) { updateExpert(input: $input) { slug version headline } }`;
const CREATE = `mutation ($input: CreateExpertInput!) { createExpert(input: $input) { slug version headline } }`;

const inquiriesAsking = async (question: string) =>
  (
    await db.queries().read<{ n: number }>('MATCH (i:Inquiry {question: $question}) RETURN count(i) AS n', { question })
  )[0]!.n;

const expertState = async (slug: string) =>
  (
    await db
      .queries()
      .read<{ headline: string | null; version: number; changes: number }>(
        'MATCH (e:Expert {id: $slug}) RETURN e.headline AS headline, ' +
          'e.version AS version, COUNT { (:Change {subjectId: $slug}) } AS changes',
        { slug },
      )
  )[0]!;

const codes = (response: GraphqlResponse) => response.errors?.map((error) => error.extensions?.code);

async function newExpert(suffix: string): Promise<string> {
  const response = await send(
    CREATE,
    { input: { name: `${NAME} ${suffix}`, networks: ['ckn'], headline: 'Original' } },
    randomUUID(),
  );
  expect(response.errors).toBeUndefined();
  return response.data.createExpert.slug as string;
}

describe('Idempotency-Key', () => {
  it('answers a request sent again from the store (extensions.replayed), any key order; stores it once', async () => {
    const key = `${P}-same`;
    const question = `Who can brief us on photonic export rules? ${P}-same`;
    const first = await send(
      RECORD,
      { input: { question, kind: 'KNOWLEDGE_SECURITY', askedBy: 'tu-delft', countries: ['CN'] } },
      key,
    );
    expect(first.errors).toBeUndefined();
    const again = await send(
      RECORD,
      { input: { countries: ['CN'], askedBy: 'tu-delft', kind: 'KNOWLEDGE_SECURITY', question } },
      key,
    );
    expect(again.errors).toBeUndefined();
    expect(again.data.recordInquiry.inquiry).toEqual(first.data.recordInquiry.inquiry);
    // The answer says it is the stored one; the first, which did the work, does not.
    expect([first.extensions?.replayed, again.extensions?.replayed]).toEqual([undefined, true]);
    expect(await inquiriesAsking(question)).toBe(1);
  });

  it('refuses a different question under a used key: nothing stored, the first inquiry untouched', async () => {
    const key = `${P}-question`;
    const question = `Which labs cooperate on lidar? ${P}-first`;
    const other = `Which universities host sanctioned researchers? ${P}-second`;
    const input = { question, kind: 'KNOWLEDGE_SECURITY', askedBy: 'tu-delft' };
    const first = await send(RECORD, { input }, key);
    expect(first.errors).toBeUndefined();
    const reused = await send(RECORD, { input: { ...input, question: other } }, key);
    expect(codes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(reused.errors![0]!.message).toMatch(/used before for a different request.*Send a fresh key/);
    expect(reused.data?.recordInquiry ?? null).toBeNull();
    expect(await inquiriesAsking(other)).toBe(0);
    expect(await inquiriesAsking(question)).toBe(1);
    // The first request still gets its own result under the key.
    const again = await send(RECORD, { input }, key);
    expect(again.data.recordInquiry.inquiry).toEqual(first.data.recordInquiry.inquiry);
  });

  it("refuses an update of another expert, or another mutation, under an update's key: neither is done", async () => {
    const [x, y] = [await newExpert('X'), await newExpert('Y')];
    const key = `${P}-update`;
    const updated = await send(UPDATE, { input: { id: x, expectedVersion: 1, headline: 'Updated' } }, key);
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateExpert).toEqual({ slug: x, version: 2, headline: 'Updated' });

    const other = await send(UPDATE, { input: { id: y, expectedVersion: 1, headline: 'Updated' } }, key);
    expect(codes(other)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(other.data?.updateExpert ?? null).toBeNull();
    expect(await expertState(y)).toEqual({ headline: 'Original', version: 1, changes: 1 });

    const created = await send(CREATE, { input: { name: `${NAME} Z`, networks: ['ckn'] } }, key);
    expect(codes(created)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(
      (
        await db
          .queries()
          .read<{ n: number }>('MATCH (e:Expert {name: $name}) RETURN count(e) AS n', { name: `${NAME} Z` })
      )[0]!.n,
    ).toBe(0);

    // The same update again: its stored result, not a CONFLICT on the version it moved on itself, and no second
    // change.
    const again = await send(UPDATE, { input: { headline: 'Updated', expectedVersion: 1, id: x } }, key);
    expect(again.errors).toBeUndefined();
    expect(again.data.updateExpert).toEqual({ slug: x, version: 2, headline: 'Updated' });
    expect(await expertState(x)).toEqual({ headline: 'Updated', version: 2, changes: 2 });
  });

  it('binds each mutation field of an operation to its own arguments', async () => {
    const [x, y] = [await newExpert('Multi X'), await newExpert('Multi Y')];
    const key = `${P}-multi`;
    const both = `mutation ($x: UpdateExpertInput!, $y: UpdateExpertInput!) {
      a: updateExpert(input: $x) { slug version headline }
      b: updateExpert(input: $y) { slug version headline }
    }`;
    const inputs = { x: { id: x, expectedVersion: 1, headline: 'A' }, y: { id: y, expectedVersion: 1, headline: 'B' } };
    const first = await send(both, inputs, key);
    expect(first.errors).toBeUndefined();
    const again = await send(both, inputs, key);
    expect(again).toMatchObject({ data: first.data });
    expect(again.errors).toBeUndefined();
    // a is the same request (answered from the store), b is not (refused; both fields are non-null, so data is null).
    const changed = await send(both, { ...inputs, y: { ...inputs.y, headline: 'Other' } }, key);
    expect(codes(changed)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(changed.errors![0]!.path).toEqual(['b']);
    expect(await expertState(x)).toEqual({ headline: 'A', version: 2, changes: 2 });
    expect(await expertState(y)).toEqual({ headline: 'B', version: 2, changes: 2 });
  });
});

describe('a transaction run again by the driver after its commit (a lost acknowledgement)', () => {
  it('finds its stored result under the bound request instead of doing the work twice', async () => {
    const viewer: Viewer = { id: 'idem-test', name: 'Idempotency test', roles: new Set(['admin']), networks: [] };
    const id = `${P}-replayed`;
    const queries = db.queries(undefined, { idempotencyKey: `${P}-replay` });
    queries.bindWrites('a bound request');
    // As the driver does when the acknowledgement of a commit is lost: the same work, run again after it committed.
    const commitOnce = queries.writeTransaction.bind(queries);
    queries.writeTransaction = (async (work: Parameters<typeof commitOnce>[0]) => {
      await commitOnce(work);
      return commitOnce(work);
    }) as typeof queries.writeTransaction;
    let runs = 0;
    const result = await audited(queries, viewer, 'testCreate', null, async (tx) => {
      runs += 1;
      await tx.track('Institution', id);
      await tx.run(`CREATE (:Institution {id: $id, name: 'Once', version: 1})`, { id });
      return { made: randomUUID() };
    });
    expect(runs).toBe(1);
    const [row] = await db
      .queries()
      .read<{ institutions: number; changes: number }>(
        'RETURN COUNT { (:Institution {id: $id}) } AS institutions, COUNT { (:Change {subjectId: $id}) } AS changes',
        { id },
      );
    expect(row).toEqual({ institutions: 1, changes: 1 });
    expect(result.made).toMatch(/^[0-9a-f-]{36}$/);
  });
});
