import type { InputFieldMap, InputShapeFromFields, ObjectRef } from '@pothos/core';
import { builder, type Types } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';

export type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;
type Operation = 'create' | 'update' | 'retire';

/** Whole descriptions a kind words its own way, in place of the generic ones. */
type OwnDescriptions = Partial<
  Record<Operation, { input?: string; mutation?: string; arg?: string; expectedVersion?: string }>
>;

const noteField = (f: InputFields) => ({ note: f.string({ required: false, description: 'Why, for the history.' }) });
const existingFields = (f: InputFields, noun: string, expectedVersion: string | undefined) => ({
  id: f.string({ required: true, description: `The ${noun} (global id or slug).` }),
  expectedVersion: f.int({
    required: true,
    description:
      expectedVersion ?? 'The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting.',
  }),
});
const reasonField = (f: InputFields) => ({
  reason: f.string({ required: true, description: 'Why, for the history.' }),
});

/** The value a mutation's input takes, as Pothos infers it from the input's fields. */
/** Compiles only when `Missing` and `Extra` are both empty: ties an input's fields to a model's properties. */
export type NoneOf<Missing extends never, Extra extends never> = [Missing, Extra];

export type InputOf<Fields extends (...args: never[]) => InputFieldMap> = InputShapeFromFields<ReturnType<Fields>>;
/** What `createX` hands its service: the kind's fields for a new node, and a note. */
export type CreateInput<Fields extends InputFieldMap> = InputShapeFromFields<Fields> & InputOf<typeof noteField>;
/** What `updateX` hands its service: which node at which version, the kind's fields, and a note. */
export type UpdateInput<Fields extends InputFieldMap> = InputOf<typeof existingFields> &
  InputShapeFromFields<Fields> &
  InputOf<typeof noteField>;
/** What `retireX` hands its service. */
export type RetireInput = InputOf<typeof existingFields> & InputOf<typeof reasonField>;

/**
 * How one kind of node is curated: its input fields and the services behind its three mutations. The
 * services take the input shapes Pothos infers from `fields`, so a field renamed or removed here is a
 * compile error wherever a service still reads it.
 */
export interface CurationSpec<New extends InputFieldMap, Change extends InputFieldMap> {
  /** The GraphQL type name, e.g. "Theme": names the mutations and their inputs. */
  typename: string;
  /** The node type the mutations return (resolved from the id the service returns). */
  type: ObjectRef<Types, string | object>;
  /** e.g. "theme", in descriptions. */
  noun: string;
  /** Who may use the mutations, in words; the rules themselves live in src/auth/policy.ts. */
  who: string;
  authScopes: { secretariat?: boolean; admin?: boolean } | ((parent: unknown, args: unknown, ctx: Context) => boolean);
  /** The node's own fields: for a new node (the ones it needs required) and for a change. */
  fields: { create: (f: InputFields) => New; update: (f: InputFields) => Change };
  /** Each returns the id of the node it wrote. */
  create: (ctx: Context, input: CreateInput<New>) => Promise<string>;
  update: (ctx: Context, input: UpdateInput<Change>) => Promise<string>;
  retire: (ctx: Context, input: RetireInput) => Promise<string>;
  descriptions?: OwnDescriptions;
}

/** `createX`, `updateX` and `retireX` with their inputs `CreateXInput`, `UpdateXInput` and `RetireXInput`. */
export function curationMutations<New extends InputFieldMap, Change extends InputFieldMap>(
  t: PothosSchemaTypes.MutationFieldBuilder<Types, Types['Root']>,
  spec: CurationSpec<New, Change>,
) {
  const { typename, noun } = spec;
  const own = spec.descriptions ?? {};
  const inputs = {
    create: builder.inputType(`Create${typename}Input`, {
      description: own.create?.input ?? `A new ${noun}.`,
      fields: (f) => ({ ...spec.fields.create(f), ...noteField(f) }),
    }),
    update: builder.inputType(`Update${typename}Input`, {
      description:
        own.update?.input ??
        `A change to a ${noun}: omitted fields stay as they are, a list given replaces the whole list, null ` +
          'clears an optional field.',
      fields: (f) => ({
        ...existingFields(f, noun, own.update?.expectedVersion),
        ...spec.fields.update(f),
        ...noteField(f),
      }),
    }),
    retire: builder.inputType(`Retire${typename}Input`, {
      description:
        own.retire?.input ??
        `Retires a ${noun}: it keeps resolving by id (showing retired: true) and drops out of lists, searches ` +
          'and name resolution.',
      fields: (f) => ({ ...existingFields(f, noun, own.retire?.expectedVersion), ...reasonField(f) }),
    }),
  };
  const mutation = (
    operation: Operation,
    description: string,
    input: PothosSchemaTypes.InputObjectRef<Types, unknown>,
    // spec's create, update or retire: each takes the object its own input type builds (never: any one of them).
    resolve: (ctx: Context, input: never) => Promise<string>,
  ) =>
    t.field({
      type: spec.type,
      description:
        own[operation]?.mutation ??
        `${description} Every problem with the input is reported at once, and nothing is written while any ` +
          `remain. ${spec.who}`,
      authScopes: spec.authScopes,
      args: {
        input: t.arg({ type: input, required: true, description: own[operation]?.arg ?? 'What to write.' }),
      },
      // The input object is built from exactly the fields the resolver's input type is inferred from; TypeScript
      // cannot follow that through the generics.
      resolve: (_root, args, ctx) => resolve(ctx, args.input as never),
    });
  return {
    [`create${typename}`]: mutation('create', `Creates a ${noun}; returns it.`, inputs.create, spec.create),
    [`update${typename}`]: mutation(
      'update',
      `Changes a ${noun} if it is still at expectedVersion (CONFLICT otherwise); returns it.`,
      inputs.update,
      spec.update,
    ),
    [`retire${typename}`]: mutation('retire', `Retires a ${noun}; returns it.`, inputs.retire, spec.retire),
  };
}
