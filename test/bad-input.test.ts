import { describe, expect, it } from 'vitest';
import { graphql, testServer } from './helpers/api.js';

const WHO_KNOWS = `query ($about: String!, $country: String, $first: Int, $after: String) {
  whoKnows(about: $about, country: $country, first: $first, after: $after) { totalCount edges { node { name } } }
}`;

async function errorOf(variables: Record<string, unknown>) {
  const response = await graphql(WHO_KNOWS, variables);
  expect(response.errors, `expected an error for ${JSON.stringify(variables)}`).toHaveLength(1);
  expect(response.data ?? null).toBeNull();
  return response.errors![0]!;
}

describe('whoKnows refuses bad input with BAD_USER_INPUT and a message that says what to do', () => {
  it('names close matches for an unknown country', async () => {
    const error = await errorOf({ about: 'semiconductors', country: 'Taiwn' });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('Unknown country or region "Taiwn"');
    expect(error.message).toContain('Did you mean "Taiwan"');
    expect(error.extensions?.suggestions).toContain('Taiwan');
  });

  it('still explains what to give when nothing is close', async () => {
    const error = await errorOf({ about: 'semiconductors', country: 'Narnia-under-the-sea' });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/ISO code/);
  });

  it('refuses an empty or blank about', async () => {
    for (const about of ['', '   ']) {
      const error = await errorOf({ about });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/^about is empty/);
    }
  });

  it('refuses an empty country', async () => {
    const error = await errorOf({ about: 'semiconductors', country: ' ' });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses first outside 1–100', async () => {
    for (const first of [0, -1, 101, 10_000]) {
      const error = await errorOf({ about: 'semiconductors', first });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain('first must be from 1 to 100');
    }
  });

  it('refuses a cursor that is not one of ours', async () => {
    for (const after of [
      'nonsense',
      Buffer.from('["x"]').toString('base64url'),
      Buffer.from('{}').toString('base64url'),
    ]) {
      const error = await errorOf({ about: 'semiconductors', after });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain('after is not a cursor');
    }
  });

  it('refuses text with nothing to search for', async () => {
    const error = await errorOf({ about: '*** ?? :' });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a wrongly typed variable (GraphQL coercion) with BAD_USER_INPUT', async () => {
    const error = await errorOf({ about: 'semiconductors', first: 'twenty' });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('whoKnows never fails with a 500 or a stack trace, whatever the text', () => {
  const NASTY = [
    'title:chips',
    '"unclosed quote',
    '(chips AND',
    'chips~2 rare^4 earth*',
    '[a TO z]',
    '{a TO z}',
    'a && b || !c',
    '\\',
    '/regex.*/',
    '+-!(){}[]^"~*?:\\/',
    'AND OR NOT',
    '?',
    "'; MATCH (n) DETACH DELETE n; //",
    '$about',
    'x'.repeat(200),
    'Oost-Azië 中国 半导体',
    '\u0000\u0001',
  ];
  for (const about of NASTY) {
    it(`answers ${JSON.stringify(about.slice(0, 30))} with data or a coded input error`, async () => {
      for (const country of [undefined, about.slice(0, 100)]) {
        const response = await graphql(WHO_KNOWS, { about, country });
        for (const error of response.errors ?? []) {
          expect(error.extensions?.code).toBe('BAD_USER_INPUT');
          expect(JSON.stringify(error)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
        }
        if (!response.errors) expect(typeof response.data.whoKnows.totalCount).toBe('number');
      }
    });
  }

  it('refuses an about longer than 200 characters', async () => {
    const error = await errorOf({ about: 'x'.repeat(201) });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('client faults get client codes, not INTERNAL_SERVER_ERROR (issue 18, finding 7)', () => {
  it('a period ending in 9999 (10000 in Amsterdam) is refused with the valid range, series/coverage too', async () => {
    const statistics = await graphql(
      '{ inquiryStatistics(to: "9999-12-31T23:59:59Z") { received series(interval: MONTH) { received } } }',
    );
    expect(statistics.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(statistics.errors![0]!.message).toMatch(
      /to must lie between 1900-01-01T00:00:00.000Z and 2100-01-01T00:00:00.000Z/,
    );
    const coverage = await graphql(
      '{ coverage(from: "9999-01-01T00:00:00Z", to: "9999-12-31T23:59:59Z") { minExperts } }',
    );
    expect(coverage.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('a persisted query whose hash does not match its query is a BAD_REQUEST (400) saying what to send', async () => {
    const response = await fetch(`${testServer().appUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ __typename }',
        extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['BAD_REQUEST']);
    expect(body.errors[0]!.message).toMatch(/sha256Hash does not match the query/);
  });
});
