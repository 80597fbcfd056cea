import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { limitsConfig } from '../src/config.js';
import { INPUT_CAPS } from '../src/graphql/limits.js';
import { MAX_SUGGESTION_LOOKUPS } from '../src/names/service.js';
import { graphql, type GraphqlResponse, testServer } from './helpers/api.js';

const DEFAULTS = limitsConfig({});

/** Posts a body as it is, for requests the helper would not make. */
/**
 * Posts a raw body accepting `application/graphql-response+json`, under which a refused document keeps its 4xx status.
 */
async function post(body: string): Promise<{ status: number; json: GraphqlResponse }> {
  const response = await fetch(`${testServer().appUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body,
  });
  return { status: response.status, json: (await response.json()) as GraphqlResponse };
}

/** The one error of a refused request, with its limit. */
function refusal(response: GraphqlResponse, limit: string) {
  expect(response.errors?.length, JSON.stringify(response.errors)).toBeGreaterThanOrEqual(1);
  const error = response.errors![0]!;
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  expect(error.extensions?.limit).toMatchObject({ name: limit });
  return error as typeof error & { extensions: { limit: { name: string; max: number; found?: number } } };
}

const nested = (levels: number) => {
  let selection = 'name';
  for (let level = 0; level < levels; level++)
    selection = `${level % 2 === 0 ? 'broader' : 'narrower'} { ${selection} }`;
  return `{ theme(name: "geopolitics") { ${selection} } }`;
};

describe('operation limits (graphql-armor, graphql-js)', () => {
  it('refuses the 16-level broader/narrower query by depth before it runs, with the limit and what to do', async () => {
    const response = await graphql(nested(16), {}, { as: null });
    const error = refusal(response, 'depth');
    expect(error.extensions.limit).toEqual({ name: 'depth', max: DEFAULTS.maxDepth, found: 18 });
    expect(error.message).toMatch(/18 levels of nested fields; the limit is 10: select fewer levels/);
    expect(response.data ?? null).toBeNull();
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from(
      { length: DEFAULTS.maxAliases + 1 },
      (_, i) => `a${i}: themes(first: 1) { totalCount }`,
    ).join(' ');
    const error = refusal(await graphql(`{ ${aliases} }`, {}, { as: null }), 'aliases');
    expect(error.extensions.limit).toEqual({
      name: 'aliases',
      max: DEFAULTS.maxAliases,
      found: DEFAULTS.maxAliases + 1,
    });
    expect(error.message).toMatch(/split it into several requests/);
  });

  it('refuses 5,000 aliases of whoKnows while parsing, by their tokens', async () => {
    const aliases = Array.from({ length: 5000 }, (_, i) => `w${i}: whoKnows(about: "chips") { totalCount }`).join(' ');
    const { status, json } = await post(JSON.stringify({ query: `{ ${aliases} }` }));
    expect(status).toBe(400);
    const error = refusal(json, 'tokens');
    expect(error.extensions.limit).toEqual({ name: 'tokens', max: DEFAULTS.maxTokens });
    expect(error.message).toMatch(/more than 2,000 tokens.*pass values as variables/);
  });

  it('refuses too many directives', async () => {
    const fields = Array.from({ length: DEFAULTS.maxDirectives + 1 }, () => '__typename @include(if: true)').join(' ');
    const error = refusal(await graphql(`{ ${fields} }`, {}, { as: null }), 'directives');
    expect(error.extensions.limit).toEqual({
      name: 'directives',
      max: DEFAULTS.maxDirectives,
      found: DEFAULTS.maxDirectives + 1,
    });
  });

  it("lets GraphiQL's full introspection query through", async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const response = await graphql(query, {}, { as: null });
    expect(response.errors).toBeUndefined();
    expect(response.data.__schema.types.length).toBeGreaterThan(50);
  });
});

describe('the cost budget (@pothos/plugin-complexity)', () => {
  // 1 + first × (edges 1 + node 1 + narrower 1 + 10 × (broader 1 + 10 × (narrower 1 + 10 × name 1))) = 1 + first × 1113
  const WIDE =
    'query ($first: Int) { themes(first: $first) { ' +
    'edges { node { narrower { broader { narrower { name } } } } } } }';
  const wideLiteral = (first: number) => WIDE.replace('query ($first: Int) ', '').replace('$first', String(first));

  it('counts a literal first: refused over budget before anything runs', async () => {
    const response = await graphql(wideLiteral(100), {}, { as: null });
    const error = refusal(response, 'cost');
    expect(error.extensions.limit).toEqual({ name: 'cost', max: DEFAULTS.maxCost, found: 1 + 100 * 1113 });
    expect(error.message).toMatch(/ask for smaller pages \(first\)/);
    expect(response.data ?? null).toBeNull();
    expect(response.extensions?.queryStats?.roundTrips).toBe(0);
  });

  it('counts first given in a variable the same way', async () => {
    const error = refusal(await graphql(WIDE, { first: 100 }, { as: null }), 'cost');
    expect(error.extensions.limit.found).toBe(1 + 100 * 1113);
  });

  it('lets the same query through with a page that fits the budget', async () => {
    const response = await graphql(WIDE, { first: 5 }, { as: null });
    expect(response.errors).toBeUndefined();
    expect(response.data.themes.edges).toHaveLength(5);
  });

  it('counts the default page size when first is left out', async () => {
    // 1 + 20 × 1113 = 22,261
    const error = refusal(await graphql(wideLiteral(1).replace('(first: 1)', ''), {}, { as: null }), 'cost');
    expect(error.extensions.limit.found).toBe(1 + 20 * 1113);
  });
});

describe('argument caps at the schema boundary', () => {
  it('refuses a list over the cap, naming the argument and the cap', async () => {
    const ids = Array.from({ length: INPUT_CAPS.listItems + 1 }, (_, i) =>
      Buffer.from(`Theme:t${i}`).toString('base64'),
    );
    const response = await graphql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }, { as: null });
    const error = refusal(response, 'listItems');
    expect(error.extensions.limit).toEqual({ name: 'listItems', max: 100, found: 101 });
    expect(error.message).toBe('ids has 101 items; the limit is 100 per list: send them in several requests.');
    expect(response.extensions?.queryStats?.roundTrips).toBe(0);
  });

  it('refuses a list inside an input, and writes nothing', async () => {
    const themes = Array.from({ length: 101 }, (_, i) => `theme ${i}`);
    const question = `Too many themes ${Math.random()}`;
    const response = await graphql(
      'mutation ($input: RecordInquiryInput!) { recordInquiry(input: $input) { inquiry { id } } }',
      { input: { kind: 'KNOWLEDGE_SECURITY', question, askedBy: 'tu-delft', themes } },
      { as: 'desk' },
    );
    const error = refusal(response, 'listItems');
    expect(error.message).toMatch(/^input\.themes has 101 items/);
    expect(response.extensions?.queryStats?.roundTrips).toBe(0);
  });

  it('refuses text over its cap: search text, names, long text', async () => {
    const about = refusal(
      await graphql(
        'query ($about: String!) { whoKnows(about: $about) { totalCount } }',
        { about: 'x'.repeat(1001) },
        { as: null },
      ),
      'textLength',
    );
    expect(about.extensions.limit).toEqual({ name: 'textLength', max: INPUT_CAPS.text, found: 1001 });
    expect(about.message).toBe('about is 1,001 characters long; the limit is 1,000: shorten it.');

    const similar = refusal(
      await graphql(
        'query ($q: String!) { similarInquiries(question: "chips", about: $q) { score } }',
        { q: 'y'.repeat(300_000) },
        { as: 'desk' },
      ),
      'textLength',
    );
    expect(similar.extensions.limit.found).toBe(300_000);

    const question = refusal(
      await graphql(
        'mutation ($input: RecordInquiryInput!) { recordInquiry(input: $input) { inquiry { id } } }',
        { input: { kind: 'KNOWLEDGE_SECURITY', question: 'q'.repeat(INPUT_CAPS.longText + 1), askedBy: 'tu-delft' } },
        { as: 'desk' },
      ),
      'textLength',
    );
    expect(question.message).toBe('input.question is 20,001 characters long; the limit is 20,000: shorten it.');
  });
});

describe('"did you mean" stays bounded', () => {
  it('gives no suggestions for a long unknown name, and still says what to give', async () => {
    // Over the 60 characters that get suggestions, within whoKnows's 100.
    const country = `Taiwan ${'and more '.repeat(8)}`;
    const response = await graphql(
      'query ($c: String) { whoKnows(about: "chips", country: $c) { totalCount } }',
      { c: country },
      { as: null },
    );
    const error = response.errors![0]!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.suggestions).toEqual([]);
    expect(error.message).toMatch(/ISO code/);
    expect(error.message).not.toContain('Did you mean');
  });

  it(`suggests for at most ${MAX_SUGGESTION_LOOKUPS} unknown names in one request`, async () => {
    const themes = Array.from({ length: MAX_SUGGESTION_LOOKUPS + 3 }, () => 'halfgeleiderz');
    const response = await graphql(
      'mutation ($input: RecordInquiryInput!) { recordInquiry(input: $input) { inquiry { id } } }',
      { input: { kind: 'KNOWLEDGE_SECURITY', question: `Suggestions ${Math.random()}`, askedBy: 'tu-delft', themes } },
      { as: 'desk' },
    );
    const fields = response.errors![0]!.extensions!.fields as Array<{ field: string; message: string }>;
    const suggested = fields.filter((f) => f.field.startsWith('themes[') && f.message.includes('Did you mean'));
    expect(fields.filter((f) => f.field.startsWith('themes['))).toHaveLength(MAX_SUGGESTION_LOOKUPS + 3);
    expect(suggested).toHaveLength(MAX_SUGGESTION_LOOKUPS);
  });
});

describe('malformed requests get coded client errors', () => {
  it('answers a body over the limit with 413 and a JSON GraphQL error', async () => {
    const { status, json } = await post(
      JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(DEFAULTS.maxBodyBytes) } }),
    );
    expect(status).toBe(413);
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(json.errors?.[0]?.message).toMatch(/larger than the limit of 1000000 bytes/);
  });

  it('refuses a global id of an unknown type with BAD_USER_INPUT', async () => {
    const nope = Buffer.from('Nope:x').toString('base64');
    expect(nope).toBe('Tm9wZTp4');
    for (const query of [`{ node(id: "${nope}") { id } }`, `{ nodes(ids: ["${nope}"]) { id } }`]) {
      const error = (await graphql(query, {}, { as: null })).errors![0]!;
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/"Nope", which has no objects by id/);
    }
  });

  it('explains a document too costly to validate (the same field selected a thousand times)', async () => {
    const error = refusal(await graphql(`{ ${'__typename '.repeat(1000)}}`, {}, { as: null }), 'validationWork');
    expect(error.message).toMatch(/select each field once/);
  });

  it('answers more than 50 bad variable values with BAD_USER_INPUT only', async () => {
    const query = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    const { status, json } = await post(
      JSON.stringify({ query, variables: { ids: Array.from({ length: 60 }, () => ({})) } }),
    );
    expect(status).toBe(400);
    expect(json.errors!.length).toBeGreaterThan(50);
    expect(new Set(json.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(json.errors!.at(-1)!.message).toMatch(/More than 50 variable values are invalid/);
  });
});
