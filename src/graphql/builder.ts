import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { GraphQLSchema } from 'graphql';
import { describeViewer } from '../auth/viewer.js';
import type { Context } from './context.js';
import { BadInputError, ForbiddenError } from '../errors.js';
import { costExceeded, fieldCost, isObject } from './limits.js';

export interface BuilderTypes {
  Context: Context;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Connection: { totalCount: number };
  /** Role gates; checks that depend on the data (whose expert, which network) live in src/auth/policy.ts. */
  AuthScopes: { officer: boolean; secretariat: boolean; desk: boolean; admin: boolean };
  Scalars: {
    Date: { Input: Date; Output: string };
    URL: { Input: URL; Output: string };
    DateTime: { Input: Date; Output: Date | string };
    EmailAddress: { Input: string; Output: string };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
    PhoneNumber: { Input: string; Output: string };
    CountryCode: { Input: string; Output: string };
  };
}

/** The builder's full type set, for helpers that take Pothos refs. */
export type Types = PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>;

/** A global id naming a type that has no objects by id is the client's mistake, not an internal error. */
function assertNodeTypes(schema: GraphQLSchema, ids: Array<{ typename: string }>, argument: string): void {
  for (const { typename } of ids) {
    const type = schema.getType(typename);
    if (!isObject(type) || !type.getInterfaces().some((i) => i.name === 'Node')) {
      throw new BadInputError(
        `${argument}: a global id of type "${typename}", which has no objects by id: pass an id exactly as the ` +
          'API returned it.',
        {
          argument,
        },
      );
    }
  }
}

export const builder = new SchemaBuilder<BuilderTypes>({
  // Complexity first so that an operation over its cost budget is refused before ids are decoded or scopes checked;
  // Relay before scope-auth so that scope checks see decoded global ids; scope-auth before dataloader so nothing loads
  // unauthorised.
  plugins: [ComplexityPlugin, RelayPlugin, ScopeAuthPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({
      officer: ctx.viewer.roles.has('officer'),
      secretariat: ctx.viewer.roles.has('secretariat'),
      desk: ctx.viewer.roles.has('desk'),
      admin: ctx.viewer.roles.has('admin'),
    }),
    unauthorizedError: (_parent, ctx, info) =>
      new ForbiddenError(
        `${info.parentType.name}.${info.fieldName} is not open to ${describeViewer(ctx.viewer)}: ask for a ` +
          'token with a role that may use it.',
      ),
  },
  complexity: {
    fieldComplexity: fieldCost,
    // Checked once per operation, before its first root field resolves.
    limit: (ctx) => ({ complexity: ctx.maxCost }),
    complexityError: (_kind, { complexity, maxComplexity }) => costExceeded(complexity, maxComplexity ?? 0),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    idFieldOptions: { description: 'Global id: pass it to node(id:) to fetch this object again.' },
    nodeTypeOptions: { description: 'An object with a global id.' },
    pageInfoTypeOptions: { description: 'Where a page stands in the whole list.' },
    edgesFieldOptions: { nullable: false, description: 'The items on this page, in order.' },
    nodeFieldOptions: { nullable: false, description: 'The item.' },
    cursorFieldOptions: { description: 'Pass as `after` to continue after this item.' },
    pageInfoFieldOptions: { description: 'Whether more pages follow, and the cursors to get them.' },
    hasNextPageFieldOptions: { description: 'Whether items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item on this page.' },
    endCursorFieldOptions: {
      description: 'Cursor of the last item on this page: pass it as `after` for the next page.',
    },
    nodeQueryOptions: {
      description: 'Fetches any object by its global id (as returned in `id` fields).',
      args: { id: { description: 'A global id, exactly as the API returned it.' } },
      resolve: (_root, args, _ctx, info, resolveNode) => {
        assertNodeTypes(info.schema, [args.id], 'id');
        return resolveNode(args.id);
      },
    },
    nodesQueryOptions: {
      description: 'Fetches several objects by their global ids, in the same order.',
      args: { ids: { description: 'Global ids, exactly as the API returned them.' } },
      resolve: (_root, args, _ctx, info, resolveNodes) => {
        assertNodeTypes(info.schema, args.ids, 'ids');
        return resolveNodes(args.ids);
      },
    },
  },
});
