import { ApolloArmor } from '@escape.tech/graphql-armor';
import { complexityFromQuery, type FieldComplexityValue } from '@pothos/plugin-complexity';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLFormattedError,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLList,
  type GraphQLNonNull,
  type GraphQLNullableType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
} from 'graphql';
import type { LimitsConfig } from '../config.js';
import { ErrorCode } from './errors.js';
import { DEFAULT_LAST, DEFAULT_PAGE_SIZE, MAX_LAST, MAX_PAGE_SIZE } from './paging.js';

/**
 * What every argument may hold, checked at the schema boundary before a resolver runs. They bound what a
 * request can make the server do; they sit above the services' own checks (a name of at most 200
 * characters, a bio of 4,000, …), which go on reporting every problem of an input at once. They are part
 * of the API's contract (docs/api.md, "Limits", lists them), so they are constants rather than configuration.
 */
export const INPUT_CAPS = {
  /** Items in any list argument or list input field (`ids`, `themes`, `countries`, `expertise`, …). */
  listItems: 100,
  /** Characters in any string: names, ids, codes, cursors, titles, search text. */
  text: 1_000,
  /** Characters in long free text: questions, answers, bios, summaries, notes, reasons. */
  longText: 20_000,
} as const;

/** Argument and input field names that hold long free text. */
const LONG_TEXT = new Set([
  'question',
  'answer',
  'answerSummary',
  'bio',
  'bioNl',
  'summary',
  'context',
  'note',
  'reason',
  'description',
  'text',
]);

/**
 * Type tests by graphql-js's own Symbol.toStringTag instead of its instanceof predicates: under vitest,
 * Pothos's graphql (CommonJS) and ours (ESM) are two module instances, and the predicates throw across them.
 */
const tagOf = (type: unknown) => (type as { [Symbol.toStringTag]?: string } | null | undefined)?.[Symbol.toStringTag];
const isList = (type: GraphQLType): type is GraphQLList<GraphQLType> => tagOf(type) === 'GraphQLList';
const isInputObject = (type: GraphQLType): type is GraphQLInputObjectType => tagOf(type) === 'GraphQLInputObjectType';
export const isObject = (type: unknown): type is GraphQLObjectType => tagOf(type) === 'GraphQLObjectType';
const isNonNull = (type: GraphQLType): type is GraphQLNonNull<GraphQLNullableType> => tagOf(type) === 'GraphQLNonNull';
const nullable = (type: GraphQLType): GraphQLNullableType => (isNonNull(type) ? type.ofType : type);
function namedTypeName(type: GraphQLOutputType): string {
  let inner: GraphQLType = type;
  while ('ofType' in inner) inner = inner.ofType;
  return inner.name;
}

/** The length cap of a string argument or input field, by its name. */
export function textCap(name: string): number {
  return LONG_TEXT.has(name) ? INPUT_CAPS.longText : INPUT_CAPS.text;
}

/**
 * The error every limit gives: what was hit, its value, and how to ask within it. A GraphQLError rather than a
 * domain error: the validation rules report it, before any service runs.
 */
export function limitExceeded(limit: string, max: number, found: number | null, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, limit: { name: limit, max, ...(found === null ? {} : { found }) } },
  });
}

const count = (n: number) => n.toLocaleString('en');

/** The first list or string in `value` (of `type`, named `at`) that is over its cap, as an error. */
function overCap(value: unknown, type: GraphQLInputType, name: string, at: string): GraphQLError | null {
  if (value === null || value === undefined) return null;
  const inner = nullable(type);
  if (isList(inner)) {
    if (!Array.isArray(value)) return overCap(value, inner.ofType as GraphQLInputType, name, at);
    if (value.length > INPUT_CAPS.listItems) {
      return limitExceeded(
        'listItems',
        INPUT_CAPS.listItems,
        value.length,
        `${at} has ${count(value.length)} items; the limit is ${INPUT_CAPS.listItems} per list: send them in ` +
          'several requests.',
      );
    }
    for (const [index, item] of value.entries()) {
      const problem = overCap(item, inner.ofType as GraphQLInputType, name, `${at}[${index}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObject(inner)) {
    for (const field of Object.values(inner.getFields())) {
      const problem = overCap(
        (value as Record<string, unknown>)[field.name],
        field.type,
        field.name,
        `${at}.${field.name}`,
      );
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === 'string' && value.length > textCap(name)) {
    const cap = textCap(name);
    return limitExceeded(
      'textLength',
      cap,
      value.length,
      `${at} is ${count(value.length)} characters long; the limit is ${count(cap)}: shorten it.`,
    );
  }
  return null;
}

/** The first argument over its cap, as an error; null when every argument is within its caps. */
export function checkInputCaps(
  args: Record<string, unknown>,
  definitions: readonly GraphQLArgument[],
): GraphQLError | null {
  for (const definition of definitions) {
    const problem = overCap(args[definition.name], definition.type, definition.name, definition.name);
    if (problem) return problem;
  }
  return null;
}

/** What is below a list without `first` is counted this many times. */
export const LIST_COST_MULTIPLIER = 10;

/**
 * How many items the lists of a record hold, where its area's loader reads them for a whole page in one query (one
 * round trip whatever the page's size, e.g. an inquiry's history and consultations, src/inquiries/repository.ts):
 * about what they hold on average, rounded up (on the seed, an inquiry has 3.7 status changes, 1.7 consultations,
 * 2.4 themes and 1.6 countries; a status change names 0.05 ministries). Counted at LIST_COST_MULTIPLIER, a page of 50
 * inquiries with their history and consultations cost more than the budget while it is one of the cheapest requests
 * the desk sends; lists whose items are each a query, a page or a ranking keep their multipliers, so a truly costly
 * request is still refused.
 */
export const BATCHED_LIST_SIZES = {
  statusChanges: 5,
  consultations: 3,
  /** An inquiry's notes, messages to the asker and edits (each taking `last`, see `lastOfBatchedList`). */
  notes: 2,
  askerMessages: 1,
  edits: 1,
  /** Status changes, consultations asked and answered, notes, messages, edits and ministries of one inquiry. */
  timeline: 15,
  /** Themes or countries given or inferred. */
  subjects: 3,
  /** The ministries one status change coordinates with. */
  ministries: 2,
  followUps: 2,
} as const;

/** The complexity option of a list its parent's loader brings with the whole page: `size` items. */
export const batchedList = (size: number): FieldComplexityValue => ({ field: 1, multiplier: size });

/**
 * The complexity of such a list that takes `last` (src/graphql/paging.ts): `size` items as usual, never more than
 * `last` asks for, so that asking for fewer costs less (an out-of-range `last` is refused by its resolver).
 */
export const lastOfBatchedList =
  (size: number) =>
  (args: Record<string, unknown>): FieldComplexityValue => {
    const last = typeof args.last === 'number' ? args.last : DEFAULT_LAST;
    return { field: 1, multiplier: Math.min(size, Math.max(0, Math.min(last, MAX_LAST))) };
  };

/**
 * The cost of one field for @pothos/plugin-complexity: 1 for the field itself, and what is selected
 * below it counts once per item it may return: `first` (or its default) for a page, the number of ids
 * for `nodes(ids:)`, LIST_COST_MULTIPLIER for other lists. A connection's `edges` are already counted
 * by its `first`. Multipliers are capped where the argument's own check gives the clearer error.
 */
export function fieldCost<Context>(
  args: Record<string, unknown>,
  _context: Context,
  field: GraphQLField<unknown, Context>,
): FieldComplexityValue {
  if (field.args.some((arg) => arg.name === 'first')) {
    const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
    return { field: 1, multiplier: Math.min(Math.max(first, 0), MAX_PAGE_SIZE) };
  }
  if (Array.isArray(args.ids)) return { field: 1, multiplier: Math.min(args.ids.length, INPUT_CAPS.listItems) };
  if (field.name === 'edges' && namedTypeName(field.type).endsWith('Edge')) return { field: 1, multiplier: 1 };
  if (isList(nullable(field.type))) return { field: 1, multiplier: LIST_COST_MULTIPLIER };
  return 1;
}

/**
 * What a field starts beyond the values it returns, in cost units: a ranking reads and scores experts, a text
 * search runs the full-text indexes and reads the question word by word, an aggregate counts over the graph.
 * Added to the field's own cost (and so multiplied by the lists above it), so that a request's cost follows the
 * work it starts, not only the size of its answer: fifteen rankings cost at least 1,500.
 */
export const WORK_WEIGHTS = {
  ranking: 100,
  textSearch: 100,
  aggregate: 200,
  /** A coverage matrix: a count per theme × country cell. */
  matrix: 500,
} as const;

/**
 * A request whose cost reaches this starts at least one ranking, search or aggregate: it is admitted as heavy
 * (src/http/heavy-requests.ts).
 */
export const HEAVY_REQUEST_COST = WORK_WEIGHTS.ranking;

/** The complexity option of a field that starts work of a kind: its page cost (fieldCost) plus the work's weight. */
export function costOfWork(weight: number) {
  return <Context>(
    args: Record<string, unknown>,
    context: Context,
    field: GraphQLField<unknown, Context>,
  ): FieldComplexityValue => {
    const cost = fieldCost(args, context, field);
    return typeof cost === 'number' ? cost + weight : { ...cost, field: (cost.field ?? 1) + weight };
  };
}

/**
 * The cost of the operation a request will execute, as the complexity plugin counts it before the first root field
 * resolves; null when it cannot be counted (invalid variables: execution will say what is wrong with them).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  context: object,
): number | null {
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  try {
    return complexityFromQuery(
      { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] },
      { schema, ctx: context, variables },
    ).complexity;
  } catch {
    return null;
  }
}

export function costExceeded(cost: number, max: number): GraphQLError {
  return limitExceeded(
    'cost',
    max,
    cost,
    `This operation would cost ${count(cost)}; the limit is ${count(max)}. Every field costs 1 and what is ` +
      'below a list counts once per item asked for: ask for smaller pages (first), fewer nested lists, or split ' +
      'it into several requests.',
  );
}

/** Reports one of graphql-armor's rejections as our limit error: what was hit, its value, and what to do. */
function armorRejection(limit: string, what: string, max: number, advice: string) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const match = /found (\d+)/.exec(error.message);
    const found = match ? Number(match[1]) : null;
    const has =
      found === null ? `has more ${what} than the limit of ${max}` : `has ${count(found)} ${what}; the limit is ${max}`;
    context?.reportError(limitExceeded(limit, max, found, `This operation ${has}: ${advice}`));
  };
}

/**
 * The ApolloServer options that bound a request before it executes: graphql-armor's depth, alias and
 * directive validation rules, and graphql-js's own token limit while parsing. Armor's token plugin is
 * not used: it throws from `parsingDidStart`, which Apollo Server answers as an internal error (500).
 * Armor's cost rule is off (it ignores a `first` given in a variable): the cost budget is
 * @pothos/plugin-complexity's (src/graphql/builder.ts). Field suggestions stay on: the schema is public
 * through introspection anyway, and armor's mask would also hide our own "did you mean" names.
 */
export function requestLimits(limits: LimitsConfig) {
  const reportOnly = { propagateOnRejection: false, exposeLimits: true } as const;
  // Only validation rules come out: armor's Apollo plugins (suggestion mask, tokens) are both off.
  const { validationRules } = new ApolloArmor({
    blockFieldSuggestion: { enabled: false },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    maxDepth: {
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      ...reportOnly,
      onReject: [
        armorRejection(
          'depth',
          'levels of nested fields',
          limits.maxDepth,
          'select fewer levels, and fetch deeper objects with a second query (node(id:)).',
        ),
      ],
    },
    maxAliases: {
      n: limits.maxAliases,
      ...reportOnly,
      onReject: [
        armorRejection(
          'aliases',
          'aliases',
          limits.maxAliases,
          'split it into several requests, or use a list field such as nodes(ids:).',
        ),
      ],
    },
    maxDirectives: {
      n: limits.maxDirectives,
      ...reportOnly,
      onReject: [
        armorRejection(
          'directives',
          'directives',
          limits.maxDirectives,
          'use fewer @include/@skip, or split it into several requests.',
        ),
      ],
    },
  }).protect();
  return { validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}

// graphql-js 16 says "more that"; a later release may fix the typo.
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;
/** graphql-js gives up checking a document whose overlapping fields or fragments would take too much work. */
const VALIDATION_ABORTED = 'Validation aborted.';
/** graphql-js's fixed message when more than 50 variable values are invalid; it carries no code. */
const TOO_MANY_VARIABLE_ERRORS = 'Too many errors processing variables, error limit reached. Execution aborted.';

/**
 * Gives the limits graphql-js enforces itself (tokens while parsing, 50 variable errors while coercing)
 * our code and advice; null for every other error.
 */
export function graphqlJsLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError | null {
  const tokens = TOO_MANY_TOKENS.exec(formatted.message);
  if (tokens) {
    const max = Number(tokens[1]);
    return {
      message:
        `This document has more than ${count(max)} tokens (names, punctuation and values), the limit: select ` +
        'fewer fields, pass values as variables, or split it into several requests.',
      locations: formatted.locations,
      extensions: { code: 'BAD_USER_INPUT', limit: { name: 'tokens', max } },
    };
  }
  if (formatted.message === VALIDATION_ABORTED) {
    return {
      message:
        'This document is too costly to check (many fields or fragments that overlap, e.g. the same field ' +
        'selected hundreds of times): select each field once, or split it into several requests.',
      locations: formatted.locations,
      extensions: { code: 'BAD_USER_INPUT', limit: { name: 'validationWork' } },
    };
  }
  if (formatted.message === TOO_MANY_VARIABLE_ERRORS) {
    return {
      message:
        'More than 50 variable values are invalid, so checking stopped there: fix the values named in the other ' +
        'errors and send again.',
      extensions: { code: 'BAD_USER_INPUT', limit: { name: 'variableErrors', max: 50 } },
    };
  }
  return null;
}
