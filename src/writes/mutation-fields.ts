import type { InputFieldMap, ObjectRef } from '@pothos/core';
import { builder, type Types } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';

type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

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
}

/** `createX`, `updateX` and `retireX` with their inputs `CreateXInput`, `UpdateXInput` and `RetireXInput`. */
export function curationMutations(t: PothosSchemaTypes.MutationFieldBuilder<Types, {}>, spec: CurationSpec) {
  const { typename, noun } = spec;
  const existing = (f: InputFields) => ({
    id: f.string({ required: true, description: `The ${noun} (global id or slug).` }),
    expectedVersion: f.int({
      required: true,
      description: 'The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting.',
    }),
  });
  const note = (f: InputFields) => ({ note: f.string({ required: false, description: 'Why, for the history.' }) });
  const inputs = {
    create: builder.inputType(`Create${typename}Input`, {
      description: `A new ${noun}.`,
      fields: (f) => ({ ...spec.fields(f, true), ...note(f) }),
    }),
    update: builder.inputType(`Update${typename}Input`, {
      description: `A change to a ${noun}: omitted fields stay as they are, a list given replaces the whole list, null clears an optional field.`,
      fields: (f) => ({ ...existing(f), ...spec.fields(f, false), ...note(f) }),
    }),
    retire: builder.inputType(`Retire${typename}Input`, {
      description: `Retires a ${noun}: it keeps resolving by id (showing retired: true) and drops out of lists, searches and name resolution.`,
      fields: (f) => ({ ...existing(f), reason: f.string({ required: true, description: 'Why, for the history.' }) }),
    }),
  };
  const mutation = (description: string, input: (typeof inputs)[keyof typeof inputs], run: (ctx: Context, input: unknown) => Promise<string>) =>
    t.field({
      type: spec.type,
      description: `${description} Every problem with the input is reported at once, and nothing is written while any remain. ${spec.who}`,
      authScopes: spec.authScopes as never,
      args: { input: t.arg({ type: input, required: true, description: 'What to write.' }) },
      resolve: (_root, args, ctx) => run(ctx, (args as { input: unknown }).input),
    });
  return {
    [`create${typename}`]: mutation(`Creates a ${noun}; returns it.`, inputs.create, spec.create),
    [`update${typename}`]: mutation(
      `Changes a ${noun} if it is still at expectedVersion (CONFLICT otherwise); returns it.`,
      inputs.update,
      spec.update,
    ),
    [`retire${typename}`]: mutation(`Retires a ${noun}; returns it.`, inputs.retire, spec.retire),
  };
}
