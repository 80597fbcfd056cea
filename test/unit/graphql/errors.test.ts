import { ApolloServer } from '@apollo/server';
// The CommonJS build, as Apollo Server uses it: under vitest a bare 'graphql' is the ESM build, another instance.
import { GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import {
  BadInputError,
  ConflictError,
  type DomainError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  InputProblems,
  NotFoundError,
} from '../../../src/errors.js';
import { codedRefusal } from '../../../src/graphql/errors.js';
import { createFormatError } from '../../../src/graphql/format-error.js';
import { guardResolvers } from '../../../src/graphql/resolver-guard.js';

function inputProblems(): BadInputError {
  const problems = new InputProblems();
  problems.add('name', 'is empty');
  problems.add('expertise[1].level', 'must be from 1 to 5 (got 7)');
  try {
    problems.throwIfAny('The expert cannot be saved');
  } catch (error) {
    return error as BadInputError;
  }
  throw new Error('InputProblems with problems did not throw');
}

/** Every refusal of the domain, and the error a client gets for it, as JSON (key order included). */
const CASES: Array<{ name: string; error: () => DomainError; json: string }> = [
  {
    name: 'bad input with the problems per field',
    error: inputProblems,
    json: JSON.stringify({
      message: 'The expert cannot be saved: name: is empty; expertise[1].level: must be from 1 to 5 (got 7)',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'name', message: 'is empty' },
          { field: 'expertise[1].level', message: 'must be from 1 to 5 (got 7)' },
        ],
      },
    }),
  },
  {
    name: 'bad input naming its argument and suggestions',
    error: () =>
      new BadInputError('Unknown theme "semiconductor". Did you mean "semiconductors"?', {
        argument: 'about',
        suggestions: ['semiconductors'],
      }),
    json: JSON.stringify({
      message: 'Unknown theme "semiconductor". Did you mean "semiconductors"?',
      extensions: { code: 'BAD_USER_INPUT', argument: 'about', suggestions: ['semiconductors'] },
    }),
  },
  {
    name: 'bad input naming the objects an ambiguous slug stands for',
    error: () =>
      new BadInputError('"ckn" is the slug of 2 objects', {
        argument: 'id',
        globalIds: [
          { type: 'Network', id: 'TmV0d29yazpja24=' },
          { type: 'Theme', id: 'VGhlbWU6Y2tu' },
        ],
      }),
    json: JSON.stringify({
      message: '"ckn" is the slug of 2 objects',
      extensions: {
        code: 'BAD_USER_INPUT',
        argument: 'id',
        globalIds: [
          { type: 'Network', id: 'TmV0d29yazpja24=' },
          { type: 'Theme', id: 'VGhlbWU6Y2tu' },
        ],
      },
    }),
  },
  {
    name: 'not found',
    error: () => new NotFoundError('No expert has id "nope": it may have been removed.'),
    json: JSON.stringify({
      message: 'No expert has id "nope": it may have been removed.',
      extensions: { code: 'NOT_FOUND' },
    }),
  },
  {
    name: 'forbidden',
    error: () => new ForbiddenError('Erasing an expert is for administrators.'),
    json: JSON.stringify({
      message: 'Erasing an expert is for administrators.',
      extensions: { code: 'FORBIDDEN' },
    }),
  },
  {
    name: 'a conflict with the version now stored',
    error: () => new ConflictError('Someone else changed this expert since you read it.', { currentVersion: 4 }),
    json: JSON.stringify({
      message: 'Someone else changed this expert since you read it.',
      extensions: { code: 'CONFLICT', currentVersion: 4 },
    }),
  },
  {
    name: 'an idempotency key reused',
    error: () => new IdempotencyKeyReusedError(),
    json: JSON.stringify({
      message: new IdempotencyKeyReusedError().message,
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED' },
    }),
  },
];

describe('the code and extensions of each domain refusal', () => {
  it.each(CASES)('$name', ({ error, json }) => {
    expect(JSON.stringify(codedRefusal(error()))).toBe(json);
  });

  it('covers every kind of refusal', () => {
    const kinds = new Set(CASES.map(({ error }) => error().kind));
    expect([...kinds].sort()).toEqual(['BAD_INPUT', 'CONFLICT', 'FORBIDDEN', 'IDEMPOTENCY_KEY_REUSED', 'NOT_FOUND']);
  });
});

/** A schema whose fields fail as services do: throwing, rejecting, or loading an error for one list item. */
function failingSchema(error: () => DomainError): GraphQLSchema {
  const query = new GraphQLObjectType({
    name: 'Query',
    fields: {
      thrown: {
        type: GraphQLString,
        resolve: () => {
          throw error();
        },
      },
      rejected: { type: GraphQLString, resolve: () => Promise.reject(error()) },
      items: {
        type: new GraphQLList(new GraphQLNonNull(GraphQLString)),
        resolve: () => [Promise.resolve('fine'), error()],
      },
    },
  });
  return guardResolvers(new GraphQLSchema({ query }));
}

describe('a domain refusal raised in a resolver', () => {
  it.each(CASES)('reaches the client with its code and extensions, unmasked and unreported: $name', async (example) => {
    const reported: unknown[] = [];
    const server = new ApolloServer({
      schema: failingSchema(example.error),
      formatError: createFormatError((error) => (reported.push(error), 'req-1')),
      includeStacktraceInErrorResponses: true,
    });
    await server.start();
    try {
      const response = await server.executeOperation({ query: '{ thrown rejected items }' });
      const result = response.body.kind === 'single' ? response.body.singleResult : null;
      const { message, extensions } = JSON.parse(example.json) as { message: string; extensions: object };
      // In the order the fields failed: the list item at once, the others a tick later.
      expect(JSON.stringify(result?.errors)).toBe(
        JSON.stringify([
          { message, locations: [{ line: 1, column: 19 }], path: ['items', 1], extensions },
          { message, locations: [{ line: 1, column: 3 }], path: ['thrown'], extensions },
          { message, locations: [{ line: 1, column: 10 }], path: ['rejected'], extensions },
        ]),
      );
      expect(reported).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
