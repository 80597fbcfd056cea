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

/** Logs an error the client will see masked; returns the id it is logged under (the request id), if any. */
export type ReportInternalError = (error: unknown, path: GraphQLFormattedError['path']) => string | undefined;

/**
 * Lets errors a client can act on through, turns Pothos's own input errors (such as a malformed
 * global id) into BAD_USER_INPUT, and masks everything else after reporting it; the masked error
 * names the request id, so that an operator can find the stack trace it stands for.
 */
export function createFormatError(report: ReportInternalError) {
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
    const requestId = report(original, formatted.path);
    const loggedAs = requestId === undefined ? '' : ` under request id ${requestId}`;
    return {
      message: `Internal server error: it has been logged${loggedAs}. Try again, or report it (with the request id) if it persists.`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId === undefined ? {} : { requestId }) },
    };
  };
}
