import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { checkInputCaps, isObject } from './limits.js';

/**
 * The request each failed resolver's error came from, for the process's last line of defence (see describeRejection).
 */
const requestOfError = new WeakMap<object, string>();

function remember(error: unknown, context: unknown): void {
  const requestId = (context as { requestId?: string } | null | undefined)?.requestId;
  if (requestId !== undefined && typeof error === 'object' && error !== null) requestOfError.set(error, requestId);
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null | undefined)?.then === 'function';

/**
 * Wraps every field's resolver so that (1) its arguments are checked against INPUT_CAPS before it runs (and
 * before Pothos decodes global ids in them), and (2) it never throws synchronously: a thrown error becomes a
 * rejected promise. graphql-js 16 abandons the promises of a list's earlier items when a later non-null item
 * throws synchronously (completeListValue stops building the list, so Promise.all never listens to them); when
 * those promises later reject, Node ends the process. A rejection instead makes the list a Promise.all that
 * listens to every item. Errors are also tagged with the request's id, for the log of any rejection that
 * nothing handled all the same.
 */
export function guardResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObject(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      const checkArgs = field.args.length > 0;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        let result: unknown;
        try {
          if (checkArgs) {
            const problem = checkInputCaps(args, field.args);
            if (problem) throw problem;
          }
          result = resolve(source, args, context, info);
        } catch (error) {
          remember(error, context);
          return Promise.reject(error);
        }
        if (!isPromiseLike(result)) return result;
        return result.then(undefined, (error: unknown) => {
          remember(error, context);
          throw error;
        });
      };
    }
  }
  return schema;
}

/** The request an unhandled rejection belongs to (its error or the error it wraps came from a resolver), if known. */
export function requestIdOfRejection(reason: unknown): string | undefined {
  let error = reason;
  // A GraphQLError located at a field wraps the resolver's own error as originalError.
  for (let depth = 0; typeof error === 'object' && error !== null && depth < 4; depth++) {
    const requestId = requestOfError.get(error);
    if (requestId !== undefined) return requestId;
    error = (error as { originalError?: unknown }).originalError;
  }
  return undefined;
}
