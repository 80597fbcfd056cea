import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { connectTestDatabase, fixturePrefix, graphql } from './helpers/api.js';

/** followUpOf takes an inquiry received at the same moment as the new one (issue 20), not itself nor a later one. */
const P = fixturePrefix('followups');
const AT = '2026-05-12T08:30:00Z';
let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
});

afterAll(async () => {
  await db.queries().write(
    `MATCH (n:Inquiry) WHERE n.question CONTAINS $p
     OPTIONAL MATCH (n)-[:HAS_STATUS_CHANGE]->(s)
     DETACH DELETE n, s`,
    { p: P },
  );
  await db.close();
});

const RECORD = `mutation ($input: RecordInquiryInput!) {
  recordInquiry(input: $input) { inquiry { id slug version followUpOf { slug } } }
}`;

const record = (question: string, receivedAt: string, followUpOf?: string) =>
  graphql(RECORD, {
    input: {
      kind: 'KNOWLEDGE_SECURITY',
      askedBy: 'tu-delft',
      question: `${question} ${P}`,
      receivedAt,
      ...(followUpOf ? { followUpOf } : {}),
    },
  });

async function recorded(question: string, receivedAt: string, followUpOf?: string) {
  const response = await record(question, receivedAt, followUpOf);
  expect(response.errors).toBeUndefined();
  return response.data.recordInquiry.inquiry as { id: string; slug: string; version: number; followUpOf: unknown };
}

const LINK = `mutation ($input: LinkFollowUpInput!) { linkFollowUp(input: $input) { followUpOf { slug } } }`;

describe('recordInquiry(followUpOf:)', () => {
  it('accepts an inquiry received at the same moment, or earlier', async () => {
    const first = await recorded('May we share our sensor designs?', AT);
    const same = await recorded('And the test data of those sensors?', AT, first.slug);
    expect(same.followUpOf).toEqual({ slug: first.slug });
    const later = await recorded('And the calibration software?', '2026-05-12T09:00:00Z', first.slug);
    expect(later.followUpOf).toEqual({ slug: first.slug });
  });

  it('refuses a later inquiry, and records nothing', async () => {
    const later = await recorded('A question received later', '2026-05-12T08:30:00.001Z');
    const response = await record('One received before it', AT, later.slug);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/followUpOf: must be an inquiry received before this one or at/);
    const [row] = await db
      .queries()
      .read<{ n: number }>('MATCH (i:Inquiry) WHERE i.question = $q RETURN count(i) AS n', {
        q: `One received before it ${P}`,
      });
    expect(row!.n).toBe(0);
  });
});

describe('linkFollowUp', () => {
  it('links to an inquiry of the same moment, but not to itself, a later one or one that follows it up', async () => {
    const a = await recorded('Question A', AT);
    const b = await recorded('Question B', AT);
    const later = await recorded('Question C', '2026-05-13T08:30:00Z');

    const linked = await graphql(LINK, { input: { id: b.slug, expectedVersion: b.version, followUpOf: a.slug } });
    expect(linked.errors).toBeUndefined();
    expect(linked.data.linkFollowUp.followUpOf).toEqual({ slug: a.slug });

    const cases: Array<[string, string, RegExp]> = [
      [a.slug, a.slug, /cannot follow itself up/],
      [a.slug, later.slug, /received before this one or at the same moment/],
      // B follows A up: A following B up would make a loop.
      [a.slug, b.slug, /other way round/],
    ];
    for (const [id, followUpOf, message] of cases) {
      const response = await graphql(LINK, { input: { id, expectedVersion: a.version, followUpOf } });
      expect(response.errors?.[0]?.extensions?.code, `${id} → ${followUpOf}`).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(message);
    }
    const unchanged = await graphql('query ($slug: String!) { inquiry(slug: $slug) { version followUpOf { slug } } }', {
      slug: a.slug,
    });
    expect(unchanged.data.inquiry).toEqual({ version: a.version, followUpOf: null });
  });
});
