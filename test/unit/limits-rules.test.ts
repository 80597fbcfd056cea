import { readdirSync, readFileSync } from 'node:fs';
import { complexityFromQuery } from '@pothos/plugin-complexity';
// The CommonJS build, as Pothos (and so the schema) uses it: under vitest a bare 'graphql' is the ESM build, another
// instance.
import { getIntrospectionQuery, Lexer, parse, Source, TokenKind, specifiedRules, validate } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { ConfigError, limitsConfig, ROOT_DIR } from '../../src/config.js';
import { checkInputCaps, graphqlJsLimitError, INPUT_CAPS, requestLimits, textCap } from '../../src/graphql/limits.js';
import { schema } from '../../src/schema.js';

const DEFAULTS = limitsConfig({});
const RULES = requestLimits(DEFAULTS).validationRules;

const cost = (query: string, variables: Record<string, unknown> = {}) =>
  complexityFromQuery(query, { schema, variables, ctx: {} }).complexity;
function tokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}
const limitErrors = (query: string) =>
  validate(schema, parse(query), [...specifiedRules, ...RULES]).map((e) => e.message);

const operationFiles = readdirSync(`${ROOT_DIR}/web/operations`).filter((file) => file.endsWith('.graphql'));
const exampleVariables = new Map(
  (
    JSON.parse(readFileSync(`${ROOT_DIR}/web/operations/examples.json`, 'utf8')) as Array<{
      file: string;
      variables: Record<string, unknown>;
    }>
  ).map((e) => [e.file, e.variables]),
);

/**
 * Variables for the pages' operation files that are no GraphiQL example and whose first operation needs some (the
 * cost is computed for a file's first operation).
 */
const pageVariables = new Map<string, Record<string, unknown>>([
  ['desk.graphql', { slug: 'inq-2026-0101' }],
  ['institutions.graphql', { search: 'delft' }],
  ['faq-article.graphql', { slug: 'faq-cooperation-russian-belarusian-institutions' }],
  ['record-faq-read.graphql', { slug: 'faq-cooperation-russian-belarusian-institutions' }],
  ['matching-faq.graphql', { search: 'samenwerking met Russische universiteiten' }],
  ['partner-file.graphql', { slug: 'harbin-institute-of-technology' }],
  ['expert-profile.graphql', { slug: 'maarten-kooistra', contacts: true, expert: 'maarten-kooistra' }],
  [
    'desk-actions.graphql',
    { input: { id: 'inq-2026-0101', expectedVersion: 1, assignee: 'desk-sander-kuipers', assigneeName: 'Sander' } },
  ],
]);

describe('the defaults let every legitimate operation through', () => {
  // The operations the documentation shows (README.md and docs/*.md).
  const documents = ['README.md', ...readdirSync(`${ROOT_DIR}/docs`).map((name) => `docs/${name}`)];
  const examples = documents
    .filter((document) => document.endsWith('.md'))
    .flatMap((document) =>
      [...readFileSync(`${ROOT_DIR}/${document}`, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map(
        (m, i): [string, string] => [`${document} example ${i + 1}`, m[1]!],
      ),
    );
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ...examples.map(([name, query]): [string, string, Record<string, unknown>] => [name, query, {}]),
    // The pages' operations, GraphiQL's examples among them (with the examples' variables).
    ...operationFiles.map((file): [string, string, Record<string, unknown>] => [
      `operation ${file}`,
      readFileSync(`${ROOT_DIR}/web/operations/${file}`, 'utf8'),
      exampleVariables.get(file) ?? pageVariables.get(file) ?? {},
    ]),
    [
      'GraphiQL introspection',
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      }),
      {},
    ],
  ];

  it('finds the documented examples', () => expect(examples.length).toBeGreaterThanOrEqual(3));

  it.each(cases)('%s', (_name, query, variables) => {
    expect(limitErrors(query)).toEqual([]);
    expect(tokens(query)).toBeLessThanOrEqual(DEFAULTS.maxTokens);
    expect(cost(query, variables)).toBeLessThanOrEqual(DEFAULTS.maxCost);
  });
});

describe('graphql-armor rules with our errors', () => {
  it('names the limit, its value and what was found', () => {
    const deep = `{ theme(name: "x") { ${'broader { '.repeat(12)}name${' }'.repeat(12)} } }`;
    const errors = validate(schema, parse(deep), RULES);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: { name: 'depth', max: 10, found: 14 } });
  });

  it('follows the configuration', () => {
    const rules = requestLimits(limitsConfig({ MAX_ALIASES: '1' })).validationRules;
    expect(validate(schema, parse('{ a: __typename b: regions { name } }'), rules)).toEqual([]); // __typename is free
    expect(validate(schema, parse('{ a: regions { name } b: regions { name } }'), rules)[0]!.extensions.limit).toEqual({
      name: 'aliases',
      max: 1,
      found: 2,
    });
  });

  it('gives graphql-js limits our code and advice', () => {
    expect(
      graphqlJsLimitError({ message: 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.' }),
    ).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', limit: { name: 'tokens', max: 2000 } },
    });
    expect(
      graphqlJsLimitError({ message: 'Too many errors processing variables, error limit reached. Execution aborted.' })
        ?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(graphqlJsLimitError({ message: 'Cannot query field "x" on type "Query".' })).toBeNull();
  });
});

describe('the cost of an operation', () => {
  const WIDE = 'query ($first: Int) { themes(first: $first) { totalCount edges { node { name narrower { name } } } } }';

  it('counts a page by first, whether literal, variable or default', () => {
    // themes 1 + first × (totalCount 1 + edges 1 + node 1 + name 1 + narrower (1 + 10 × name 1))
    expect(cost(WIDE, { first: 7 })).toBe(1 + 7 * 15);
    expect(cost(WIDE.replace('$first)', '7)').replace('($first: Int) ', ''))).toBe(1 + 7 * 15);
    expect(cost(WIDE, {})).toBe(1 + 20 * 15);
  });

  it('multiplies nested lists', () => {
    const one = cost('{ theme(name: "x") { broader { name } } }');
    const two = cost('{ theme(name: "x") { broader { narrower { name } } } }');
    expect(one).toBe(1 + 1 + 10);
    expect(two).toBe(1 + 1 + 10 * (1 + 10));
  });

  it('counts nodes(ids:) by its ids', () => {
    const ids = ['Theme:a', 'Theme:b', 'Theme:c'].map((id) => Buffer.from(id).toString('base64'));
    expect(cost('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids })).toBe(1 + 3);
  });
});

describe('argument caps', () => {
  const field = (name: string) =>
    schema.getQueryType()!.getFields()[name] ?? schema.getMutationType()!.getFields()[name]!;
  const problem = (name: string, args: Record<string, unknown>) => checkInputCaps(args, field(name).args);

  it('caps text by kind, by the name of the argument or input field', () => {
    expect([textCap('name'), textCap('about'), textCap('question')]).toEqual([
      INPUT_CAPS.text,
      INPUT_CAPS.text,
      INPUT_CAPS.longText,
    ]);
    expect(problem('whoKnows', { about: 'x'.repeat(1000) })).toBeNull();
    expect(problem('whoKnows', { about: 'x'.repeat(1001) })?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      limit: { name: 'textLength', max: 1000, found: 1001 },
    });
  });

  it('caps every list, and finds problems deep in inputs with their path', () => {
    expect(problem('nodes', { ids: Array.from({ length: 100 }, String) })).toBeNull();
    expect(problem('nodes', { ids: Array.from({ length: 101 }, String) })?.message).toMatch(
      /^ids has 101 items; the limit is 100/,
    );
    const input = {
      name: 'A',
      expertise: [
        { theme: 'ok', level: 3 },
        { theme: 't'.repeat(1001), level: 3 },
      ],
    };
    expect(problem('createExpert', { input })?.message).toBe(
      'input.expertise[1].theme is 1,001 characters long; the limit is 1,000: shorten it.',
    );
    expect(problem('createExpert', { input: { name: 'A', bio: 'b'.repeat(INPUT_CAPS.longText) } })).toBeNull();
  });
});

describe('limits configuration', () => {
  it('has documented defaults', () => {
    expect(DEFAULTS).toEqual({
      maxDepth: 10,
      maxAliases: 15,
      maxTokens: 2000,
      maxDirectives: 20,
      maxCost: 11_000,
      maxBodyBytes: 1_000_000,
    });
  });

  it('reads each limit from its variable, and refuses a bad value in one line', () => {
    expect(limitsConfig({ MAX_QUERY_COST: '500', MAX_BODY_BYTES: '2000000' })).toMatchObject({
      maxCost: 500,
      maxBodyBytes: 2_000_000,
    });
    expect(() => limitsConfig({ MAX_QUERY_DEPTH: 'deep' })).toThrow(ConfigError);
    expect(() => limitsConfig({ MAX_TOKENS: '10' })).toThrow(/MAX_TOKENS=10 is not a whole number from 200/);
  });
});
