import { describe, expect, it } from 'vitest';
import { DatabaseBusyError } from '../../../src/db/errors.js';
import { NotFoundError } from '../../../src/errors.js';
import { createFormatError } from '../../../src/graphql/format-error.js';

describe('formatting errors for clients', () => {
  it(
    'turns a NotFoundError (as the database layer returns for a missing id) ' +
      'into NOT_FOUND with its message, unmasked and unreported',
    () => {
      const reported: unknown[] = [];
      const format = createFormatError((error) => (reported.push(error), 'req-1'));
      const missing = new NotFoundError('No theme has id "nope": it may have been removed.');
      // As formatError gets it once Apollo has unwrapped the resolver's error (see unwrapResolverError).
      const formatted = format(
        { message: missing.message, path: ['theme'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        missing,
      );
      expect(formatted).toEqual({
        message: 'No theme has id "nope": it may have been removed.',
        path: ['theme'],
        locations: undefined,
        extensions: { code: 'NOT_FOUND' },
      });
      expect(reported).toEqual([]);
    },
  );

  it(
    'tells a client whose write lost a deadlock that nothing ' +
      'was stored and to send it again, as SERVICE_UNAVAILABLE',
    () => {
      const reported: unknown[] = [];
      const format = createFormatError((error) => (reported.push(error), 'req-3'));
      const busy = new DatabaseBusyError({ outcome: 'NOT_STORED', idempotencyKey: null });
      const formatted = format(
        { message: busy.message, path: ['updateExpert'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        busy,
      );
      expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', outcome: 'NOT_STORED' });
      expect(formatted.message).toMatch(/Nothing was written\. Send it again in a moment\.$/);
      expect(reported).toEqual([]);
    },
  );

  it('still masks an unexpected error', () => {
    const format = createFormatError(() => 'req-2');
    const formatted = format({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new Error('boom'));
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-2' });
  });
});

describe('Apollo Server refusals without a code', () => {
  it('a persisted query whose hash does not match is BAD_REQUEST with what to send, not reported as internal', () => {
    const reported: unknown[] = [];
    const format = createFormatError((error) => (reported.push(error), 'req-4'));
    // As Apollo Server raises it (requestPipeline): a GraphQLError with only an HTTP status.
    const refusal = Object.assign(new Error('provided sha does not match query'), {
      extensions: { http: { status: 400 } },
    });
    const formatted = format({ message: refusal.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, refusal);
    expect(formatted.extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(formatted.message).toMatch(/sha256Hash does not match the query sent with it: send the SHA-256/);
    expect(reported).toEqual([]);
  });
});
