import type { GraphQLFormattedError } from 'graphql';
import { PothosValidationError } from '@pothos/core';
import { ApolloServerErrorCode, ApolloServerValidationErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from './errors.js';
import { graphqlJsLimitError } from './limits.js';

/** Codes whose messages are written for clients: ours and the ones Apollo Server raises for malformed requests. */
const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  ...Object.values(ApolloServerErrorCode).filter((code) => code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR),
  ...Object.values(ApolloServerValidationErrorCode),
]);

/**
 * Lets errors a client can act on through, turns Pothos's own input errors (such as a malformed
 * global id) into BAD_USER_INPUT, and masks everything else after logging it.
 */
export function createFormatError(log: (line: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const limit = graphqlJsLimitError(formatted);
    if (limit) return limit;
    if (original instanceof PothosValidationError) {
      return { ...formatted, message: `${original.message}: pass an id exactly as the API returned it.`, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    // A request limit is the client's to stay within, whichever stage (parse, validation) refused it.
    if (formatted.extensions?.limit) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } };
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log(`Internal error${formatted.path ? ` at ${formatted.path.join('.')}` : ''}: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
    return {
      message: 'Internal server error: it has been logged. Try again, or report it if it persists.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
