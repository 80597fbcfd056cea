import type { InputFieldMap, ObjectRef } from '@pothos/core';
import { builder, type Types } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';

type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;
type Operation = 'create' | 'update' | 'retire';

/** Whole descriptions a kind words its own way, in place of the generic ones. */
type OwnDescriptions = Partial<
  Record<Operation, { input?: string; mutation?: string; arg?: string; expectedVersion?: string }>
>;

/** How one kind of node is curated: its input fields and the services behind its three mutations. */
export interface CurationSpec {
  /** The GraphQL type name, e.g. "Theme": names the mutations and their inputs. */
  typename: string;
  type: ObjectRef<Types, any>;
  /** e.g. "theme", in descriptions. */
  noun: string;
  /** Who may use the mutations, in words; the rules themselves live in src/auth/policy.ts. */
  who: string;
  authScopes: { secretariat?: boolean; admin?: boolean } | ((parent: unknown, args: unknown, ctx: Context) => boolean);
  /** The node's own fields; `creating` makes the ones a new node needs required. */
  fields: (f: InputFields, creating: boolean) => InputFieldMap;
  /** Each returns the id of the node it wrote. */
  create: (ctx: Context, input: any) => Promise<string>;
  update: (ctx: Context, input: any) => Promise<string>;
  retire: (ctx: Context, input: any) => Promise<string>;
  descriptions?: OwnDescriptions;
}

/** `createX`, `updateX` and `retireX` with their inputs `CreateXInput`, `UpdateXInput` and `RetireXInput`. */
export function curationMutations(t: PothosSchemaTypes.MutationFieldBuilder<Types, {}>, spec: CurationSpec) {
  const { typename, noun } = spec;
  const own = spec.descriptions ?? {};
  const existing = (f: InputFields, operation: Operation) => ({
    id: f.string({ required: true, description: `The ${noun} (global id or slug).` }),
    expectedVersion: f.int({
      required: true,
      description:
        own[operation]?.expectedVersion ??
        'The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting.',
    }),
  });
  const note = (f: InputFields) => ({ note: f.string({ required: false, description: 'Why, for the history.' }) });
  const inputs = {
    create: builder.inputType(`Create${typename}Input`, {
      description: own.create?.input ?? `A new ${noun}.`,
      fields: (f) => ({ ...spec.fields(f, true), ...note(f) }),
    }),
    update: builder.inputType(`Update${typename}Input`, {
      description:
        own.update?.input ??
        `A change to a ${noun}: omitted fields stay as they are, a list given replaces the whole list, null clears an optional field.`,
      fields: (f) => ({ ...existing(f, 'update'), ...spec.fields(f, false), ...note(f) }),
    }),
    retire: builder.inputType(`Retire${typename}Input`, {
      description:
        own.retire?.input ??
        `Retires a ${noun}: it keeps resolving by id (showing retired: true) and drops out of lists, searches and name resolution.`,
      fields: (f) => ({
        ...existing(f, 'retire'),
        reason: f.string({ required: true, description: 'Why, for the history.' }),
      }),
    }),
  };
  const mutation = (operation: Operation, description: string) =>
    t.field({
      type: spec.type,
      description:
        own[operation]?.mutation ??
        `${description} Every problem with the input is reported at once, and nothing is written while any remain. ${spec.who}`,
      authScopes: spec.authScopes as never,
      args: {
        input: t.arg({ type: inputs[operation], required: true, description: own[operation]?.arg ?? 'What to write.' }),
      },
      resolve: (_root, args, ctx) => spec[operation](ctx, (args as { input: unknown }).input),
    });
  return {
    [`create${typename}`]: mutation('create', `Creates a ${noun}; returns it.`),
    [`update${typename}`]: mutation(
      'update',
      `Changes a ${noun} if it is still at expectedVersion (CONFLICT otherwise); returns it.`,
    ),
    [`retire${typename}`]: mutation('retire', `Retires a ${noun}; returns it.`),
  };
}
