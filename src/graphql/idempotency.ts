import { createHash } from 'node:crypto';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { Context } from './context.js';

/** A value as JSON the same whatever order its objects' keys came in (dates and URLs as their JSON strings). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return canonical(toJSON.call(value));
  if (Array.isArray(value)) return value.map(canonical);
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .filter((key) => object[key] !== undefined)
      .map((key) => [key, canonical(object[key])]),
  );
}

/** What an idempotency key is bound to: a mutation field and its coerced arguments, as a hash. */
export function requestFingerprint(field: string, args: Record<string, unknown>): string {
  return createHash('sha256')
    .update(canonicalJson([field, args]))
    .digest('hex');
}

/**
 * Binds the writes of each mutation field to that field and its coerced arguments (`Queries.bindWrites`), so
 * that a client's Idempotency-Key answers only the same request again (src/audit/service.ts). Mutation fields
 * run one after another, so each binds its own before its writes start.
 */
export function bindWritesToRequests(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args: Record<string, unknown>, context: Context, info) => {
      context.queries.bindWrites(requestFingerprint(info.fieldName, args));
      return resolve(source, args, context, info);
    };
  }
  return schema;
}
