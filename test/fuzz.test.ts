import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  type GraphQLEnumType,
  type GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLScalarType,
  parse,
  validate,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsOf, fixturePrefix, graphql, testServer, tokenFor, type UntypedData } from './helpers/api.js';
import {
  FUZZ_ACTORS,
  literal,
  OperationGenerator,
  queryReferences,
  type FuzzActor,
  type FuzzOperation,
} from './helpers/fuzz-operations.js';

/**
 * Schema-aware fuzzing: operations generated from schema/schema.graphql (queries and mutations, random selections,
 * arguments as literals and variables, good, wrongly typed and hostile values), sent as every role, anonymously
 * and with a broken token. Whatever is sent, the server answers below 500 with a GraphQL JSON body whose errors
 * carry a code and no internals, keeps answering, and gives its memory back.
 *
 *   npx vitest run test/fuzz.test.ts                 CI size (FUZZ_RUNS, default 400: under a minute on 2 cores)
 *   npm run fuzz                                      full size: 10,000 operations (about 10 minutes)
 *   FUZZ_SEED=… FUZZ_PATH=… npx vitest run test/fuzz.test.ts    replay one failure (printed with every failure)
 *   FUZZ_SHRINK=1 …                                   stop at the first failure and let fast-check shrink it
 *
 * Without FUZZ_SHRINK every violation is collected (with the path that replays it) and the test fails at the
 * end with all of them, so that one run shows every kind of failure.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const PATH = process.env.FUZZ_PATH || undefined;
const SHRINK = process.env.FUZZ_SHRINK === '1';
const REQUEST_TIMEOUT_MS = Number(process.env.FUZZ_REQUEST_TIMEOUT_MS ?? 30_000);
/** Mutations that succeeded; past this many, mutations go anonymously (refused before anything is written). */
const MAX_WRITES = 100;
/** Heap growth allowed over the run, once the server has settled. */
const HEAP_GROWTH_LIMIT = 100 * 2 ** 20;

const url = `${testServer().appUrl}/graphql`;
const P = fixturePrefix('fuzz');

/** Words that only the server's internals would put in a response: a stack frame, a file, the driver, the database. */
const INTERNALS = [
  /\bat [^\s]+ \(/,
  /\.ts:\d+/,
  /\.js:\d+/,
  /Neo4jError/,
  /Cypher/i,
  /neo4j/i,
  /TypeError/,
  /ReferenceError/,
  /Cannot read propert/,
  /is not a function/,
  /node_modules/,
];

interface Seed {
  id: string;
  name?: string;
}
const readSeed = (file: string) =>
  JSON.parse(readFileSync(new URL(`../seed/data/${file}`, import.meta.url), 'utf8')) as Seed[];

const schema = buildSchema(readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8'));
const themes = readSeed('themes.json');
const fixtures = { theme: `${P}-theme`, institution: `${P}-institution`, expert: '' };

interface Sent {
  status: number | 'no answer';
  codes: string[];
  ms: number;
  wrote: boolean;
}
interface Violation {
  path: string;
  problem: string;
  operation: FuzzOperation;
  response: string;
}

const tokens = new Map<FuzzActor, string | null>();
const byStatus = new Map<string, number>();
const byCode = new Map<string, number>();
const latencies: number[] = [];
const violations: Violation[] = [];
let writes = 0;
let sentOperations = 0;
let lastBytes = 0;

async function metric(name: string): Promise<number | null> {
  const response = await fetch(`${testServer().appUrl}/metrics`).catch(() => null);
  if (!response?.ok) return null;
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(await response.text());
  return match ? Number(match[1]) : null;
}

/** The problems with one response, as short sentences; none when it is what a client may expect. */
function problemsOf(operation: FuzzOperation, status: number, contentType: string | null, text: string): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`HTTP ${status}`);
  if (!contentType?.includes('json')) problems.push(`content-type ${contentType}`);
  let body: UntypedData;
  try {
    body = JSON.parse(text);
  } catch {
    return [...problems, 'body is not JSON'];
  }
  if (typeof body !== 'object' || body === null || (!('data' in body) && !('errors' in body)))
    problems.push('neither data nor errors');
  for (const error of body.errors ?? []) {
    if (typeof error?.extensions?.code !== 'string')
      problems.push(`error without extensions.code: ${String(error?.message).slice(0, 200)}`);
    else if (error.extensions.code === 'INTERNAL_SERVER_ERROR')
      problems.push(`INTERNAL_SERVER_ERROR: ${String(error.message).slice(0, 200)}`);
    if (error?.extensions?.stacktrace || error?.extensions?.exception)
      problems.push('error with a stack trace in extensions');
    const exposed = JSON.stringify({ message: error?.message, extensions: error?.extensions });
    const internal = INTERNALS.find((pattern) => pattern.test(exposed) && !pattern.test(JSON.stringify(operation)));
    if (internal) problems.push(`internal text ${internal}: ${exposed.slice(0, 300)}`);
  }
  return problems;
}

async function send(operation: FuzzOperation): Promise<{ sent: Sent; problems: string[]; response: string }> {
  const actor = operation.kind === 'mutation' && writes >= MAX_WRITES ? 'anonymous' : operation.actor;
  const token = tokens.get(actor) ?? null;
  const started = performance.now();
  sentOperations++;
  const body = JSON.stringify({ query: operation.document, variables: operation.variables });
  const previousBytes = lastBytes;
  lastBytes = body.length;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    const problems = problemsOf(operation, response.status, response.headers.get('content-type'), text);
    let codes: string[] = [];
    let wrote = false;
    try {
      const body = JSON.parse(text);
      codes = (body.errors ?? []).map((e: UntypedData) => String(e?.extensions?.code ?? 'none'));
      wrote = operation.kind === 'mutation' && body.data != null && Object.values(body.data).some((v) => v !== null);
    } catch {
      /* reported by problemsOf */
    }
    return {
      sent: { status: response.status, codes, ms, wrote },
      problems,
      response: `HTTP ${response.status} ${text.slice(0, 500)}`,
    };
  } catch (error) {
    const reason =
      error instanceof Error
        ? `${error.name}: ${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`
        : String(error);
    // A reset can be the knock-on of the request before (a socket the server closed), so say what that was.
    return {
      sent: { status: 'no answer', codes: [], ms: performance.now() - started, wrote: false },
      problems: [`no answer: ${reason}`],
      response: `${reason}; the request before was ${previousBytes} bytes`,
    };
  }
}

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const brief = (operation: FuzzOperation) =>
  JSON.stringify({
    ...operation,
    bytes: JSON.stringify({ query: operation.document, variables: operation.variables }).length,
    document: operation.document.slice(0, 600),
    variables: JSON.stringify(operation.variables).slice(0, 400),
  });

describe('fuzzing the schema', () => {
  let heapAtStart: number | null = null;
  let heapSettled: number | null = null;
  let startedAt: number | null = null;

  beforeAll(async () => {
    for (const actor of FUZZ_ACTORS) {
      if (actor === 'anonymous') tokens.set(actor, null);
      else if (actor === 'garbage-token') tokens.set(actor, 'eyJhbGciOiJub25lIn0.e30.');
      else if (actor === 'secretariat-reka')
        tokens.set(actor, await tokenFor({ subject: `${P}-reka`, roles: ['secretariat'], networks: ['reka'] }));
      else tokens.set(actor, await tokenFor(claimsOf(actor)));
    }
    // What mutations may name: fixtures of this file's own, so that no generated write touches the seed.
    const theme = await graphql(
      `
        mutation ($input: CreateThemeInput!) {
          createTheme(input: $input) {
            slug
          }
        }
      `,
      {
        input: { slug: fixtures.theme, name: `${P} theme`, nameNl: `${P} thema` },
      },
    );
    const institution = await graphql(
      `
        mutation ($input: CreateInstitutionInput!) {
          createInstitution(input: $input) {
            slug
          }
        }
      `,
      {
        input: {
          slug: fixtures.institution,
          name: `${P} institute`,
          nameNl: `${P} instituut`,
          kind: 'NGO',
          country: 'NL',
        },
      },
    );
    const expert = await graphql(
      `
        mutation ($input: CreateExpertInput!) {
          createExpert(input: $input) {
            slug
          }
        }
      `,
      {
        input: {
          name: `${P} Expert`,
          networks: [],
          expertise: [{ theme: fixtures.theme, level: 3 }],
          affiliations: [{ institution: fixtures.institution, role: 'Fuzz' }],
        },
      },
    );
    expect([theme.errors, institution.errors, expert.errors]).toEqual([undefined, undefined, undefined]);
    fixtures.expert = expert.data.createExpert.slug;
    heapAtStart = await metric('nodejs_heap_size_used_bytes');
    startedAt = await metric('process_start_time_seconds');
  });

  afterAll(() => {
    if (sentOperations === 0) return;
    latencies.sort((a, b) => a - b);
    const table = (map: Map<string, number>) =>
      [...map]
        .sort((a, b) => b[1] - a[1])
        .map(([key, n]) => `${key} ${n}`)
        .join(', ');
    console.log(
      [
        `fuzz: ${sentOperations} operations (seed ${SEED}${PATH ? `, path ${PATH}` : ''}), ${writes} mutations wrote`,
        `  by HTTP status: ${table(byStatus)}`,
        `  by error code: ${table(byCode)}`,
        `  latency ms: p50 ${percentile(latencies, 50).toFixed(0)}, ` +
          `p99 ${percentile(latencies, 99).toFixed(0)}, max ${(latencies.at(-1) ?? NaN).toFixed(0)}`,
        `  heap used: ${
          heapAtStart === null
            ? 'no /metrics'
            : `${(heapAtStart / 2 ** 20).toFixed(0)} MiB at start, ` +
              `${((heapSettled ?? NaN) / 2 ** 20).toFixed(0)} MiB settled after`
        }`,
      ].join('\n'),
    );
  });

  it(
    `answers ${RUNS} generated operations below 500, as GraphQL JSON, with codes and no internals`,
    { timeout: 60 * 60_000 },
    async () => {
      const generator = new OperationGenerator(
        schema,
        {
          query: {
            references: queryReferences({
              expertIds: readSeed('experts.json').map((e) => e.id),
              institutionIds: readSeed('institutions.json').map((i) => i.id),
              themeIds: themes.map((t) => t.id),
              themeNames: themes.map((t) => t.name ?? t.id),
              inquiryIds: readSeed('inquiries.json').map((i) => i.id),
            }),
            textPrefix: '',
          },
          mutation: {
            references: [
              fixtures.theme,
              fixtures.institution,
              fixtures.expert,
              `${P}-missing`,
              'ZZ',
              'Atlantis',
              'fx-nonexistent',
              Buffer.from(`Expert:${fixtures.expert}`).toString('base64'),
            ],
            textPrefix: `${P} `,
          },
        },
        { maxDepth: 4 },
      );
      let run = 0;
      const property = fc.asyncProperty(generator.operation(), async (operation) => {
        const index = run++;
        const { sent, problems, response } = await send(operation);
        count(byStatus, String(sent.status));
        for (const code of sent.codes) count(byCode, code);
        latencies.push(sent.ms);
        if (sent.wrote) writes++;
        if (problems.length === 0) return;
        if (SHRINK) throw new Error(`${problems.join('; ')}\n${response}`);
        violations.push({
          path: PATH ? `${PATH} (replay)` : String(index),
          problem: problems.join('; '),
          operation,
          response,
        });
      });
      await fc.assert(property, { numRuns: RUNS, seed: SEED, ...(PATH ? { path: PATH } : {}), endOnFailure: !SHRINK });

      // The server still answers, as the same process, and no rejection went unhandled in it
      // (src/graphql/resolver-guard.ts).
      expect((await graphql('{ __typename }', {}, { as: null })).data).toEqual({ __typename: 'Query' });
      expect(await metric('process_start_time_seconds')).toBe(startedAt);
      expect(await metric('process_unhandled_rejections_total')).toBe(0);

      // Let it settle: a few seconds and light requests, so that garbage collection has had its chance; the lowest
      // sample counts.
      for (let i = 0; i < 8; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await graphql('{ regions { id } }', {}, { as: null });
        const heap = await metric('nodejs_heap_size_used_bytes');
        if (heap !== null) heapSettled = Math.min(heapSettled ?? heap, heap);
      }

      if (violations.length > 0) {
        const groups = new Map<string, Violation[]>();
        for (const v of violations) {
          const key = v.problem.replace(/\d+/g, '#').slice(0, 120);
          groups.set(key, [...(groups.get(key) ?? []), v]);
        }
        const report = [...groups].map(
          ([key, list]) =>
            `- ${list.length}× ${key}\n` +
            `    paths: ${list
              .slice(0, 10)
              .map((v) => v.path)
              .join(', ')}\n` +
            `    replay: FUZZ_SEED=${SEED} FUZZ_PATH=${list[0]!.path} npx vitest run test/fuzz.test.ts\n` +
            `    operation: ${brief(list[0]!.operation)}\n` +
            `    response: ${list[0]!.response.slice(0, 400)}`,
        );
        expect.fail(`${violations.length} of ${run} operations broke a rule (seed ${SEED}):\n${report.join('\n')}`);
      }
    },
  );

  it('gives its memory back: heap used after the run and a settle within 100 MB of the start', () => {
    expect(heapAtStart, 'GET /metrics must report nodejs_heap_size_used_bytes').not.toBeNull();
    expect(heapSettled).not.toBeNull();
    expect(heapSettled! - heapAtStart!).toBeLessThan(HEAP_GROWTH_LIMIT);
  });
});

describe('the operation generator', () => {
  const generator = new OperationGenerator(
    schema,
    {
      query: { references: ['halfgeleiders', 'CN'], textPrefix: '' },
      mutation: { references: ['fx-x'], textPrefix: 'fx-x ' },
    },
    { maxDepth: 4 },
  );
  const samples = fc.sample(generator.operation(), { numRuns: 500, seed: 1 });

  it('makes mostly valid operations, so that the fuzzing reaches the resolvers, and some invalid ones', () => {
    const valid = samples.filter((s) => {
      try {
        return validate(schema, parse(s.document)).length === 0;
      } catch {
        return false;
      }
    }).length;
    expect(valid).toBeGreaterThan(samples.length * 0.6);
    expect(valid).toBeLessThan(samples.length);
    expect(samples.some((s) => s.kind === 'mutation')).toBe(true);
    expect(new Set(samples.map((s) => s.actor)).size).toBe(FUZZ_ACTORS.length);
  });

  it('gives mutations only the fixture references and prefixed text', () => {
    const mutationText = samples
      .filter((s) => s.kind === 'mutation')
      .map((s) => s.document + JSON.stringify(s.variables));
    expect(mutationText.some((text) => text.includes('halfgeleiders'))).toBe(false);
    expect(mutationText.some((text) => text.includes('fx-x'))).toBe(true);
  });

  it('prints values as literals of their type: enum names bare, other strings quoted, lists and objects nested', () => {
    const kind = schema.getType('InquiryKind') as GraphQLEnumType;
    expect(literal('KNOWLEDGE_SECURITY', new GraphQLNonNull(kind))).toBe('KNOWLEDGE_SECURITY');
    expect(literal('CN', schema.getType('String') as GraphQLScalarType)).toBe('"CN"');
    expect(literal(['a', null, 2], new GraphQLList(schema.getType('String') as GraphQLScalarType))).toBe(
      '["a", null, 2]',
    );
    expect(
      literal(
        { kind: 'EXPERTISE_REQUEST', themes: ['x\u0000'] },
        schema.getType('RecordInquiryInput') as GraphQLInputObjectType,
      ),
    ).toBe('{ kind: EXPERTISE_REQUEST, themes: ["x\\u0000"] }');
  });
});
