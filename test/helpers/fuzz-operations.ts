/**
 * Schema-aware generation of GraphQL operations for the fuzz test: random selection sets of bounded depth over
 * the real schema, arguments given as literals or as variables, values drawn from each argument's type (good
 * ones, wrongly typed ones, hostile text, huge numbers, big lists), and who sends them. Pure: no I/O.
 */
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLList,
  type GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';

/** An input type without its non-null wrapper, as getNullableType gives it. */
type NullableInputType = GraphQLScalarType | GraphQLEnumType | GraphQLInputObjectType | GraphQLList<GraphQLInputType>;

/** Who sends an operation: a role's token, a secretariat of another network, a broken token, or nobody. */
export type FuzzActor =
  'anonymous' | 'viewer' | 'officer' | 'secretariat' | 'secretariat-reka' | 'desk' | 'admin' | 'garbage-token';
export const FUZZ_ACTORS: readonly FuzzActor[] = [
  'anonymous',
  'viewer',
  'officer',
  'secretariat',
  'secretariat-reka',
  'desk',
  'admin',
  'garbage-token',
];

export interface FuzzOperation {
  kind: 'query' | 'mutation';
  document: string;
  variables: Record<string, unknown>;
  actor: FuzzActor;
}

/**
 * The values strings are drawn from. Queries may name anything in the seed; mutations name only the fuzz
 * test's own fixtures (or nothing that exists), so that no write can touch what other tests read.
 */
export interface ValuePools {
  /** Ids, slugs and names of objects that exist (or look as if they might). */
  references: readonly string[];
  /** Put before generated free text, so that anything a mutation stores is recognisably the fuzz test's. */
  textPrefix: string;
}

export interface SeedNames {
  expertIds: readonly string[];
  institutionIds: readonly string[];
  themeIds: readonly string[];
  themeNames: readonly string[];
  inquiryIds: readonly string[];
}

/** Seed values worth asking about, plus global ids built as the relay plugin builds them. */
export function queryReferences(seed: SeedNames): string[] {
  const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
  return [
    ...seed.expertIds.slice(0, 8),
    ...seed.institutionIds.slice(0, 5),
    ...seed.themeIds.slice(0, 8),
    ...seed.themeNames.slice(0, 5),
    ...seed.inquiryIds.slice(0, 4),
    'halfgeleiders',
    'semiconductors',
    'technology',
    'geopolitics',
    'sanctions',
    'export controls',
    'lithografie',
    'CN',
    'TW',
    'RU',
    'NL',
    'CHN',
    'Taiwan',
    'China',
    'Rusland',
    'Central Asia',
    'Baltische staten',
    'ckn',
    'reka',
    'CKN',
    'REKA',
    'desk',
    ...seed.expertIds.slice(0, 3).map((id) => globalId('Expert', id)),
    ...seed.themeIds.slice(0, 2).map((id) => globalId('Theme', id)),
    ...seed.inquiryIds.slice(0, 2).map((id) => globalId('Inquiry', id)),
    globalId('Country', 'CN'),
    globalId('Network', 'ckn'),
    globalId('Institution', 'clingendael'),
    globalId('Nope', 'x'),
    'Tm9wZTp4',
    globalId('Expert', ''),
    globalId('', ''),
    '',
  ];
}

const LUCENE = [
  'title:(a OR b)~2 AND "x',
  'title:chips',
  '"unclosed quote',
  '(chips AND',
  'chips~2 rare^4 earth*',
  '[a TO z]',
  '{a TO z}',
  'a && b || !c',
  '\\',
  '/regex.*/',
  '*',
  '?',
  '*?[]{}\\',
  'NOT',
  'AND OR NOT',
  '+-&&||!(){}[]^"~*?:\\/',
  'field:',
  ':',
  '~',
  '^',
];
const UNICODE = [
  '\u202Eabc\u202C',
  'שלום עולם',
  'مرحبا',
  '🧪🇨🇳👩🏽‍🔬',
  'e\u0301\u0301\u0301\u0301',
  'Z̸̧̛͓̹̈́̋a̵̢͍͐l̷̰̓g̴̣̈o̶̬͝',
  '\u200B\u200D\uFEFF',
  '\uD800',
  '\uDC00x',
  'x\uD83D',
  '半导体 光刻',
  'Ѳѳ Ґґ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001B[31m',
  'ǅ ß ﬁ',
  '\r\n\t',
];
const WORDS = [
  'semiconductor',
  'halfgeleider',
  'sanctions',
  'Taiwan',
  'lithography',
  'export',
  'Arctic',
  'chips',
  'energie',
  'x',
];

/** Text a client might send: words, Lucene syntax, unicode oddities, random code units and, rarely, huge text. */
export function hostileString(): fc.Arbitrary<string> {
  const pieces = fc.oneof(
    fc.constantFrom(...LUCENE),
    fc.constantFrom(...UNICODE),
    fc.constantFrom(...WORDS),
    fc.string({ unit: 'binary', maxLength: 12 }),
  );
  const huge = fc
    .record({
      length: fc.constantFrom(100_000, 300_000, 1_000_000),
      piece: fc.constantFrom('a', 'semiconductor ', 'title:(a OR b)~2 ', '🧪', 'x\u0000', '\\'),
    })
    .map(({ length, piece }) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));
  const mid = fc
    .record({ length: fc.constantFrom(300, 5_000, 20_000), piece: fc.constantFrom('ab ', 'é', '*?') })
    .map(({ length, piece }) => piece.repeat(length));
  return fc.oneof(
    { arbitrary: fc.array(pieces, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')), weight: 40 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 10 },
    { arbitrary: mid, weight: 3 },
    { arbitrary: huge, weight: 1 },
  );
}

const HUGE_NUMBERS = [2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 1e21, 1e308, -1e308, 0.5, -0.0001];
const DATES = ['2025-01-01', '2020-13-01', '2025-02-30', '0000-00-00', '9999-12-31', '2025-1-1', 'yesterday'];
const DATE_TIMES = [
  '2025-03-01T10:00:00Z',
  '2025-03-01T10:00:00+01:00',
  '2025-13-01T25:61:00Z',
  '1970-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  'now',
];

/** Any JSON value of the wrong kind, for an argument of any type. */
const wrongValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom<unknown>(null, true, 0, -1, 1.5, 'text', {}, [], [null], { a: { b: 1 } }, [[1]], ''),
    fc.constantFrom(...HUGE_NUMBERS),
  );

/** The value once in `inOf` draws, otherwise undefined. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, inOf: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: inOf - 1 }, { arbitrary, weight: 1 });

export interface GeneratorOptions {
  /** Deepest nesting of selection sets (root fields are depth 1). */
  maxDepth: number;
}

interface Argument {
  name: string;
  type: GraphQLInputType;
  value: unknown;
  asVariable: boolean;
}
type Selection =
  | { kind: 'field'; name: string; alias?: string; args: Argument[]; selections?: Selection[] }
  | { kind: 'fragment'; typeName: string; selections: Selection[] };

/** Builds the arbitraries over one schema. Memoised per type and depth, so building them is cheap. */
export class OperationGenerator {
  private readonly selectionCache = new Map<string, fc.Arbitrary<Selection[]>>();
  private readonly valueCache = new Map<string, fc.Arbitrary<unknown>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly pools: { query: ValuePools; mutation: ValuePools },
    private readonly options: GeneratorOptions,
  ) {}

  operation(): fc.Arbitrary<FuzzOperation> {
    const query = this.schema.getQueryType()!;
    const mutation = this.schema.getMutationType()!;
    const roots = (kind: 'query' | 'mutation') =>
      fc.array(this.rootField(kind === 'query' ? query : mutation, kind), {
        minLength: 1,
        maxLength: kind === 'query' ? 3 : 2,
      });
    return fc
      .record({
        kind: fc.constantFrom<'query' | 'mutation'>('query', 'query', 'query', 'query', 'mutation'),
        actor: fc.constantFrom(...FUZZ_ACTORS),
      })
      .chain(({ kind, actor }) => roots(kind).map((selections) => ({ kind, actor, ...print(kind, selections) })));
  }

  private rootField(type: GraphQLCompositeType, mode: 'query' | 'mutation'): fc.Arbitrary<Selection> {
    if (!isObjectType(type)) throw new Error('root types are object types');
    const fields = Object.values(type.getFields());
    return fc.oneof(...fields.map((field) => this.field(field, this.options.maxDepth, mode)));
  }

  private field(
    field: GraphQLField<unknown, unknown>,
    depth: number,
    mode: 'query' | 'mutation',
  ): fc.Arbitrary<Selection> {
    const named = getNamedType(field.type);
    const args = fc
      .tuple(...field.args.map((arg) => this.argument(arg, mode)))
      .map((list) => list.filter((a): a is Argument => a !== null));
    const selections = isCompositeType(named) ? this.selections(named, depth - 1, mode) : fc.constant(undefined);
    const alias = rarely(fc.constantFrom('a', 'b', 'x1', 'node', 'whoKnows'), 10);
    return fc.record({ args, selections, alias }).map(({ args, selections, alias }) => ({
      kind: 'field' as const,
      name: field.name,
      args,
      ...(alias ? { alias } : {}),
      ...(selections ? { selections } : {}),
    }));
  }

  /** The fields picked from a composite type, down to `depth` more levels; leaves only at the bottom. */
  private selections(type: GraphQLCompositeType, depth: number, mode: 'query' | 'mutation'): fc.Arbitrary<Selection[]> {
    const key = `${type.name}/${depth}/${mode}`;
    const cached = this.selectionCache.get(key);
    if (cached) return cached;
    // A placeholder first: the type graph has cycles, and fc.constant(null) is never used (depth ends them).
    const fields = isUnionType(type) ? [] : Object.values(type.getFields());
    const usable = fields.filter((field) => depth > 0 || isLeafType(getNamedType(field.type)));
    const fieldArbitraries = usable.map((field) => this.field(field, depth, mode));
    const typename = fc.constant<Selection>({ kind: 'field', name: '__typename', args: [] });
    const options: fc.Arbitrary<Selection>[] = [typename, ...fieldArbitraries];
    if ((isInterfaceType(type) || isUnionType(type)) && depth > 0) {
      for (const possible of this.schema.getPossibleTypes(type)) {
        options.push(
          fc
            .constant(null)
            .chain(() => this.selections(possible, depth - 1, mode))
            .map((selections): Selection => ({ kind: 'fragment', typeName: possible.name, selections })),
        );
      }
    }
    const arbitrary = fc.array(fc.oneof(...options), { minLength: 1, maxLength: 3 });
    this.selectionCache.set(key, arbitrary);
    return arbitrary;
  }

  /** An argument: required ones nearly always given, optional ones half the time; a literal or a variable. */
  private argument(arg: GraphQLArgument, mode: 'query' | 'mutation'): fc.Arbitrary<Argument | null> {
    const required = isNonNullType(arg.type);
    const present = required
      ? fc.oneof({ arbitrary: fc.constant(true), weight: 30 }, { arbitrary: fc.constant(false), weight: 1 })
      : fc.boolean();
    return fc
      .record({ present, asVariable: fc.boolean(), value: this.value(arg.type, mode, 0) })
      .map(({ present, asVariable, value }) =>
        present ? { name: arg.name, type: arg.type, value, asVariable } : null,
      );
  }

  /** A value for an input type: mostly of that type, sometimes of another kind (or null where not allowed). */
  value(type: GraphQLInputType, mode: 'query' | 'mutation', depth: number): fc.Arbitrary<unknown> {
    const key = `${String(type)}/${mode}/${depth}`;
    const cached = this.valueCache.get(key);
    if (cached) return cached;
    const right = this.rightValue(type, mode, depth);
    const arbitrary = fc.oneof({ arbitrary: right, weight: 30 }, { arbitrary: wrongValue(), weight: 1 });
    this.valueCache.set(key, arbitrary);
    return arbitrary;
  }

  private rightValue(type: GraphQLInputType, mode: 'query' | 'mutation', depth: number): fc.Arbitrary<unknown> {
    const inner = getNullableType<NullableInputType>(type);
    const nullable = isNonNullType(type) ? null : fc.constant(null);
    const withNull = (arbitrary: fc.Arbitrary<unknown>) =>
      nullable ? fc.oneof({ arbitrary, weight: 8 }, { arbitrary: nullable, weight: 1 }) : arbitrary;
    if (isListType(inner)) {
      const item = depth > 3 ? fc.constant(null) : this.value(inner.ofType, mode, depth + 1);
      // Many items, but a body of at most about 1.5 MB: a big list of huge strings says nothing new.
      const big = fc
        .record({ length: fc.constantFrom(101, 1_000, 20_000), value: item })
        .map(({ length, value }) =>
          Array.from(
            { length: Math.min(length, Math.floor(1_500_000 / (JSON.stringify(value ?? null).length + 1))) },
            () => value,
          ),
        );
      return withNull(
        fc.oneof(
          { arbitrary: fc.array(item, { maxLength: 4 }), weight: 20 },
          { arbitrary: item, weight: 2 },
          { arbitrary: big, weight: 1 },
        ),
      );
    }
    if (isInputObjectType(inner)) {
      if (depth > 3) return withNull(fc.constant({}));
      const fields = Object.values(inner.getFields());
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const field of fields) {
        const value = this.value(field.type, mode, depth + 1);
        // fc.option gives nil once in `freq`: a required field is left out now and then, an optional one half the time.
        record[field.name] = fc.option(value, { freq: isNonNullType(field.type) ? 25 : 2, nil: undefined });
      }
      const extra = rarely(fc.constantFrom({ doesNotExist: 1 }, { id: 'extra' }), 30);
      return withNull(
        fc
          .record({ value: fc.record(record), extra })
          .map(({ value, extra }) =>
            Object.fromEntries([
              ...Object.entries(value).filter(([, v]) => v !== undefined),
              ...Object.entries(extra ?? {}),
            ]),
          ),
      );
    }
    if (isEnumType(inner)) {
      const values = inner.getValues().map((v) => v.name);
      return withNull(
        fc.oneof(
          { arbitrary: fc.constantFrom(...values), weight: 10 },
          { arbitrary: fc.constantFrom('NOPE', values[0]!.toLowerCase(), ''), weight: 1 },
        ),
      );
    }
    if (isScalarType(inner)) return withNull(this.scalar(inner.name, mode));
    throw new Error(`no values for ${String(type)}`);
  }

  private scalar(name: string, mode: 'query' | 'mutation'): fc.Arbitrary<unknown> {
    const pools = this.pools[mode];
    const text = fc.oneof(
      { arbitrary: fc.constantFrom(...pools.references), weight: 6 },
      { arbitrary: hostileString().map((s) => pools.textPrefix + s), weight: 4 },
    );
    switch (name) {
      case 'Int':
        return fc.oneof(
          { arbitrary: fc.integer({ min: -3, max: 120 }), weight: 10 },
          { arbitrary: fc.constantFrom(...HUGE_NUMBERS), weight: 2 },
          { arbitrary: fc.integer(), weight: 1 },
        );
      case 'Float':
        return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...HUGE_NUMBERS));
      case 'Boolean':
        return fc.boolean();
      case 'Date':
        return fc.oneof({ arbitrary: fc.constantFrom(...DATES), weight: 4 }, { arbitrary: text, weight: 1 });
      case 'DateTime':
        return fc.oneof({ arbitrary: fc.constantFrom(...DATE_TIMES), weight: 4 }, { arbitrary: text, weight: 1 });
      case 'EmailAddress':
        return fc.oneof(
          fc.constantFrom('fuzz@example.org', 'not-an-email', 'a@b', `${'x'.repeat(300)}@example.org`),
          text,
        );
      case 'PhoneNumber':
        return fc.oneof(fc.constantFrom('+31 6 12345678', '+31600000000', '12', '+'.repeat(40)), text);
      case 'URL':
        return fc.oneof(
          fc.constantFrom('https://example.org', 'javascript:alert(1)', 'http://', 'file:///etc/passwd'),
          text,
        );
      case 'CountryCode':
        return fc.oneof(fc.constantFrom('NL', 'CN', 'ZZ', 'nl', 'NLD', ''), text);
      case 'JSONObject':
        return fc.oneof(fc.constantFrom({}, { a: 1 }, { nested: { deep: [1, 2] } }), text);
      default: // String, ID and anything new
        return text;
    }
  }
}

/** Prints the selections as a document, turning the arguments marked as variables into `$v1`, `$v2`, …. */
export function print(
  kind: 'query' | 'mutation',
  selections: Selection[],
): { document: string; variables: Record<string, unknown> } {
  const definitions: string[] = [];
  const variables: Record<string, unknown> = {};
  const printSelections = (list: Selection[]): string =>
    `{ ${list
      .map((selection) => {
        if (selection.kind === 'fragment')
          return `... on ${selection.typeName} ${printSelections(selection.selections)}`;
        const args = selection.args.map((arg) => {
          if (!arg.asVariable) return `${arg.name}: ${literal(arg.value, arg.type)}`;
          const name = `v${definitions.length + 1}`;
          definitions.push(`$${name}: ${String(arg.type)}`);
          variables[name] = arg.value;
          return `${arg.name}: $${name}`;
        });
        const alias = selection.alias ? `${selection.alias}: ` : '';
        const head = `${alias}${selection.name}${args.length ? `(${args.join(', ')})` : ''}`;
        return selection.selections ? `${head} ${printSelections(selection.selections)}` : head;
      })
      .join(' ')} }`;
  const body = printSelections(selections);
  return { document: `${kind}${definitions.length ? ` (${definitions.join(', ')})` : ''} ${body}`, variables };
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * A JSON value as a GraphQL literal of the given input type: a valid name prints as an enum value where the type
 * is an enum, every other string as a string (so a wrong value stays wrong in the same way as a variable).
 */
export function literal(value: unknown, type: GraphQLInputType | undefined): string {
  const inner = type ? getNullableType<NullableInputType>(type) : undefined;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string')
    return inner && isEnumType(inner) && NAME.test(value) && !['true', 'false', 'null'].includes(value)
      ? value
      : JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  const item = inner && isListType(inner) ? inner.ofType : undefined;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, item)).join(', ')}]`;
  const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
  return `{ ${Object.entries(value as Record<string, unknown>)
    .map(([key, v]) => `${key}: ${literal(v, fields[key]?.type)}`)
    .join(', ')} }`;
}
